//! The linear scanner over one paragraph's text: numbers, their scale words, units and
//! qualifiers, ranges, and the dates that are not figures.
//!
//! Every step moves forward; look-backs and look-aheads are bounded, so the scan is linear in
//! the text's length whatever the input (a megabyte of digits is one number).

use std::ops::Range;

use super::dates::DateSpan;
use super::exclude::{self, Verdict};
use super::units;
use crate::chars::is_digit;
use crate::decimal::Decimal;
use crate::lexicon::{
    unit_set, COUNT_NOUNS_WITH_SHU, DATE_UNITS, ORDINAL_UNITS, PER_UNITS, QUALIFIED_AFTER_UNIT,
    QUALIFIERS_AFTER, QUALIFIERS_INSIDE, VAGUE_BEFORE,
};
use crate::numerals::{self, Number};

/// A figure found in a paragraph, with byte offsets into the paragraph's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Raw {
    /// First byte of the number (or of `百分之`).
    pub start: usize,
    /// One past the figure, including a qualifier written after it.
    pub end: usize,
    /// First byte of a qualifier written before the number, else `start`.
    pub lead: usize,
    /// The value (lower end of a range).
    pub value: Decimal,
    /// The upper end of a range.
    pub value_max: Option<Decimal>,
    /// Scale word and unit as the report lists them.
    pub unit: String,
    /// The value in the plain unit, and that unit, when a scale word is in the unit.
    pub base: Option<(Decimal, String)>,
    /// The qualifier word as the report lists it.
    pub qualifier: Option<&'static str>,
}

/// What one paragraph holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    /// Figures in order.
    pub figures: Vec<Raw>,
    /// Dates in order.
    pub dates: Vec<DateSpan>,
    /// Numbers too long to compute with, kept as written.
    pub too_long: Vec<Range<usize>>,
}

/// Scans one paragraph. `skip` lists byte ranges to pass over (heading markers), in order.
pub fn scan(text: &str, skip: &[Range<usize>]) -> Scan {
    let mut out = Scan::default();
    let mut i = 0;
    let mut k = 0;
    while i < text.len() {
        while k < skip.len() && skip[k].end <= i {
            k += 1;
        }
        if let Some(r) = skip.get(k).filter(|r| r.start <= i) {
            i = r.end.max(i + 1);
            while !text.is_char_boundary(i.min(text.len())) {
                i += 1;
            }
            continue;
        }
        // Most of a report is ideographs and punctuation that open nothing: pass them over in
        // a tight loop up to the next character that may open something (or the next skip).
        let stop = skip.get(k).map_or(text.len(), |r| r.start.min(text.len()));
        let at = pass_over(text.as_bytes(), i, stop);
        if at != i {
            i = at;
            continue;
        }
        let b = text.as_bytes()[i];
        if b < 0x80 {
            // ASCII: a digit starts a number, a letter a code.
            if b.is_ascii_digit() {
                i = number(text, i, &mut out);
            } else if b == b'"' {
                // `"三项制度"`: a name in ASCII quotes.
                i = exclude::quoted(text, i).unwrap_or(i + 1);
            } else {
                i = exclude::code_end(text, i);
            }
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if starts_something(c) {
            if let Some(end) = exclude::quoted(text, i) {
                i = end;
                continue;
            }
            let per = if c == '百' && text[i..].starts_with("百分之") {
                Some(("百分之", "%"))
            } else if c == '千' && text[i..].starts_with("千分之") {
                Some(("千分之", "‰"))
            } else {
                None
            };
            if let Some((prefix, unit)) = per {
                if let Some(end) = percent_words(text, i, prefix, unit, &mut out) {
                    i = end;
                    continue;
                }
            }
            if is_digit(c) || numerals::is_chinese_numeral(c) {
                i = number(text, i, &mut out);
                continue;
            }
        }
        i += c.len_utf8();
    }
    out
}

/// The first byte at or after `i` (and before `stop`) where something may open: an ASCII
/// letter or digit, or a character [`starts_something`] accepts; `stop` if there is none.
/// Every other character is passed over whole (`i` stays on character boundaries).
fn pass_over(bytes: &[u8], mut i: usize, stop: usize) -> usize {
    let bytes = bytes.get(..stop).unwrap_or(bytes);
    while let Some(&b) = bytes.get(i) {
        // Three-byte characters (ideographs, CJK punctuation) first: they are most of a report.
        if b & 0xF0 == 0xE0 {
            // A character cut by `stop` is left to the caller.
            let Some(&[_, b1, b2]) = bytes.get(i..i + 3) else {
                return i;
            };
            let cp = (usize::from(b & 0x0F) << 12)
                | (usize::from(b1 & 0x3F) << 6)
                | usize::from(b2 & 0x3F);
            if OPENERS[cp >> 6] & (1 << (cp & 63)) != 0 {
                return i;
            }
            i += 3;
        } else if b < 0x80 {
            if b.is_ascii_alphanumeric() || b == b'"' {
                return i;
            }
            i += 1;
        } else if b < 0xE0 {
            // Two-byte characters (Latin, Greek, Cyrillic) open nothing.
            i += 2;
        } else {
            // Characters beyond the Basic Multilingual Plane open nothing.
            i += 4;
        }
    }
    i
}

/// [`starts_something`] as a bit table over the Basic Multilingual Plane, built at compile time.
static OPENERS: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut cp = 0x800u32;
    while cp < 0x10000 {
        if let Some(c) = char::from_u32(cp) {
            if starts_something(c) {
                t[(cp / 64) as usize] |= 1 << (cp % 64);
            }
        }
        cp += 1;
    }
    t
};

