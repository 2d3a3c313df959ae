//! Calendar dates written in a paragraph (`2024年1月12日`, `2023年`, `（2021-2025年）`,
//! `一九五三年`, `3月25日`, `2024-02-20`): read where a number stands, so that the scanner
//! reports them as dates, never as figures (`gold/GUIDE.md`).

use std::ops::Range;

use super::units;
use crate::chars::is_digit;
use crate::numerals::{self, Number};

/// A date found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpan {
    /// Byte range in the paragraph's text.
    pub range: Range<usize>,
    /// ISO form (`2024-01-12`, `2024-01`, `2024`, `--03-25` without a year).
    pub iso: String,
}

/// A date read at a number, with the dates read together with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateAt {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// ISO form.
    pub iso: String,
    /// Dates read together with it (the first year of a year range).
    pub also: Vec<DateSpan>,
}

/// A year written as a number: four digits from 1900 to 2100, or Chinese digits one by one.
pub fn is_year_like(n: &Number) -> bool {
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
    u32::try_from(n.value.as_whole()?).ok()
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
        numerals::read(text, at)
    } else {
        None
    }
}

/// A date at the number `n` (`2024年1月12日`, `2023年`, `（2021-2025年）`, `一九五三年`,
/// `3月25日`, `2024-02-20`).
pub fn date_at(text: &str, i: usize, n: &Number) -> Option<DateAt> {
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
                    return Some(DateAt {
                        range: e2.0..e2.1,
                        iso: format!("{y}-{m:02}-{last:02}"),
                        also: vec![DateSpan { range: i..end, iso }],
                    });
                }
            } else if text[end..].starts_with('度') {
                end += '度'.len_utf8();
            }
            return Some(DateAt {
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
                    let first = DateSpan {
                        range: i..n.end,
                        iso: n.value.to_string(),
                    };
                    return Some(DateAt {
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
                return Some(DateAt {
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
            return Some(DateAt {
                range: from..to,
                iso: format!("--{m:02}-{last:02}"),
                also: vec![DateSpan { range: i..end, iso }],
            });
        }
        return Some(DateAt {
            range: i..end,
            iso,
            also: Vec::new(),
        });
    }
    None
}
