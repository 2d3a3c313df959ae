//! Source → paragraphs: undo what copying a report out of a PDF or a web page did.
//!
//! The text is read once. Each [`Paragraph`] holds its cleaned text and the input ranges it was
//! read from, so every later finding maps back to the characters the user pasted. Cleaning only
//! ever *drops* characters (line breaks, page numbers, indents, spaces around CJK, web
//! furniture, the tags of raw HTML and forum markup); it never rewrites one, so a paragraph is exactly the
//! concatenation of its pieces.
//!
//! Reading runs in three stages, each handing the next its result and none calling back:
//!
//! ```text
//! input ──cut──▶ raw lines + deleted runs ──classify──▶ lines (kind, indent, width) + layout
//!        (cut.rs; html.rs reads the markup)   (lines.rs)                           │
//!                                                                                   ▼
//!                            paragraphs with their maps to the input ◀──join── (this file)
//! ```
//!
//! 1. **Cut** (`cut`): the input is cut at its line breaks; raw HTML pasted in (a page's
//!    source, see `html`) is cut at its block tags too, and its tags and character references
//!    become deleted runs; forum markup (BBCode, see `bbcode`) the same way. Only this stage
//!    knows whether the input was markup.
//! 2. **Classify** (`lines`): what each line is (text, blank, page number, furniture), its
//!    indent and width with the deleted runs left out, and the layout of the whole text.
//! 3. **Join** ([`read`]): lines become paragraphs, with the deleted runs and the blanks that
//!    cleaning drops left out (`blanks`).
//!
//! Two layouts are told apart by the widths of the lines (see `lines::Layout`):
//! - **hard-wrapped** text (copied from a PDF): most lines share one full width, and a line
//!   continues the paragraph when the next line's first character would not have fitted on it;
//! - **one paragraph a line** (web pages, word processors): every line is a paragraph, and two
//!   lines join only where the text shows they are one: a page seam (a page-number line inside
//!   a sentence); a line broken inside a clause while a quotation is open; and text a site
//!   wrapped at a fixed width after indents (`Layout::indent_wrap`: each paragraph opens with
//!   an indent, its other lines have none), where an unindented line continues a paragraph
//!   whose last line filled the width and ended no sentence (see `wrapped_after_indent`).

mod bbcode;
mod blanks;
mod cut;
mod html;
mod lines;
mod watermark;
// The reader's contract (cleaning only deletes), checked on any input (a test module).
mod contract;

use std::ops::Range;

use crate::chars::{is_cjk, is_cjk_punct, is_closing, is_digit, is_sentence_end, width};
use crate::offsets::CharIndex;
use blanks::{append_line, append_with_deletions};
use lines::{classify, Classified, Layout, Line, LineKind, NARROWEST_WRAP, WRAP_SLACK};

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

    /// Whether cleaning dropped nothing inside the paragraph's lines: each line was copied
    /// whole, so the text holds a gap in the input only where two lines were joined.
    pub fn lines_are_whole(&self) -> bool {
        self.pieces_are_lines()
    }

    /// The input bytes that cleaning dropped right before byte `clean` of the text (spaces, a
    /// tag, a line break and what stood around it), empty when the character there follows the
    /// one before it in the input. `clean` is a character boundary of the text.
    pub fn dropped_before(&self, clean: usize) -> Range<usize> {
        if clean == 0 || clean >= self.text.len() {
            return 0..0;
        }
        let after_previous = self.to_input(clean - 1) + 1;
        let start = self.to_input(clean);
        if start > after_previous {
            after_previous..start
        } else {
            0..0
        }
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
    /// Turns the byte offsets the stages find into the code points the report gives.
    pub chars: CharIndex<'a>,
}

/// Reads `input` into paragraphs.
pub fn read(input: &str) -> Document<'_> {
    let cut = cut::cut(input);
    let Classified { lines, layout } = classify(input, &cut);
    let paragraphs = paragraphs(input, &lines, &layout, &cut.deleted);
    Document {
        input,
        paragraphs,
        wrap_width: layout.wrap,
        chars: CharIndex::new(input),
    }
}

/// Stage 3 of reading: joins the classified lines into paragraphs, leaving out the deleted
/// runs and the blanks that cleaning drops.
fn paragraphs(
    input: &str,
    lines: &[Line],
    layout: &Layout,
    deleted: &[Range<usize>],
) -> Vec<Paragraph> {
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
    let mut quotes = OpenQuotes::default();
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
                continues(
                    input,
                    [prev, line],
                    following,
                    &current,
                    &mut quotes,
                    layout,
                    seam,
                )
            }
            _ => false,
        };
        if !joins {
            if open {
                finish(&mut current);
            }
            current.indented = line.indent > 0;
            quotes = OpenQuotes::default();
            open = true;
        }
        let par = &mut current;
        let text_start = par.text.len();
        if line.plain {
            par.push(input, line.content.clone());
        } else if deleted.is_empty() {
            append_line(par, input, line.content.clone());
        } else {
            append_with_deletions(par, input, line.content.clone(), deleted);
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
    paragraphs
}

