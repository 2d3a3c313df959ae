//! Blanks inside a line: spaces, invisible marks and space entities (`&nbsp;`), found with a
//! byte scan and dropped, keeping one space between Latin words.

use std::ops::Range;

use super::Paragraph;
use crate::chars::{is_cjk, is_cjk_punct, is_invisible, is_space};

/// HTML character references for spaces, which text scraped from a web page may still hold.
const SPACE_ENTITIES: &[&str] = &[
    "&nbsp;", "&ensp;", "&emsp;", "&thinsp;", "&#160;", "&#12288;", "&#x3000;", "&#xa0;",
];

fn strip_suffix_ignore_case<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..at])
}

/// `text` without the blanks at its end: spaces, invisible marks and space entities.
pub(super) fn trim_blanks_end(text: &str) -> &str {
    let mut kept = text;
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
            return kept;
        }
        kept = trimmed;
    }
}

/// The length in bytes of the blank at the start of `text`: a space, an invisible mark, or a
/// space entity (`&nbsp;`).
pub(super) fn blank_len(text: &str) -> Option<usize> {
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
pub(super) fn append_line(par: &mut Paragraph, input: &str, content: Range<usize>) {
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

/// The deleted runs that lie inside `range`, from the sorted list `deleted`.
pub(super) fn within(deleted: &[Range<usize>], range: Range<usize>) -> &[Range<usize>] {
    let first = deleted.partition_point(|m| m.start < range.start);
    let rest = deleted.get(first..).unwrap_or_default();
    let n = rest.partition_point(|m| m.end <= range.end);
    rest.get(..n).unwrap_or_default()
}

/// Appends one line's content, leaving out the deleted runs inside it (`deleted` lists all of
/// the input's, in order) and cleaning the text between as any line's (see [`append_line`]).
/// A space next to a deleted run is dropped like one next to CJK text.
pub(super) fn append_with_deletions(
    par: &mut Paragraph,
    input: &str,
    content: Range<usize>,
    deleted: &[Range<usize>],
) {
    let mut from = content.start;
    for m in within(deleted, content.clone()) {
        if m.start > from {
            append_line(par, input, from..m.start);
        }
        from = from.max(m.end);
    }
    if content.end > from {
        append_line(par, input, from..content.end);
    }
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
pub(super) fn may_be_blank(bytes: &[u8]) -> bool {
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
    use super::super::lines::measure;
    use super::*;

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
}
