//! What looks like a number but is not a figure (`gold/GUIDE.md`, "Not figures"): years and
//! dates (which go to `dates`), ordinals, names, codes and models, quoted names and slogans,
//! document numbers, phone numbers, URLs, version numbers, ratios, `一` meaning "a",
//! anniversaries and periods looked back on.

use std::ops::Range;

use super::scan::RawDate;
use super::units;
use crate::chars::is_digit;
use crate::lexicon::{
    unit_set, BOUND_QUALIFIERS, CHANGE_AFTER_PERIOD, NOT_AFTER_UNIT, NOT_QUALIFIERS_BEFORE,
    PERIOD_AFTER, PERIOD_BEFORE, QUALIFIERS_BEFORE, RUN_WORDS,
};
use crate::numerals::{self, Number};

/// The longest quoted name or title passed over whole, in characters: a quote that does not
/// close within it is a stray mark (PDF copies lose closing quotes), not a name.
const QUOTE_LIMIT: usize = 40;
/// The same for a book title `《…》`, which may be long.
const TITLE_LIMIT: usize = 120;

/// How the scanner treats a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// It may be a figure.
    No,
    /// Not a figure; go on at this byte.
    Not(usize),
    /// A date (or the second year of a year range, with the first in `also`).
    Date(DateFound),
}

/// A date the scanner read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFound {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// ISO form.
    pub iso: String,
    /// Dates read together with it (the first year of a year range).
    pub also: Vec<RawDate>,
}

/// If a quoted name, title or document-number bracket opens at `i`, the byte after it closes.
/// `“三项制度”`, `《…》`, `〔2024〕`: numbers inside are names, never figures.
pub fn quoted(text: &str, i: usize) -> Option<usize> {
    let open = text[i..].chars().next()?;
    let (close, limit) = match open {
        '“' => ('”', QUOTE_LIMIT),
        '‘' => ('’', QUOTE_LIMIT),
        '「' => ('」', QUOTE_LIMIT),
        '《' => ('》', TITLE_LIMIT),
        '〈' => ('〉', TITLE_LIMIT),
        '〔' => ('〕', 8),
        '［' => ('］', 8),
        _ => return None,
    };
    let start = i + open.len_utf8();
    for (n, (j, c)) in text[start..].char_indices().enumerate() {
        if n >= limit || c == open {
            return None;
        }
        if c == close {
            return Some(start + j + c.len_utf8());
        }
    }
    None
}

/// The end of a code, model, URL or name in Latin letters and digits that starts at `i`
/// (`C919`, `PM2.5`, `G109`, `A1`, `https://…`).
pub fn code_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        let joins = matches!(
            b,
            b'.' | b'-' | b'_' | b'/' | b':' | b'?' | b'=' | b'&' | b'#' | b'~' | b'+' | b'@'
        ) && bytes
            .get(j + 1)
            .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'/');
        if b.is_ascii_alphanumeric() || joins {
            j += 1;
        } else {
            break;
        }
    }
    j.max(i + 1)
}