/// Whether a non-ASCII character can open anything the scanner reads: a numeral, a full-width
/// digit, an opening quote or bracket.
const fn starts_something(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '「' | '《' | '〈' | '〔' | '［' | '０'..='９'
    ) || numerals::is_chinese_numeral(c)
}

/// `百分之三十六点九` → 36.9 %; `千分之十三` → 13 ‰ (`prefix` and the `unit` it gives).
fn percent_words(text: &str, i: usize, prefix: &str, unit: &str, out: &mut Scan) -> Option<usize> {
    let mut at = i + prefix.len();
    // `百分之负三点八`.
    let negative = text[at..].starts_with(['负', '負']);
    if negative {
        at += '负'.len_utf8();
    }
    // `百分之七八十`: neighbouring digits make a range, as `七八十人` does.
    let (value, end, approx_max) = if prefix == "百分之"
        && text[at..].starts_with('百')
        && !text[at + 3..].starts_with(numerals::is_chinese_numeral)
    {
        (Decimal::from_int(100), at + '百'.len_utf8(), None)
    } else {
        let n = read_number(text, at)?;
        if n.value.is_written() {
            out.too_long.push(at..n.end);
            if !n.arabic {
                return Some(n.end);
            }
        }
        (n.value, n.end, n.max.filter(|_| !negative))
    };
    let value = if negative {
        Decimal::from_int(0).checked_sub(&value)?
    } else {
        value
    };
    // `百分之三十至四十`: a range.
    let mut value_max = approx_max;
    let mut end = end;
    if let Some(j) = text[end..]
        .chars()
        .next()
        .filter(|&c| units::is_range_joiner(c) || c == '到')
    {
        let from = end + j.len_utf8();
        let from = from
            + if text[from..].starts_with(prefix) {
                prefix.len()
            } else {
                0
            };
        if let Some(m) = read_number(text, from).filter(|m| !m.arabic && !m.value.is_written()) {
            if m.value >= value {
                value_max = Some(m.value);
                end = m.end;
            }
        }
    }
    let (after, end) = qualifier_after(text, end);
    // `将近百分之三十三`: a qualifier before 百分之 too.
    let (lead, before) = units::qualifier_before(text, i);
    let qualifier = before.or(after);
    out.figures.push(Raw {
        start: i,
        end,
        lead,
        value,
        value_max,
        unit: unit.into(),
        base: None,
        qualifier,
    });
    Some(end)
}

