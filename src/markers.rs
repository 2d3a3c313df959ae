//! Heading markers as they are written: `一、` `（一）` `(一)` `1.` `1、` `1．` `（1）` `(1)` `1）`
//! `①` `⑴` `⒈` `第一章` `第一节` `第一条` `第一部分` `第一篇` (`第一節` `第一條` in traditional
//! characters), and the enumerations that open a sentence (`一是`, `第一，`). Each reader looks
//! at the start of a text only, so it costs a few characters whatever the text's length.

use crate::chars::{is_cjk, is_digit, is_space};
use crate::lexicon::opens_with_measure;
use crate::numerals::{
    heading_arabic as arabic_number, heading_chinese as chinese_number, is_heading_numeral,
};
use crate::report::MarkerStyle;

/// A marker found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The family of the marker.
    pub style: MarkerStyle,
    /// The number it stands for (`（三）` → 3).
    pub number: u32,
    /// Its length in bytes.
    pub len: usize,
    /// The level within its style: 1, except for a decimal number (`1.2.3` → 3).
    pub level: u8,
}

/// Enclosed numbers, each a marker on its own: first and last character of the block, the
/// style it stands for, and the number of its first character.
#[rustfmt::skip]
const ENCLOSED: &[(char, char, MarkerStyle, u32)] = &[
    ('①', '⑳', MarkerStyle::Circled, 1),
    ('㉑', '㉟', MarkerStyle::Circled, 21),
    ('⑴', '⒇', MarkerStyle::ParenArabic, 1),
    ('⒈', '⒛', MarkerStyle::Arabic, 1),
];

/// `①`, `㉑`, `⑴`, `⒈` …: one character that is a whole marker.
fn enclosed(c: char) -> Option<Marker> {
    let &(first, _, style, base) = ENCLOSED
        .iter()
        .find(|(first, last, _, _)| (*first..=*last).contains(&c))?;
    Some(Marker {
        style,
        number: c as u32 - first as u32 + base,
        len: c.len_utf8(),
        level: 1,
    })
}

/// A numbered heading marker opening `text`, checked against what follows it so that a number
/// inside a sentence (`二、三级子公司`, `1.5万元`) is not taken for one.
pub fn opening_marker(text: &str) -> Option<Marker> {
    let first = text.chars().next()?;
    let marker = match first {
        '（' | '(' => parenthesised(text),
        '第' => chapter(text),
        c if enclosed(c).is_some() => enclosed(c),
        c if is_digit(c) => arabic(text).or_else(|| decimal(text).filter(|d| !d.1).map(|d| d.0)),
        c if is_heading_numeral(c) => chinese(text),
        _ => None,
    }?;
    // A marker with nothing after it is a stray number, not a heading.
    let rest = text.get(marker.len..)?;
    (!rest.is_empty()).then_some(marker)
}

/// `一、`; not `二、三级` (two numbers in a row name a range, not a heading).
fn chinese(text: &str) -> Option<Marker> {
    let (number, len) = chinese_number(text)?;
    let rest = &text[len..];
    let sep = rest
        .chars()
        .next()
        .filter(|&c| matches!(c, '、' | '．' | '.'))?;
    let after = &rest[sep.len_utf8()..];
    if let Some((next, _)) = chinese_number(after) {
        if next == number + 1 {
            return None;
        }
    }
    if sep != '、' && after.starts_with(is_digit) {
        return None;
    }
    Some(Marker {
        style: MarkerStyle::Chinese,
        number,
        len: len + sep.len_utf8(),
        level: 1,
    })
}

