//! Reading the words that make a number a figure: scale words, units, the qualifiers written
//! before a number, and the dashes of a range. The words themselves are in the lexicon
//! ([`crate::lexicon`]).

use crate::lexicon::{
    qualified_verbs, qualifier_words, unit_set, COPULAS, NOT_QUALIFIERS_BEFORE, NOUN_AFTER_UNIT,
    QUALIFIERS_BEFORE, SCALES, VERB_QUALIFIERS,
};

/// Dashes and words that join the two ends of a range (`2—3岁`, `3至5天`).
pub fn is_range_joiner(c: char) -> bool {
    matches!(
        c,
        '—' | '–' | '-' | '－' | '～' | '~' | '至' | '―' | '‐' | '‑' | '−'
    )
}

/// The longest entry of `table` that `s` starts with.
pub fn longest<'t>(s: &str, table: &[&'t str]) -> Option<&'t str> {
    table
        .iter()
        .copied()
        .filter(|w| s.starts_with(w))
        .max_by_key(|w| w.len())
}

/// The longest scale word that `s` starts with, with its power of ten; `None` when a unit that
/// begins with a scale character (`千瓦`, `千米`) is written there.
pub fn scale_at(s: &str) -> Option<(&'static str, u32)> {
    let (word, exp) = SCALES
        .iter()
        .copied()
        .filter(|(w, _)| s.starts_with(w))
        .max_by_key(|(w, _)| w.len())?;
    if let Some(unit) = unit_set().longest(s) {
        if unit.len() > word.len() || (unit.len() == word.len() && unit != word) {
            return None;
        }
    }
    // `51313百羽`: 百 is a scale word of statistical tables only before a unit (`百强` is none).
    if word == "百" && unit_set().longest(&s[word.len()..]).is_none() {
        return None;
    }
    Some((word, exp))
}

/// The unit written as the report lists it (`％` is `%`; 圆/圓 is 元).
pub fn normalise_unit(unit: &str) -> String {
    // Units are a few characters: mapping them is cheaper than a general replace.
    unit.chars()
        .map(|c| match c {
            '％' => '%',
            '圆' | '圓' => '元',
            c => c,
        })
        .collect()
}

/// A qualifier written right before the number at `i`: its start and the word as listed.
pub fn qualifier_before(text: &str, i: usize) -> (usize, Option<&'static str>) {
    let before = &text[..i];
    if let Some((start, listed)) = across_verb(before) {
        return (start, Some(listed));
    }
    // The longest written form that ends `before`, then what it is listed as.
    let hit = qualifier_words().longest_suffix(before).and_then(|w| {
        QUALIFIERS_BEFORE
            .iter()
            .find(|(written, _)| *written == w)
            .map(|(_, listed)| (w, *listed))
    });
    match hit {
        Some((w, listed)) if !NOT_QUALIFIERS_BEFORE.iter().any(|x| before.ends_with(x)) => {
            (i - w.len(), Some(listed))
        }
        _ => (i, None),
    }
}

/// The most characters of a `为国家` between a qualifier and its verb.
const FOR_WHOM: usize = 4;

/// A qualifier written before the verb that leads up to the number (`before` ends with the
/// verb): `大约是百分之十七`, `至少节约百分之十`, `至少为国家节约二十亿元` (a short phrase of
/// 为/给/替, for whom, may stand between). The start of the figure's lead-in (the qualifier
/// for a copula, which names nothing; the number for another verb, which says what is
/// measured) and the qualifier as listed.
fn across_verb(before: &str) -> Option<(usize, &'static str)> {
    let verb = qualified_verbs().longest_suffix(before)?;
    let stem = &before[..before.len() - verb.len()];
    let copula = COPULAS.contains(&verb);
    // Every qualifier of the list ends with one of these characters, and the phrase of 为
    // holds one of those: most stems are rejected at once.
    let may_end = stem.ends_with(['约', '近', '少', '多']);
    // The last characters, in bytes (a Chinese character is three); a stem that ends with
    // anything else holds no phrase of 为 to read.
    let for_whom = !copula
        && stem
            .get(stem.len().saturating_sub(3 * (FOR_WHOM + 1))..)
            .is_some_and(|near| near.contains(['为', '给', '替']));
    if !may_end && !for_whom {
        return None;
    }
    let qualified = |stem: &str| {
        VERB_QUALIFIERS
            .iter()
            .filter(|(w, _)| stem.ends_with(w))
            .max_by_key(|(w, _)| w.len())
            .filter(|_| !NOT_QUALIFIERS_BEFORE.iter().any(|x| stem.ends_with(x)))
            .map(|(w, listed)| (stem.len() - w.len(), *listed))
    };
    let (start, listed) = qualified(stem).or_else(|| {
        // `至少为国家节约`: back over the phrase of 为/给/替 to the qualifier before it.
        let (j, _) = stem
            .char_indices()
            .rev()
            .take(FOR_WHOM + 1)
            .take_while(|&(_, c)| crate::chars::is_cjk(c))
            .filter(|&(j, _)| j + 3 < stem.len())
            .find(|&(_, c)| matches!(c, '为' | '给' | '替'))
            .filter(|_| for_whom)?;
        qualified(&stem[..j])
    })?;
    Some((if copula { start } else { before.len() }, listed))
}

/// Whether the unit `unit`, followed by `rest`, is the start of a noun (`人口`).
pub fn noun_not_unit(unit: &str, rest: &str) -> bool {
    NOUN_AFTER_UNIT
        .iter()
        .any(|(u, after)| *u == unit && rest.starts_with(after))
}
