//! The input's lines: where they break, what each is (text, blank, page number, furniture), and
//! how wide each is.

use std::ops::Range;

use super::blanks::{blank_len, may_be_blank, trim_blanks_end, within};
use super::cut::Cut;
use crate::chars::{is_digit, is_invisible, is_space, width};
use crate::furniture::{is_furniture, is_jump_marker, is_page_foot, is_page_number};

/// What one input line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineKind {
    Blank,
    /// A page number: the text on either side may be one sentence.
    PageNumber,
    /// A newspaper jump marker `（下转第四版）`: like a page number.
    JumpMarker,
    /// Web furniture: menus, 来源：, YAML front matter, markdown quotes.
    Furniture,
    Text,
}

/// One input line as the layout sees it. Kept small (32 bytes), as there is one per input line:
/// the widths saturate at `u32::MAX` columns, far beyond any width the layout compares with.
#[derive(Debug, Clone)]
pub(super) struct Line {
    /// The content, without indent, trailing space or any markdown prefix.
    pub(super) content: Range<usize>,
    /// Indent width in columns.
    pub(super) indent: u32,
    /// Content width in columns.
    pub(super) width: u32,
    pub(super) kind: LineKind,
    /// Whether the content holds no blank (space, invisible mark or `&`), so that it is kept
    /// whole.
    pub(super) plain: bool,
}

impl Line {
    pub(super) fn text<'i>(&self, input: &'i str) -> &'i str {
        input.get(self.content.clone()).unwrap_or("")
    }

    /// The content's first character.
    pub(super) fn first(&self, input: &str) -> Option<char> {
        self.text(input).chars().next()
    }

    /// The content's last character.
    pub(super) fn last(&self, input: &str) -> Option<char> {
        self.text(input).chars().next_back()
    }

    pub(super) fn width(&self) -> usize {
        self.width as usize
    }

    pub(super) fn indent(&self) -> usize {
        self.indent as usize
    }
}

/// A width in columns as a [`Line`] holds it.
fn saturate(columns: usize) -> u32 {
    u32::try_from(columns).unwrap_or(u32::MAX)
}

/// The input's lines classified, with the layout they show.
pub(super) struct Classified {
    pub(super) lines: Vec<Line>,
    pub(super) layout: Layout,
}

/// Stage 2 of reading: says what each line of `cut` is and reads the layout from all of them.
/// A line holding deleted runs is measured without them; a line left empty between two deleted
/// runs that cut lines (`</p><p>`) is no line at all: only a blank line of the text is one.
pub(super) fn classify(input: &str, cut: &Cut<'_>) -> Classified {
    let mut lines = Vec::with_capacity(cut.len());
    let deleted = cut.deleted.as_slice();
    for raw in cut.lines() {
        let inner = within(deleted, raw.range.clone());
        let line = if inner.is_empty() {
            line(input, raw.range, cut.markdown)
        } else {
            line_with_deletions(input, raw.range, inner)
        };
        if !(raw.cut_by_deletion && line.kind == LineKind::Blank) {
            lines.push(line);
        }
    }
    lines.shrink_to_fit();
    if cut.markdown {
        let front_matter_end = front_matter(input, cut.lines().map(|l| l.range));
        for line in lines.iter_mut().take(front_matter_end) {
            line.kind = LineKind::Furniture;
        }
    }
    keep_bare_numbers_unless_paginating(input, &mut lines);
    let layout = layout(&lines);
    if layout.wrap.is_some() {
        drop_running_heads(input, &mut lines);
    }
    Classified { lines, layout }
}

/// How the text is laid out, read from all its lines at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Layout {
    /// The full width of a hard-wrapped text.
    pub(super) wrap: Option<usize>,
    /// Whether blank lines stand between (nearly) every two lines, so they mean nothing.
    pub(super) blanks_are_noise: bool,
    /// Whether an indent of two columns or more marks a new paragraph.
    pub(super) indent_starts_paragraph: bool,
    /// The full width (indent included) of a text that a site wrapped at a fixed width, each
    /// paragraph opening with an indent and its other lines with none (see
    /// [`indent_wrapped_width`]); `None` when no two paragraphs show it.
    pub(super) indent_wrap: Option<usize>,
}

/// How far the widths of one fixed-width wrap's full lines differ, in columns: a site that wraps
/// at a number of characters leaves a line holding Latin punctuation a few columns narrower, and
/// a first line's indent may be narrower than the characters it stands for.
pub(super) const WRAP_SLACK: usize = 4;

/// The narrowest line a wrap leaves: 15 characters (narrower lines are headings, names, dates).
pub(super) const NARROWEST_WRAP: usize = 30;