fn read_number(text: &str, at: usize) -> Option<Number> {
    numerals::read(text, at)
}

/// Reads the number at `i` and whatever it makes (a figure, a date, nothing); returns where to
/// go on.
fn number(text: &str, i: usize, out: &mut Scan) -> usize {
    let c = text[i..].chars().next().map_or(1, char::len_utf8);
    // `数十家`, `几百人`, `数千万元`: a vague amount is no figure (gold/GUIDE.md).
    if text[i..].starts_with(['十', '百', '千']) && vague_before(&text[..i]) {
        return read_number(text, i).map_or(i + c, |n| n.end.max(i + c));
    }
    let Some(n) = read_number(text, i) else {
        // `上千人`, `近万人`: a bare 百/千/万/亿 after 上 or 近 is one of it.
        if let Some(raw) = bare_scale(text, i) {
            let end = raw.end;
            out.figures.push(raw);
            return end;
        }
        return i + c;
    };
    let next = n.end.max(i + c);
    // `1·8%`: a middle dot typed for the decimal point before a percent sign (no date, code or
    // name reads so). One call of `figure` below serves both, so that it is compiled once.
    let n = match dotted_percent(text, i, &n) {
        Some(dotted) => dotted,
        None => {
            match exclude::classify(text, i, &n) {
                Verdict::SkipTo(end) => return end.max(next),
                Verdict::Date(date) => {
                    let end = date.range.end.max(next);
                    out.dates.extend(date.also);
                    out.dates.push(DateSpan {
                        range: date.range,
                        iso: date.iso,
                    });
                    return end;
                }
                Verdict::MayCount => {}
            }
            if n.value.is_written() {
                out.too_long.push(i..n.end);
                // Chinese numerals too long to compute with have no digits to report as written.
                if !n.arabic {
                    return next;
                }
            }
            n
        }
    };
    let next = next.max(n.end);
    match figure(text, i, &n).map(|raw| signed(text, raw, out.figures.last())) {
        Some(raw) => {
            let end = raw.end;
            out.figures.push(raw);
            end
        }
        None => next,
    }
}

/// `1·8%` (a number in digits, a middle dot, digits, a percent sign): the number with the dot
/// read as a decimal point.
fn dotted_percent(text: &str, i: usize, n: &Number) -> Option<Number> {
    if !n.arabic || !n.digit_string || n.leading_zero {
        return None;
    }
    let frac_at = n.end + text[n.end..].strip_prefix('·').map(|_| '·'.len_utf8())?;
    let digits = text[frac_at..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let end = frac_at + digits;
    if digits == 0 || !text[end..].starts_with(['%', '％']) {
        return None;
    }
    let int = text.get(i..n.end)?;
    if !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(text[frac_at..end].bytes()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i128::from(b - b'0'))?;
    }
    let value = Decimal::new(mantissa, u32::try_from(digits).ok()?).normalized();
    Some(Number {
        value,
        end,
        digit_string: false,
        ..n.clone()
    })
}

/// `两、三倍`, `两、三年内`: two neighbouring lone numerals joined by 、 before a unit, a range (not
/// where the unit makes them ordinals or names: `一、二季度`, `二、三级子公司`); the upper end
/// and where it ends.
fn enumerated_range(text: &str, n: &Number) -> Option<(Decimal, usize)> {
    let low = numerals::chinese_digit(n.lone?)?;
    let at = n.end + text[n.end..].strip_prefix('、').map(|_| '、'.len_utf8())?;
    let m = read_number(text, at)?;
    let high = numerals::chinese_digit(m.lone?)?;
    if high != low + 1 {
        return None;
    }
    let unit = unit_set().longest(&text[m.end..])?;
    (!ORDINAL_UNITS.contains(&unit)).then_some((m.value, m.end))
}

