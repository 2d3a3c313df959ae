//! The one reader of numbers: ASCII and full-width digits with decimals and thousands
//! separators, and Chinese numerals (`一百二十三`, `两`, `〇`/`○`/`零`, `三十六点九`, `九點九`,
//! digit-by-digit `一九五三`, `二十五亿七千`). Figures read amounts with [`arabic`] and
//! [`chinese`]; heading markers read their small numbers with [`heading_chinese`] and
//! [`heading_arabic`]; dates read theirs with [`whole_small`]. All of them compute a Chinese
//! numeral's value the same way.
//!
//! A Chinese numeral that *ends* in a scale word (`三千万`) stops before it: the scale word
//! belongs to the unit (`gold/GUIDE.md`: "a scale word that ends the number goes to the unit").
//! A numeral that continues past its scale word (`三亿二千三百八十万九千六百八十四`) is one number.

use crate::chars::is_digit;
use crate::decimal::Decimal;

/// A number read from the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The whole value (for a Chinese numeral before any trailing scale word).
    pub value: Decimal,
    /// For a Chinese numeral with a part at 万/亿 level (`二十五亿七千`): that part, so that a
    /// following scale word can re-express the value in its own unit (`…七千多万` → 257000 万).
    pub high: Option<Decimal>,
    /// The power of ten of the lowest section in `high` (4 for 万, 8 for 亿): a closing scale
    /// word below it re-expresses the value (`二十五亿七千` + 万), one at or above it scales
    /// the whole numeral (`一万六千` + 亿 is 16000 亿).
    pub high_exp: u32,
    /// The upper end when two neighbouring digits make a range (`五六十` is 50 to 60).
    pub max: Option<Decimal>,
    /// Byte offset one past the number's last character.
    pub end: usize,
    /// Written in digits (ASCII or full-width) rather than Chinese numerals.
    pub arabic: bool,
    /// Written digit by digit, with no 十/百/千 (`一九五三`, `2023`), and no decimal point.
    pub digit_string: bool,
    /// How many digits (or numeral characters) it has.
    pub len: usize,
    /// The single character, when the number is one Chinese numeral character (`一`, `两`).
    pub lone: Option<char>,
    /// Whether it has a leading zero (`021`): a code, not an amount.
    pub leading_zero: bool,
}

/// The value of a Chinese digit character: lower case, upper case (大写) and traditional.
pub const fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A character of a small count written in digits or Chinese numerals (`5`, `三`, `十`).
pub fn is_count_char(c: char) -> bool {
    c.is_ascii_digit() || c == '十' || chinese_digit(c).is_some()
}

/// An upper-case (大写) digit or place, as written on cheques and in budgets.
pub const fn is_upper_case(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '叁'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

/// The tens written as one character (廿 20, 卅 30, 卌 40): their digit.
const fn chinese_tens(c: char) -> Option<u8> {
    match c {
        '廿' => Some(2),
        '卅' => Some(3),
        '卌' => Some(4),
        _ => None,
    }
}

/// The power of ten of a Chinese positional character below 万 (十 百 千).
const fn chinese_place(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(1),
        '百' | '佰' => Some(2),
        '千' | '仟' => Some(3),
        _ => None,
    }
}

/// The power of ten of a Chinese section scale (万 亿).
const fn chinese_section(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// Whether `c` can be part of a Chinese numeral.
pub const fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some()
        || chinese_place(c).is_some()
        || chinese_section(c).is_some()
        || chinese_tens(c).is_some()
}

/// Whether `c` can open a Chinese numeral that is an amount: a digit, 十, or 廿/卅/卌.
const fn opens_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '拾') || chinese_tens(c).is_some()
}

/// A digit or place character of a heading or list number (`十二`, `二十三`, `一百零八`): the
/// plain simplified forms, no 千/万 (heading numbers stay small).
pub fn is_heading_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '零'
            | '〇'
            | '两'
    )
}

/// The longest numeral read in a heading marker: heading numbers stay small.
const MAX_HEADING_CHARS: usize = 6;

