//! Source → paragraphs: undo what copying a report out of a PDF or a web page did.
//!
//! The text is read once. Each [`Paragraph`] holds its cleaned text and the input ranges it was
//! read from, so every later finding maps back to the characters the user pasted. Cleaning only
//! ever *drops* characters (line breaks, page numbers, indents, spaces around CJK, web
//! furniture); it never rewrites one, so a paragraph is exactly the concatenation of its pieces.
//!
//! Two layouts are told apart by the widths of the lines (see [`Layout`]):
//! - **hard-wrapped** text (copied from a PDF): most lines share one full width, and a line
//!   continues the paragraph when the next line's first character would not have fitted on it;
//! - **one paragraph a line** (web pages, word processors): every line is a paragraph, and only
//!   a page seam (a page-number line inside a sentence) joins two lines.

use std::ops::Range;

use crate::chars::{
    is_cjk, is_cjk_punct, is_closing, is_digit, is_invisible, is_sentence_end, is_space, width,
};
use crate::furniture::{is_furniture, is_jump_marker, is_page_foot, is_page_number};

/// A run of cleaned text copied from one contiguous range of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Byte offset in the paragraph's text.
    clean: usize,
    /// Byte offset in the input.
    input: usize,
    /// Length in bytes (the same in both).
    len: usize,
}

/// One input line that went into a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    /// Byte range of the line's content in the input (without indent and trailing space).
    pub input: Range<usize>,
    /// Byte offset in the paragraph's text where this line's cleaned text begins.
    pub text_start: usize,
    /// Width of the indent before the content, in columns (an ideographic space is 2).
    pub indent: usize,
    /// Display width of the content in columns (CJK characters 2, others 1).
    pub width: usize,
}

/// One paragraph of cleaned text, with its map back to the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// The cleaned text: hard line breaks, indents and stray spaces removed.
    pub text: String,
    /// The pieces of the text; empty when each source line was copied whole (one piece a line),
    /// as most are, so that the source lines tell them.
    pieces: Vec<Piece>,
    source_lines: Vec<SourceLine>,
    /// How many input lines were joined into this paragraph.
    pub lines: usize,
    /// Whether the first line was indented (spaces or ideographic spaces) in the input.
    pub indented: bool,
}

impl Paragraph {
    /// Appends `input[range]` to the text, merging with the previous piece when contiguous.
    fn push(&mut self, input: &str, range: Range<usize>) {
        let Some(slice) = input.get(range.clone()) else {
            return;
        };
        if slice.is_empty() {
            return;
        }
        let len = range.len();
        match self.pieces.last_mut() {
            Some(last) if last.input + last.len == range.start => last.len += len,
            _ => self.pieces.push(Piece {
                clean: self.text.len(),
                input: range.start,
                len,
            }),
        }
        self.text.push_str(slice);
    }

    /// The piece that a source line is when it was copied whole.
    fn whole_line(line: &SourceLine) -> Piece {
        Piece {
            clean: line.text_start,
            input: line.input.start,
            len: line.input.len(),
        }
    }

    /// Whether the pieces are one a source line, each line copied whole.
    fn pieces_are_lines(&self) -> bool {
        self.pieces.is_empty()
    }

    fn piece_count(&self) -> usize {
        if self.pieces_are_lines() {
            self.source_lines.len()
        } else {
            self.pieces.len()
        }
    }

    fn piece(&self, k: usize) -> Option<Piece> {
        if self.pieces_are_lines() {
            self.source_lines.get(k).map(Self::whole_line)
        } else {
            self.pieces.get(k).copied()
        }
    }

