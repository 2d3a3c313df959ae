//! A site's watermark injected into a copied text: its slogan and address
//! (`某某之家—全网资源每日更新www.example.com`), set at the top and again in the middle of
//! sentences, even of a heading (`扛牢法治建设第一某某之家—…www.example.com责任人职责`).
//!
//! The tell-tale is repetition: the web address on the text's first line stands again further
//! on, each time after the same run of text (the slogan), with no sentence punctuation in it.
//! That run and the address are deleted runs wherever they stand. An address written once, or
//! after different words each time (`网址：www.example.gov.cn` is a sentence's, with its
//! colon), is text.
//!
//! Only the first line is looked at unless it names a site (a mark is set at the top of what a
//! site serves); then the address is searched for once and each slogan compared backwards over
//! at most [`MAX_SLOGAN`] characters, so the work is linear in the input's length.

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

/// How far into the text its first watermark may stand, in bytes.
const HEAD_BYTES: usize = 240;

/// The watermarks of `input`, as sorted, disjoint byte ranges (see the module docs).
pub(super) fn find(input: &str) -> Vec<Range<usize>> {
    // A site sets its mark at the top of what it serves; the rest of the text is searched only
    // for the address found there, so a text with none costs one look at its first line.
    let mut head_end = input.len().min(HEAD_BYTES);
    while !input.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &input[..head_end];
    let head = head.find(['\n', '\r']).map_or(head, |end| &head[..end]);
    let Some(at) = head.find("www.") else {
        return Vec::new();
    };
    let end = address_end(input, at);
    let Some(address) = input.get(at..end).filter(|a| names_a_site(a)) else {
        return Vec::new();
    };
    // The places of the address, each ending where the address does (not inside a longer one).
    let places: Vec<Range<usize>> = input
        .match_indices(address)
        .map(|(k, a)| k..k + a.len())
        .filter(|r| address_end(input, r.start) == r.end)
        .collect();
    if places.len() < 2 {
        return Vec::new();
    }
    let len = common_slogan(input, &places);
    let slogan_cjk = input
        .get(at - len..at)
        .map_or(0, |s| s.chars().filter(|&c| is_cjk(c)).count());
    if slogan_cjk < MIN_SLOGAN_CJK {
        return Vec::new();
    }
    places.into_iter().map(|r| r.start - len..r.end).collect()
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
