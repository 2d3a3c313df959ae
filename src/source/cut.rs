//! Stage 1 of reading: the input cut into raw lines, and the runs of it that no line's text
//! keeps (deleted runs).
//!
//! A text is cut at its line breaks (LF, CRLF or lone CR); what it deletes is a site's
//! watermark repeated in it (see [`watermark`](super::watermark)). Raw HTML
//! pasted in (see [`html`](super::html)) is cut at its line breaks and its block tags too (a
//! line break inside a tag cuts nothing), and every tag and character reference is a deleted
//! run. Forum markup (BBCode, see [`bbcode`](super::bbcode)) is read the same way, its block
//! tags ending lines. This is the only stage that knows whether the input was markup: the later
//! ones see lines and deleted runs, whatever made them.

use std::ops::Range;

use super::html::{self, HtmlLine, Markup};
use super::{bbcode, watermark};

/// One raw line: a byte range of the input without its line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RawLine {
    pub(super) range: Range<usize>,
    /// Whether a deleted run that ends lines (a block tag) stands on either side, so that the
    /// line, left empty, is no blank line of the text (`</p><p>`, `<p><br/></p>`).
    pub(super) cut_by_deletion: bool,
}

/// The input cut into lines, with its deleted runs.
pub(super) struct Cut<'a> {
    input: &'a str,
    lines: CutLines,
    /// The deleted runs, in order and apart: byte ranges of the input that no line's text
    /// keeps. For a text that is no markup, only its watermarks.
    pub(super) deleted: Vec<Range<usize>>,
    /// Whether the lines may carry a plain text's own marks: Markdown's `# 标题` and `> 引用`,
    /// and a `---` front matter. Markup marks its text with tags instead.
    pub(super) markdown: bool,
}

/// How the lines are found.
enum CutLines {
    /// At the line breaks, found as the lines are read (there are `count` of them).
    Breaks { count: usize },
    /// Listed while the markup was read.
    Listed(Vec<HtmlLine>),
}

/// Cuts `input` into lines (see the module docs).
pub(super) fn cut(input: &str) -> Cut<'_> {
    let bytes = byte_counts(input.as_bytes());
    // Text that is no HTML has fewer `<` than HTML has tags, which the count of the line breaks
    // tells at no cost.
    if bytes.lt >= html::MIN_TAGS && html::looks_like_html(input) {
        return markup(input, html::scan(input));
    }
    // The same for `[` and forum markup: a pair of tags holds two.
    if bytes.lsb >= 2 * bbcode::MIN_PAIRS && bbcode::looks_like_bbcode(input) {
        return markup(input, bbcode::scan(input));
    }
    Cut {
        input,
        lines: CutLines::Breaks {
            count: line_count(input, &bytes),
        },
        deleted: watermark::find(input),
        markdown: true,
    }
}

/// The cut of a markup input whose `markups` were found.
fn markup(input: &str, markups: Vec<Markup>) -> Cut<'_> {
    let lines = html::line_ranges(input, &markups);
    Cut {
        input,
        lines: CutLines::Listed(lines),
        deleted: markups.into_iter().map(|m| m.range).collect(),
        markdown: false,
    }
}

impl<'a> Cut<'a> {
    /// How many lines [`Cut::lines`] yields.
    pub(super) fn len(&self) -> usize {
        match &self.lines {
            CutLines::Breaks { count } => *count,
            CutLines::Listed(lines) => lines.len(),
        }
    }

    /// The lines, in order.
    pub(super) fn lines(&self) -> Lines<'_> {
        match &self.lines {
            CutLines::Breaks { .. } => Lines::Breaks(Breaks::new(self.input)),
            CutLines::Listed(lines) => Lines::Listed(lines.iter()),
        }
    }
}