    /// The input byte offset of the character at byte `clean` of the text. `clean` at or past
    /// the text's end maps to the end of the last piece.
    pub fn to_input(&self, clean: usize) -> usize {
        // The number of pieces that start at or before `clean` (they are in order).
        let (mut lo, mut hi) = (0, self.piece_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.piece(mid).is_some_and(|p| p.clean <= clean) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        match lo.checked_sub(1).and_then(|k| self.piece(k)) {
            Some(p) if clean < p.clean + p.len => p.input + (clean - p.clean),
            Some(p) => p.input + p.len,
            None => self.piece(0).map_or(0, |p| p.input),
        }
    }

    /// The input byte range of the text's byte range `range` (start of its first character to the
    /// end of its last), so that pieces dropped inside the range are covered too. A range that is
    /// out of bounds or not on character boundaries is clamped and widened to whole characters.
    pub fn input_range(&self, range: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let mut start = range.start.min(len);
        let mut end = range.end.min(len).max(start);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        if start == end {
            let at = self.to_input(start);
            return at..at;
        }
        let last = self
            .text
            .get(..end)
            .and_then(|s| s.chars().next_back())
            .map_or(0, char::len_utf8);
        let from = self.to_input(start);
        let to = self.to_input(end - last) + last;
        from..to.max(from)
    }

    /// The input byte ranges whose concatenation is the text.
    pub fn pieces(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        (0..self.piece_count())
            .filter_map(|k| self.piece(k))
            .map(|p| p.input..p.input + p.len)
    }

    /// A copy of this paragraph being read, in memory of its exact size, its pieces left to the
    /// source lines when they tell them.
    fn finished(&self) -> Paragraph {
        let whole_lines = self.pieces.len() == self.source_lines.len()
            && self
                .pieces
                .iter()
                .zip(&self.source_lines)
                .all(|(p, l)| *p == Self::whole_line(l));
        Paragraph {
            text: self.text.as_str().into(),
            pieces: if whole_lines {
                Vec::new()
            } else {
                self.pieces.to_vec()
            },
            source_lines: self.source_lines.to_vec(),
            lines: self.lines,
            indented: self.indented,
        }
    }

    /// Empties this paragraph for the next one, keeping its memory.
    fn clear(&mut self) {
        self.text.clear();
        self.pieces.clear();
        self.source_lines.clear();
        self.lines = 0;
        self.indented = false;
    }

    /// The input byte range the whole paragraph was read from.
    pub fn span(&self) -> Range<usize> {
        self.input_range(0..self.text.len())
    }

    /// The input lines this paragraph was joined from, in order.
    pub fn source_lines(&self) -> &[SourceLine] {
        &self.source_lines
    }
}

/// The input read into paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    /// The input exactly as given.
    pub input: &'a str,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// The full line width (in columns) of a hard-wrapped text; `None` for one paragraph a line.
    pub wrap_width: Option<usize>,
}

/// What one input line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
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
struct Line {
    /// The content, without indent, trailing space or any markdown prefix.
    content: Range<usize>,
    /// Indent width in columns.
    indent: u32,
    /// Content width in columns.
    width: u32,
    kind: LineKind,
    /// Whether the content holds no blank (space, invisible mark or `&`), so that it is kept
    /// whole.
    plain: bool,
}

impl Line {
    fn text<'i>(&self, input: &'i str) -> &'i str {
        input.get(self.content.clone()).unwrap_or("")
    }

    /// The content's first character.
    fn first(&self, input: &str) -> Option<char> {
        self.text(input).chars().next()
    }

    /// The content's last character.
    fn last(&self, input: &str) -> Option<char> {
        self.text(input).chars().next_back()
    }

    fn width(&self) -> usize {
        self.width as usize
    }

    fn indent(&self) -> usize {
        self.indent as usize
    }
}

/// A width in columns as a [`Line`] holds it.
fn saturate(columns: usize) -> u32 {
    u32::try_from(columns).unwrap_or(u32::MAX)
}

/// How the text is laid out, read from all its lines at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    /// The full width of a hard-wrapped text.
    wrap: Option<usize>,
    /// Whether blank lines stand between (nearly) every two lines, so they mean nothing.
    blanks_are_noise: bool,
    /// Whether an indent of two columns or more marks a new paragraph.
    indent_starts_paragraph: bool,
}

