//! A site's watermark injected into a copied text: its slogan and address
//! (`某某之家—全网资源每日更新www.example.com`), set at the top and again in the middle of
//! sentences, even of a heading (`扛牢法治建设第一某某之家—…www.example.com责任人职责`).
//!
//! The tell-tale is repetition: the same web address, each time after the same run of text (the
//! slogan), with no sentence punctuation in it. That run and the address are deleted runs
//! wherever they stand. An address written once, or after different words each time
//! (`网址：www.example.gov.cn` is a sentence's, with its colon), is text.
//!
//! The input is looked at only when it holds `www.` (one fast search); each address is read
//! once and each slogan compared backwards over at most [`MAX_SLOGAN`] characters, so the work
//! is linear in the input's length.

use std::collections::HashMap;
use std::ops::Range;

use crate::chars::is_cjk;
use crate::lexicon;

/// The longest slogan looked at before an address, in characters.
const MAX_SLOGAN: usize = 40;
/// The fewest CJK characters a slogan holds: a site's name at least (two words that happen to
/// stand before an address each time, `…网站www.…`, are no slogan).
const MIN_SLOGAN_CJK: usize = 4;
/// The longest address read, in bytes.
const MAX_ADDRESS: usize = 100;

/// The watermarks of `input`, as sorted, disjoint byte ranges (see the module docs).
pub(super) fn find(input: &str) -> Vec<Range<usize>> {
    if !input.contains("www.") {
        return Vec::new();
    }
    // Each address, with the places it stands at.
    let mut places: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
    let mut from = 0;
    while let Some(k) = input.get(from..).and_then(|rest| rest.find("www.")) {
        let at = from + k;
        let end = address_end(input, at);
        if let Some(address) = input.get(at..end).filter(|a| names_a_site(a)) {
            places.entry(address).or_default().push(at..end);
        }
        from = end.max(at + 1);
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for ranges in places.values().filter(|r| r.len() >= 2) {
        let len = common_slogan(input, ranges);
        let slogan_cjk = ranges.first().map_or(0, |r| {
            input
                .get(r.start - len..r.start)
                .map_or(0, |s| s.chars().filter(|&c| is_cjk(c)).count())
        });
        if slogan_cjk >= MIN_SLOGAN_CJK {
            out.extend(ranges.iter().map(|r| r.start - len..r.end));
        }
    }
    out.sort_by_key(|r| r.start);
    // Two sites' marks that touch are one run.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The end of the web address that starts at `at` (`www.example.com/a/b.html`): letters,
/// digits and the marks of a path, up to [`MAX_ADDRESS`] bytes.
fn address_end(input: &str, at: usize) -> usize {
    let bytes = input.as_bytes();
    let rest = bytes.get(at..).unwrap_or_default();
    let len = rest
        .iter()
        .take(MAX_ADDRESS)
        .position(|&b| {
            !(b.is_ascii_alphanumeric()
                || matches!(b, b'.' | b'-' | b'_' | b'/' | b'?' | b'=' | b'&' | b'%'))
        })
        .unwrap_or_else(|| rest.len().min(MAX_ADDRESS));
    // A full stop after an address ends the sentence, not the address.
    let trimmed = rest.get(..len).map_or(0, |a| {
        a.len() - a.iter().rev().take_while(|&&b| b == b'.').count()
    });
    at + trimmed
}

/// Whether `address` is a site's (its host ends with a [`lexicon::WEB_DOMAINS`] ending).
fn names_a_site(address: &str) -> bool {
    let host = address.split('/').next().unwrap_or_default();
    lexicon::WEB_DOMAINS.iter().any(|d| host.ends_with(d))
}

/// The byte length of the text that stands the same before every one of `ranges` (at most
/// [`MAX_SLOGAN`] characters, within the line, with no sentence punctuation), ending where the
/// addresses start.
fn common_slogan(input: &str, ranges: &[Range<usize>]) -> usize {
    let Some(first) = ranges.first() else {
        return 0;
    };
    let mut befores: Vec<std::iter::Rev<std::str::Chars<'_>>> = ranges
        .iter()
        .map(|r| input.get(..r.start).unwrap_or_default().chars().rev())
        .collect();
    let mut len = 0;
    for _ in 0..MAX_SLOGAN {
        let mut chars = befores.iter_mut().map(Iterator::next);
        let Some(Some(c)) = chars.next() else {
            break;
        };
        if !chars.all(|o| o == Some(c)) || ends_slogan(c) {
            break;
        }
        len += c.len_utf8();
    }
    // The slogan's first character is a whole character of the first place's text.
    debug_assert!(input.is_char_boundary(first.start - len));
    len
}

/// A character no slogan holds: a line break or a mark that ends or splits a sentence.
fn ends_slogan(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '。' | '，' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(input: &str) -> Vec<&str> {
        find(input).into_iter().map(|r| &input[r]).collect()
    }

    #[test]
    fn a_repeated_slogan_and_address_is_a_watermark() {
        let input = "某某之家—资源每日更新www.example.com关于工作的报告。二是扛牢第一某某之家—资源每日更新www.example.com责任人职责。";
        assert_eq!(
            marks(input),
            ["某某之家—资源每日更新www.example.com"; 2],
            "the slogan and the address are found at both places"
        );
    }

    #[test]
    fn an_address_of_the_text_is_no_watermark() {
        for input in [
            "详见某某网www.example.com。",
            "网址：www.example.gov.cn，电话：123。网址：www.example.gov.cn。",
            "登录甲网站www.example.com查询，或乙网站www.example.com办理。",
            "www.example.comwww.example.com",
        ] {
            assert!(marks(input).is_empty(), "{input:?} holds no watermark");
        }
    }

    #[test]
    fn addresses_end_before_a_full_stop() {
        let input = "见www.example.com/a.html.";
        assert_eq!(
            address_end(input, 3),
            input.len() - 1,
            "the full stop is the sentence's"
        );
    }
}