/// Reads the figure that starts with number `n` at `i`: range, scale, unit, qualifiers.
fn figure(text: &str, i: usize, n: &Number) -> Option<Raw> {
    let mut pos = n.end;
    let mut value = n.value.clone();
    let mut value_max = None;
    if let Some((max, end)) = enumerated_range(text, n) {
        value_max = Some(max);
        pos = end;
    }
    // A range written before the unit (`2—3岁`, `3至5天`, `3到5个`): a dash between numbers is
    // never a minus sign.
    if let Some(j) = text[pos..]
        .chars()
        .next()
        .filter(|&c| units::is_range_joiner(c) || c == '到')
    {
        let at = pos + j.len_utf8();
        if let Some(m) = read_number(text, at).filter(|m| m.arabic == n.arabic && !m.leading_zero) {
            if m.value >= n.value && unit_follows(text, m.end) {
                value_max = Some(m.value.clone());
                pos = m.end;
            }
        }
    }
    // `五六十人`, `七八成`: two neighbouring digits.
    if value_max.is_none() {
        value_max = n.max.clone();
    }
    let mut qualifier = None;
    // 多/余 between the number and its scale word or unit (`5300多栋`, `6600多万`); 几 after a
    // numeral reads as 多 (`十几个`, `二十几万元`).
    if let Some(q) = inside_qualifier(&text[pos..]) {
        if unit_follows(text, pos + q.0.len()) {
            qualifier = Some(q.1);
            pos += q.0.len();
        }
    }
    let mut scale = None;
    if let Some((word, exp)) = units::scale_at(&text[pos..]) {
        scale = Some((word, exp));
        pos += word.len();
        if let Some(h) = n.high.as_ref().filter(|_| exp < n.high_exp) {
            // `二十五亿七千多万`: the 亿 part re-expressed in 万 (but `一万六千亿` is 16000 亿).
            let low = n.value.checked_sub(h);
            if let Some(v) =
                low.and_then(|low| h.checked_unshift(exp).and_then(|h| h.checked_add(&low)))
            {
                value = v;
            }
        }
        // `5万-10万元`, `二百八十万到三百万千瓦`: a range with the scale word on both ends.
        if value_max.is_none() {
            if let Some((max, end)) = scaled_range(text, pos, n, word) {
                if max >= value {
                    value_max = Some(max);
                    pos = end;
                }
            }
        }
        if qualifier.is_none() {
            if let Some(q) = inside_qualifier(&text[pos..]) {
                qualifier = Some(q.1);
                pos += q.0.len();
            }
        }
    }
    // `1.4 %`: a copy from PDF may put a space before the percent sign.
    if let Some(sp) = space_before_percent(&text[pos..]) {
        pos += sp;
    }
    let mut measure = unit_set()
        .longest(&text[pos..])
        .filter(|u| ascii_unit_ends(text, pos, u))
        .filter(|u| !units::noun_not_unit(u, &text[pos + u.len()..]));
    // `2.16和1.66个百分点`, `1409万、1305万人次`: a unit written once for a list.
    let shared = if measure.is_none() {
        shared_unit(text, pos, scale.map(|(w, _)| w))
    } else {
        None
    };
    if let Some(u) = measure {
        if exclude::not_an_amount_after(&text[pos + u.len()..], u) {
            return None;
        }
    }
    // The plain unit, with what a rate unit divides by (`吨/日`).
    let mut plain = String::new();
    let mut halved = false;
    // `100条（个）`: a second unit in brackets is part of the unit as written.
    let mut extra = "";
    if let Some(u) = shared {
        measure = Some(u);
        plain = units::normalise_unit(u);
    } else if let Some(u) = measure {
        plain = units::normalise_unit(u);
        pos += u.len();
        // `万吨/日`, `微克每立方米`: a rate unit.
        if let Some(per) = per_unit(&text[pos..]) {
            plain.push_str(per);
            pos += per.len();
        }
        if let Some(e) = bracketed_unit(&text[pos..]) {
            extra = e;
            pos += e.len();
        }
        // `增长一倍半`, `一亩半`, `三天半`: a half after the unit (not after 个: `两个半小时`).
        let half = text[pos..].starts_with('半')
            && u != "个"
            && scale.is_none()
            && value_max.is_none()
            && value.decimals() == 0
            && !DATE_UNITS.contains(&u);
        if half {
            halved = true;
            value = value.checked_add(&Decimal::new(5, 1)).unwrap_or(value);
            pos += '半'.len_utf8();
        }
        // `壹拾壹元壹角伍分`, `壹佰壹拾壹圆整`: 角 and 分 after 元 are one amount in 元; 整/正
        // closes it.
        if plain == "元" && scale.is_none() {
            let (cents, end) = jiao_fen(text, pos);
            if let Some(v) = cents.and_then(|c| value.checked_add(&c)) {
                value = v;
                pos = end;
            }
            if text[pos..].starts_with(['整', '正']) && (n.arabic || !text[i..pos].is_empty()) {
                pos += '整'.len_utf8();
            }
        }
    }
    // As written: scale word, plain unit, bracketed unit (one allocation of the right size).
    let scale_word = scale.map_or("", |(w, _)| w);
    let mut unit = String::with_capacity(scale_word.len() + plain.len() + extra.len());
    unit.push_str(scale_word);
    unit.push_str(&plain);
    unit.push_str(extra);
    if unit.is_empty() {
        return None;
    }
    // `一亩半`: with its half, 一 is a count.
    if exclude::not_a_count(
        text,
        i,
        n,
        measure,
        scale.is_some() || value_max.is_some() || halved,
    ) {
        return None;
    }
    if qualifier.is_none()
        && (measure.is_none() || measure.is_some_and(|u| QUALIFIED_AFTER_UNIT.contains(&u)))
    {
        if let Some(q) = inside_qualifier(&text[pos..]) {
            qualifier = Some(q.1);
            pos += q.0.len();
        }
    }
    // A range written with the unit on both ends (`3%—5%`).
    if value_max.is_none() {
        if let Some((max, end)) = range_with_units(text, pos, n.arabic, &unit) {
            if max >= value {
                value_max = Some(max);
                pos = end;
            }
        }
    }
    let (lead, before) = units::qualifier_before(text, i);
    let (after, end) = qualifier_after(text, pos);
    if qualifier.is_none() {
        qualifier = before.or(after);
    }
    let base = scale.and_then(|(_, exp)| {
        let b = value.checked_shift(exp)?;
        Some((b, plain))
    });
    let _ = measure.take();
    Some(Raw {
        start: i,
        end,
        lead,
        value,
        value_max,
        unit,
        base,
        qualifier,
    })
}