/// `1.` `1、` `1．` `1）` `1)`; not a decimal (`1.5万`), a list of numbers (`1、2月`) or a date.
fn arabic(text: &str) -> Option<Marker> {
    let (number, len) = arabic_number(text)?;
    let rest = &text[len..];
    let sep = rest.chars().next()?;
    let style = match sep {
        '.' | '．' | '、' => MarkerStyle::Arabic,
        '）' | ')' => MarkerStyle::ParenArabic,
        _ => return None,
    };
    let after = &rest[sep.len_utf8()..];
    if after.starts_with(is_digit) || after.starts_with(['.', '．', '、', '%', '％']) {
        return None;
    }
    Some(Marker {
        style,
        number,
        len: len + sep.len_utf8(),
        level: 1,
    })
}

/// The most levels read in a decimal number (`1.2.3.4`).
const MAX_DECIMAL_LEVELS: u8 = 4;
/// The longest title of a decimal heading that stands on its own, and the longest first
/// sentence of a run-in one: a heading of a plan or a standard is a short phrase.
const MAX_DECIMAL_TITLE_CHARS: usize = 30;
/// The longest title written straight after a one-level number (`1总则`).
const MAX_BARE_TITLE_CHARS: usize = 16;

/// A decimal heading number whose title opens with a unit or measure word (`2 艘渔船参与救援`,
/// `3 项目管理`): an amount, unless the outline finds it in a numbered run of headings (the
/// numbers before or after it). [`opening_marker`] never returns it.
pub fn counted_decimal(text: &str) -> Option<Marker> {
    decimal(text).filter(|d| d.1).map(|d| d.0)
}

/// `1 总则`, `1.1 编制目的`, `2.3适用范围`, `1.1.1 …` (the numbering of GB/T 1.1 and of every
/// 应急预案), only where the text stands as a heading: a one-level number needs a space after
/// it, and the title is a short phrase with no clause punctuation (or a short first sentence,
/// run in). Not `1.5万元`, `3.6 : 48`, nor `1.` (the Arabic style). The flag says whether the
/// title opens with a unit or measure word (`2 个`, `5 家企业`), which makes the number an
/// amount unless it stands among numbered headings.
fn decimal(text: &str) -> Option<(Marker, bool)> {
    let mut levels = 0u8;
    let mut len = 0;
    let mut number;
    loop {
        let (value, digits) = arabic_number(&text[len..])?;
        if text[len..len + digits].chars().count() > 2 {
            return None;
        }
        number = value;
        len += digits;
        levels += 1;
        let rest = &text[len..];
        let dot = rest.chars().next().filter(|&c| matches!(c, '.' | '．'));
        match dot {
            Some(d) if rest[d.len_utf8()..].starts_with(is_digit) => {
                if levels >= MAX_DECIMAL_LEVELS {
                    return None;
                }
                len += d.len_utf8();
            }
            Some(_) => return None,
            None => break,
        }
    }
    let rest = &text[len..];
    let title = rest.trim_start_matches(is_space);
    // A one-level number must stand apart from its title (`1 总则`), unless the title is all the
    // text there is (the reader drops the space between a digit and CJK: `1总则`).
    if levels == 1 && title.len() == rest.len() && !is_bare_phrase(title) {
        return None;
    }
    let first = title.chars().next()?;
    if !is_cjk(first) || !stands_as_heading(title) {
        return None;
    }
    let marker = Marker {
        style: MarkerStyle::Decimal,
        number,
        len,
        level: levels,
    };
    Some((marker, opens_with_measure(title)))
}

/// A short phrase of ideographs alone (brackets allowed): a whole title line.
fn is_bare_phrase(title: &str) -> bool {
    let mut count = 0;
    for c in title.chars() {
        count += 1;
        if count > MAX_BARE_TITLE_CHARS || !(is_cjk(c) || matches!(c, '（' | '）' | '(' | ')')) {
            return false;
        }
    }
    count >= 2
}

/// Whether `title` reads as a heading's title: a short phrase with no clause punctuation, or a
/// short first sentence (or lead-in ending with a colon) followed by more text.
fn stands_as_heading(title: &str) -> bool {
    for (count, c) in title.chars().enumerate() {
        if count > MAX_DECIMAL_TITLE_CHARS {
            return false;
        }
        match c {
            '。' | '！' | '？' | '!' | '?' | '：' | ':' => return count > 0,
            '，' | ',' | '；' | ';' => return false,
            _ => {}
        }
    }
    true
}