/// Whether `next` continues the paragraph that `prev` ended (`following` is the text line after
/// `next`, if any).
fn continues(
    input: &str,
    [prev, next]: [&Line; 2],
    following: Option<&Line>,
    par: &Paragraph,
    quotes: &mut OpenQuotes,
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
        if seam {
            return !ended
                && last.is_some_and(|c| !is_cjk_punct(c) || matches!(c, '，' | '、'))
                && !heading_line();
        }
        return !ended
            && next.indent == 0
            && (wrapped_after_indent(input, [prev, next], par, layout)
                || broken_in_quotation(input, prev, next_text, par, quotes));
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
            && !opens_with_marker_or_enumeration(next_text)
            && !next_is_first_line
            && !next_is_subhead
    } else {
        // Mid-sentence: a line that is nearly full was wrapped (word processors justify lines,
        // so their widths vary by a few columns). A first line must be full: a short one is a
        // heading or a title line of its own. A numbered heading may also follow a line that
        // ends without punctuation (`…通知如下`), unless that line stops inside a clause.
        let inside_clause = prev.last(input).is_some_and(stops_inside_clause);
        if !inside_clause && crate::markers::opening_marker(next_text).is_some() {
            return false;
        }
        no_room(prev, Some(next), cap)
            || (par.lines > 1
                && prev.width() * 10 >= cap * 8
                && !opens_with_marker_or_enumeration(next_text))
    }
}

/// In text laid out one paragraph a line, whether `next` (not indented) continues a paragraph
/// that opened with an indent of one or two characters, and that `prev` left unfinished (the
/// caller checks that no sentence ends there). A heading's marker opens a new paragraph, unless
/// `prev` stops inside a clause (`…依照本条例第` / `十二条的规定`). Then either
/// - the text was wrapped at a fixed width after indents (`Layout::indent_wrap`), `prev` fills
///   that width, and `next` fills it too or is the paragraph's last line, ending with
///   punctuation (`原则。`): a short bare line is a heading or a name of its own, and a short
///   line ending with a colon the addressees under a title as wide as the wrap; or
/// - whatever the layout, `next` finishes the sentence `prev` broke off inside a clause (a page
///   break of a web copy: `…增加到二千四百万` / `人，其中…。`), and is no longer than `prev`.
///
/// A title and its addressees (`  关于…的通知` / `各区人民政府：`), a lead and the short items
/// of its list, a closing sentence and the signature under it stay apart: the first line is not
/// as wide as the wrap, or the next ends no sentence.
fn wrapped_after_indent(
    input: &str,
    [prev, next]: [&Line; 2],
    par: &Paragraph,
    layout: &Layout,
) -> bool {
    let Some(first) = par.source_lines.first() else {
        return false;
    };
    let total = |line: &Line| line.indent() + line.width();
    let (prev_total, next_total) = (total(prev), total(next));
    let last = prev.last(input);
    if !(2..=4).contains(&first.indent) || next_total > prev_total + WRAP_SLACK {
        return false;
    }
    if !last.is_some_and(stops_inside_clause) && opens_with_marker_or_enumeration(next.text(input))
    {
        return false;
    }
    let next_last = next.last(input);
    if let Some(full) = layout.indent_wrap {
        let fills = |width: usize| width + WRAP_SLACK >= full && width <= full + WRAP_SLACK;
        if fills(prev_total)
            && (fills(next_total)
                || next_last.is_some_and(|c| {
                    (is_cjk_punct(c) || is_closing(c) || c.is_ascii_punctuation())
                        && !matches!(c, '：' | ':')
                }))
        {
            return true;
        }
    }
    prev_total >= NARROWEST_WRAP
        && last.is_some_and(|c| is_cjk(c) || is_digit(c) || matches!(c, '，' | '、'))
        && ends_sentence(next.text(input))
}

/// In text laid out one paragraph a line, whether `next` continues a line `prev` that stopped
/// inside a clause (on a character, or on `，` `、`) while a quotation opened in the paragraph is
/// still open: a quoted article (`第十九条修改为：“…支付所欠报酬的` / `50%的赔偿金；…”`) is one
/// paragraph. A line opening like a heading or an enumeration (the quoted article's items) stands
/// alone. (A book title or a bracket left open says less: a site's truncated line leaves one.)
fn broken_in_quotation(
    input: &str,
    prev: &Line,
    next_text: &str,
    par: &Paragraph,
    quotes: &mut OpenQuotes,
) -> bool {
    prev.last(input)
        .is_some_and(|c| !is_cjk_punct(c) || matches!(c, '，' | '、'))
        && !opens_with_marker_or_enumeration(next_text)
        && quotes.open_at_end(&par.text)
}

/// Which quotations are open at the end of a paragraph being read, read as far as it was asked
/// for, so that each byte is read once however often it is asked.
#[derive(Debug, Default)]
struct OpenQuotes {
    /// How many bytes of the paragraph's text were read.
    read: usize,
    /// One bit per kind of quotation mark (`“”` `「」` `『』`) opened and not closed since.
    open: u8,
}

impl OpenQuotes {
    /// Whether a quotation opened in `text` (the paragraph read so far; it only grows) is still
    /// open.
    fn open_at_end(&mut self, text: &str) -> bool {
        for c in text.get(self.read..).unwrap_or("").chars() {
            match c {
                '“' => self.open |= 1,
                '”' => self.open &= !1,
                '「' => self.open |= 2,
                '」' => self.open &= !2,
                '『' => self.open |= 4,
                '』' => self.open &= !4,
                _ => {}
            }
        }
        self.read = text.len();
        self.open != 0
    }
}

/// Whether a line that ends on `c` stops inside a clause, so that what follows continues it even
/// when it begins like a number (`…依照本条例第` / `十二条的规定`).
fn stops_inside_clause(c: char) -> bool {
    matches!(c, '，' | '、' | ',' | '第' | '“' | '《' | '（' | '(')
        || is_digit(c)
        || c.is_ascii_alphanumeric()
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
pub fn opens_with_marker_or_enumeration(text: &str) -> bool {
    crate::markers::opening_marker(text).is_some() || crate::markers::enumeration(text).is_some()
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