/// Reads `input` into paragraphs.
pub fn read(input: &str) -> Document<'_> {
    let mut lines = classify(input);
    let layout = layout(&lines);
    if layout.wrap.is_some() {
        drop_running_heads(input, &mut lines);
    }
    let mut paragraphs = Vec::new();
    // The paragraph being read, in buffers that serve one paragraph after the other; each is
    // copied out at its exact size when it ends (memory counts: a paragraph's own grows by
    // doubling).
    let mut current = Paragraph::default();
    let mut open = false;
    let mut finish = |current: &mut Paragraph| {
        if !current.text.is_empty() {
            paragraphs.push(current.finished());
        }
        current.clear();
    };
    let mut previous: Option<&Line> = None;
    // What stood between the previous text line and this one.
    let mut seam = false;
    let mut boundary = false;
    for (n, line) in lines.iter().enumerate() {
        match line.kind {
            LineKind::Blank => {
                boundary |= !layout.blanks_are_noise;
                continue;
            }
            LineKind::PageNumber | LineKind::JumpMarker => {
                seam = true;
                continue;
            }
            LineKind::Furniture => {
                boundary = true;
                continue;
            }
            LineKind::Text => {}
        }
        let joins = match (previous, open) {
            (Some(prev), true) if !boundary || seam => {
                let following = lines
                    .iter()
                    .skip(n + 1)
                    .take(8)
                    .find(|l| l.kind == LineKind::Text);
                continues(input, [prev, line], following, &current, &layout, seam)
            }
            _ => false,
        };
        if !joins {
            if open {
                finish(&mut current);
            }
            current.indented = line.indent > 0;
            open = true;
        }
        let par = &mut current;
        let text_start = par.text.len();
        if line.plain {
            par.push(input, line.content.clone());
        } else {
            append_line(par, input, line.content.clone());
        }
        par.source_lines.push(SourceLine {
            input: line.content.clone(),
            text_start,
            indent: line.indent(),
            width: line.width(),
        });
        par.lines += 1;
        previous = Some(line);
        seam = false;
        boundary = false;
    }
    if open {
        finish(&mut current);
    }
    paragraphs.shrink_to_fit();
    Document {
        input,
        paragraphs,
        wrap_width: layout.wrap,
    }
}

/// Splits the input into lines (LF, CRLF or lone CR) and says what each is.
fn classify(input: &str) -> Vec<Line> {
    let front_matter_end = front_matter(input, line_ranges(input));
    let mut lines = Vec::with_capacity(line_count(input));
    lines.extend(line_ranges(input).map(|range| line(input, range)));
    for line in lines.iter_mut().take(front_matter_end) {
        line.kind = LineKind::Furniture;
    }
    keep_bare_numbers_unless_paginating(input, &mut lines);
    lines
}

/// The byte ranges of the input's lines, without their line breaks (LF, CRLF or lone CR).
fn line_ranges(input: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = input.as_bytes();
    // Most texts break lines with LF alone, which a fast search finds.
    let cr = bytes.contains(&b'\r');
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let rest = bytes.get(from..).unwrap_or_default();
        let found = if cr {
            rest.iter().position(|&b| b == b'\n' || b == b'\r')
        } else {
            input.get(from..).and_then(|r| r.find('\n'))
        };
        let Some(k) = found else {
            start = None;
            return Some(from..bytes.len());
        };
        let end = from + k;
        let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
        start = Some(end + 1 + usize::from(crlf));
        Some(from..end)
    })
}

