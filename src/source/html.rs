//! Raw HTML pasted as text: a page's source copied whole, or a content system's export
//! (`<p style="…">一、指导思想</p><p><br/></p>`). Its tags are markup, never text.
//!
//! The input is read as HTML only when it plainly is one: it holds [`MIN_TAGS`] tags of known
//! names ([`looks_like_html`]). A report that writes `<` in a sentence (`<5%`, `a<b`) is read as
//! text, untouched. The test is one fast search for `<`, which text that is no HTML never holds.
//!
//! Cleaning only ever deletes (a paragraph is exactly the concatenation of pieces of the input,
//! so every finding points at the characters pasted), so markup becomes deleted runs:
//! - a **block tag** (`<p>`, `</p>`, `<br/>`, `<div>`, `<li>`, `<tr>`, `<td>`, `<h1>`–`<h6>`,
//!   `<table>` …, any case, with attributes) ends a line, as a line break does; the empty lines
//!   between two such tags (`</p><p>`, `<p><br/></p>`) are no blank lines;
//! - **every other tag** (`<strong>`, `<span style="…">`, `<img>`, `<o:p>`, unknown names), a
//!   comment, a `<!DOCTYPE>`, and a `<script>`, `<style>`, `<noscript>` or `<template>` element
//!   with all its content are dropped where they stand; a line break inside one breaks nothing;
//! - a **character reference** (`&ldquo;`, `&#8220;`, `&mdash;`, `&amp;`, `&lt;`) is dropped too.
//!   It cannot be rewritten into the character it stands for, and kept as written it would put
//!   letters and digits into the text (`&#8220;` would read as the number 8220). The characters
//!   references stand for in a report are quotes, dashes, brackets and `&`, whose loss changes
//!   no heading, element or figure. Space references (`&nbsp;`, `&#12288;`) are blanks, as in any
//!   text (see [`blank_len`]).
//!
//! Markup that is not closed (`<p` with no `>` before the next `<`, a comment with no `-->`, a
//! `<script>` with no `</script>`) is text, or for the script only its opening tag is markup.
//! The input is scanned once; each search for an end stops at the next `<` or is not repeated
//! once it failed, so the work is linear in the input's length.
//!
//! Hand-written rather than an HTML parser crate: a parser builds a tree of decoded text, whose
//! offsets no longer map back to the characters pasted, and would add far more to the page's
//! module than these few kilobytes.

use std::ops::Range;

use super::blanks::blank_len;

/// How many tags of known names make a text HTML.
pub(super) const MIN_TAGS: usize = 4;

/// Tags that end a line: they stand between blocks of text, or break a line (`<br>`).
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is never shown as text: they are dropped with it.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template"];

/// Tags inside a line that pages and word processors write, known to tell HTML from prose.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "img", "input", "ins",
    "label", "link", "meta", "o:p", "s", "small", "span", "strike", "strong", "sub", "sup", "u",
];

/// The longest tag name looked at: a longer name is no tag a page writes.
const MAX_NAME: usize = 16;
/// The longest character reference, `&` and `;` included (`&thetasym;`, `&#x10FFFF;`).
const MAX_REFERENCE: usize = 12;

/// One run of markup in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Markup {
    /// Its byte range in the input.
    pub(super) range: Range<usize>,
    /// Whether it ends a line (a [`BLOCK`] tag).
    pub(super) block: bool,
}

impl Markup {
    /// Records the run of markup `found` at `at` (its length, and whether it ends a line) in
    /// `out`; returns where the scan goes on: after the run, or after the `at` byte when none.
    pub(super) fn record(out: &mut Vec<Markup>, at: usize, found: Option<(usize, bool)>) -> usize {
        match found {
            Some((len, block)) => {
                out.push(Markup {
                    range: at..at + len,
                    block,
                });
                at + len
            }
            None => at + 1,
        }
    }
}

/// A tag read at a `<`.
struct Tag<'t> {
    /// The name, as written (compare it ignoring case).
    name: &'t [u8],
    closing: bool,
    /// Whether it closes itself (`<br/>`).
    self_closing: bool,
    /// Its length in bytes, `<` to `>`.
    len: usize,
}

/// Reads the tag at the start of `bytes` (which starts with `<`): `<`, an optional `/`, a name of
/// ASCII letters, digits, `:`, `-` or `_` that opens with a letter, then a space, `/` or `>`, and
/// the attributes up to the first `>`, which must come before the next `<`.
fn tag(bytes: &[u8]) -> Option<Tag<'_>> {
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_len = bytes
        .get(name_start..)?
        .iter()
        .take(MAX_NAME + 1)
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b':' | b'-' | b'_')))?;
    if name_len > MAX_NAME {
        return None;
    }
    let after = name_start + name_len;
    if !matches!(
        bytes.get(after)?,
        b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0C
    ) {
        return None;
    }
    let rest = bytes.get(after..)?;
    let end = rest.iter().position(|&b| b == b'>' || b == b'<')?;
    if rest.get(end) != Some(&b'>') {
        return None;
    }
    let len = after + end + 1;
    Some(Tag {
        name: bytes.get(name_start..after)?,
        closing,
        self_closing: end > 0 && rest.get(end - 1) == Some(&b'/'),
        len,
    })
}