/// Reads a heading number in Chinese numerals at the start of `text` (`三`, `十二`, `二十三`,
/// `一百零八`): its value and length in bytes. Two digits in a row (`二三`) are no heading
/// number, and 百 needs its digit.
pub fn heading_chinese(text: &str) -> Option<(u32, usize)> {
    let mut len = 0;
    let mut after_digit = false;
    for (count, c) in text.chars().enumerate() {
        if count >= MAX_HEADING_CHARS || !is_heading_numeral(c) {
            break;
        }
        let digit = chinese_digit(c).filter(|&d| d != 0).is_some();
        if (digit && after_digit) || (c == '百' && !after_digit) {
            return None;
        }
        after_digit = digit;
        len += c.len_utf8();
    }
    let value = parse_chinese(&text[..len])?.value;
    let value = u32::try_from(value.as_whole()?).ok()?;
    (len > 0 && value > 0).then_some((value, len))
}

/// Reads ASCII or full-width digits at the start of `text` (at most three: heading numbers stay
/// small), returning the value and length in bytes.
pub fn heading_arabic(text: &str) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut len = 0;
    for (count, c) in text.chars().enumerate() {
        let Some((d, _)) = digit_at(c.encode_utf8(&mut [0; 4]).as_bytes(), 0) else {
            break;
        };
        if count == 3 {
            // A fourth digit: a year or an amount, not a heading number.
            return None;
        }
        value = value * 10 + u32::from(d);
        len += c.len_utf8();
    }
    (len > 0 && value > 0).then_some((value, len))
}

/// The value of a whole text that is one small number (a date's year, month or day): Arabic
/// digits, Chinese digits read one by one (`二〇二四`, with the letter O a web copy may type
/// for 〇), or a Chinese numeral with at most one 十 (`十二`, `三十一`).
pub fn whole_small(text: &str) -> Option<u32> {
    let n = if text.starts_with(is_digit) {
        arabic(text, 0)?
    } else {
        if text.matches('十').count() > 1 || text.contains(['百', '千', '万', '亿']) {
            return None;
        }
        let zeroed = text.replace(|c| is_letter_zero(c) || c == '0', "〇");
        let n = chinese(&zeroed, 0).filter(|n| n.end == zeroed.len())?;
        return u32::try_from(n.value.as_whole()?).ok();
    };
    if n.end != text.len() || !n.digit_string {
        return None;
    }
    u32::try_from(n.value.as_whole()?).ok()
}

/// Reads a number in digits at byte `start` of `text`.
///
/// Accepts `.`/`．` as a decimal point when a digit follows, and `,`/`，` as a thousands
/// separator when exactly three digits follow (and the first group has at most three). A number
/// too long for `i128` is kept as written.
pub fn arabic(text: &str, start: usize) -> Option<Number> {
    let rest = text.get(start..)?;
    let bytes = rest.as_bytes();
    // The value is built as the digits are read (no string of them is made): a number too long
    // for `i128` is rare and is then collected as written.
    let mut mantissa: Option<i128> = Some(0);
    let mut scale = 0u32;
    let mut count = 0usize; // digits read
    let mut first_zero = None; // whether the first digit or point read is a 0
    let mut end = start;
    let mut seen_dot = false;
    let mut int_len = 0usize;
    let mut group = 0usize;
    let mut grouped = false;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII digits, read in one tight loop (a pasted megabyte of digits is one
        // number); once the value overflows, the rest of the run is only passed over.
        let run = i;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            let Some(m) = mantissa else {
                break;
            };
            mantissa = m
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')));
            i += 1;
        }
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        // Else one full-width digit.
        if i == run {
            if let Some((d, width)) = digit_at(bytes, i) {
                mantissa = mantissa
                    .and_then(|m| m.checked_mul(10))
                    .and_then(|m| m.checked_add(i128::from(d)));
                i += width;
                first_zero.get_or_insert(d == 0);
                count += 1;
                group += 1;
                if seen_dot {
                    scale += 1;
                } else {
                    int_len += 1;
                }
                end = start + i;
                continue;
            }
        } else {
            let n = i - run;
            first_zero.get_or_insert(bytes.get(run) == Some(&b'0'));
            count += n;
            group += n;
            if seen_dot {
                scale = scale.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
            } else {
                int_len += n;
            }
            end = start + i;
            continue;
        }
        let Some(c) = rest[i..].chars().next() else {
            break;
        };
        let after = &rest[i + c.len_utf8()..];
        match c {
            '.' | '．' if !seen_dot && after.chars().next().is_some_and(is_digit) => {
                // A second point (`1.2.3`, a version number) is handled by the caller.
                seen_dot = true;
                first_zero.get_or_insert(false);
            }
            ',' | '，' if !seen_dot && (grouped || group <= 3) && three_digits_then_end(after) => {
                grouped = true;
                group = 0;
            }
            _ => break,
        }
        i += c.len_utf8();
    }
    if count == 0 {
        return None;
    }
    let leading_zero = int_len > 1 && first_zero == Some(true);
    let value = match mantissa {
        Some(m) => Decimal::new(m, scale).normalized(),
        None => Decimal::written(&written_digits(&text[start..end])),
    };
    Some(Number {
        value,
        high: None,
        high_exp: 0,
        max: None,
        end,
        arabic: true,
        digit_string: !seen_dot,
        len: count + usize::from(seen_dot),
        lone: None,
        leading_zero,
    })
}

