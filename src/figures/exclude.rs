//! What looks like a number but is not a figure (`gold/GUIDE.md`, "Not figures"): years and
//! dates (which go to `dates`), ordinals, names, codes and models, quoted names and slogans,
//! document numbers, phone numbers, URLs, version numbers, ratios, `一` meaning "a",
//! anniversaries and periods looked back on.

use super::dates::{date_at, is_year_like, DateAt};
use super::units;
use crate::chars::is_digit;
use crate::lexicon::{
    unit_set, BOUND_QUALIFIERS, CHANGE_AFTER_PERIOD, IDIOMS, NOT_AFTER_UNIT, PART_MARKS,
    PERIOD_AFTER, PERIOD_BEFORE, RUN_WORDS, SESSIONS_BEFORE,
};
use crate::numerals::{self, Number};

/// The longest quoted name or title passed over whole, in characters: a quote that does not
/// close within it is a stray mark (PDF copies lose closing quotes), not a name.
const QUOTE_LIMIT: usize = 40;
/// The same for a name in ASCII quotes, which open and close alike.
const ASCII_QUOTE_LIMIT: usize = 16;
/// The same for a book title `《…》`, which may be long.
const TITLE_LIMIT: usize = 120;

/// What a number is, as far as the words around it tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// It may be a figure: the scanner reads its unit and qualifiers.
    MayCount,
    /// Not a figure; the scan goes on at this byte.
    SkipTo(usize),
    /// A date (or the second year of a year range, with the first in `also`).
    Date(DateAt),
}