/// How many items [`line_ranges`] yields.
fn line_count(input: &str) -> usize {
    let bytes = input.as_bytes();
    let count = |byte: u8| -> usize {
        // Counted in blocks whose count fits a byte, which the compiler turns into vector code.
        bytes
            .chunks(255)
            .map(|block| {
                let n: u8 = block.iter().map(|&b| u8::from(b == byte)).sum();
                usize::from(n)
            })
            .sum()
    };
    let lf = count(b'\n');
    let cr = count(b'\r');
    let crlf = if cr == 0 {
        0
    } else {
        bytes.windows(2).filter(|w| w == b"\r\n").count()
    };
    lf + cr - crlf + 1
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

fn line(input: &str, range: Range<usize>) -> Line {
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
    let mut kept = body;
    loop {
        let trimmed = kept.trim_end_matches(|c: char| is_space(c) || is_invisible(c));
        // Every space entity ends with `;`.
        let entity = trimmed.ends_with(';').then(|| {
            SPACE_ENTITIES
                .iter()
                .find_map(|e| strip_suffix_ignore_case(trimmed, e))
        });
        let trimmed = entity.flatten().unwrap_or(trimmed);
        if trimmed.len() == kept.len() {
            break;
        }
        kept = trimmed;
    }
    let mut content = range.start + lead..range.start + lead + kept.len();
    let mut kind = if kept.is_empty() {
        LineKind::Blank
    } else if is_page_number(kept) || is_page_foot(kept) {
        LineKind::PageNumber
    } else if is_jump_marker(kept) {
        LineKind::JumpMarker
    } else if is_furniture(kept) {
        LineKind::Furniture
    } else {
        LineKind::Text
    };
    if kind == LineKind::Text {
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

/// The display width of `text` (the sum of its characters' [`width`]s) and whether it holds no
/// blank (a space, an invisible mark or `&`, which [`append_line`] looks at), in one pass over
/// its bytes. (`plain` may be false for a few other characters: see [`may_be_blank`].)
fn measure(text: &str) -> (usize, bool) {
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

/// Reads the layout from the widths of all text lines (see the module docs).
fn layout(lines: &[Line]) -> Layout {
    // A histogram, so that a text of any size is read in one pass.
    const MAX: usize = 400;
    let mut counts = vec![0usize; MAX + 1];
    let mut texts = 0;
    let mut indented = 0;
    let mut followed_by_blank = 0;
    let mut text_then_text = 0;
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
    }
    let blanks_are_noise =
        followed_by_blank >= 3 && followed_by_blank >= (followed_by_blank + text_then_text) * 4 / 5;
    let indent_starts_paragraph = indented * 100 >= texts && indented * 2 < texts;
    Layout {
        wrap: wrapped_width(&counts, texts),
        blanks_are_noise,
        indent_starts_paragraph,
    }
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

/// Whether `next` continues the paragraph that `prev` ended (`following` is the text line after
/// `next`, if any).
fn continues(
    input: &str,
    [prev, next]: [&Line; 2],
    following: Option<&Line>,
    par: &Paragraph,
    layout: &Layout,
    seam: bool,
) -> bool {
    let ended = ends_sentence(&par.text);
    let next_text = input.get(next.content.clone()).unwrap_or("");
    if layout.indent_starts_paragraph && next.indent >= 2 && !seam {
        return false;
    }
    let Some(full) = layout.wrap else {
        // One paragraph a line: only a page seam inside a sentence joins.
        let last = par.text.chars().next_back();
        // A numbered heading line standing alone (`1.2 编制依据`) ends before a page break.
        let heading_line = || {
            par.lines == 1
                && crate::markers::opening_marker(&par.text).is_some_and(|m| {
                    let title = par.text.get(m.len..).unwrap_or("");
                    !title.contains(|c: char| is_cjk_punct(c) && !is_closing(c))
                })
        };
        return seam
            && !ended
            && last.is_some_and(|c| !is_cjk_punct(c) || matches!(c, '，' | '、'))
            && !heading_line();
    };
    // A paragraph's first line is indented by two characters (GB/T 9704-2012, 7.3.4), which a
    // PDF text extractor does not reproduce: its full width is two characters less.
    let cap = if par.lines == 1 {
        full.saturating_sub(4)
    } else {
        full
    };
    let no_room = |line: &Line, next: Option<&Line>, cap: usize| {
        line.width() + next.and_then(|l| l.first(input)).map_or(0, width) > cap
    };
    if ended || prev.last(input).is_some_and(|c| matches!(c, '：' | '；')) {
        // A sentence that ends at the margin may still be followed by more of the paragraph,
        // unless the next line opens like a numbered heading, or is a paragraph's indented
        // first line: too short for the full width, yet going on past its end.
        let next_is_first_line = !ends_sentence(next_text)
            && following.is_some()
            && no_room(next, following, full.saturating_sub(4))
            && !no_room(next, following, full);
        // A short line with no closing punctuation after a finished sentence is a subhead of
        // its own (`主要做法`), not the last line of the paragraph, which would end a sentence.
        let next_is_subhead = !no_room(next, following, full)
            && next
                .last(input)
                .is_some_and(|c| is_cjk(c) || c.is_ascii_alphanumeric());
        no_room(prev, Some(next), cap)
            && !starts_like_heading(next_text)
            && !next_is_first_line
            && !next_is_subhead
    } else {
        // Mid-sentence: a line that is nearly full was wrapped (word processors justify lines,
        // so their widths vary by a few columns). A first line must be full: a short one is a
        // heading or a title line of its own. A numbered heading may also follow a line that
        // ends without punctuation (`…通知如下`), unless that line stops inside a clause.
        let inside_clause = prev.last(input).is_some_and(|c| {
            matches!(c, '，' | '、' | ',' | '第' | '“' | '《' | '（' | '(')
                || is_digit(c)
                || c.is_ascii_alphanumeric()
        });
        if !inside_clause && crate::markers::opening_marker(next_text).is_some() {
            return false;
        }
        no_room(prev, Some(next), cap)
            || (par.lines > 1 && prev.width() * 10 >= cap * 8 && !starts_like_heading(next_text))
    }
}

/// Whether the text ends a sentence (`。`, `！`, `？`, also before a closing quote or bracket).
fn ends_sentence(text: &str) -> bool {
    text.chars()
        .rev()
        .take(4)
        .find(|&c| !is_closing(c))
        .is_some_and(is_sentence_end)
}

/// Whether a line opens with a numbered heading marker (`一、` `（一）` `1.` `第一章` `①` …) or an
/// enumeration (`二是`, `第二，`).
pub fn starts_like_heading(text: &str) -> bool {
    crate::markers::opening_marker(text).is_some() || crate::markers::enumeration(text).is_some()
}

/// HTML character references for spaces, which text scraped from a web page may still hold.
const SPACE_ENTITIES: &[&str] = &[
    "&nbsp;", "&ensp;", "&emsp;", "&thinsp;", "&#160;", "&#12288;", "&#x3000;", "&#xa0;",
];

fn strip_suffix_ignore_case<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..at])
}

/// The length in bytes of the blank at the start of `text`: a space, an invisible mark, or a
/// space entity (`&nbsp;`).
fn blank_len(text: &str) -> Option<usize> {
    let c = text.chars().next()?;
    if is_space(c) || is_invisible(c) {
        return Some(c.len_utf8());
    }
    if c != '&' {
        return None;
    }
    SPACE_ENTITIES
        .iter()
        .find(|e| {
            text.get(..e.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(e))
        })
        .map(|e| e.len())
}

/// Appends one line's content, dropping spaces that stand next to CJK text (`2023 年`,
/// `政 府 工 作 报 告`), invisible characters and space entities, keeping one space between
/// Latin words. Each run of blanks is looked at once, and the text between blanks is copied in
/// one go, so the work is linear in the line's length.
fn append_line(par: &mut Paragraph, input: &str, content: Range<usize>) {
    let Some(text) = input.get(content.clone()) else {
        return;
    };
    let base = content.start;
    let wide = |c: char| is_cjk(c) || is_cjk_punct(c);
    // The last character kept (or dropped as invisible) before the one looked at.
    let mut prev: Option<char> = par.text.chars().next_back();
    let mut run_start = 0;
    // Everything before `i` has been looked at.
    let mut i = 0;
    while let Some(at) = next_blank_candidate(text.as_bytes(), i) {
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if at > i {
            // Between `i` and `at` stand only characters that are kept as they are.
            prev = text.get(..at).and_then(|before| before.chars().next_back());
        }
        let after = at + c.len_utf8();
        i = after;
        if is_invisible(c) {
            par.push(input, base + run_start..base + at);
            run_start = after;
            continue;
        }
        let blank = if is_space(c) || c == '&' {
            text.get(at..).and_then(blank_len)
        } else {
            None
        };
        let Some(first) = blank else {
            prev = Some(c);
            continue;
        };
        let mut end = at + first;
        while let Some(n) = text.get(end..).and_then(blank_len) {
            end += n;
        }
        let next = text.get(end..).and_then(|rest| rest.chars().next());
        par.push(input, base + run_start..base + at);
        // One real space between two narrow characters stays (`GIS data`); an entity never.
        let keep_one =
            is_space(c) && prev.is_some_and(|p| !wide(p)) && next.is_some_and(|n| !wide(n));
        if keep_one {
            par.push(input, base + at..base + after);
            prev = Some(c);
        }
        run_start = end;
        i = end;
    }
    par.push(input, base + run_start..content.end);
}

/// The byte offset of the next character at or after `from` in the UTF-8 `bytes` that may be a
/// space, an invisible mark or `&` (see [`may_be_blank`]).
fn next_blank_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    // A continuation byte (0x80–0xBF) never passes the filter, so only character starts are
    // tried.
    rest.iter()
        .enumerate()
        .position(|(k, _)| may_be_blank(rest.get(k..).unwrap_or_default()))
        .map(|k| from + k)
}