/// 多/余 (or 几, read as 多) written at the start of `s`: the word and the qualifier listed.
fn inside_qualifier(s: &str) -> Option<(&'static str, &'static str)> {
    if let Some(w) = ["几", "幾"].into_iter().find(|w| s.starts_with(w)) {
        return Some((w, "多"));
    }
    units::longest(s, QUALIFIERS_INSIDE).map(|q| (q, q))
}

/// `—10万` after `5万` (the scale word `word` read up to `pos`): the upper end of a range that
/// repeats the scale word, and the byte after that scale word.
fn scaled_range(text: &str, pos: usize, n: &Number, word: &str) -> Option<(Decimal, usize)> {
    let j = text[pos..]
        .chars()
        .next()
        .filter(|&c| units::is_range_joiner(c) || c == '到')?;
    let at = pos + j.len_utf8();
    let m = read_number(text, at).filter(|m| m.arabic == n.arabic && m.high.is_none())?;
    text[m.end..]
        .starts_with(word)
        .then(|| (m.value, m.end + word.len()))
}

/// `壹角伍分`, `5角`, `3分` after 元: the amount in 元 and the byte after it.
fn jiao_fen(text: &str, pos: usize) -> (Option<Decimal>, usize) {
    let mut total: Option<Decimal> = None;
    let mut at = pos;
    for (unit, exp) in [('角', 1), ('分', 2)] {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let d = numerals::chinese_digit(c)
            .or_else(|| c.to_digit(10).and_then(|d| u8::try_from(d).ok()));
        let Some(d) = d.filter(|_| text[at + c.len_utf8()..].starts_with(unit)) else {
            continue;
        };
        let v = Decimal::new(i128::from(d), exp);
        total = Some(total.map_or(v.clone(), |t| t.checked_add(&v).unwrap_or(t)));
        at += c.len_utf8() + unit.len_utf8();
    }
    (total, at)
}