fn is_one_of(name: &[u8], names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| n.as_bytes().eq_ignore_ascii_case(name))
}

/// Whether `input` is HTML: it holds [`MIN_TAGS`] tags of known names. Text with no `<` is
/// turned away by one fast search.
pub(super) fn looks_like_html(input: &str) -> bool {
    let bytes = input.as_bytes();
    let mut known = 0;
    let mut from = 0;
    while let Some(k) = input.get(from..).and_then(|rest| rest.find('<')) {
        let at = from + k;
        let named = tag(bytes.get(at..).unwrap_or_default()).is_some_and(|t| {
            is_one_of(t.name, BLOCK) || is_one_of(t.name, INLINE) || is_one_of(t.name, HIDDEN)
        });
        if named {
            known += 1;
            if known >= MIN_TAGS {
                return true;
            }
        }
        from = at + 1;
    }
    false
}

/// The length of the character reference at the start of `bytes` (`&name;`, `&#123;`, `&#x1F;`).
fn reference_len(bytes: &[u8]) -> Option<usize> {
    let body = bytes.get(1..)?;
    let end = body.iter().take(MAX_REFERENCE).position(|&b| b == b';')?;
    let inner = body.get(..end)?;
    let valid = match inner {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', digits @ ..] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
        [first, rest @ ..] => {
            first.is_ascii_alphabetic() && rest.iter().all(u8::is_ascii_alphanumeric)
        }
        [] => false,
    };
    valid.then_some(end + 2)
}

/// The offset in `bytes` of the first `</name` (any case) at or after `from`.
fn find_closing(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let k = bytes.get(at..)?.windows(2).position(|w| w == b"</")?;
        let start = at + k;
        let candidate = bytes.get(start + 2..start + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return Some(start);
        }
        at = start + 2;
    }
}

/// Every run of markup in `input`, in order: tags, comments, declarations, hidden elements and
/// character references other than spaces (see the module docs).
pub(super) fn scan(input: &str) -> Vec<Markup> {
    let bytes = input.as_bytes();
    let mut out = Vec::new();
    // Once a search for an end has failed, a later one would fail too: it is not repeated.
    let mut comments_end = true;
    let mut hidden_close = [true; HIDDEN.len()];
    let mut from = 0;
    while let Some(k) = input.get(from..).and_then(|rest| rest.find(['<', '&'])) {
        let at = from + k;
        let rest = bytes.get(at..).unwrap_or_default();
        let found = if rest.first() == Some(&b'&') {
            // Space references are blanks, which the cleaning of a line drops.
            reference_len(rest)
                .filter(|_| input.get(at..).and_then(blank_len).is_none())
                .map(|len| (len, false))
        } else if rest.starts_with(b"<!--") {
            let end = comments_end
                .then(|| input.get(at + 4..).and_then(|r| r.find("-->")))
                .flatten();
            comments_end = end.is_some();
            end.map(|e| (4 + e + 3, false))
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            // `<!DOCTYPE html>`, `<![CDATA[`, `<?xml …?>`.
            let body = rest.get(2..).unwrap_or_default();
            body.iter()
                .position(|&b| b == b'>' || b == b'<')
                .filter(|&e| body.get(e) == Some(&b'>'))
                .map(|e| (2 + e + 1, false))
        } else {
            tag(rest).map(|t| {
                let hidden = HIDDEN
                    .iter()
                    .position(|n| n.as_bytes().eq_ignore_ascii_case(t.name))
                    .filter(|_| !t.closing && !t.self_closing);
                let element_end = hidden.and_then(|h| {
                    let close = hidden_close[h]
                        .then(|| find_closing(bytes, at + t.len, t.name))
                        .flatten();
                    hidden_close[h] = close.is_some();
                    let close = close?;
                    let after = bytes.get(close..)?.iter().position(|&b| b == b'>')?;
                    Some(close + after + 1 - at)
                });
                match element_end {
                    Some(len) => (len, false),
                    None => (t.len, is_one_of(t.name, BLOCK)),
                }
            })
        };
        from = Markup::record(&mut out, at, found);
    }
    out
}

/// A line of an HTML input: its byte range, and whether a block tag ends it on either side.
pub(super) struct HtmlLine {
    pub(super) range: Range<usize>,
    pub(super) by_tag: bool,
}