/// Whether the UTF-8 text `bytes` may begin with a space, an invisible mark or `&`: every
/// character that is one begins so (a test checks all of Unicode), and the few others that do
/// (line breaks, C1 controls) are told apart by the caller, so that ordinary text is skipped a
/// byte at a time without decoding it.
fn may_be_blank(bytes: &[u8]) -> bool {
    match bytes {
        [0x00..=0x20 | b'&' | 0x7F, ..] => true,
        // U+00A0
        [0xC2, 0xA0, ..] => true,
        // U+2000–U+200F, U+202A–U+202F; U+205F, U+2060, U+2066–U+2069
        [0xE2, 0x80, 0x80..=0x8F | 0xAA..=0xAF, ..] => true,
        [0xE2, 0x81, 0x9F | 0xA0 | 0xA6..=0xA9, ..] => true,
        // U+3000, U+FEFF
        [0xE3, 0x80, 0x80, ..] | [0xEF, 0xBB, 0xBF, ..] => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_cleaned_text_back_to_the_input() {
        let input = "一、总体\r\n\r\n  共受理案件 15件，\n— 3 —\n\n其中民事 6件。";
        let doc = read(input);
        let all: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            all,
            ["一、总体", "共受理案件15件，其中民事6件。"],
            "a page seam inside a sentence is mended"
        );
        let par = &doc.paragraphs[1];
        let at = par.text.find("15件").unwrap_or(0);
        let r = par.input_range(at..at + "15件".len());
        assert_eq!(
            &input[r], "15件",
            "a figure's input range slices the input to the same text"
        );
    }

    #[test]
    fn input_range_never_panics_off_boundaries() {
        let doc = read("共受理案件 15件。");
        let par = &doc.paragraphs[0];
        for a in 0..par.text.len() + 3 {
            for b in 0..par.text.len() + 3 {
                let r = par.input_range(a..b);
                assert!(
                    r.start <= r.end && r.end <= doc.input.len(),
                    "range {a}..{b} maps inside the input"
                );
                assert!(
                    doc.input.is_char_boundary(r.start) && doc.input.is_char_boundary(r.end),
                    "on boundaries"
                );
            }
        }
    }

    /// Every character of Unicode, encoded alone and inside text.
    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn the_blank_filter_lets_every_blank_through() {
        for c in every_char() {
            let blank = is_space(c) || is_invisible(c) || c == '&';
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if blank {
                assert!(
                    may_be_blank(bytes),
                    "{c:?} is looked at as a possible blank"
                );
            }
            let text = format!("文{c}字");
            if blank {
                assert_eq!(
                    next_blank_candidate(text.as_bytes(), 0),
                    Some("文".len()),
                    "the scan stops at {c:?}"
                );
            }
        }
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

    /// The cleaning rules applied one character at a time: what the scanning in `append_line`
    /// must give.
    fn append_line_by_chars(text: &str) -> String {
        let wide = |c: char| is_cjk(c) || is_cjk_punct(c);
        let mut out = String::new();
        let mut prev: Option<char> = None;
        let mut skip = 0;
        for (i, c) in text.char_indices() {
            if i < skip || is_invisible(c) {
                continue;
            }
            let blank = if is_space(c) || c == '&' {
                text.get(i..).and_then(blank_len)
            } else {
                None
            };
            let Some(first) = blank else {
                out.push(c);
                prev = Some(c);
                continue;
            };
            let mut end = i + first;
            while let Some(n) = text.get(end..).and_then(blank_len) {
                end += n;
            }
            let next = text.get(end..).and_then(|rest| rest.chars().next());
            if is_space(c) && prev.is_some_and(|p| !wide(p)) && next.is_some_and(|n| !wide(n)) {
                out.push(c);
                prev = Some(c);
            }
            skip = end;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn cleaning_a_line_follows_the_rules(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "GIS", "1", "5.1", "&", "&nbsp;", "&NBSP;", "&#160;", "&amp;", " ",
                    "\t", "\u{3000}", "\u{a0}", "\u{200b}", "\u{200d}", "\u{feff}",
                    "\u{202a}", "\u{2060}", "\u{2066}", "\u{1}", "\u{7f}", "\u{85}", "年",
                    "报告", "。", "，", "“", "—", "（", "😀", "𠀀", "é", "·",
                ]),
                0..24,
            )
        ) {
            let text: String = parts.concat();
            let mut par = Paragraph::default();
            append_line(&mut par, &text, 0..text.len());
            proptest::prop_assert_eq!(&par.text, &append_line_by_chars(&text));
            let joined: String = par.pieces().filter_map(|r| text.get(r)).collect();
            proptest::prop_assert_eq!(&joined, &par.text);
            if measure(&text).1 {
                proptest::prop_assert_eq!(&par.text, &text);
            }
        }
    }

    #[test]
    fn a_long_run_of_spaces_is_linear() {
        let input = format!("a{}b", " ".repeat(200_000));
        let started = std::time::Instant::now();
        let doc = read(&input);
        assert_eq!(
            doc.paragraphs[0].text, "a b",
            "a run of spaces between Latin letters keeps one space"
        );
        assert!(
            started.elapsed().as_secs() < 2,
            "a long run of spaces is read in linear time"
        );
    }
}
