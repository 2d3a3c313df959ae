//! Document elements (GB/T 9704-2012): 发文机关, 发文字号, 标题, 主送机关, 署名, 成文日期, the
//! enclosed report's title, 版记; for a speech, the speaker and the date delivered.
//!
//! Elements stand at the two ends of a document, line by line: the 版头 and title, the
//! 主送机关 (or, in a speech, the subtitle and the speaker line) at the head; the 署名 above the
//! 成文日期 after the body; the 版记 (抄送, 印发机关和印发日期) at the very end. Only a bounded
//! number of lines at each end is read, plus one pass over the short paragraphs for the
//! 署名 and 成文日期 (which an attachment may push away from the end).

mod dates;
mod fields;
mod head;
mod lines;
mod speech;
mod tail;
mod words;
// The element paragraphs, which the report does not show.
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::report::{CharOffset, ElementSpan, Meta};
use crate::source::Document;

use lines::Line;

/// The elements found, and which paragraphs they consumed.
#[derive(Debug, Clone, Default)]
pub struct Elements {
    /// The elements, with byte offsets in `meta.spans` (converted to code points by the caller).
    pub meta: Meta,
    /// Indices of paragraphs that are element lines (title, addressees, signature, date, 版记…):
    /// they are neither headings nor hold figures. Sorted. A paragraph that reading joined to
    /// body text (a 版记 line run on after the last sentence) is not listed: its element is
    /// still in `meta.spans`.
    pub paragraphs: Vec<usize>,
}

impl Elements {
    /// Whether paragraph `i` is an element line.
    pub fn is_element(&self, i: usize) -> bool {
        self.paragraphs.binary_search(&i).is_ok()
    }

    /// The title's span in the input (code points), where a title ending with a kind of
    /// document (文种) was read: the title is an element whose figures still count
    /// (`关于表彰…31名运动员的决定`). A line taken for a title without one may be anything.
    pub fn title_span(&self) -> Option<Range<CharOffset>> {
        let title = self.meta.title.as_deref()?;
        if !words::ends_with_document_kind(title) {
            return None;
        }
        self.meta
            .spans
            .iter()
            .find(|s| s.key == "title")
            .map(|s| s.start..s.end)
    }
}

/// Finds the document elements. The issuer is read from the 发文机关标志, else from the title
/// (`XX人民政府关于…`), else from the 署名 (`gold/GUIDE.md`); a speech has none, nor a 署名.
pub fn extract(doc: &Document<'_>) -> Elements {
    let mut found = Found {
        doc,
        meta: Meta::default(),
        used: Vec::new(),
        title_end: 0,
    };
    let head = head::read(&mut found);
    if !head.speech {
        tail::signature(&mut found, head.end_par);
    }
    tail::imprint(&mut found, head.end_par);
    if found.meta.issuer.is_none() && !head.speech {
        if let Some((value, [start, end])) = found.signed_by_span() {
            found.meta.issuer = Some(value);
            found.meta.spans.push(ElementSpan {
                key: "issuer".into(),
                start,
                end,
            });
        }
    }
    if found.meta.issuer.is_none() {
        if let Some((value, span)) = head.organ_above {
            found.meta.issuer = Some(value);
            let [start, end] = found.doc.chars.span(span);
            found.meta.spans.push(ElementSpan {
                key: "issuer".into(),
                start,
                end,
            });
        }
    }
    fields::fill(&mut found, head.fields);
    let paragraphs = found.element_paragraphs();
    Elements {
        meta: found.meta,
        paragraphs,
    }
}

/// What has been found so far, and which lines it used.
pub(crate) struct Found<'d, 'a> {
    doc: &'d Document<'a>,
    meta: Meta,
    /// Lines used by an element (or a salutation): (paragraph, byte range in its text).
    used: Vec<(usize, Range<usize>)>,
    /// Index in the head's lines of the first line after the title.
    title_end: usize,
}

impl<'d, 'a> Found<'d, 'a> {
    /// The input byte range of `sub` (a byte range in the text of `line`).
    fn input_range(&self, line: &Line<'_>, sub: Range<usize>) -> Range<usize> {
        let clean = line.range.start + sub.start..line.range.start + sub.end;
        self.doc
            .paragraphs
            .get(line.par)
            .map_or(0..0, |p| p.input_range(clean))
    }