/// `（一）` `(一)` `（1）` `(1)`, in full-width or ASCII brackets (mixed too).
fn parenthesised(text: &str) -> Option<Marker> {
    let open = text.chars().next()?.len_utf8();
    let inner = &text[open..];
    let (style, (number, len)) = match inner.chars().next()? {
        c if is_digit(c) => (MarkerStyle::ParenArabic, arabic_number(inner)?),
        _ => (MarkerStyle::ParenChinese, chinese_number(inner)?),
    };
    let close = inner[len..]
        .chars()
        .next()
        .filter(|&c| matches!(c, '）' | ')'))?;
    Some(Marker {
        style,
        number,
        len: open + len + close.len_utf8(),
        level: 1,
    })
}

/// `第一章` `第二节` `第三条` `第一部分` `第一篇` `第一编` (numbers in Chinese or digits); not `第三条规定` or
/// `第一条、第二条`, which cite an article rather than open it.
fn chapter(text: &str) -> Option<Marker> {
    let body = text.strip_prefix('第')?;
    let (number, len) = chinese_number(body).or_else(|| arabic_number(body))?;
    let rest = &body[len..];
    // A traditional-character copy writes 節 條 編 (the other words are the same in both).
    let (style, word) = if rest.starts_with('章') {
        (MarkerStyle::Chapter, "章")
    } else if rest.starts_with('节') {
        (MarkerStyle::Section, "节")
    } else if rest.starts_with('節') {
        (MarkerStyle::Section, "節")
    } else if rest.starts_with('条') {
        (MarkerStyle::Article, "条")
    } else if rest.starts_with('條') {
        (MarkerStyle::Article, "條")
    } else if rest.starts_with("部分") {
        (MarkerStyle::Part, "部分")
    } else if rest.starts_with('篇') {
        // A plan's parts (`第一篇` of a 规划纲要), above its chapters.
        (MarkerStyle::Part, "篇")
    } else if rest.starts_with('编') {
        // A code's books (`第一编`), above its chapters.
        (MarkerStyle::Part, "编")
    } else if rest.starts_with('編') {
        (MarkerStyle::Part, "編")
    } else {
        return None;
    };
    let after = &rest[word.len()..];
    if crate::lexicon::CITATION_AFTER
        .iter()
        .any(|w| after.starts_with(w))
    {
        return None;
    }
    Some(Marker {
        style,
        number,
        len: '第'.len_utf8() + len + word.len(),
        level: 1,
    })
}

/// An enumeration opening `text`: `一是` … `十是`, or `第一，` `第二，` (the comma belongs to the
/// marker). Whether it opens a sentence is the caller's to check.
pub fn enumeration(text: &str) -> Option<Marker> {
    if let Some(body) = text.strip_prefix('第') {
        let (number, len) = chinese_number(body)?;
        let comma = body[len..]
            .chars()
            .next()
            .filter(|&c| matches!(c, '，' | ','))?;
        return Some(Marker {
            style: MarkerStyle::Ordinal,
            number,
            len: '第'.len_utf8() + len + comma.len_utf8(),
            level: 1,
        });
    }
    let (number, len) = chinese_number(text)?;
    text[len..].starts_with('是').then_some(Marker {
        style: MarkerStyle::Shi,
        number,
        len: len + '是'.len_utf8(),
        level: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chinese_numbers() {
        for (s, n) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百零八", 108),
            ("两", 2),
        ] {
            assert_eq!(
                chinese_number(s).map(|(v, _)| v),
                Some(n),
                "{s} should read as {n}"
            );
        }
        assert_eq!(
            chinese_number("二三"),
            None,
            "two digits in a row are not one number"
        );
    }
}