/// The lines of an HTML input: line breaks and block tags end them; a line break inside markup
/// does not.
pub(super) fn line_ranges(input: &str, markups: &[Markup]) -> Vec<HtmlLine> {
    let bytes = input.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut tag_before = false;
    let mut text_from = 0;
    let ends = markups
        .iter()
        .map(|m| (m.range.clone(), m.block))
        .chain(std::iter::once((input.len()..input.len(), false)));
    for (range, block) in ends {
        // The line breaks in the text before this markup.
        let mut i = text_from;
        while let Some(k) = bytes
            .get(i..range.start)
            .and_then(|t| t.iter().position(|&b| b == b'\n' || b == b'\r'))
        {
            let end = i + k;
            out.push(HtmlLine {
                range: start..end,
                by_tag: tag_before,
            });
            let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
            start = end + 1 + usize::from(crlf);
            i = start;
            tag_before = false;
        }
        if block {
            out.push(HtmlLine {
                range: start..range.start,
                by_tag: true,
            });
            start = range.end;
            tag_before = true;
        }
        text_from = range.end;
    }
    out.push(HtmlLine {
        range: start..input.len().max(start),
        by_tag: tag_before,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_with_their_attributes() {
        let t = tag(b"<p style=\"text-align: right;\">x").map(|t| (t.len, t.closing));
        assert_eq!(t, Some((30, false)), "an opening tag runs to its `>`");
        assert!(
            tag(b"<BR/>").is_some_and(|t| t.self_closing),
            "a self-closing tag in capitals is a tag"
        );
        assert!(tag(b"</P >").is_some_and(|t| t.closing), "a closing tag");
        for text in ["<5%", "< p>", "<p", "<p<p>", "<中>", "<abcdefghijklmnopq>"] {
            assert!(tag(text.as_bytes()).is_none(), "{text:?} is no tag");
        }
    }

    #[test]
    fn references_are_read() {
        for (text, len) in [
            ("&ldquo;x", 7),
            ("&#8220;", 7),
            ("&#x201C;", 8),
            ("&amp;", 5),
        ] {
            assert_eq!(
                reference_len(text.as_bytes()),
                Some(len),
                "{text:?} opens with a reference"
            );
        }
        for text in [
            "& ",
            "&;",
            "&#;",
            "&#x;",
            "&中;",
            "&amp",
            "&averyveryverylongname;",
        ] {
            assert_eq!(
                reference_len(text.as_bytes()),
                None,
                "{text:?} is no reference"
            );
        }
    }

    #[test]
    fn markup_is_found_once_in_order() {
        let input = "<!DOCTYPE html><p>全年&ldquo;共&rdquo;<!-- x\n-->受理</p><script>if(a<b){}</script>&nbsp;";
        let found: Vec<&str> = scan(input)
            .iter()
            .map(|m| &input[m.range.clone()])
            .collect();
        assert_eq!(
            found,
            [
                "<!DOCTYPE html>",
                "<p>",
                "&ldquo;",
                "&rdquo;",
                "<!-- x\n-->",
                "</p>",
                "<script>if(a<b){}</script>"
            ],
            "tags, references, comments and a script element are markup; a space reference is a blank"
        );
    }

    proptest::proptest! {
        #[test]
        fn html_is_read_by_deleting_only(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<p>", "</p>", "<P style=\"a\">", "<br/>", "<div\n>", "<span>", "</span>",
                    "<strong>", "<!--", "-->", "<script>", "</script>", "<style>", "<", ">",
                    "&nbsp;", "&ldquo;", "&#8220;", "&amp;", "&", ";", "\n", "\r\n", " ",
                    "\u{3000}", "\u{200b}", "一、", "（一）", "总体要求", "共受理案件15件，",
                    "增长5.1%。", "a", "😀", "𠀀",
                ]),
                0..40,
            )
        ) {
            let text = format!("<p></p><p></p>{}", parts.concat());
            let doc = super::super::read(&text);
            let mut last_end = 0;
            for par in &doc.paragraphs {
                let joined: String = par.pieces().filter_map(|r| text.get(r)).collect();
                proptest::prop_assert_eq!(
                    &joined, &par.text,
                    "a paragraph is the concatenation of its input pieces"
                );
                for r in par.pieces() {
                    proptest::prop_assert!(
                        r.start >= last_end && r.end <= text.len(),
                        "pieces lie inside the input, in order"
                    );
                    last_end = r.end;
                }
                proptest::prop_assert!(
                    !par.text.contains("<p>") && !par.text.contains("&ldquo;"),
                    "a whole tag or reference never stays in the text"
                );
            }
        }
    }
}