/// The ASCII or full-width digit (`０`–`９`, bytes EF BC 90–99) at byte `i`: its value and
/// width in bytes.
#[inline]
fn digit_at(bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    match bytes.get(i..)? {
        [b @ b'0'..=b'9', ..] => Some((b - b'0', 1)),
        [0xEF, 0xBC, b @ 0x90..=0x99, ..] => Some((b - 0x90, 3)),
        _ => None,
    }
}

/// The digits (ASCII) and decimal point of a number [`arabic`] read, without its thousands
/// separators.
fn written_digits(number: &str) -> String {
    let bytes = number.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(rest) = bytes.get(i..).filter(|r| !r.is_empty()) {
        match rest {
            [b @ b'0'..=b'9', ..] => out.push(*b),
            [b'.', ..] | [0xEF, 0xBC, 0x8E, ..] => out.push(b'.'),
            [0xEF, 0xBC, b @ 0x90..=0x99, ..] => out.push(b'0' + (b - 0x90)),
            // Thousands separators (and the inner bytes of full-width characters).
            _ => {}
        }
        i += match rest {
            [0xEF, 0xBC, 0x8E | 0x90..=0x99, ..] => 3,
            _ => 1,
        };
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Exactly three digits and then something that is not a digit (`1,234` but not `1,2345`).
fn three_digits_then_end(s: &str) -> bool {
    let mut it = s.chars();
    (0..3).all(|_| it.next().is_some_and(is_digit)) && !it.next().is_some_and(is_digit)
}

/// Reads the number at byte `start` of `text`, in digits or in Chinese numerals.
///
/// Digits that continue past a scale word are one number (`3万4000`, `25万6千`, `1万600`): the
/// part after the scale word must be smaller than it.
pub fn read(text: &str, start: usize) -> Option<Number> {
    let c = text.get(start..)?.chars().next()?;
    if !is_digit(c) {
        return chinese(text, start);
    }
    let mut n = arabic(text, start)?;
    if n.digit_string && !n.leading_zero {
        if let Some(m) = continued(text, &n) {
            n = m;
        }
    }
    Some(n)
}

/// `3万4000`, `25万6千`, `3亿4000万`: the number `n` in digits, its scale word and the digits
/// after it, as one number (`high` is the part before the scale word).
fn continued(text: &str, n: &Number) -> Option<Number> {
    let rest = text.get(n.end..)?;
    let sc = rest.chars().next()?;
    let exp = chinese_section(sc)?;
    let after = n.end + sc.len_utf8();
    // Groups of digits, each with an optional place or lower section after it (`4千6百`,
    // `1万4千6百` after 亿), the places falling.
    let mut part = Decimal::from_int(0);
    let mut end = after;
    let mut len = n.len;
    let mut below = exp;
    while let Some(m) = arabic(text, end).filter(|m| m.digit_string && !m.leading_zero) {
        let tail = &text[m.end..];
        // A section word that ends the number goes to the unit (`3亿4000万元`).
        let place = tail
            .chars()
            .next()
            .and_then(|c| {
                chinese_place(c).or_else(|| {
                    chinese_section(c).filter(|_| tail[c.len_utf8()..].starts_with(is_digit))
                })
            })
            .filter(|&p| p < below);
        // 千瓦, 千伏, 千米, 千克 are units (`get`: the tail may open with any character).
        let unit = tail
            .get(3..)
            .is_some_and(|t| t.starts_with(['瓦', '伏', '米', '克']));
        len += m.len;
        match place {
            Some(_) if unit => return None,
            Some(p) => {
                part = part.checked_add(&m.value.checked_shift(p)?)?;
                end = m.end + 3;
                below = p;
            }
            None => {
                part = part.checked_add(&m.value)?;
                end = m.end;
                break;
            }
        }
    }
    if end == after {
        return None;
    }
    let tail = &text[end..];
    if tail.starts_with(['%', '％', '‰', '.', '．', '·', '/', '／', ':', '：'])
        || tail.starts_with(|c: char| c.is_ascii_alphanumeric())
        || part >= Decimal::from_int(10i128.pow(exp))
    {
        return None;
    }
    let high = n.value.checked_shift(exp)?;
    Some(Number {
        value: high.checked_add(&part)?,
        high: Some(high),
        high_exp: exp,
        max: None,
        end,
        arabic: true,
        digit_string: false,
        len,
        lone: None,
        leading_zero: false,
    })
}

/// Reads a Chinese numeral at byte `start` of `text`, stopping before a closing scale word
/// (万, 亿, 万亿, 万万, and their traditional forms), which belongs to the unit.
///
/// `None` when the run holds no digit and is not led by 十 or 廿/卅/卌 (a bare 百/千/万/亿 is a
/// word: 千方百计, 万家灯火).
pub fn chinese(text: &str, start: usize) -> Option<Number> {
    let rest = text.get(start..)?;
    // Checked before the run is read, so a long run of bare scale words (万亿万亿…) is not
    // re-read from each of its characters (quadratic time).
    let lead = rest.chars().next()?;
    // `突破百亿次`, `千亿元以上`: a bare 百/千 before 亿 is one hundred, one thousand (read
    // here, without the run, so a long run stays linear).
    if rest.starts_with("百亿") || rest.starts_with("千亿") {
        let value = Decimal::from_int(if lead == '百' { 100 } else { 1000 });
        return Some(Number {
            value,
            high: None,
            high_exp: 0,
            max: None,
            end: start + lead.len_utf8(),
            arabic: false,
            digit_string: false,
            len: 1,
            lone: None,
            leading_zero: false,
        });
    }
    if !opens_numeral(lead) {
        return None;
    }
    if let Some((len, value)) = grouped_digits(rest) {
        return Some(Number {
            value,
            high: None,
            high_exp: 0,
            max: None,
            end: start + len,
            arabic: false,
            digit_string: false,
            len: rest[..len].chars().count(),
            lone: None,
            leading_zero: false,
        });
    }
    // The run of numeral characters, with 点 inside it when a digit follows.
    let mut run_end = 0;
    let mut prev = None;
    let mut it = rest.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let point =
            matches!(c, '点' | '點') && run_end == i && next.and_then(chinese_digit).is_some();
        // `二OO三年`: a web copy may write the zero of a digit-by-digit year as the letter O.
        let letter_zero = is_letter_zero(c)
            && run_end == i
            && next.is_some_and(|n| chinese_digit(n).is_some() || is_letter_zero(n));
        // `一百万千瓦`, `三千瓦`: 千瓦 and 千伏 are units, never 千 + 瓦; 千米 and 千克 are
        // units after a scale word (`八十万千米`), thousands after a digit (`三千米`).
        let unit_ahead = matches!(c, '千' | '仟')
            && next.is_some_and(|n| {
                matches!(n, '瓦' | '伏')
                    || (matches!(n, '米' | '克') && prev.and_then(chinese_section).is_some())
            });
        if run_end == i && !unit_ahead && (is_chinese_numeral(c) || point || letter_zero) {
            run_end = i + c.len_utf8();
            prev = Some(c);
        } else {
            break;
        }
    }
    let run = &rest[..run_end];
    // A closing scale word goes to the unit.
    let mut body = run;
    for tail in crate::lexicon::TRAILING_SCALES {
        if let Some(b) = body.strip_suffix(tail) {
            if b.chars().next_back().is_some_and(|c| {
                chinese_digit(c).is_some()
                    || chinese_place(c).is_some()
                    || chinese_tens(c).is_some()
            }) {
                body = b;
                break;
            }
        }
    }
    let first = body.chars().next()?;
    if !opens_numeral(first) {
        return None;
    }
    // A lone digit (`一`, `两`, most of what is read here) needs no parsing.
    let lone_digit = chinese_digit(first).filter(|_| body.len() == first.len_utf8());
    let parsed = if let Some(d) = lone_digit {
        Some(Parsed::int(i128::from(d)))
    } else if body.contains(is_letter_zero) {
        parse_chinese(&body.replace(is_letter_zero, "〇"))
    } else {
        parse_chinese(body)
    };
    let count = body.chars().count();
    let lone = if count == 1 { Some(first) } else { None };
    let p = parsed.unwrap_or_else(|| Parsed {
        value: Decimal::written(body),
        ..Parsed::int(0)
    });
    Some(Number {
        value: p.value,
        high: p.high,
        high_exp: p.high_exp,
        max: p.max,
        end: start + body.len(),
        arabic: false,
        digit_string: p.digit_string,
        len: count,
        lone,
        leading_zero: false,
    })
}

/// The most groups of three digits [`grouped_digits`] reads after the first (up to 10^15).
const DIGIT_GROUPS: usize = 4;

/// `二一七、○○○元`: an amount written digit by digit with its thousands set off by 、 (or ，),
/// as 1950s documents write them: one to three digits, then groups of exactly three. The byte
/// length and the value; `None` for anything else (`一、二`, `二、三批`, `一九五三、一九五四年`).
fn grouped_digits(rest: &str) -> Option<(usize, Decimal)> {
    // Most numerals have no separator one to three characters on (every digit is three bytes):
    // that is seen first.
    let separated = [3, 6, 9].iter().any(|&at| {
        rest.get(at..)
            .is_some_and(|r| r.starts_with(['、', '，', ',']))
    });
    if !separated {
        return None;
    }
    // The Chinese digits that open `s` (at most four, enough to tell three from more): how
    // many, and their length in bytes.
    let run = |s: &str| {
        s.char_indices()
            .take(4)
            .take_while(|&(_, c)| chinese_digit(c).is_some())
            .fold((0, 0), |(n, _), (j, c)| (n + 1, j + c.len_utf8()))
    };
    let (lead, mut end) = run(rest);
    if !(1..=3).contains(&lead) {
        return None;
    }
    let mut groups = 0;
    while groups < DIGIT_GROUPS {
        let Some(after) = rest[end..].strip_prefix(['、', '，', ',']) else {
            break;
        };
        match run(after) {
            (3, len) => end = rest.len() - after.len() + len,
            // A fourth digit makes it something else (`一九五三、一九五四年`).
            (4, _) => return None,
            _ => break,
        }
        groups += 1;
    }
    if groups == 0 {
        return None;
    }
    let value = rest[..end]
        .chars()
        .filter_map(chinese_digit)
        .fold(0i128, |v, d| v * 10 + i128::from(d));
    Some((end, Decimal::from_int(value)))
}

/// The letter O (Latin, full-width) written for the numeral 〇.
fn is_letter_zero(c: char) -> bool {
    matches!(c, 'O' | 'o' | 'Ｏ')
}

/// A Chinese numeral's value, as [`parse_chinese`] reads it.
struct Parsed {
    value: Decimal,
    high: Option<Decimal>,
    high_exp: u32,
    max: Option<Decimal>,
    digit_string: bool,
}

impl Parsed {
    fn int(v: i128) -> Parsed {
        Parsed {
            value: Decimal::from_int(v),
            high: None,
            high_exp: 0,
            max: None,
            digit_string: false,
        }
    }
}

/// The value of a Chinese numeral; `None` when it overflows.
fn parse_chinese(body: &str) -> Option<Parsed> {
    let (int_part, frac_part) = match body.split_once(['点', '點']) {
        Some((a, b)) => (a, Some(b)),
        None => (body, None),
    };
    let mut frac = Decimal::from_int(0);
    if let Some(f) = frac_part {
        let mut m: i128 = 0;
        let mut scale = 0u32;
        for c in f.chars() {
            m = m
                .checked_mul(10)?
                .checked_add(i128::from(chinese_digit(c)?))?;
            scale += 1;
        }
        frac = Decimal::new(m, scale).normalized();
    }
    // The characters, on the stack for any numeral a report writes (a longer one goes to the
    // heap): this runs for every Chinese numeral read.
    let mut stack = ['\0'; 24];
    let heap: Vec<char>;
    let count = int_part.chars().count();
    let chars: &[char] = if count <= stack.len() {
        for (slot, c) in stack.iter_mut().zip(int_part.chars()) {
            *slot = c;
        }
        &stack[..count]
    } else {
        heap = int_part.chars().collect();
        &heap
    };
    let positional = chars.iter().any(|&c| chinese_digit(c).is_none());
    if !positional {
        let mut m: i128 = 0;
        for &c in chars {
            m = m
                .checked_mul(10)?
                .checked_add(i128::from(chinese_digit(c)?))?;
        }
        // `一两`, `七八`, `三五` before a unit: a range of two neighbouring digits.
        if frac_part.is_none() {
            if let [a, b] = *chars {
                if let Some((lo, hi)) = neighbours(a, b) {
                    let mut p = Parsed::int(i128::from(lo));
                    p.max = Some(Decimal::from_int(i128::from(hi)));
                    return Some(p);
                }
            }
        }
        let digit_string = frac_part.is_none() && chars.len() > 1;
        return Some(Parsed {
            value: Decimal::from_int(m).checked_add(&frac)?,
            digit_string,
            ..Parsed::int(0)
        });
    }
    // `五六十`, `三四百`, `十七八`: two neighbouring digits inside a numeral are a range; each
    // end is the numeral with one of them.
    let pair = (0..chars.len().saturating_sub(1)).find_map(|k| {
        let (lo, hi) = neighbours(chars[k], chars[k + 1])?;
        let alone = (k == 0 || chinese_digit(chars[k - 1]).is_none())
            && chars.get(k + 2).is_none_or(|&c| chinese_digit(c).is_none());
        alone.then_some((k, lo, hi))
    });
    if let Some((k, _, _)) = pair {
        // Only below the last section word, so both ends share the same higher part.
        if chars[k..].iter().any(|&c| chinese_section(c).is_some()) {
            return None;
        }
        let mut lo = chars.to_vec();
        lo.remove(k + 1);
        let mut hi = chars.to_vec();
        hi.remove(k);
        let (lo, _, _) = positional_value(&lo)?;
        let (hi, _, _) = positional_value(&hi)?;
        return Some(Parsed {
            value: Decimal::from_int(lo).checked_add(&frac)?,
            max: Some(Decimal::from_int(hi).checked_add(&frac)?),
            ..Parsed::int(0)
        });
    }
    let (value, high, high_exp) = positional_value(chars)?;
    let value = Decimal::from_int(value).checked_add(&frac)?;
    Some(Parsed {
        value,
        high: (high != 0).then(|| Decimal::from_int(high)),
        high_exp,
        max: None,
        digit_string: false,
    })
}

/// Two neighbouring digits written together for a rough amount (`五六`, `一两`, `三五`): the
/// low and high digit.
fn neighbours(a: char, b: char) -> Option<(u8, u8)> {
    let (x, y) = (chinese_digit(a)?, chinese_digit(b)?);
    (x > 0 && (y == x + 1 || (x, y) == (3, 5))).then_some((x, y))
}

/// The value of a positional numeral (with 十/百/千, 廿/卅/卌, 万/亿), its part at 万 level and
/// above, and the power of ten of the lowest section in that part.
///
/// 一 may be left out before 十 (`十五`, and after a larger unit: `二百十七`, `一千零十`); 万万
/// is 亿; a last digit right after 百/千/万/亿 is one step below it (`一百五` is 150, `三万五`
/// is 35000: the spoken short form).
fn positional_value(chars: &[char]) -> Option<(i128, i128, u32)> {
    let mut high: i128 = 0; // the part at 亿 level and above
    let mut wan: i128 = 0; // the part at 万 level
    let mut section: i128 = 0; // below 万, complete places
    let mut current: i128 = 0; // the last digit(s) not yet placed
    let mut last_exp: Option<u32> = None; // the place or section just written
    let mut after_zero = false;
    for &c in chars {
        if let Some(d) = chinese_digit(c) {
            current = current.checked_mul(10)?.checked_add(i128::from(d))?;
            after_zero = d == 0;
            if d == 0 {
                last_exp = None;
            }
            continue;
        }
        if let Some(t) = chinese_tens(c) {
            section = section.checked_add(i128::from(t) * 10)?;
            current = 0;
            last_exp = Some(1);
        } else if let Some(p) = chinese_place(c) {
            let m = if current == 0 { 1 } else { current };
            section = section.checked_add(m.checked_mul(10i128.checked_pow(p)?)?)?;
            current = 0;
            last_exp = Some(p);
        } else if let Some(s) = chinese_section(c) {
            let part = section.checked_add(current)?;
            if s == 8 {
                high = high
                    .checked_add(wan)?
                    .checked_add(part)?
                    .checked_mul(100_000_000)?;
                wan = 0;
            } else if part == 0 && last_exp == Some(4) {
                // 万万: the 万 part becomes 亿.
                high = high.checked_add(wan.checked_mul(10_000)?)?;
                wan = 0;
            } else {
                wan = wan.checked_add(part.checked_mul(10_000)?)?;
            }
            section = 0;
            current = 0;
            last_exp = Some(if part == 0 && s == 4 && high != 0 && wan == 0 {
                8
            } else {
                s
            });
        }
        after_zero = false;
    }
    // The spoken short form: `三万五`, `一百五`, `两千三`.
    if let (Some(e), false) = (last_exp, after_zero) {
        if e >= 2 && current > 0 && current < 10 && chars.len() >= 2 {
            current = current.checked_mul(10i128.checked_pow(e - 1)?)?;
        }
    }
    let high_exp = if wan != 0 {
        4
    } else if high != 0 {
        8
    } else {
        0
    };
    let high = high.checked_add(wan)?;
    let value = high.checked_add(section)?.checked_add(current)?;
    Some((value, high, high_exp))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> String {
        chinese(s, 0)
            .map(|n| n.value.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(cn("一百二十三"), "123", "positional numeral");
        assert_eq!(
            cn("三亿二千三百八十万九千六百八十四"),
            "323809684",
            "a numeral past its scale words is one number"
        );
        assert_eq!(cn("三千万"), "3000", "a trailing 万 goes to the unit");
        assert_eq!(cn("一九五三"), "1953", "digit by digit");
        assert_eq!(cn("三十六点九"), "36.9", "decimal point 点");
        assert_eq!(cn("十"), "10", "a leading 十 is ten");
        assert_eq!(cn("万"), "", "a bare 万 is no number");
    }

    #[test]
    fn reads_digits() {
        let n = arabic("1,234.5万", 0);
        assert_eq!(
            n.map(|n| n.value.to_string()),
            Some("1234.5".into()),
            "thousands separator and decimals"
        );
        let n = arabic("123,456.78901234567890123456789012345678901234元", 0);
        assert_eq!(
            n.map(|n| (n.value.to_string(), n.len, n.value.is_written())),
            Some((
                "123456.78901234567890123456789012345678901234".into(),
                45,
                true
            )),
            "a number too long for i128 is kept as written, without its separators"
        );
        let n = arabic("0.50", 0);
        assert_eq!(
            n.map(|n| (n.value.to_string(), n.len, n.leading_zero)),
            Some(("0.5".into(), 4, false)),
            "trailing zeros after the point are dropped; 0.5 has no leading zero"
        );
        let n = arabic("１2．５0％", 0);
        assert_eq!(
            n.map(|n| (n.value.to_string(), n.len, n.end)),
            Some(("12.5".into(), 5, "１2．５0".len())),
            "full-width and ASCII digits and a full-width point mix in one number"
        );
        let n = arabic("１５件", 0);
        assert_eq!(
            n.map(|n| n.value.to_string()),
            Some("15".into()),
            "full-width digits"
        );
    }
}