/// `上千人`, `近百人`, `上万人`, `近万人`: a bare 百 or 千 after 上/近 is 100 or 1000 of the
/// unit; a bare 万 or 亿 is 1 of it (the scale word goes to the unit). `成千上万` is vague.
/// Without 上/近, a bare 百 or 千 before 万 and money is a threshold (`百万元以上合同`,
/// `千万元级项目`: 100 万元, 1000 万元), as `百亿元` is read by the numeral reader.
fn bare_scale(text: &str, i: usize) -> Option<Raw> {
    let before = &text[..i];
    // Not the 上 of a qualifier written after the figure before (`100千以上万元`).
    let q = if before.ends_with('上')
        && !before.ends_with("成千上")
        && !QUALIFIERS_AFTER.iter().any(|w| before.ends_with(w))
    {
        Some("上")
    } else if before.ends_with('近') && units::qualifier_before(text, i).1 == Some("近") {
        Some("近")
    } else {
        None
    };
    let c = text[i..].chars().next()?;
    let (value, end) = match c {
        '百' => (100, i + 3),
        '千' => (1000, i + 3),
        '万' | '亿' | '萬' | '億' if q.is_some() => (1, i),
        _ => return None,
    };
    if q.is_none() {
        let money = text[end..]
            .strip_prefix(['万', '萬'])
            .is_some_and(|unit| unit.starts_with('元') || unit.starts_with("美元"));
        if !money || before.ends_with(['百', '千']) || vague_before(before) {
            return None;
        }
    }
    let n = Number {
        value: Decimal::from_int(value),
        high: None,
        high_exp: 0,
        max: None,
        end,
        arabic: false,
        digit_string: false,
        len: 1,
        lone: None,
        leading_zero: false,
    };
    // The bare word must be followed by a unit, or be or come before a scale word before one
    // (`上百万元`).
    let unit_at = |at: usize| {
        unit_set()
            .longest(&text[at..])
            .is_some_and(|u| !units::noun_not_unit(u, &text[at + u.len()..]))
    };
    let scaled_unit_at =
        |at: usize| units::scale_at(&text[at..]).is_some_and(|(w, _)| unit_at(at + w.len()));
    let ok = if end == i {
        scaled_unit_at(i)
    } else {
        unit_at(end) || scaled_unit_at(end)
    };
    if !ok {
        return None;
    }
    let mut raw = figure(text, i, &n)?;
    if q.is_some() {
        raw.qualifier = q;
        raw.lead = i - '上'.len_utf8();
    }
    if q == Some("上") {
        raw.start = raw.lead;
    }
    Some(raw)
}

/// Whether `before` (the text before a 十, 百 or 千) ends with a word that makes the amount
/// vague (`数十家`, `几百人`), and not with a noun ending in 数 (`人数十二万`).
fn vague_before(before: &str) -> bool {
    let Some(w) = VAGUE_BEFORE.iter().find(|w| before.ends_with(*w)) else {
        return false;
    };
    let rest = &before[..before.len() - w.len()];
    !(*w == "数" && COUNT_NOUNS_WITH_SHU.iter().any(|n| rest.ends_with(n)))
}