/// If a quoted name, title or document-number bracket opens at `i`, the byte after it closes.
/// `“三项制度”`, `《…》`, `〔2024〕`: numbers inside are names, never figures.
pub fn quoted(text: &str, i: usize) -> Option<usize> {
    let open = text[i..].chars().next()?;
    // `"三项制度"`: ASCII quotes open and close alike, so only a short name with no clause
    // punctuation inside counts as quoted (a stray quote must not swallow a sentence).
    if open == '"' {
        let start = i + 1;
        let close = text[start..]
            .char_indices()
            .take(ASCII_QUOTE_LIMIT + 1)
            .take_while(|&(_, c)| !matches!(c, '，' | '。' | '；' | '！' | '？' | ',' | ';'))
            .find(|&(_, c)| c == '"')?;
        return Some(start + close.0 + 1);
    }
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

/// `第二、三批`, `第一至三季度`: a number joined to an ordinal before it is an ordinal too.
fn continues_ordinal(before: &str) -> bool {
    let Some(head) = before.strip_suffix(['、', '和', '及', '至', '到', '—', '-', '－'])
    else {
        return false;
    };
    let numeral = |c: char| is_digit(c) || numerals::is_chinese_numeral(c);
    let digits = head.trim_end_matches(numeral);
    digits.len() < head.len() && digits.ends_with('第')
}

/// A mark of a regulation's parts (章, 节, 条, 款, 项, as [`PART_MARKS`] lists them).
fn is_part_mark(c: char) -> bool {
    PART_MARKS.contains(&c)
}

/// Whether `before` ends with a numeral and a part mark (`…规定一款`): a number right after it,
/// with a part mark of its own, goes on citing (`一款三項`).
fn cites_part(before: &str) -> bool {
    let Some(head) = before.strip_suffix(is_part_mark) else {
        return false;
    };
    head.ends_with(|c: char| is_digit(c) || numerals::is_chinese_numeral(c))
}

/// Says whether the number `n` at `i` is a date, an ordinal, a code or the like.
pub fn classify(text: &str, i: usize, n: &Number) -> Verdict {
    let before = &text[..i];
    let prev = before.chars().next_back();
    let rest = &text[n.end..];
    let next = rest.chars().next();
    let after_next = next.map_or("", |c| &rest[c.len_utf8()..]);
    let digit_after = |s: &str| s.trim_start_matches(' ').starts_with(is_digit);
    // 第五批, 第三小学, 第十四届: ordinals.
    if matches!(prev, Some('第' | '首')) || continues_ordinal(before) {
        return Verdict::SkipTo(n.end);
    }
    // `一款三項`, `二項二條`: a citation of a regulation's parts written without 第.
    if cites_part(before) && rest.starts_with(is_part_mark) {
        return Verdict::SkipTo(n.end);
    }
    // 周三, 星期五: a weekday (or, with a unit after it, a frequency: `每周三次`, a borderline
    // case, not listed).
    if !n.arabic
        && n.lone.is_some()
        && (prev == Some('周') || before.ends_with("星期") || before.ends_with("礼拜"))
    {
        return Verdict::SkipTo(n.end);
    }
    // 021-23119484: a phone number or code.
    if n.leading_zero {
        return Verdict::SkipTo(chain_end(text, n.end, |c| {
            matches!(c, '-' | '－' | '—' | '/')
        }));
    }
    if n.arabic {
        // 5G, 4A级, 3H认证: a model or grade (an ASCII unit such as P is read as a unit).
        if next.is_some_and(|c| c.is_ascii_alphabetic())
            && unit_set().longest(rest).is_none_or(|u| !u.is_ascii())
        {
            return Verdict::SkipTo(code_end(text, n.end));
        }
        // `附件：1.2025年…任务清单`: a list number run into a year; the year is read next.
        if next == Some('年') {
            if let Some(dot) = list_number_before_year(&text[i..n.end]) {
                return Verdict::SkipTo(i + dot);
            }
        }
        // 1.2.3: a version number.
        if matches!(next, Some('.' | '．')) && after_next.starts_with(is_digit) && !is_year_like(n)
        {
            return Verdict::SkipTo(chain_end(text, n.end, is_dot_or_slash));
        }
    }
    // 2×35万千瓦: the multiplier is not listed.
    if matches!(next, Some('×' | '*' | '✕' | 'x' | 'X')) {
        return Verdict::SkipTo(n.end);
    }
    // 3.6 : 48 : 48.4 (a ratio), 07:00:44 (a time).
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.starts_with(is_colon)
        && digit_after(&trimmed[trimmed.chars().next().map_or(0, char::len_utf8)..])
    {
        return Verdict::SkipTo(chain_end(text, n.end, is_colon));
    }
    // 12·4, 1/4: a date used as a name, a fraction.
    if matches!(next, Some('·' | '/' | '／' | '•'))
        && after_next.starts_with(is_digit)
        && !is_year_like(n)
    {
        return Verdict::SkipTo(chain_end(text, n.end, is_dot_or_slash));
    }
    // 十分之一: a fraction without a unit (a borderline case, not listed).
    if rest.starts_with("分之") {
        let at = n.end + "分之".len();
        let end = numerals::chinese(text, at)
            .or_else(|| numerals::arabic(text, at))
            .map_or(at, |m| m.end);
        return Verdict::SkipTo(end);
    }
    if let Some(d) = date_at(text, i, n) {
        return Verdict::Date(d);
    }
    // 六二六小河: a name written digit by digit.
    if !n.arabic && n.digit_string {
        return Verdict::SkipTo(n.end);
    }
    Verdict::MayCount
}

/// The byte after the list number's point when `number` is a list number run into a year
/// (`1.2025`, `2．2024`): one or two digits, a point, a year of four digits.
fn list_number_before_year(number: &str) -> Option<usize> {
    let dot = number.find(['.', '．'])?;
    let point = number[dot..].chars().next()?.len_utf8();
    let year = &number[dot + point..];
    let year_like = year.len() == 4 && (year.starts_with("19") || year.starts_with("20"));
    (dot <= 2 && number[..dot].bytes().all(|b| b.is_ascii_digit()) && year_like)
        .then_some(dot + point)
}

/// Whether the unit `unit` is followed by words that make the number a name, rank or session
/// (`70周年`, `四次全会`), also at the end of a list of such numbers (`三次、四次、五次全会`).
pub fn not_an_amount_after(rest: &str, unit: &str) -> bool {
    // `由去年的20位、第7位上升为…`: listed with an ordinal of the same unit, a rank.
    if let Some(item) = rest.strip_prefix("、第") {
        let item = item.trim_start_matches(' ');
        let digits = item
            .trim_start_matches(|c: char| is_digit(c) || numerals::is_chinese_numeral(c))
            .trim_start_matches(' ');
        if digits.len() < item.len() && digits.starts_with(unit) {
            return true;
        }
    }
    let mut rest = rest;
    // Pass over `、四次、五次` (a bounded number of items, each a short numeral and the unit).
    for _ in 0..8 {
        let Some(item) = rest.strip_prefix('、') else {
            break;
        };
        let digits =
            item.trim_start_matches(|c: char| is_digit(c) || numerals::is_chinese_numeral(c));
        match digits.strip_prefix(unit) {
            Some(after) if digits.len() < item.len() && item.len() - digits.len() <= 12 => {
                rest = after;
            }
            _ => break,
        }
    }
    NOT_AFTER_UNIT
        .iter()
        .any(|(u, after)| *u == unit && rest.starts_with(after))
}

/// Whether the numeral at `i` stands inside one of the set phrases of [`IDIOMS`].
fn in_idiom(text: &str, i: usize) -> bool {
    let Some(numeral) = text[i..].chars().next() else {
        return false;
    };
    IDIOMS.iter().any(|idiom| {
        idiom.find(numeral).is_some_and(|k| {
            i.checked_sub(k)
                .and_then(|from| text.as_bytes().get(from..from + idiom.len()))
                .is_some_and(|t| t == idiom.as_bytes())
        })
    })
}

/// Whether a number with a unit still is no count: `一` meaning "a" (`一项亮点工程`, `一年来`),
/// a name (`三元`), a period looked back on (`五年来`, `过去五年`).
pub fn not_a_count(text: &str, i: usize, n: &Number, measure: Option<&str>, scaled: bool) -> bool {
    // `翻两番`: 番 counts only after 翻 (`三番五次`, `一番努力` are words).
    if measure == Some("番") && !text[..i].ends_with('翻') {
        return true;
    }
    // `三角地`, `八角`: 角 in lower-case numerals is a corner or a name; an amount of 角 is
    // written in digits or upper case (`5角`, `伍角`).
    if measure == Some("角") && !n.arabic && !text[i..n.end].contains(numerals::is_upper_case) {
        return true;
    }
    // `增长一倍`, `翻一番`: 一 before 倍 or 番 is a count.
    let times = matches!(measure, Some("倍" | "番"));
    if !n.arabic && !scaled && !times && matches!(n.lone, Some('一' | '〇' | '○' | '零' | '壹'))
    {
        // `至少有一名`: a bound makes the 一 a count.
        let bound = units::qualifier_before(text, i)
            .1
            .is_some_and(|q| BOUND_QUALIFIERS.contains(&q));
        if !(n.lone == Some('一') && bound) {
            return true;
        }
    }
    // `三元` (a name); not `十元`, `五万元`, nor an amount in upper case (`伍圆`).
    if !n.arabic
        && !scaled
        && n.lone
            .is_some_and(|c| c != '十' && !numerals::is_upper_case(c))
        && measure == Some("元")
    {
        return true;
    }
    // `二期`, `三期工程`: a project phase is written in Chinese numerals; `培训12期` counts.
    // `分七期`, `培训三期`: a count of sessions where the word before says so.
    if !n.arabic && measure == Some("期") {
        return !SESSIONS_BEFORE.iter().any(|w| text[..i].ends_with(w));
    }
    if measure == Some("年") && !scaled {
        let after = text[n.end..].trim_start_matches('年');
        let after = after.trim_start_matches(['多', '余']);
        if PERIOD_AFTER.iter().any(|w| after.starts_with(w)) {
            return true;
        }
        let (lead, q) = units::qualifier_before(text, i);
        let before = &text[..lead];
        // `本世纪末的二十年内`: 的 before a time limit (内) names no period looked back on.
        let limit_after_de = before.ends_with('的') && after.starts_with('内');
        // `近三年`: the recent years looked back on.
        if q == Some("近") || PERIOD_BEFORE.iter().any(|w| before.ends_with(w)) && !limit_after_de
        {
            return true;
        }
        if CHANGE_AFTER_PERIOD.iter().any(|w| after.starts_with(w))
            && !RUN_WORDS.iter().any(|w| before.ends_with(w))
        {
            return true;
        }
    }
    // `收支两条线`, `抓好两头`: a set phrase (looked for last: most numerals never get here).
    if !n.arabic && n.lone.is_some() && in_idiom(text, i) {
        return true;
    }
    false
}
