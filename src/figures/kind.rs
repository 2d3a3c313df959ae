//! A figure's kind (a goal or an outcome) and the period it is stated for, read from its
//! sentence and from what the text around it is about (README "Figure time and kind").
//!
//! A report is read as runs of review and of plan: a paragraph whose opening sentence (a
//! heading, a lead sentence) speaks of the past (`一、2023年工作回顾`, `过去一年，…`) or of the
//! future (`二、2024年工作安排`, `今年发展主要预期目标是：`) sets the run for what follows.
//! Within a sentence, a goal word (力争, 确保, 预期目标, 拟 …) or an outcome word (完成,
//! 累计, 去年 …) before the figure decides instead, the nearest one winning.

use std::sync::{Arc, OnceLock};

use super::scan::Raw;
use crate::lexicon::{
    ACCOUNT_TITLES, GOAL_WORDS, OUTCOME_WORDS, PERIODS, PLAN_OPENINGS, REVIEW_OPENINGS,
    WEAK_GOAL_WORDS, YEARS_VERBS,
};
use crate::report::Kind;

const F_PLAN: u8 = 1;
const F_DONE: u8 = 2;
const F_WEAK: u8 = 4;
const F_BACK: u8 = 8;
const F_AHEAD: u8 = 16;
const F_PERIOD: u8 = 32;

/// The lexicon's words by first character, each with what it means, longest first; and two
/// bit tables that let the reader pass over most characters without a look-up: the characters
/// that start a word, and the pairs of characters that start one (or a one-character word).
struct Lexicon {
    /// `(first character, word, meaning)`, by first character and, within one, longest first.
    words: Vec<(char, &'static str, u8)>,
    firsts: Box<Bits>,
    pairs: Box<Bits>,
}

/// The bit of a pair of characters in [`Lexicon::pairs`] (a hash: a collision only costs a
/// look-up). A one-character word has the pair `(c, '\0')`.
fn pair_bit(a: u32, b: u32) -> usize {
    (a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77)) as usize >> 16 & 0xFFFF
}

/// A bit for each of the 65536 values of a 16-bit key (a three-byte character's code point, a
/// pair's hash); its fixed size lets a look-up go without a bounds test.
type Bits = [u64; 1024];

fn set_bit(table: &mut Bits, bit: usize) {
    table[bit >> 6 & 1023] |= 1 << (bit & 63);
}

fn has_bit(table: &Bits, bit: usize) -> bool {
    table[bit >> 6 & 1023] >> (bit & 63) & 1 != 0
}

/// All the words with what each means. A word also means what any shorter word it starts
/// with means (`过去五年` is a period and looks back, as `过去` does), since only the longest
/// word at a position is found.
fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut flags: Vec<(&'static str, u8)> = Vec::new();
        for (table, f) in [
            (GOAL_WORDS, F_PLAN),
            (OUTCOME_WORDS, F_DONE),
            (WEAK_GOAL_WORDS, F_WEAK),
            (REVIEW_OPENINGS, F_BACK),
            (PLAN_OPENINGS, F_AHEAD),
            (PERIODS, F_PERIOD),
        ] {
            for &w in table {
                match flags.iter_mut().find(|(v, _)| *v == w) {
                    Some((_, g)) => *g |= f,
                    None => flags.push((w, f)),
                }
            }
        }
        let own = flags.clone();
        for (w, f) in &mut flags {
            for (p, g) in &own {
                if p.len() < w.len() && w.starts_with(p) {
                    *f |= g;
                }
            }
        }
        let mut lex = Lexicon {
            words: Vec::new(),
            firsts: Box::new([0; 1024]),
            pairs: Box::new([0; 1024]),
        };
        for (w, f) in flags {
            let mut chars = w.chars();
            let Some(a) = chars.next() else { continue };
            let b = chars.next().map_or(0, u32::from);
            // Only a three-byte character is looked up (every word starts with one).
            if a.len_utf8() == 3 {
                set_bit(&mut lex.firsts, a as usize);
                set_bit(&mut lex.pairs, pair_bit(u32::from(a), b));
            }
            lex.words.push((a, w, f));
        }
        // The sentence ends pass the same first test.
        for end in ['。', '！', '？'] {
            set_bit(&mut lex.firsts, end as usize);
        }
        crate::sort::sort_by_key(&mut lex.words, |&(a, w, _)| (a, std::cmp::Reverse(w.len())));
        lex
    })
}