    /// Records a span for `key` from `sub` of the first line to `sub_last` of the last.
    fn span(
        &mut self,
        key: &str,
        first: (&Line<'_>, Range<usize>),
        last: (&Line<'_>, Range<usize>),
    ) {
        let start = self.input_range(first.0, first.1).start;
        let end = self.input_range(last.0, last.1).end.max(start);
        let [start, end] = self.doc.chars.span(start..end);
        self.meta.spans.push(ElementSpan {
            key: key.to_string(),
            start,
            end,
        });
    }

    /// Records a span for `key` over part of one line.
    fn span_in(&mut self, key: &str, line: &Line<'_>, sub: Range<usize>) {
        self.span(key, (line, sub.clone()), (line, sub));
    }

    /// Records a span for `key` over the byte range `within` of the lines' texts joined.
    fn span_across(&mut self, key: &str, lines: &[Line<'_>], within: Range<usize>) {
        let mut first = None;
        let mut last = None;
        let mut at = 0;
        for line in lines {
            let end = at + line.text.len();
            if first.is_none() && within.start < end {
                first = Some((line, within.start - at));
            }
            if within.end > at && within.end <= end {
                last = Some((line, within.end - at));
            }
            at = end;
        }
        if let (Some((a, s)), Some((b, e))) = (first, last) {
            let before = b.text[..e].chars().next_back().map_or(0, char::len_utf8);
            self.span(key, (a, s..s), (b, e - before..e));
        }
    }

    /// The byte length, in `line`'s text, of the first of the bodies named in its first `len`
    /// bytes: joint names are parted by `、` or, in the layout, by spaces (`甲县财政局　乙县税务局`,
    /// `中共中央办公厅 国务院办公厅关于…`), which reading dropped between CJK characters.
    fn first_body(&self, line: &Line<'_>, len: usize) -> usize {
        let names = line.text.get(..len).unwrap_or(line.text);
        let names = names.split('、').next().unwrap_or(names);
        let raw = self
            .doc
            .input
            .get(self.input_range(line, 0..names.len()))
            .unwrap_or("");
        raw.split(crate::chars::is_space)
            .find(|c| !c.is_empty())
            .filter(|c| c.len() < names.len() && words::is_organ(c) && names.starts_with(*c))
            .map_or_else(
                // Names run together with nothing between them: cut at the first name's end.
                || {
                    words::joint_bodies(names)
                        .first()
                        .map_or(names.len(), |n| n.len())
                },
                str::len,
            )
    }

    /// How many line breaks stand between lines `a` and `b` in the input.
    fn breaks_between(&self, a: &Line<'_>, b: &Line<'_>) -> usize {
        let end = self.input_range(a, 0..a.text.len()).end;
        let start = self.input_range(b, 0..0).start;
        self.doc
            .input
            .get(end..start)
            .map_or(0, |gap| gap.matches('\n').count())
    }

    /// Marks `line` as used by an element.
    fn use_line(&mut self, line: &Line<'_>) {
        self.used.push((line.par, line.range.clone()));
    }

    /// Whether `line` is already used.
    fn is_used(&self, line: &Line<'_>) -> bool {
        self.used
            .iter()
            .any(|(p, r)| *p == line.par && *r == line.range)
    }

    fn signed_by_span(&self) -> Option<(String, [CharOffset; 2])> {
        let value = self.meta.signed_by.clone()?;
        let span = self.meta.spans.iter().find(|s| s.key == "signed_by")?;
        Some((value, [span.start, span.end]))
    }

    /// Paragraphs all of whose lines are used.
    fn element_paragraphs(&self) -> Vec<usize> {
        let mut pars: Vec<usize> = self.used.iter().map(|(p, _)| *p).collect();
        crate::sort::sort_by_key(&mut pars, |&p| p);
        pars.dedup();
        pars.retain(|&p| {
            let all = lines::split(self.doc, p);
            all.iter().all(|l| self.is_used(l))
        });
        pars
    }
}

/// Removes every kind of space from an element's value (`省长 罗东川` → `省长罗东川`).
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !crate::chars::is_space(*c))
        .collect()
}

/// Splits a list of bodies (主送机关, 抄送) on 、 ， , ； outside brackets
/// (`各县（市、区）财政局` is one body).
fn split_bodies(text: &str) -> Vec<String> {
    let text = text.trim_end_matches(['：', ':', '。', '.']);
    let mut bodies = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '《' | '〔' | '[' => depth += 1,
            '）' | ')' | '》' | '〕' | ']' => depth = depth.saturating_sub(1),
            '、' | '，' | ',' | '；' | ';' if depth == 0 => {
                bodies.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    bodies.push(&text[start..]);
    bodies
        .into_iter()
        .map(compact)
        .filter(|s| !s.is_empty())
        .collect()
}
