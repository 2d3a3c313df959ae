//! The lexicon: every word list the analyzer reads, in one place, as data.
//!
//! Each list is a text file beside this module (`src/lexicon/*.txt`, one entry a line, `#`
//! comments), turned into a constant by `build.rs` at compile time. Adding a unit, a qualifier
//! or a furniture word is one line in one file (and a test case in `tests/data/`); a new list
//! is a new file plus one line in `build.rs`'s `LISTS`.
//!
//! The lists that are searched at many positions are also indexed ([`wordset::WordSet`]):
//! the functions below build each index once, on first use.
//!
//! This is the bottom layer: it reads no other module of the crate.

pub mod wordset;

use wordset::word_set;

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// The written forms of [`QUALIFIERS_BEFORE`], indexed for a look-up by the end of a text.
pub fn qualifier_words() -> &'static wordset::WordSet {
    static SET: std::sync::OnceLock<wordset::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let written: Vec<&'static str> = QUALIFIERS_BEFORE.iter().map(|(w, _)| *w).collect();
        wordset::WordSet::new(&written)
    })
}

word_set!(
    /// [`HONOURED`], for a look-up at a position.
    honoured_nouns,
    HONOURED
);
word_set!(
    /// [`NOUN_HEADS`], for a look-up at a position.
    noun_heads,
    NOUN_HEADS
);
word_set!(
    /// [`UNITS`], indexed.
    unit_set,
    UNITS
);
word_set!(
    /// [`VERBS`], indexed.
    verbs,
    VERBS
);
word_set!(
    /// [`FOLLOW_STOP`], indexed.
    follow_stops,
    FOLLOW_STOP
);
word_set!(
    /// [`RATE_WORDS`], indexed.
    rate_words,
    RATE_WORDS
);
word_set!(
    /// [`MID_STOP`], indexed.
    mid_stops,
    MID_STOP
);
word_set!(
    /// [`FUNCTION_WORDS`], indexed.
    function_words,
    FUNCTION_WORDS
);
word_set!(
    /// [`DEGREE_WORDS`], indexed.
    degree_words,
    DEGREE_WORDS
);
word_set!(
    /// [`QUALIFIED_VERBS`], indexed.
    qualified_verbs,
    QUALIFIED_VERBS
);
word_set!(
    /// [`LEAD_WORDS`], indexed (no entry starts another, so the longest match is the only one).
    lead_words,
    LEAD_WORDS
);
/// Whether `text` opens with a unit, a scale word, a qualifier that stands before a unit
/// (`余`, `多`) or another measure word: after a number, such a word makes the number an
/// amount (`2艘`, `5 家`, `1.5万`), so a line that opens that way is a figure, not a heading.
pub fn opens_with_measure(text: &str) -> bool {
    let starts = |list: &[&str]| list.iter().any(|w| text.starts_with(w));
    unit_set().starts(text)
        || SCALES.iter().any(|(w, _)| text.starts_with(w))
        || starts(QUALIFIERS_INSIDE)
        || starts(MEASURE_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_lead_word_starts_another() {
        for a in LEAD_WORDS {
            for b in LEAD_WORDS {
                assert!(
                    a == b || !b.starts_with(a),
                    "{a} starts {b}: a lead word found first in table order would differ from \
                     the longest"
                );
            }
        }
    }
}