/// What the text before a paragraph says about time, carried from paragraph to paragraph.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Whether the text is reviewing (actual) or planning (target).
    mode: Option<Kind>,
    /// The period the current run of text is about (`2023年`, `今年`), shared by its figures.
    period: Option<Arc<str>>,
    /// The year the report was written, from its date.
    year: Option<u32>,
    /// The words found in the current paragraph (kept to reuse its memory).
    marks: Vec<Mark>,
}

impl Context {
    /// A context for a report written in `year` (when known) with the title `title`. A title
    /// that names a year and makes the document an account of it (`长沙市2021年…统计公报`,
    /// `…2023年法治政府建设工作情况的报告`) opens a review run of that year, and without a date
    /// the report was written the year after.
    pub fn new(year: Option<u32>, title: Option<&str>) -> Self {
        let account = title.and_then(|t| {
            if !ACCOUNT_TITLES.iter().any(|w| t.contains(w)) {
                return None;
            }
            let bytes = t.as_bytes();
            (0..bytes.len()).find_map(|i| year_at(t, bytes, i))
        });
        match account {
            Some(m) => {
                let title = title.unwrap_or_default();
                Context {
                    mode: Some(Kind::Actual),
                    period: title.get(m.at..m.end).map(Arc::from),
                    year: year.or_else(|| year_of(title, &m).map(|y| y + 1)),
                    marks: Vec::new(),
                }
            }
            None => Context {
                year,
                ..Context::default()
            },
        }
    }
}

/// One word or year found in a paragraph, at a byte offset.
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    end: usize,
    flags: u8,
}

const F_END: u8 = 64;

/// Reads `text[from..to]`: the words of the lexicon, the years (`2023年`, with `到` before it
/// a goal), and the sentence ends; with `opening`, only up to the first sentence end.
///
/// The loop reads bytes: every word of the lexicon starts with a three-byte character, so
/// other characters are stepped over by their lead byte without decoding them, and a
/// three-byte character is looked up in the first-character bit table of the word set before
/// anything else.
fn marks(text: &str, from: usize, to: usize, opening: bool, out: &mut Vec<Mark>) {
    let lex = lexicon();
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    let three = |i: usize| -> Option<u32> {
        match bytes.get(i..i + 3)? {
            &[b0, b1, b2] => Some(
                (u32::from(b0) & 0x0F) << 12 | (u32::from(b1) & 0x3F) << 6 | (u32::from(b2) & 0x3F),
            ),
            _ => None,
        }
    };
    // Records a sentence end of `len` bytes at `i`; whether reading stops there.
    let sentence_end = |out: &mut Vec<Mark>, i: usize, len: usize| {
        out.push(Mark {
            at: i,
            end: i + len,
            flags: F_END,
        });
        opening
    };
    let mut i = from;
    while i < to {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_digit() {
                if let Some(m) = year_at(text, bytes, i) {
                    out.push(m);
                }
            } else if (b == b'!' || b == b'?') && sentence_end(out, i, 1) {
                return;
            }
            i += 1;
            continue;
        }
        if !(0xE0..0xF0).contains(&b) {
            // A two- or four-byte character, or (never at a boundary) a continuation byte.
            i += if b >= 0xF0 { 4 } else { 2 };
            continue;
        }
        let Some(cp) = three(i) else { break };
        if !has_bit(&lex.firsts, cp as usize) {
            i += 3;
            continue;
        }
        // 。 ！ ？
        if matches!(cp, 0x3002 | 0xFF01 | 0xFF1F) {
            if sentence_end(out, i, 3) {
                return;
            }
        } else {
            let next = match bytes.get(i + 3) {
                Some(&n) if (0xE0..0xF0).contains(&n) => three(i + 3).unwrap_or(0),
                Some(&n) if n < 0x80 => u32::from(n),
                _ => 0,
            };
            if has_bit(&lex.pairs, pair_bit(cp, next)) || has_bit(&lex.pairs, pair_bit(cp, 0)) {
                if let Some(m) = word_at(lex, text, i, cp) {
                    out.push(m);
                }
            }
        }
        i += 3;
    }
}

