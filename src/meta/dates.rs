//! The two real patterns among the elements: a date (成文日期, 印发日期, the day a speech was
//! delivered) and a 发文字号.

use std::ops::Range;
use std::sync::OnceLock;

use regex_lite::Regex;

use crate::numerals::whole_small;

/// A date in Arabic or Chinese numerals (`2024年1月12日`, `二〇二四年一月十二日`). Written
/// with explicit character ranges so the pattern needs no Unicode tables.
fn date_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            "([0-9０-９]{4}|[〇○零ＯOo0一二三四五六七八九]{4})年",
            "([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月",
            "([0-9０-９]{1,2}|[一二三四五六七八九十]{1,4})日",
        ))
        .expect("the date pattern is valid")
    })
}

/// A 发文字号: agency code, year in brackets of any kind, serial number, 号
/// (`平政〔2024〕3号`, `国办发[2024]3号`, `沪发改能源（2024）33号`).
fn doc_number_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            "[\u{4E00}-\u{9FFF}]{1,16}[ \u{3000}]*[〔\\[［(（【﹝]",
            "[ \u{3000}]*[0-9０-９]{4}[ \u{3000}]*[〕\\]］)）】﹞][ \u{3000}]*第?[0-9０-９]{1,5}[ \u{3000}]*号",
        ))
        .expect("the doc-number pattern is valid")
    })
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
    // Every date holds 年, 月 and 日; a byte search rules most text out before the regex runs
    // (regex-lite has no literal prefilter of its own).
    if !(text.contains('年') && text.contains('日')) {
        return None;
    }
    date_pattern().captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        let year = whole_small(c.get(1)?.as_str())?;
        let month = whole_small(c.get(2)?.as_str())?;
        let day = whole_small(c.get(3)?.as_str())?;
        let valid =
            (1000..=2999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
        valid.then(|| ElementDate {
            range: whole.range(),
            iso: format!("{year:04}-{month:02}-{day:02}"),
        })
    })
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
    // Every 发文字号 ends in 号: a byte search rules most text out before the regex runs.
    if !text.contains('号') {
        return None;
    }
    doc_number_pattern().find(text).map(|m| m.range())
}
