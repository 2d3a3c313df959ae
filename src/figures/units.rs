//! Reading the words that make a number a figure: scale words, units, the qualifiers written
//! before a number, and the dashes of a range. The words themselves are in the lexicon
//! ([`crate::lexicon`]).

use crate::lexicon::{
    unit_set, APPROXIMATE, NOT_QUALIFIERS_BEFORE, NOUN_AFTER_UNIT, QUALIFIERS_BEFORE, SCALES,
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
    // `大约是百分之十七`, `约为30%`: an approximation word before the copula is the figure's.
    if let Some(stem) = before.strip_suffix(['是', '为', '有']) {
        if let Some((w, listed)) = APPROXIMATE
            .iter()
            .filter(|(w, _)| stem.ends_with(w))
            .max_by_key(|(w, _)| w.len())
        {
            if !NOT_QUALIFIERS_BEFORE.iter().any(|x| stem.ends_with(x)) {
                return (stem.len() - w.len(), Some(*listed));
            }
        }
    }
    let hit = QUALIFIERS_BEFORE
        .iter()
        .filter(|(w, _)| before.ends_with(w))
        .max_by_key(|(w, _)| w.len());
    match hit {
        Some((w, listed)) if !NOT_QUALIFIERS_BEFORE.iter().any(|x| before.ends_with(x)) => {
            (i - w.len(), Some(*listed))
        }
        _ => (i, None),
    }
}

/// Whether the unit `unit`, followed by `rest`, is the start of a noun (`人口`).
pub fn noun_not_unit(unit: &str, rest: &str) -> bool {
    NOUN_AFTER_UNIT
        .iter()
        .any(|(u, after)| *u == unit && rest.starts_with(after))
}