/// Reads the layout from the widths of all text lines (see the docs of [`super`]).
fn layout(lines: &[Line]) -> Layout {
    // A histogram, so that a text of any size is read in one pass.
    const MAX: usize = 400;
    let mut counts = vec![0usize; MAX + 1];
    let mut texts = 0;
    let mut indented = 0;
    let mut followed_by_blank = 0;
    let mut text_then_text = 0;
    let mut indent_wraps = vec![0usize; MAX + 1];
    for (i, line) in lines.iter().enumerate() {
        if line.kind != LineKind::Text {
            continue;
        }
        texts += 1;
        if let Some(slot) = counts.get_mut(line.width()) {
            *slot += 1;
        }
        if line.indent >= 2 {
            indented += 1;
        }
        match lines.get(i + 1).map(|l| l.kind) {
            Some(LineKind::Blank) => followed_by_blank += 1,
            Some(LineKind::Text) => text_then_text += 1,
            _ => {}
        }
        if (2..=4).contains(&line.indent) {
            if let Some(full) = wrapped_after_indent(line, lines.get(i + 1..i + 3)) {
                if let Some(slot) = indent_wraps.get_mut(full) {
                    *slot += 1;
                }
            }
        }
    }
    let blanks_are_noise =
        followed_by_blank >= 3 && followed_by_blank >= (followed_by_blank + text_then_text) * 4 / 5;
    let indent_starts_paragraph = indented * 100 >= texts && indented * 2 < texts;
    Layout {
        wrap: wrapped_width(&counts, texts),
        blanks_are_noise,
        indent_starts_paragraph,
        indent_wrap: indent_wrapped_width(&indent_wraps),
    }
}

/// The width of an indented line and of the unindented text line after it (a blank line may
/// stand between), the larger of the two, when both are long and within [`WRAP_SLACK`] of each
/// other: a paragraph's first line and its continuation, wrapped at one width.
fn wrapped_after_indent(first: &Line, after: Option<&[Line]>) -> Option<usize> {
    let next = after?
        .iter()
        .find(|l| l.kind != LineKind::Blank)
        .filter(|l| l.kind == LineKind::Text && l.indent == 0)?;
    let (a, b) = (first.indent() + first.width(), next.width());
    (a.min(b) >= NARROWEST_WRAP && a.abs_diff(b) <= WRAP_SLACK).then_some(a.max(b))
}

/// The full width of a text wrapped at a fixed width after indents: the most common width of
/// the pairs [`wrapped_after_indent`] finds, when there are two such pairs or more (one may be
/// chance: an indented paragraph, then a line of its own that happens to be as wide).
fn indent_wrapped_width(pairs: &[usize]) -> Option<usize> {
    let (full, &n) = pairs.iter().enumerate().max_by_key(|&(w, &n)| (n, w))?;
    let total: usize = pairs.iter().sum();
    (total >= 2 && n > 0).then_some(full)
}

/// The full line width of a hard-wrapped text, if this text is one: the most common width of 15
/// characters or more, when a quarter of the lines are within a character of it and half within
/// a few columns (first lines are two characters shorter, lines with hanging punctuation one
/// longer). `None` for one paragraph a line.
fn wrapped_width(counts: &[usize], texts: usize) -> Option<usize> {
    if texts < 6 {
        return None;
    }
    // Widths below 30 columns (15 CJK characters) are headings, names and dates, never a wrap.
    let (full, _) = counts
        .iter()
        .enumerate()
        .skip(30)
        .max_by_key(|&(w, &n)| (n, w))?;
    let sum = |r: std::ops::Range<usize>| -> usize {
        counts
            .get(r.start..r.end.min(counts.len()))
            .map_or(0, |s| s.iter().sum())
    };
    let at_full = sum(full.saturating_sub(2)..full + 3);
    let near = sum(full.saturating_sub(5)..full + 4);
    (at_full * 4 >= texts && near * 2 >= texts).then_some(full)
}

