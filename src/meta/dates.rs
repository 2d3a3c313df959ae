//! The two real patterns among the elements: a date (成文日期, 印发日期, the day a speech was
//! delivered) and a 发文字号.

use std::ops::Range;

use crate::chars::is_digit;
use crate::numerals::whole_small;

// The two patterns are matched by hand rather than by a regex engine: they are all the
// regexes the analyzer had, and an engine (even regex-lite) was 30 KB of the page's module.
// Each function below states the pattern it matches, with the same leftmost-first result.

/// A digit of a year written digit by digit in Chinese (`二〇二四`; letters stand in for 〇).
fn is_year_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '○'
            | '零'
            | 'Ｏ'
            | 'O'
            | 'o'
            | '0'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
    )
}

/// A numeral of a month or day written in Chinese (`十二`).
fn is_day_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// A blank allowed inside a 发文字号.
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// At byte `at` of `text`: a run of 1..=`digits` digits or 1..=`numerals` Chinese numerals
/// ending just before `unit`. Returns the run's text and the byte after `unit`.
fn field_before(
    text: &str,
    at: usize,
    digits: usize,
    numerals: usize,
    unit: char,
) -> Option<(&str, usize)> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    let (class, max): (fn(char) -> bool, usize) = if is_digit(first) {
        (is_digit, digits)
    } else {
        (is_day_numeral, numerals)
    };
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if c == unit {
            return (n > 0).then(|| (&rest[..i], at + i + c.len_utf8()));
        }
        if !class(c) || n == max {
            return None;
        }
    }
    None
}

/// The date written at the 年 at byte `nian`: the pattern
/// `([0-9０-９]{4}|[〇○零ＯOo0一-九]{4})年([0-9０-９]{1,2}|[一-十]{1,3})月([0-9０-９]{1,2}|[一-十]{1,4})日`,
/// as its byte range and its three fields.
fn date_at(text: &str, nian: usize) -> Option<(Range<usize>, [&str; 3])> {
    let before: Vec<(usize, char)> = text[..nian].char_indices().rev().take(4).collect();
    let start = before.last()?.0;
    let year_chars = before.iter().map(|&(_, c)| c);
    let year_ok = before.len() == 4
        && (year_chars.clone().all(is_digit) || year_chars.clone().all(is_year_numeral));
    if !year_ok {
        return None;
    }
    let (month, at) = field_before(text, nian + '年'.len_utf8(), 2, 3, '月')?;
    let (day, end) = field_before(text, at, 2, 4, '日')?;
    Some((start..end, [&text[start..nian], month, day]))
}

/// A 发文字号 whose opening bracket stands at byte `open`: the pattern
/// `[\u{4E00}-\u{9FFF}]{1,16}[ 　]*[〔[［(（【﹝][ 　]*[0-9０-９]{4}[ 　]*[〕]］)）】﹞][ 　]*第?[0-9０-９]{1,5}[ 　]*[号號]`,
/// as its byte range (the agency code as long as it can be, up to 16 characters).
fn doc_number_at(text: &str, open: usize) -> Option<Range<usize>> {
    let mut back = text[..open]
        .char_indices()
        .rev()
        .skip_while(|&(_, c)| is_blank(c));
    let mut start = None;
    for (i, c) in back.by_ref().take(16) {
        if !('\u{4E00}'..='\u{9FFF}').contains(&c) {
            break;
        }
        start = Some(i);
    }
    let start = start?;
    let mut chars = text[open..].char_indices().peekable();
    chars.next(); // the opening bracket
    let skip_blanks = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        while chars.next_if(|&(_, c)| is_blank(c)).is_some() {}
    };
    skip_blanks(&mut chars);
    for _ in 0..4 {
        chars.next_if(|&(_, c)| is_digit(c))?;
    }
    skip_blanks(&mut chars);
    chars.next_if(|&(_, c)| matches!(c, '〕' | ']' | '］' | ')' | '）' | '】' | '﹞'))?;
    skip_blanks(&mut chars);
    chars.next_if(|&(_, c)| c == '第');
    let mut serial = 0;
    while chars.next_if(|&(_, c)| is_digit(c)).is_some() {
        serial += 1;
    }
    if !(1..=5).contains(&serial) {
        return None;
    }
    skip_blanks(&mut chars);
    // A traditional-character copy writes 號.
    let (i, hao) = chars.next_if(|&(_, c)| matches!(c, '号' | '號'))?;
    Some(start..open + i + hao.len_utf8())
}