/// A minus sign (`-`, `−`, `－`) or 负 written right before the figure's number (`增长-3.8%`,
/// `负十一`) makes it negative; not a dash after a number or a figure (`2021-2025`, `3%-5%`).
fn signed(text: &str, mut raw: Raw, last: Option<&Raw>) -> Raw {
    let before = &text[..raw.start];
    let Some(sign) = before.chars().next_back() else {
        return raw;
    };
    if !matches!(sign, '-' | '−' | '－' | '负' | '負') {
        return raw;
    }
    let at = raw.start - sign.len_utf8();
    let prev = before[..at].chars().next_back();
    // `3度-5度`: a unit right after a number, before the dash.
    let unit_after_number = prev.is_some_and(|p| {
        unit_set().longest(p.encode_utf8(&mut [0; 4])).is_some()
            && before[..at - p.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(|q| is_digit(q) || numerals::is_chinese_numeral(q))
    });
    // A dash after a number, a unit or a closing bracket joins two things (`3天-5天`, `（一）-`);
    // 负 only reads as a sign where it is not 正负 (plus or minus).
    let dash = !matches!(sign, '负' | '負');
    let joined = prev.is_some_and(|p| {
        p == '正'
            || (dash
                && (p.is_ascii_alphanumeric()
                    || is_digit(p)
                    || numerals::is_chinese_numeral(p)
                    || matches!(p, '%' | '％' | ')' | '）' | '-' | '—')
                    || unit_after_number))
    }) || last.is_some_and(|f| f.end == at);
    if joined {
        return raw;
    }
    let neg = |d: &Decimal| Decimal::from_int(0).checked_sub(d);
    if let Some(v) = neg(&raw.value) {
        // A range's ends swap with the sign: only a plain figure is signed.
        if raw.value_max.is_none() {
            raw.value = v;
            raw.base = raw.base.and_then(|(b, u)| neg(&b).map(|b| (b, u)));
            if raw.lead == raw.start {
                raw.lead = at;
            }
            raw.start = at;
        }
    }
    raw
}

/// Whether a scale word or unit is written at `pos`.
fn unit_follows(text: &str, pos: usize) -> bool {
    let s = &text[pos..];
    units::scale_at(s).is_some()
        || unit_set()
            .longest(s)
            .is_some_and(|u| ascii_unit_ends(text, pos, u))
}

/// An ASCII unit (`P`, `MW`) counts only when no letter or digit runs on after it.
fn ascii_unit_ends(text: &str, pos: usize, unit: &str) -> bool {
    !unit.is_ascii() || !text[pos + unit.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// `（个）` right after a unit.
fn bracketed_unit(s: &str) -> Option<&str> {
    let open = s.chars().next().filter(|&c| c == '（' || c == '(')?;
    let inner = &s[open.len_utf8()..];
    let u = unit_set().longest(inner)?;
    let close = inner[u.len()..]
        .chars()
        .next()
        .filter(|&c| c == '）' || c == ')')?;
    Some(&s[..open.len_utf8() + u.len() + close.len_utf8()])
}

/// `—5%` after `3%`: the upper end of a range that repeats the unit.
fn range_with_units(text: &str, pos: usize, arabic: bool, unit: &str) -> Option<(Decimal, usize)> {
    let j = text[pos..]
        .chars()
        .next()
        .filter(|&c| units::is_range_joiner(c) || c == '到')?;
    let at = pos + j.len_utf8();
    let m = read_number(text, at).filter(|m| m.arabic == arabic)?;
    let rest = &text[m.end..];
    let written = rest.starts_with(unit) || (unit == "%" && rest.starts_with('％'));
    written.then(|| {
        (
            m.value,
            m.end
                + rest
                    .chars()
                    .take(unit.chars().count())
                    .map(char::len_utf8)
                    .sum::<usize>(),
        )
    })
}

/// A qualifier written after the figure (`以上`, `左右`).
fn qualifier_after(text: &str, pos: usize) -> (Option<&'static str>, usize) {
    match units::longest(&text[pos..], QUALIFIERS_AFTER) {
        Some(q) => (Some(q), pos + q.len()),
        None => (None, pos),
    }
}

/// The spaces before a percent sign (`1.4 %`), at most two.
fn space_before_percent(s: &str) -> Option<usize> {
    let spaces = s.len() - s.trim_start_matches([' ', '\u{3000}']).len();
    let rest = &s[spaces..];
    // `2380 m2`: a unit in Latin letters is set off by a space as well.
    let latin_unit = || {
        rest.starts_with(|c: char| c.is_ascii_alphabetic())
            && unit_set()
                .longest(rest)
                .is_some_and(|u| u.is_ascii() && ascii_unit_ends(rest, 0, u))
    };
    (spaces > 0 && spaces <= 6 && (rest.starts_with(['%', '％']) || latin_unit())).then_some(spaces)
}

/// `/日`, `每立方米` after a unit: what a rate unit divides by, as written.
fn per_unit(s: &str) -> Option<&str> {
    let sep = s
        .chars()
        .next()
        .filter(|&c| matches!(c, '/' | '／' | '每'))?;
    let after = &s[sep.len_utf8()..];
    let u = units::longest(after, PER_UNITS)?;
    // `每人每年`: only a unit that ends there.
    Some(&s[..sep.len_utf8() + u.len()])
}

/// The unit written once after the last number of a list joined by 和/、/及/或 (`2.16和1.66个
/// 百分点`): the list's numbers have the same scale word (or none). Units of dates are never
/// shared (`2023和2024年` are years). At most [`LIST_MAX`] numbers are looked at.
fn shared_unit(text: &str, pos: usize, scale: Option<&str>) -> Option<&'static str> {
    let mut at = pos;
    for _ in 0..LIST_MAX {
        let joiner = text[at..]
            .chars()
            .next()
            .filter(|&c| matches!(c, '和' | '、' | '及' | '或'))?;
        // `0.15、-5.64、1.34个百分点`: a number of the list may carry a sign.
        let from = at + joiner.len_utf8();
        let from = from
            + text[from..]
                .chars()
                .next()
                .filter(|&c| matches!(c, '-' | '－'))
                .map_or(0, char::len_utf8);
        let m = read_number(text, from)?;
        at = m.end;
        let next_scale = units::scale_at(&text[at..]);
        if next_scale.map(|(w, _)| w) != scale {
            return None;
        }
        if let Some((w, _)) = next_scale {
            at += w.len();
        }
        if let Some(u) = unit_set()
            .longest(&text[at..])
            .filter(|u| ascii_unit_ends(text, at, u))
        {
            return (!DATE_UNITS.contains(&u)).then_some(u);
        }
    }
    None
}

/// How many numbers of a list [`shared_unit`] reads ahead.
const LIST_MAX: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_over_what_opens_nothing() {
        let text = "经济运行总体平稳，“十四五”规划";
        let at = pass_over(text.as_bytes(), 0, text.len());
        assert_eq!(&text[at..], "“十四五”规划", "stops at an opening quote");
        let text = "αβ平稳ok";
        let at = pass_over(text.as_bytes(), 0, text.len());
        assert_eq!(
            &text[at..],
            "ok",
            "stops at an ASCII letter after two-byte characters"
        );
        let text = "平稳增长三";
        assert_eq!(
            pass_over(text.as_bytes(), 0, 6),
            6,
            "never passes the stop (a heading marker)"
        );
        let text = "平稳增长";
        assert_eq!(
            pass_over(text.as_bytes(), 0, text.len()),
            text.len(),
            "runs to the end"
        );
        let text = "增长０";
        let at = pass_over(text.as_bytes(), 0, text.len());
        assert_eq!(&text[at..], "０", "stops at a full-width digit");
    }
}