/// In a hard-wrapped text, a short line repeated on page after page next to the page number is a
/// running head or foot (`某某市人民政府公报`): it is page furniture, and the text on either side
/// is one sentence. (Only there: a table copied one cell a line repeats its units too.)
fn drop_running_heads(input: &str, lines: &mut [Line]) {
    use std::collections::{HashMap, HashSet};
    /// How many text lines on either side of a page number may be its head or foot.
    const REACH: usize = 2;
    let text = |line: &Line| input.get(line.content.clone()).unwrap_or("");
    let pages: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::PageNumber)
        .map(|(i, _)| i)
        .collect();
    if pages.len() < 3 {
        return;
    }
    // Each text, with the distinct lines where it stands beside a page number.
    let mut near_pages: HashMap<&str, HashSet<usize>> = HashMap::new();
    for &at in &pages {
        // Blank lines may stand between, but the look stays within a few lines.
        let window = REACH * 3;
        let before = (at.saturating_sub(window)..at).rev();
        let after = (at + 1..lines.len()).take(window);
        let texts = |range: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
            range
                .filter(|&i| lines[i].kind == LineKind::Text)
                .take(REACH)
                .collect()
        };
        for i in texts(&mut before.into_iter())
            .into_iter()
            .chain(texts(&mut after.into_iter()))
        {
            if lines[i].width() <= 60 {
                near_pages.entry(text(&lines[i])).or_default().insert(i);
            }
        }
    }
    let repeated: Vec<&str> = near_pages
        .into_iter()
        .filter(|(_, at)| at.len() >= 3 && at.len() * 2 >= pages.len())
        .map(|(t, _)| t)
        .collect();
    if repeated.is_empty() {
        return;
    }
    for line in lines.iter_mut().filter(|l| l.kind == LineKind::Text) {
        if repeated.contains(&text(line)) {
            line.kind = LineKind::PageNumber;
        }
    }
}

fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10)
        .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
}

/// A number alone on a line is a page number only when such lines count pages: they rise one
/// page at a time through the document. A table copied one cell a line (a statistical bulletin
/// from a web page) also leaves numbers alone on lines, and those are figures.
fn keep_bare_numbers_unless_paginating(input: &str, lines: &mut [Line]) {
    let bare = |line: &Line| {
        let text = input.get(line.content.clone()).unwrap_or("");
        line.kind == LineKind::PageNumber && text.chars().all(is_digit)
    };
    let value = |line: &Line| -> u64 {
        input
            .get(line.content.clone())
            .unwrap_or("")
            .chars()
            .filter_map(digit_value)
            .fold(0, |v, d| v.saturating_mul(10).saturating_add(u64::from(d)))
    };
    let mut previous: Option<u64> = None;
    let mut paginating = true;
    for line in lines.iter().filter(|l| bare(l)) {
        let page = value(line);
        if previous.is_some_and(|p| page <= p || page > p + 2) {
            paginating = false;
            break;
        }
        previous = Some(page);
    }
    if !paginating {
        for line in lines.iter_mut().filter(|l| bare(l)) {
            line.kind = LineKind::Text;
        }
    }
}

/// The number of lines in a YAML front-matter block (`---` … `---`) at the top, or 0.
fn front_matter(input: &str, mut lines: impl Iterator<Item = Range<usize>>) -> usize {
    let trimmed = |r: Range<usize>| {
        input
            .get(r)
            .unwrap_or("")
            .trim_matches(|c: char| is_space(c) || is_invisible(c))
    };
    if lines.next().map(trimmed) != Some("---") {
        return 0;
    }
    lines
        .take(200)
        .position(|r| trimmed(r) == "---")
        .map_or(0, |k| k + 2)
}

/// A line without deleted runs; `markdown` says whether its Markdown marks are read.
fn line(input: &str, range: Range<usize>, markdown: bool) -> Line {
    let raw = input.get(range.clone()).unwrap_or("");
    let mut lead = 0;
    while let Some(n) = raw.get(lead..).and_then(blank_len) {
        lead += n;
    }
    let body = &raw[lead..];
    // Space characters make the indent; invisible marks and entities add nothing.
    let indent: usize = raw[..lead]
        .chars()
        .filter(|&c| is_space(c) && !is_invisible(c))
        .map(width)
        .sum();
    let kept = trim_blanks_end(body);
    let mut content = range.start + lead..range.start + lead + kept.len();
    let mut kind = kind_of(kept);
    if markdown && kind == LineKind::Text {
        // Markdown from a web copy: `# 标题` keeps its text, `> 引用` is the site's note.
        let hashes = kept.len() - kept.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && kept[hashes..].starts_with(' ') {
            let rest = &kept[hashes..];
            let text = rest.trim_start_matches(|c: char| is_space(c) || is_invisible(c));
            content.start += hashes + (rest.len() - text.len());
            if text.is_empty() {
                kind = LineKind::Furniture;
            }
        } else if kept.starts_with("> ") || kept == ">" {
            kind = LineKind::Furniture;
        }
    }
    let (columns, plain) = measure(input.get(content.clone()).unwrap_or(""));
    Line {
        content,
        indent: saturate(indent),
        width: saturate(columns),
        kind,
        plain,
    }
}