/// The lines of a [`Cut`].
pub(super) enum Lines<'c> {
    Breaks(Breaks<'c>),
    Listed(std::slice::Iter<'c, HtmlLine>),
}

impl Iterator for Lines<'_> {
    type Item = RawLine;

    fn next(&mut self) -> Option<RawLine> {
        match self {
            Lines::Breaks(breaks) => breaks.next().map(|range| RawLine {
                range,
                cut_by_deletion: false,
            }),
            Lines::Listed(lines) => lines.next().map(|l| RawLine {
                range: l.range.clone(),
                cut_by_deletion: l.by_tag,
            }),
        }
    }
}

/// The byte ranges of the input's lines, without their line breaks (LF, CRLF or lone CR).
///
/// The next LF and the next CR are each found by a fast search (`str::find` looks for an
/// ASCII byte with memchr) and kept until passed, so a text with CRLF costs no more than one
/// with LF alone: a loop testing every byte for either would cost several instructions a byte.
/// (`str::lines` would do neither: it keeps a lone CR inside a line and gives no offsets.)
pub(super) struct Breaks<'a> {
    input: &'a str,
    next_lf: usize,
    next_cr: usize,
    start: Option<usize>,
}

impl<'a> Breaks<'a> {
    fn new(input: &'a str) -> Self {
        Breaks {
            input,
            next_lf: find(input, '\n', 0),
            // Most texts break lines with LF alone; then no CR is ever looked for again.
            next_cr: find(input, '\r', 0),
            start: Some(0),
        }
    }
}

/// The byte offset of the first `b` at or after `from`, or the input's length.
fn find(input: &str, b: char, from: usize) -> usize {
    input
        .get(from..)
        .and_then(|r| r.find(b))
        .map_or(input.len(), |k| from + k)
}

impl Iterator for Breaks<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let from = self.start?;
        let bytes = self.input.as_bytes();
        if self.next_lf < from {
            self.next_lf = find(self.input, '\n', from);
        }
        if self.next_cr < from {
            self.next_cr = find(self.input, '\r', from);
        }
        let end = self.next_lf.min(self.next_cr);
        if end >= bytes.len() {
            self.start = None;
            return Some(from..bytes.len());
        }
        let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
        self.start = Some(end + 1 + usize::from(crlf));
        Some(from..end)
    }
}

/// How many times the input holds each byte that matters before its lines are read.
struct ByteCounts {
    lf: usize,
    cr: usize,
    /// `<`, which opens an HTML tag.
    lt: usize,
    /// `[`, which opens a forum tag.
    lsb: usize,
}

/// Counts the bytes of [`ByteCounts`] in one pass.
// Kept out of line: inlined into its caller, the loop was no longer turned into vector code.
#[inline(never)]
fn byte_counts(bytes: &[u8]) -> ByteCounts {
    let mut counts = ByteCounts {
        lf: 0,
        cr: 0,
        lt: 0,
        lsb: 0,
    };
    // Counted in blocks whose count fits a byte, which the compiler turns into vector code.
    for block in bytes.chunks(255) {
        let (mut lf, mut cr, mut lt, mut lsb) = (0u8, 0u8, 0u8, 0u8);
        for &b in block {
            lf += u8::from(b == b'\n');
            cr += u8::from(b == b'\r');
            lt += u8::from(b == b'<');
            lsb += u8::from(b == b'[');
        }
        counts.lf += usize::from(lf);
        counts.cr += usize::from(cr);
        counts.lt += usize::from(lt);
        counts.lsb += usize::from(lsb);
    }
    counts
}

/// How many items [`Breaks`] yields.
fn line_count(input: &str, counts: &ByteCounts) -> usize {
    // Each CR is found by a fast search and the byte after it looked at, instead of testing
    // every pair of bytes.
    let bytes = input.as_bytes();
    let mut crlf = 0;
    let mut from = 0;
    for _ in 0..counts.cr {
        let Some(k) = input.get(from..).and_then(|r| r.find('\r')) else {
            break;
        };
        let at = from + k;
        crlf += usize::from(bytes.get(at + 1) == Some(&b'\n'));
        from = at + 1;
    }
    counts.lf + counts.cr - crlf + 1
}
