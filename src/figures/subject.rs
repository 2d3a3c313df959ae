//! The subject of a figure: the shortest phrase that names what it measures.
//!
//! Worked out from the clause, not from a list of topics: the phrase between the last clause
//! boundary or verb and the number (`共受理行政复议案件15件` → 行政复议案件), with the rate
//! words that lead up to the number dropped (`国内生产总值增长5.2%`); or, when a noun follows
//! the figure, that noun (`为期3天的…培训`, `80个高频政务服务事项`); or, when the clause names
//! nothing (`…198.5亿元，增长22.3%`), the subject of the figure before it in the sentence.
//! Look-back and look-ahead are bounded ([`WINDOW`] characters).

use super::scan::Raw;
use super::words::{FOLLOW_STOP, LEAD_WORDS, RATE_WORDS, VERBS};

/// How far a subject may reach from its figure, in characters.
const WINDOW: usize = 40;
/// The longest subject that follows its figure, in characters.
const FOLLOW_MAX: usize = 14;

/// Punctuation that ends a clause (、 does not: `乡镇卫生院、社区卫生服务中心占比`).
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | ','
            | ';'
            | '!'
            | '?'
            | '（'
            | '）'
            | '('
            | ')'
            | '…'
            | '—'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | ';' | '!' | '?')
}

/// The subjects of the figures of one paragraph, in order.
pub fn assign(text: &str, figures: &[Raw]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::with_capacity(figures.len());
    for (k, f) in figures.iter().enumerate() {
        let floor = k
            .checked_sub(1)
            .and_then(|p| figures.get(p))
            .map_or(0, |p| p.end);
        let before = before_phrase(text, f.lead, floor);
        let follows = following_phrase(
            text,
            f.end,
            figures.get(k + 1).map_or(text.len(), |n| n.lead),
        );
        let subject = match (before, follows) {
            (_, Some(after)) if prefers_following(text, f) => Some(after),
            (Some(b), _) => Some(b),
            (None, Some(after)) => Some(after),
            (None, None) => inherited(text, figures, &out, k),
        };
        out.push(subject);
    }
    out
}

/// The subject of the figure before, when nothing ends the sentence between them.
fn inherited(text: &str, figures: &[Raw], done: &[Option<String>], k: usize) -> Option<String> {
    let p = k.checked_sub(1)?;
    let prev = figures.get(p)?;
    let cur = figures.get(k)?;
    let between = text.get(prev.end..cur.lead)?;
    if between.chars().any(is_sentence_end) || between.chars().count() > WINDOW {
        return None;
    }
    done.get(p).cloned().flatten()
}

/// Whether a noun follows the figure directly (`5个项目`, `3天的培训`), so that it names it.
fn prefers_following(text: &str, f: &Raw) -> bool {
    let rest = &text[f.end..];
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    match rest.chars().next() {
        Some(c) if crate::chars::is_cjk(c) || c == '“' => {
            !FOLLOW_STOP.iter().any(|w| rest.starts_with(w))
        }
        _ => false,
    }
}

/// The phrase before the figure, back to the clause start or a verb.
fn before_phrase(text: &str, lead: usize, floor: usize) -> Option<String> {
    let window = &text[floor.min(lead)..lead];
    // Back to the clause start, at most WINDOW characters.
    let mut start = window.len();
    for (n, (j, c)) in window.char_indices().rev().enumerate() {
        if n >= WINDOW || is_clause_end(c) {
            break;
        }
        start = j;
    }
    let mut phrase = &window[start..];
    // Rate words that lead up to the number (`增长`, `达到`, `为`).
    while let Some(w) = RATE_WORDS
        .iter()
        .filter(|w| phrase.ends_with(*w))
        .max_by_key(|w| w.len())
    {
        phrase = &phrase[..phrase.len() - w.len()];
    }
    // After the last verb (`受理`, `下发`): the object is what is counted.
    if let Some(cut) = last_verb_end(phrase) {
        if cut < phrase.len() {
            phrase = &phrase[cut..];
        }
    }
    // Leading scope and connective words (`共`, `其中`, `全年`).
    while let Some(w) = LEAD_WORDS
        .iter()
        .filter(|w| phrase.starts_with(*w))
        .max_by_key(|w| w.len())
    {
        if w.len() >= phrase.len() {
            break;
        }
        phrase = &phrase[w.len()..];
    }
    let phrase = phrase.trim_matches(|c: char| matches!(c, '、' | '和' | '及' | '与' | '的' | ' '));
    (!phrase.is_empty()).then(|| phrase.to_string())
}

/// The byte offset just after the last verb of the table in `phrase`.
fn last_verb_end(phrase: &str) -> Option<usize> {
    let mut best = None;
    for (j, _) in phrase.char_indices() {
        if let Some(v) = VERBS
            .iter()
            .filter(|v| phrase[j..].starts_with(*v))
            .max_by_key(|v| v.len())
        {
            best = Some(j + v.len());
        }
    }
    best
}

/// The noun phrase right after the figure (after an optional 的), up to the clause end.
fn following_phrase(text: &str, end: usize, limit: usize) -> Option<String> {
    let rest = text.get(end..limit.max(end))?;
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    if !rest.starts_with(|c: char| crate::chars::is_cjk(c) || c == '“')
        || FOLLOW_STOP.iter().any(|w| rest.starts_with(w))
    {
        return None;
    }
    let mut stop = rest.len();
    for (n, (j, c)) in rest.char_indices().enumerate() {
        if n >= FOLLOW_MAX || is_clause_end(c) || c == '、' || crate::chars::is_digit(c) {
            stop = j;
            break;
        }
        if n > 0
            && (FOLLOW_STOP.iter().any(|w| rest[j..].starts_with(w))
                || VERBS.iter().any(|w| rest[j..].starts_with(w)))
        {
            stop = j;
            break;
        }
    }
    let phrase = rest[..stop].trim_end_matches(['的', '和', '及', '等']);
    (!phrase.is_empty()).then(|| phrase.to_string())
}