/// What a line whose content (without indent and trailing blanks) is `kept` is.
fn kind_of(kept: &str) -> LineKind {
    if kept.is_empty() {
        LineKind::Blank
    } else if is_page_number(kept) || is_page_foot(kept) {
        LineKind::PageNumber
    } else if is_jump_marker(kept) {
        LineKind::JumpMarker
    } else if is_furniture(kept) {
        LineKind::Furniture
    } else {
        LineKind::Text
    }
}

/// A line holding deleted runs: `inner` are those inside `range`, which the indent, the
/// trailing blanks and the width pass over like blanks.
fn line_with_deletions(input: &str, range: Range<usize>, inner: &[Range<usize>]) -> Line {
    let (mut start, mut end) = (range.start, range.end);
    let (mut first, mut last) = (0, inner.len());
    let mut indent = 0;
    loop {
        if let Some(m) = inner.get(first).filter(|m| m.start == start) {
            start = m.end;
            first += 1;
            continue;
        }
        let Some(n) = input.get(start..end).and_then(blank_len) else {
            break;
        };
        indent += input
            .get(start..start + n)
            .unwrap_or("")
            .chars()
            .filter(|&c| is_space(c) && !is_invisible(c))
            .map(width)
            .sum::<usize>();
        start += n;
    }
    loop {
        if let Some(m) = last
            .checked_sub(1)
            .filter(|&k| k >= first)
            .and_then(|k| inner.get(k))
            .filter(|m| m.end == end)
        {
            end = m.start;
            last -= 1;
            continue;
        }
        let text = input.get(start..end).unwrap_or("");
        let kept = trim_blanks_end(text);
        if kept.len() == text.len() {
            break;
        }
        end = start + kept.len();
    }
    let inside = inner.get(first..last).unwrap_or_default();
    let mut columns = 0;
    let mut from = start;
    for m in inside.iter().chain(std::iter::once(&(end..end))) {
        columns += measure(input.get(from..m.start).unwrap_or("")).0;
        from = m.end;
    }
    let content = input.get(start..end).unwrap_or("");
    Line {
        content: start..end,
        indent: saturate(indent),
        width: saturate(columns),
        kind: kind_of(content),
        plain: inside.is_empty() && measure(content).1,
    }
}

/// The display width of `text` (the sum of its characters' [`width`]s) and whether it holds no
/// blank (a space, an invisible mark or `&`, which [`append_line`](super::blanks::append_line) looks at), in one pass over
/// its bytes. (`plain` may be false for a few other characters: see [`may_be_blank`].)
pub(super) fn measure(text: &str) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut columns = 0;
    let mut plain = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            // ASCII: one column; controls, spaces and `&` are blanks or may start one.
            0x00..=0x7F => {
                columns += 1;
                plain &= b > b' ' && b != b'&' && b != 0x7F;
                i += 1;
            }
            // U+5000–U+9FFF: CJK ideographs, two columns, never blank.
            0xE5..=0xE9 => {
                columns += 2;
                i += 3;
            }
            // U+4E00–U+4FFF: CJK ideographs (`一上中为主人以会体作`).
            0xE4 if bytes.get(i + 1).is_some_and(|&b| b >= 0xB8) => {
                columns += 2;
                i += 3;
            }
            // U+FF01–U+FF3F: full-width punctuation (`，（）：；`), two columns, never blank.
            0xEF if bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2) != Some(&0x80) => {
                columns += 2;
                i += 3;
            }
            // U+3000–U+303F: CJK punctuation (`。、《》`), two columns; U+3000 is a space.
            0xE3 if bytes.get(i + 1) == Some(&0x80) => {
                columns += 2;
                plain &= bytes.get(i + 2) != Some(&0x80);
                i += 3;
            }
            _ => {
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                columns += width(c);
                plain &= !may_be_blank(bytes.get(i..).unwrap_or_default());
                i += c.len_utf8();
            }
        }
    }
    (columns, plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_line_takes_32_bytes() {
        assert_eq!(
            std::mem::size_of::<Line>(),
            32,
            "there is one Line per input line, so it stays small"
        );
    }

    /// Every character of Unicode, encoded alone and inside text.
    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn measuring_a_line_agrees_with_its_characters() {
        for c in every_char() {
            let text = format!("a{c}中");
            let (columns, plain) = measure(&text);
            assert_eq!(
                columns,
                1 + width(c) + 2,
                "{c:?} is measured as its width says"
            );
            if is_space(c) || is_invisible(c) || c == '&' {
                assert!(!plain, "a line holding {c:?} is not plain");
            }
        }
    }
}