/// The end of a chain of digits joined by `sep` characters and spaces (`3.6 : 48 : 48.4`,
/// `12·4`, `1/4`).
fn chain_end(text: &str, from: usize, sep: fn(char) -> bool) -> usize {
    let mut end = from;
    for (j, c) in text[from..].char_indices() {
        if is_digit(c) || c == '.' || c == ' ' || sep(c) {
            end = from + j + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：' | '∶')
}

fn is_dot_or_slash(c: char) -> bool {
    matches!(c, '·' | '/' | '／' | '•' | '.' | '．')
}

/// Says whether the number `n` at `i` is a date, an ordinal, a code or the like.
pub fn classify(text: &str, i: usize, n: &Number) -> Skip {
    let before = &text[..i];
    let prev = before.chars().next_back();
    let rest = &text[n.end..];
    let next = rest.chars().next();
    let after_next = next.map_or("", |c| &rest[c.len_utf8()..]);
    let digit_after = |s: &str| s.trim_start_matches(' ').starts_with(is_digit);
    // 第五批, 第三小学, 第十四届: ordinals.
    if matches!(prev, Some('第' | '首')) {
        return Skip::Not(n.end);
    }
    // 021-23119484: a phone number or code.
    if n.leading_zero {
        return Skip::Not(chain_end(text, n.end, |c| {
            matches!(c, '-' | '－' | '—' | '/')
        }));
    }
    if n.arabic {
        // 5G, 4A级, 3H认证: a model or grade (an ASCII unit such as P is read as a unit).
        if next.is_some_and(|c| c.is_ascii_alphabetic())
            && unit_set().longest(rest).is_none_or(|u| !u.is_ascii())
        {
            return Skip::Not(code_end(text, n.end));
        }
        // 1.2.3: a version number.
        if matches!(next, Some('.' | '．')) && after_next.starts_with(is_digit) && !is_year_like(n)
        {
            return Skip::Not(chain_end(text, n.end, is_dot_or_slash));
        }
    }
    // 2×35万千瓦: the multiplier is not listed.
    if matches!(next, Some('×' | '*' | '✕' | 'x' | 'X')) {
        return Skip::Not(n.end);
    }
    // 3.6 : 48 : 48.4 (a ratio), 07:00:44 (a time).
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.starts_with(is_colon)
        && digit_after(&trimmed[trimmed.chars().next().map_or(0, char::len_utf8)..])
    {
        return Skip::Not(chain_end(text, n.end, is_colon));
    }
    // 12·4, 1/4: a date used as a name, a fraction.
    if matches!(next, Some('·' | '/' | '／' | '•'))
        && after_next.starts_with(is_digit)
        && !is_year_like(n)
    {
        return Skip::Not(chain_end(text, n.end, is_dot_or_slash));
    }
    // 十分之一: a fraction without a unit (a borderline case, not listed).
    if rest.starts_with("分之") {
        let at = n.end + "分之".len();
        let end = numerals::chinese(text, at)
            .or_else(|| numerals::arabic(text, at))
            .map_or(at, |m| m.end);
        return Skip::Not(end);
    }
    if let Some(d) = date(text, i, n) {
        return Skip::Date(d);
    }
    // 六二六小河: a name written digit by digit.
    if !n.arabic && n.digit_string {
        return Skip::Not(n.end);
    }
    Skip::No
}

/// A year written as a number: four digits from 1900 to 2100, or Chinese digits one by one.
fn is_year_like(n: &Number) -> bool {
    if n.arabic {
        n.digit_string
            && n.len == 4
            && n.value >= crate::decimal::Decimal::from_int(1900)
            && n.value <= crate::decimal::Decimal::from_int(2100)
    } else {
        n.digit_string && n.len >= 2
    }
}

/// The small integer value of a number, if it is one.
fn small(n: &Number) -> Option<u32> {
    n.value.to_string().parse::<u32>().ok()
}

/// Reads `M月D日` after byte `at` (month and optional day); returns (month, day, end).
fn month_day(text: &str, at: usize) -> Option<(u32, Option<u32>, usize)> {
    month_day_at(text, &read(text, at)?)
}

/// [`month_day`] with the month's number `m` already read.
fn month_day_at(text: &str, m: &Number) -> Option<(u32, Option<u32>, usize)> {
    // 月 first: most numbers are no month, and it is the cheapest thing to look at.
    if !text[m.end..].starts_with('月') {
        return None;
    }
    let month = small(m).filter(|v| (1..=12).contains(v))?;
    let mut end = m.end + '月'.len_utf8();
    let mut day = None;
    if let Some(d) = read(text, end) {
        if let Some(v) = small(&d).filter(|v| (1..=31).contains(v)) {
            if text[d.end..].starts_with('日') || text[d.end..].starts_with('号') {
                day = Some(v);
                end = d.end + '日'.len_utf8();
            }
        }
    }
    Some((month, day, end))
}

/// `至10日` after a day (`11月6日至10日`): the last day of the range and its byte range.
fn day_range_end(text: &str, at: usize) -> Option<(u32, (usize, usize))> {
    let j = text[at..]
        .chars()
        .next()
        .filter(|&c| units::is_range_joiner(c) || c == '到')?;
    let from = at + j.len_utf8();
    let d = read(text, from)?;
    let day = small(&d).filter(|v| (1..=31).contains(v))?;
    let rest = &text[d.end..];
    // `6日至12月3日` is a month and day, read on its own.
    if rest.starts_with('月') {
        return None;
    }
    let unit = rest.chars().next().filter(|&c| c == '日' || c == '号')?;
    Some((day, (from, d.end + unit.len_utf8())))
}

fn read(text: &str, at: usize) -> Option<Number> {
    let c = text.get(at..)?.chars().next()?;
    if is_digit(c) {
        numerals::arabic(text, at)
    } else if numerals::is_chinese_numeral(c) {
        numerals::chinese(text, at)
    } else {
        None
    }
}

/// A date at the number `n` (`2024年1月12日`, `2023年`, `（2021-2025年）`, `一九五三年`,
/// `3月25日`, `2024-02-20`).
fn date(text: &str, i: usize, n: &Number) -> Option<DateFound> {
    let rest = &text[n.end..];
    if is_year_like(n) {
        let year = (n.len == 4).then(|| n.value.to_string());
        if rest.starts_with('年') {
            let mut end = n.end + '年'.len_utf8();
            let mut iso = year.clone().unwrap_or_default();
            if let Some((m, d, e)) = month_day(text, end) {
                end = e;
                iso = match (year.as_deref(), d) {
                    (Some(y), Some(d)) => format!("{y}-{m:02}-{d:02}"),
                    (Some(y), None) => format!("{y}-{m:02}"),
                    (None, _) => iso,
                };
                // `2024年11月6日至10日`: the last day of a range of days is a date too.
                if let (Some(y), Some(_), Some((last, e2))) =
                    (year.as_deref(), d, day_range_end(text, end))
                {
                    return Some(DateFound {
                        range: e2.0..e2.1,
                        iso: format!("{y}-{m:02}-{last:02}"),
                        also: vec![RawDate { range: i..end, iso }],
                    });
                }
            } else if text[end..].starts_with('度') {
                end += '度'.len_utf8();
            }
            return Some(DateFound {
                range: i..end,
                iso,
                also: Vec::new(),
            });
        }
        if n.arabic {
            // (2021-2025年): a year range gives two dates.
            let joiner = rest
                .chars()
                .next()
                .filter(|&c| units::is_range_joiner(c) || c == '到')?;
            let at = n.end + joiner.len_utf8();
            if let Some(m) = numerals::arabic(text, at).filter(is_year_like) {
                let end = m.end
                    + if text[m.end..].starts_with('年') {
                        '年'.len_utf8()
                    } else {
                        0
                    };
                if end > m.end {
                    let first = RawDate {
                        range: i..n.end,
                        iso: n.value.to_string(),
                    };
                    return Some(DateFound {
                        range: at..end,
                        iso: m.value.to_string(),
                        also: vec![first],
                    });
                }
            }
            // 2024-02-20, 2024/2/20, 2024.2.20
            let sep = joiner;
            let month = numerals::arabic(text, at).and_then(|m| {
                small(&m)
                    .filter(|v| (1..=12).contains(v))
                    .map(|v| (v, m.end))
            })?;
            let rest2 = &text[month.1..];
            if rest2.starts_with(sep) {
                let d = numerals::arabic(text, month.1 + sep.len_utf8())?;
                let day = small(&d).filter(|v| (1..=31).contains(v))?;
                return Some(DateFound {
                    range: i..d.end,
                    iso: format!("{}-{:02}-{:02}", n.value, month.0, day),
                    also: Vec::new(),
                });
            }
        }
        return None;
    }
    // 3月25日, 6月底 (no year): a month is never a count unless written 个月.
    // The number at `i` is `n` (read the same way as `read` would).
    if let Some((m, d, end)) = month_day_at(text, n) {
        let iso = match d {
            Some(d) => format!("--{m:02}-{d:02}"),
            None => format!("--{m:02}"),
        };
        if let (Some(_), Some((last, (from, to)))) = (d, day_range_end(text, end)) {
            return Some(DateFound {
                range: from..to,
                iso: format!("--{m:02}-{last:02}"),
                also: vec![RawDate { range: i..end, iso }],
            });
        }
        return Some(DateFound {
            range: i..end,
            iso,
            also: Vec::new(),
        });
    }
    None
}

/// Whether the unit `unit` is followed by words that make the number a name, rank or session
/// (`70周年`, `四次全会`).
pub fn not_an_amount_after(rest: &str, unit: &str) -> bool {
    NOT_AFTER_UNIT
        .iter()
        .any(|(u, after)| *u == unit && rest.starts_with(after))
}

/// Whether a number with a unit still is no count: `一` meaning "a" (`一项亮点工程`, `一年来`),
/// a name (`三元`), a period looked back on (`五年来`, `过去五年`).
pub fn not_a_count(text: &str, i: usize, n: &Number, measure: Option<&str>, scaled: bool) -> bool {
    if !n.arabic && !scaled && matches!(n.lone, Some('一' | '〇' | '○' | '零' | '壹')) {
        // `至少有一名`: a bound makes the 一 a count.
        let bound = qualifier_before(text, i)
            .1
            .is_some_and(|q| BOUND_QUALIFIERS.contains(&q));
        if !(n.lone == Some('一') && bound) {
            return true;
        }
    }
    if !n.arabic && n.lone.is_some() && measure == Some("元") {
        return true;
    }
    // `二期`, `三期工程`: a project phase is written in Chinese numerals; `培训12期` counts.
    if !n.arabic && measure == Some("期") {
        return true;
    }
    if measure == Some("年") && !scaled {
        let after = text[n.end..].trim_start_matches('年');
        let after = after.trim_start_matches(['多', '余']);
        if PERIOD_AFTER.iter().any(|w| after.starts_with(w)) {
            return true;
        }
        let (lead, q) = qualifier_before(text, i);
        let before = &text[..lead];
        // `近三年`: the recent years looked back on.
        if q == Some("近") || PERIOD_BEFORE.iter().any(|w| before.ends_with(w)) {
            return true;
        }
        if CHANGE_AFTER_PERIOD.iter().any(|w| after.starts_with(w))
            && !RUN_WORDS.iter().any(|w| before.ends_with(w))
        {
            return true;
        }
    }
    false
}

/// A qualifier written right before the number at `i`: its start and the word as listed.
pub fn qualifier_before(text: &str, i: usize) -> (usize, Option<&'static str>) {
    let before = &text[..i];
    let hit = QUALIFIERS_BEFORE
        .iter()
        .filter(|(w, _)| before.ends_with(w))
        .max_by_key(|(w, _)| w.len());
    match hit {
        Some((w, listed)) if !NOT_QUALIFIERS_BEFORE.iter().any(|x| before.ends_with(x)) => {
            (i - w.len(), Some(*listed))
        }
        _ => (i, None),
    }
}
