//! The input lines inside the paragraphs at the head and the tail of a document.
//!
//! Elements are laid out line by line (GB/T 9704: the title on its own lines, the 主送机关 on
//! one line, the 署名 above the 成文日期), but reading the text into paragraphs may join a
//! line to its neighbour (a PDF copy's full-width title line, or lines on either side of a
//! dropped web-furniture line). The paragraph keeps the input lines it was joined from, so the
//! elements are read line by line all the same.

use std::ops::Range;

use crate::chars::is_sentence_end;
use crate::source::Document;

/// One input line, cleaned, inside a paragraph.
#[derive(Debug, Clone)]
pub struct Line<'d> {
    /// Index of the paragraph.
    pub par: usize,
    /// Byte range in the paragraph's text.
    pub range: Range<usize>,
    /// The cleaned text of the line.
    pub text: &'d str,
    /// Whether the paragraph reads as running text (a sentence, or long): its lines are not
    /// title lines even when one of them happens to be short and unpunctuated.
    pub prose: bool,
}

/// How many paragraphs at each end are read for elements.
pub const WINDOW: usize = 16;
/// How many lines at each end are read for elements.
const MAX_LINES: usize = 48;
/// The longest line (in bytes) that may hold a one-line element (a date, a 发文字号, a 署名,
/// the 印发 line): patterns are only tried on lines this short, so a huge line costs one look.
pub const ELEMENT_LINE_BYTES: usize = 300;
/// A paragraph longer than this (in characters) is running text.
const PROSE_CHARS: usize = 90;

/// The lines of paragraph `par`.
///
/// A line is running text (`prose`) when it holds sentence punctuation, or when its paragraph
/// holds a sentence and the line fills the text's full width (a wrapped line of a body
/// paragraph). A short unpunctuated line joined to a body paragraph (a title line a PDF copy
/// ran on) is not.
pub fn split<'d>(doc: &'d Document<'_>, par: usize) -> Vec<Line<'d>> {
    let Some(p) = doc.paragraphs.get(par) else {
        return Vec::new();
    };
    let text = p.text.as_str();
    let sentence = text.chars().any(is_sentence_end);
    let mut bounds: Vec<(usize, usize)> = p
        .source_lines()
        .iter()
        .map(|l| (l.text_start.min(text.len()), l.width))
        .collect();
    if bounds.is_empty() {
        bounds.push((0, 0));
    }
    let single = bounds.len() == 1;
    let mut lines = Vec::with_capacity(bounds.len());
    for (k, &(start, width)) in bounds.iter().enumerate() {
        let end = bounds.get(k + 1).map_or(text.len(), |b| b.0);
        let Some(line) = text.get(start..end).filter(|l| !l.is_empty()) else {
            continue;
        };
        let full = match doc.wrap_width {
            Some(wrap) if !single => width * 100 >= wrap * 85,
            _ => text.chars().nth(PROSE_CHARS).is_some(),
        };
        let prose = has_clause_punct(line) || (sentence && full);
        lines.push(Line {
            par,
            range: start..end,
            text: line,
            prose,
        });
    }
    lines
}

/// Punctuation that only running text carries within a line.
fn has_clause_punct(line: &str) -> bool {
    line.chars()
        .any(|c| is_sentence_end(c) || matches!(c, '，' | '；' | ';'))
        || super::words::has_ascii_comma(line)
}

/// The lines of the first paragraphs, in order.
///
/// A web page's key-value fields (`索引号：…`, `发文字号：…`, one a paragraph) do not count
/// towards the window: an information table of a dozen fields would push the document's own
/// head out of it. Their lines still count towards the line cap.
pub fn head<'d>(doc: &'d Document<'_>) -> Vec<Line<'d>> {
    let mut lines = Vec::new();
    let mut counted = 0;
    for (par, p) in doc.paragraphs.iter().enumerate() {
        if counted >= WINDOW {
            break;
        }
        let t = p.text.as_str();
        let field = t.len() <= ELEMENT_LINE_BYTES
            && (super::words::is_field_line(t) || super::words::is_web_label(t));
        if !field {
            counted += 1;
        }
        lines.extend(split(doc, par));
        if lines.len() >= MAX_LINES {
            break;
        }
    }
    lines.truncate(MAX_LINES);
    lines
}

/// The lines of the last paragraphs, in order, starting at paragraph `from` at the earliest.
pub fn tail<'d>(doc: &'d Document<'_>, from: usize) -> Vec<Line<'d>> {
    let n = doc.paragraphs.len();
    let first = n.saturating_sub(WINDOW).max(from);
    let mut lines: Vec<Line<'d>> = (first..n).flat_map(|par| split(doc, par)).collect();
    let excess = lines.len().saturating_sub(MAX_LINES);
    lines.drain(..excess);
    lines
}