/// The longest word of the lexicon at byte `i`, whose first character is `cp`.
fn word_at(lex: &Lexicon, text: &str, i: usize, cp: u32) -> Option<Mark> {
    let rest = text.get(i..)?;
    let c = char::from_u32(cp)?;
    let from = lex.words.partition_point(|&(a, _, _)| a < c);
    let &(_, w, flags) = lex.words[from..]
        .iter()
        .take_while(|&&(a, _, _)| a == c)
        .find(|(_, w, _)| rest.starts_with(w))?;
    Some(Mark {
        at: i,
        end: i + w.len(),
        flags,
    })
}

/// A year `2023年` starting at `i` (four ASCII digits not part of a longer number, not a
/// date's year: no 月 after it).
fn year_at(text: &str, bytes: &[u8], i: usize) -> Option<Mark> {
    if i > 0 && bytes[i - 1].is_ascii_digit() {
        return None;
    }
    let digits = bytes.get(i..i + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let rest = text.get(i + 4..)?;
    let after = rest.strip_prefix('年')?;
    if after.starts_with(['月', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0']) {
        return None;
    }
    let year: u32 = text.get(i..i + 4)?.parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    // `到2030年，…`, `到2025年底`: a goal's date; `增长到2025年的…` names a past year.
    let goal = text[..i].ends_with('到') && after.starts_with(['，', ',', '底', '末', '前']);
    Some(Mark {
        at: i,
        end: i + 4 + '年'.len_utf8(),
        flags: F_PERIOD | if goal { F_PLAN } else { 0 },
    })
}

/// A count of years written just before a figure's verb (`5年增长`, `三年累计`, `两年共`):
/// the `5年`.
fn years_before(before: &str) -> Option<&str> {
    // The verb may be the figure's lead word, and so not in `before`.
    let verb = YEARS_VERBS
        .iter()
        .find_map(|v| before.strip_suffix(v))
        .unwrap_or(before);
    let head = verb.strip_suffix('年')?;
    let n = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| crate::numerals::is_count_char(c))
        .last()
        .map(|(i, _)| i)?;
    let count = &head[n..];
    // A year (`2025年增长`) is not a count; nor a count inside a longer number.
    (count.len() <= 2
        || count.chars().count() <= 2 && !count.starts_with(|c: char| c.is_ascii_digit()))
    .then(|| &verb[n..])
}

/// Whether a period is a year as written (`2026年`).
fn is_year(p: &str) -> bool {
    p.len() == 7 && p.as_bytes()[..4].iter().all(u8::is_ascii_digit) && p.ends_with('年')
}

/// The year a mark names, when it is a year.
fn year_of(text: &str, m: &Mark) -> Option<u32> {
    text.get(m.at..m.at + 4)?.parse().ok()
}

/// Byte length of a paragraph's opening sentence that is read for what the text is about.
const OPENING: usize = 96;

/// How far before a figure (in bytes: 20 Chinese characters) its sentence is read for words.
const LOOKBACK: usize = 60;

/// The kind and period of each figure of one paragraph, in order; updates `ctx` from the
/// paragraph's opening.
pub fn read(
    text: &str,
    figures: &[Raw],
    ctx: &mut Context,
) -> Vec<(Option<Kind>, Option<Arc<str>>)> {
    let mut opening_end = text.len().min(OPENING);
    while !text.is_char_boundary(opening_end) {
        opening_end -= 1;
    }
    let mut all = std::mem::take(&mut ctx.marks);
    all.clear();
    marks(text, 0, opening_end, true, &mut all);
    // The opening sentence sets the run.
    let mut cue = None;
    let mut period = None;
    let mut year = None;
    for m in &all {
        if m.flags & F_END != 0 {
            break;
        }
        if m.flags & F_BACK != 0 {
            cue = Some(Kind::Actual);
        }
        if m.flags & (F_AHEAD | F_PLAN) != 0 {
            cue = Some(Kind::Target);
        }
        if m.flags & F_PERIOD != 0 && period.is_none() {
            period = Some(*m);
            year = year.or_else(|| year_of(text, m));
        }
    }
    // A figure in the opening sentence is stated for the period the sentence names
    // (`今年发展主要预期目标是：…价格涨幅2%左右`), however far before it. The sentence's end
    // is looked for only as far as a figure needs: `open` is where the sentence is known to
    // go on to, `closed` where it ends once found.
    let mut open = opening_end;
    let mut closed = all.iter().find(|m| m.flags & F_END != 0).map(|m| m.at);
    if cue.is_none() {
        if let (Some(y), Some(at)) = (year, ctx.year) {
            cue = Some(if y < at { Kind::Actual } else { Kind::Target });
        }
    }
    if cue.is_some() {
        // A run that goes on (a new point of the same review) keeps its period unless the
        // opening names another.
        // `今年是…` opening a paragraph of a plan run for `2026年` names the same year less
        // exactly: the run keeps its year.
        let same_year = cue == ctx.mode
            && period.is_some_and(|m| &text[m.at..m.end] == "今年")
            && ctx.period.as_deref().is_some_and(is_year);
        if (cue != ctx.mode || period.is_some()) && !same_year {
            ctx.period = period.map(|m| Arc::from(&text[m.at..m.end]));
        }
        ctx.mode = cue;
    }
    // Each figure's words are read in the stretch of its sentence before it, at most
    // LOOKBACK bytes back: a stretch that does not reach the end of the previous sentence or
    // the previous figure's stretch starts as a sentence would.
    all.clear();
    let mut scanned = 0;
    for f in figures {
        let at = f.lead.min(f.start);
        let mut from = at.saturating_sub(LOOKBACK);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if from > scanned {
            all.push(Mark {
                at: from,
                end: from,
                flags: F_END,
            });
            scanned = from;
        }
        marks(text, scanned, at, false, &mut all);
        scanned = scanned.max(at);
    }
    let mut out = Vec::with_capacity(figures.len());
    // The period last named in a clause, shared by the figures that take it.
    let mut named: Option<(usize, Arc<str>)> = None;
    let mut name = |m: &Mark| -> Arc<str> {
        match &named {
            Some((at, p)) if *at == m.at => p.clone(),
            _ => {
                let p: Arc<str> = Arc::from(&text[m.at..m.end]);
                named = Some((m.at, p.clone()));
                p
            }
        }
    };
    let mut sentence = 0; // index in `all` of the first mark of the current sentence
    let mut next = 0;
    for f in figures {
        let before = f.lead.min(f.start);
        while let Some(m) = all.get(next) {
            if m.at >= before {
                break;
            }
            next += 1;
            if m.flags & F_END != 0 {
                sentence = next;
            }
        }
        let here = &all[sentence..next];
        let strong = here
            .iter()
            .rev()
            .find(|m| m.flags & (F_PLAN | F_DONE) != 0)
            .map(|m| {
                if m.flags & F_PLAN != 0 {
                    Kind::Target
                } else {
                    Kind::Actual
                }
            });
        let weak = || {
            here.iter()
                .any(|m| m.flags & F_WEAK != 0)
                .then_some(Kind::Target)
        };
        let kind = strong.or(ctx.mode).or_else(weak);
        // A count of consecutive years or times (`连续18年`, `时隔66年`) spans its own years.
        let span = text[..before].ends_with("连续") || text[..before].ends_with("时隔");
        // `5年增长18.7%`, `三年累计…`: the figure is stated for the years it counts.
        let years = years_before(&text[..before]);
        let stated = if span {
            None
        } else if let Some(y) = years {
            Some(Arc::from(y))
        } else if let Some(m) = here.iter().rev().find(|m| m.flags & F_PERIOD != 0) {
            Some(name(m))
        } else if let Some(m) =
            period.filter(|_| in_opening(text.as_bytes(), before, &mut open, &mut closed))
        {
            Some(name(&m))
        } else {
            ctx.period.clone()
        };
        out.push((kind, stated));
    }
    ctx.marks = all;
    out
}

/// Whether byte `at` is in a paragraph's opening sentence, given that the sentence goes on at
/// least to `open` and ends at `closed` when that is known; both are updated from the bytes
/// read.
fn in_opening(bytes: &[u8], at: usize, open: &mut usize, closed: &mut Option<usize>) -> bool {
    if let Some(end) = *closed {
        return at < end;
    }
    if at <= *open {
        return true;
    }
    let stretch = bytes.get(*open..at).unwrap_or_default();
    // 。 is E3 80 82; ！ and ？ are EF BC 81 and EF BC 9F.
    let end = stretch
        .windows(3)
        .position(|w| matches!(w, [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F]));
    let ascii = stretch.iter().position(|&b| b == b'!' || b == b'?');
    match end.into_iter().chain(ascii).min() {
        Some(e) => {
            *closed = Some(*open + e);
            false
        }
        None => {
            *open = at;
            true
        }
    }
}
