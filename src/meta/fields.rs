//! A key-value header: the information table of a disclosure page or the header of a document
//! database's export (`标题: …`, `文号: …`, `发布单位: …`, `发文日期: …`), above or around the
//! document. It states elements the document may also state itself; the document's own lines
//! come first, and the header only fills what they left out (a 文号 line the copy mangled, a
//! date the excerpt cut off). A field's value stands after its label's colon, on the same line
//! (several fields may share one line) or, when nothing follows the colon, on the next line.

use std::ops::Range;

use crate::lexicon::{
    FIELD_DATE_LABELS, FIELD_ISSUER_LABELS, FIELD_NUMBER_LABELS, FIELD_TITLE_LABELS, WEB_LABELS,
};

use super::dates::{find_date, find_doc_number, ElementDate};
use super::lines::{self, Line};
use super::words::{has_sentence_punct, is_organ};
use super::{compact, Found};

/// One field's value: its line and its byte range in the line's text.
struct Value<'d> {
    line: Line<'d>,
    range: Range<usize>,
}

/// The elements a key-value header states.
#[derive(Default)]
pub struct Fields<'d> {
    number: Option<Value<'d>>,
    date: Option<(Value<'d>, String)>,
    issuer: Option<Value<'d>>,
    title: Option<Value<'d>>,
}

/// Reads the key-value fields among `lines` (the head's).
pub fn read<'d>(lines: &[Line<'d>]) -> Fields<'d> {
    let mut fields = Fields::default();
    for (k, line) in lines.iter().enumerate() {
        let t = line.text;
        if t.len() > lines::ELEMENT_LINE_BYTES || !t.contains([':', '：']) {
            continue;
        }
        for (labels, slot) in [
            (FIELD_NUMBER_LABELS, 0),
            (FIELD_DATE_LABELS, 1),
            (FIELD_ISSUER_LABELS, 2),
            (FIELD_TITLE_LABELS, 3),
        ] {
            let Some(value) = value_of(lines, k, labels) else {
                continue;
            };
            let text = &value.line.text[value.range.clone()];
            match slot {
                0 if fields.number.is_none() => {
                    if let Some(r) = find_doc_number(text) {
                        let at = value.range.start;
                        fields.number = Some(Value {
                            range: at + r.start..at + r.end,
                            line: value.line,
                        });
                    }
                }
                1 if fields.date.is_none() => {
                    if let Some(d) = find_date(text).or_else(|| numeric_date(text)) {
                        let at = value.range.start;
                        fields.date = Some((
                            Value {
                                range: at + d.range.start..at + d.range.end,
                                line: value.line,
                            },
                            d.iso,
                        ));
                    }
                }
                2 if fields.issuer.is_none() && is_organ(&compact(text)) => {
                    fields.issuer = Some(value);
                }
                3 if fields.title.is_none()
                    && !has_sentence_punct(text)
                    && text.chars().count() <= 100 =>
                {
                    fields.title = Some(value);
                }
                _ => {}
            }
        }
    }
    fields
}

/// Fills the elements the document's own lines left out with the ones the header states.
pub fn fill(found: &mut Found<'_, '_>, fields: Fields<'_>) {
    if let Some(v) = fields.number.filter(|_| found.meta.doc_number.is_none()) {
        found.meta.doc_number = Some(compact(&v.line.text[v.range.clone()]));
        found.span_in("doc_number", &v.line, v.range);
    }
    if let Some((v, iso)) = fields.date.filter(|_| found.meta.date.is_none()) {
        found.meta.date = Some(iso);
        found.span_in("date", &v.line, v.range);
    }
    if let Some(v) = fields.title.filter(|_| found.meta.title.is_none()) {
        found.meta.title = Some(compact(&v.line.text[v.range.clone()]));
        found.span_in("title", &v.line, v.range);
    }
    if let Some(v) = fields.issuer.filter(|_| found.meta.issuer.is_none()) {
        found.meta.issuer = Some(compact(&v.line.text[v.range.clone()]));
        found.span_in("issuer", &v.line, v.range);
    }
}

/// The value of the first field of line `k` labelled by one of `labels`.
fn value_of<'d>(lines: &[Line<'d>], k: usize, labels: &[&str]) -> Option<Value<'d>> {
    let line = lines.get(k)?;
    let t = line.text;
    let start = labels.iter().find_map(|label| {
        t.match_indices(label).find_map(|(at, _)| {
            let after = &t[at + label.len()..];
            let rest = after.trim_start();
            let colon = rest.strip_prefix([':', '：'])?;
            // A label is a field's when it opens the line or follows another field's value;
            // inside running words (`…的文号：`) it is not told apart, so only short lines are read.
            Some(t.len() - colon.len())
        })
    })?;
    let end = value_end(t, start);
    let range = trim(t, start..end);
    if !range.is_empty() {
        return Some(Value {
            line: line.clone(),
            range,
        });
    }
    // Nothing after the colon: the value stands on the next line, unless that is a field too.
    let next = lines.get(k + 1)?;
    let label_next = next.text.contains([':', '：']) && value_end(next.text, 0) < next.text.len();
    (!label_next && !next.text.is_empty() && !next.prose).then(|| Value {
        line: next.clone(),
        range: trim(next.text, 0..next.text.len()),
    })
}

/// Where the value starting at byte `start` of `t` ends: before the next field's label.
fn value_end(t: &str, start: usize) -> usize {
    let rest = &t[start..];
    for (colon, _) in rest.match_indices([':', '：']) {
        let before = rest[..colon].trim_end();
        if let Some(label) = longest_label_ending(before) {
            return start + before.len() - label;
        }
    }
    t.len()
}

/// The length of the longest field label `text` ends with. Kept out of line: it runs on a
/// few lines at the head of a document, and inlined into its loop it would weigh kilobytes in
/// the page's module.
#[inline(never)]
fn longest_label_ending(text: &str) -> Option<usize> {
    let mut longest = None;
    for list in [
        WEB_LABELS,
        FIELD_NUMBER_LABELS,
        FIELD_DATE_LABELS,
        FIELD_ISSUER_LABELS,
        FIELD_TITLE_LABELS,
    ] {
        for label in list {
            if text.ends_with(label) && longest < Some(label.len()) {
                longest = Some(label.len());
            }
        }
    }
    longest
}

/// `range` of `t` without the spaces and bullets at its ends.
fn trim(t: &str, range: Range<usize>) -> Range<usize> {
    let s = &t[range.clone()];
    let junk = |c: char| crate::chars::is_space(c) || super::words::is_item_mark(c);
    let lead = s.len() - s.trim_start_matches(junk).len();
    let kept = s.trim_start_matches(junk).trim_end_matches(junk);
    range.start + lead..range.start + lead + kept.len()
}

/// A date written with digits and separators (`2025-01-14`, `2025/1/14`, `2025.01.14`) at the
/// start of a field's value.
fn numeric_date(text: &str) -> Option<ElementDate> {
    let mut parts = [0u32; 3];
    let mut n = 0;
    let mut digits = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if let Some(d) = c.to_digit(10) {
            if n >= 3 || digits >= if n == 0 { 4 } else { 2 } {
                return None;
            }
            parts[n] = parts[n] * 10 + d;
            digits += 1;
            end = i + 1;
        } else if matches!(c, '-' | '/' | '.') && digits > 0 && n < 2 {
            n += 1;
            digits = 0;
        } else {
            break;
        }
    }
    let [year, month, day] = parts;
    (n == 2
        && digits > 0
        && (1000..=2999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day))
    .then(|| ElementDate {
        range: 0..end,
        iso: format!("{year:04}-{month:02}-{day:02}"),
    })
}