/// A date found in a text: where it stands and its ISO form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementDate {
    /// Byte range in the text searched.
    pub range: Range<usize>,
    /// `YYYY-MM-DD`.
    pub iso: String,
}

/// The first valid date in `text`.
pub fn find_date(text: &str) -> Option<ElementDate> {
    // Every date holds 年, 月 and 日; a byte search rules most text out at once.
    if !(text.contains('年') && text.contains('日')) {
        return None;
    }
    // Matches do not overlap: a candidate that starts inside the last one read is passed over.
    let mut from = 0;
    for (nian, _) in text.match_indices('年') {
        let Some((range, [y, m, d])) = date_at(text, nian) else {
            continue;
        };
        if range.start < from {
            continue;
        }
        from = range.end;
        let (Some(year), Some(month), Some(day)) = (whole_small(y), whole_small(m), whole_small(d))
        else {
            continue;
        };
        if (1000..=2999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day) {
            return Some(ElementDate {
                range,
                iso: format!("{year:04}-{month:02}-{day:02}"),
            });
        }
    }
    None
}

/// A date that is the whole text (a 成文日期 line), allowing brackets around it.
pub fn whole_date(text: &str) -> Option<ElementDate> {
    let inner = text
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let offset = text.len() - text.trim_start_matches(['（', '(']).len();
    let d = find_date(inner)?;
    (d.range.start == 0 && d.range.end == inner.len()).then(|| ElementDate {
        range: d.range.start + offset..d.range.end + offset,
        iso: d.iso,
    })
}

/// The 发文字号 in `text`, if the text holds one: its byte range.
pub fn find_doc_number(text: &str) -> Option<Range<usize>> {
    // Every 发文字号 ends in 号 (號): a byte search rules most text out at once.
    if !(text.contains('号') || text.contains("號")) {
        return None;
    }
    text.char_indices()
        .filter(|&(_, c)| matches!(c, '〔' | '[' | '［' | '(' | '（' | '【' | '﹝'))
        .find_map(|(open, _)| doc_number_at(text, open))
}

#[cfg(test)]
mod matcher_tests {
    use super::{find_date, find_doc_number};

    #[test]
    fn dates_in_every_script() {
        let iso = |t: &str| find_date(t).map(|d| d.iso);
        assert_eq!(
            iso("于2024年1月12日印发"),
            Some("2024-01-12".into()),
            "Arabic digits"
        );
        assert_eq!(
            iso("二〇二四年一月十二日"),
            Some("2024-01-12".into()),
            "Chinese numerals"
        );
        assert_eq!(
            iso("２０２４年１２月３１日"),
            Some("2024-12-31".into()),
            "full-width digits"
        );
        assert_eq!(
            iso("二O二三年十二月二十九日"),
            Some("2023-12-29".into()),
            "a letter O for 〇"
        );
        assert_eq!(
            iso("2024年13月1日，2023年5月6日"),
            Some("2023-05-06".into()),
            "an invalid month is passed over"
        );
        assert_eq!(
            iso("12345年1月1日"),
            Some("2345-01-01".into()),
            "the four characters before 年 are the year"
        );
        assert_eq!(iso("20二四年1月1日"), None, "a year mixes no scripts");
        assert_eq!(
            iso("2024年123月1日"),
            None,
            "a month has at most two digits"
        );
    }

    #[test]
    fn document_numbers_as_written() {
        let found = |t: &str| find_doc_number(t).map(|r| t[r].to_string());
        assert_eq!(
            found("平政〔2024〕3号"),
            Some("平政〔2024〕3号".into()),
            "the usual form"
        );
        assert_eq!(
            found("国办发[2024] 第12号"),
            Some("国办发[2024] 第12号".into()),
            "square brackets, a blank and 第"
        );
        assert_eq!(
            found("根据沪发改能源（ 2024 ）33 号文件"),
            Some("根据沪发改能源（ 2024 ）33 号".into()),
            "blanks inside"
        );
        assert_eq!(found("平政〔24〕3号"), None, "the year has four digits");
        assert_eq!(
            found("平政〔2024〕123456号"),
            None,
            "the serial number has at most five digits"
        );
        let long = "一二三四五六七八九十一二三四五六七八〔2024〕1号";
        assert_eq!(
            found(long).map(|s| s.chars().count()),
            Some(16 + 8),
            "the agency code is at most 16 characters"
        );
        assert_eq!(found("（2024）1号"), None, "an agency code comes first");
    }
}
