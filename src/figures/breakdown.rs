//! Breakdowns: the parts written after 其中 (or 分别 after a stated total) point to their total;
//! and a qualifier written once for a 分别 pair applies to both (`分别突破300亿元和3000亿元`).

use std::ops::Range;

use super::scan::Raw;
use crate::decimal::Decimal;
use crate::lexicon;

/// The longest stretch, in bytes, between a total and the 其中 that breaks it down.
const REACH: usize = 240;

/// The most parts one 其中/分别 is matched with (a sentence listing more figures than this after
/// one marker is not a breakdown; the bound keeps a pasted run of `分别为3件、…` linear).
const MAX_PARTS: usize = 64;

/// A breakdown read in one paragraph: a total, its parts, and the stretch of text that states
/// them (byte offsets in the paragraph's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    /// Index (in the paragraph) of the total.
    pub total: usize,
    /// Indices (in the paragraph) of the parts, in order.
    pub parts: Vec<usize>,
    /// From the start of the sentence that states the total to the end of the parts' scope.
    pub span: Range<usize>,
    /// The parts end in `等` (`其中小学120所、中学75所等`): they need not be all of the total.
    pub open_ended: bool,
}

/// The breakdowns of a paragraph, in the order of their markers.
///
/// Precision comes first: a part is claimed only after 其中 (or after 分别 when the total is
/// stated as 共/合计 …), and total and parts are amounts of one kind: the same plain unit, no
/// growth or change (`增长5%`, `增加2,168万元`), no rate unless total and part are both shares
/// (`占比`). Where the parts may run on past the breakdown (over commas), the parts that add up
/// to the total exactly are kept, and a part beyond the first clause that would take the sum
/// past the total is none.
pub fn breakdowns(text: &str, figures: &[Raw]) -> Vec<Breakdown> {
    let mut out = Vec::new();
    if figures.len() < 2 {
        return out;
    }
    // A marker breaks down nothing unless figures stand on both sides of it: only the text
    // from the first figure to the start of the last is searched.
    let (Some(first), Some(last)) = (figures.first(), figures.last()) else {
        return out;
    };
    let markers = markers(text, first.start, last.start);
    if markers.is_empty() {
        return out;
    }
    // Clause marks found once (searching from each marker would take quadratic time in a long
    // sentence full of markers).
    let marks = Marks::of(text);
    let mut open: Vec<usize> = (0..figures.len()).collect();
    // Last marker first: a 其中 nested in another's list (`第二产业增加值65585万元，其中工业
    // 增加值40653万元；建筑业增加值24932万元。`) takes its own parts before the outer one.
    for &(q, word) in markers.iter().rev() {
        // `…5678.9亿元，增长5.3%。其中，第一产业…；第二产业…。`: a 其中 that opens a sentence
        // breaks down the sentence before it, and its parts run to the full stop.
        let opens = word == "其中" && text[..q].chars().next_back().is_some_and(is_full_stop);
        // `其中：A…；B…；C…。`: a colon after 其中 opens a list whose parts run past `；`.
        // But not when the total is itself one item of a `；` list (`…；油料产量…，其中：油菜籽
        // 产量…；蔬菜产量…。`): then its parts end with its item.
        let listed = word == "其中"
            && text[q + "其中".len()..].starts_with(['：', ':'])
            && !in_item(&marks.ends, &marks.stops, q);
        let mut scope_end = if opens || listed {
            next_after(&marks.stops, q, text.len())
        } else {
            next_after(&marks.ends, q, text.len())
        };
        // `新增营造林148万亩、其中南北山绿化工程43万亩，修复治理退化草原517万亩`: a 其中 joined
        // to its item by `、` covers that item only; the next clause is the list's next item.
        if word == "其中" && text[..q].ends_with('、') {
            scope_end = scope_end.min(next_after(&marks.clauses, q, text.len()));
        }
        // Past the scope, up to the end of the next sentence, parts are taken only if they make
        // the sum exact (`其中:第一产业…;第二产业…,其中工业…;建筑业…。第三产业…。`).
        let reach = next_after(&marks.stops, scope_end + 1, text.len());
        let first_part = figures.partition_point(|f| f.start < q);
        let first_total = figures.partition_point(|f| f.end + REACH < q);
        // 分别 breaks down only a total stated as one (`共…`): without one, no part is sought.
        if word != "其中" && !(first_total..first_part).any(|t| stated_total(text, &figures[t])) {
            continue;
        }
        // The candidate parts: open figures of one kind within the scope.
        let mut parts: Vec<usize> = Vec::new();
        let mut certain = 0;
        let mut p = open_from(&mut open, first_part);
        let mut tried = 0;
        while let Some(part) = figures.get(p) {
            if part.start >= reach || tried == MAX_PARTS {
                break;
            }
            tried += 1;
            let this = p;
            p = open_from(&mut open, p + 1);
            // The parts are of one kind: a rate after a count (`98件，纠错率7.9%`) is none.
            if !amount_like(text, part)
                || parts
                    .first()
                    .is_some_and(|&k| !same_kind(&figures[k], part))
            {
                continue;
            }
            // `由21994万元调整为21734万元`: the value a change starts from is no part.
            if text[..part.lead].ends_with(['由', '从']) {
                continue;
            }
            parts.push(this);
            if part.start < scope_end {
                certain = parts.len();
            }
        }
        let Some(&kind) = parts.first().filter(|_| certain > 0) else {
            continue;
        };
        // The total: a figure of the parts' kind before the marker, in the same sentence (or
        // the one before, for a 其中 that opens a sentence); nearest first.
        let between = |list: &[usize], f: &Raw| {
            list.partition_point(|&e| e < q) - list.partition_point(|&e| e < f.end)
        };
        let totals = (first_total..first_part).rev().filter(|&t| {
            let f = &figures[t];
            // In the clause's sentence; for a 其中 that opens a sentence, in the sentence
            // before (whatever `；` it holds).
            let here = between(&marks.ends, f) == 0;
            let before = opens && between(&marks.stops, f) == 1;
            same_kind(f, &figures[kind])
                && amount_like(text, f)
                // `完成年初预算数60999万元的40.4%`: a figure a share is taken of is no total.
                && !text[f.end..].starts_with('的')
                && (here || before)
                && (word == "其中" || stated_total(text, f))
        });
        // An explicit list (`其中：`, or a 其中 that opens its sentence) is certain to its end;
        // a 其中 inside a clause may run on into the next items of the sentence.
        let clauses = if opens || listed {
            &[][..]
        } else {
            &marks.clauses[..]
        };
        let Some((total, parts)) = choose(figures, totals, &parts, certain, clauses) else {
            continue;
        };
        for &k in &parts {
            open[k] = k + 1;
        }
        let last_end = parts.last().map_or(q, |&k| figures[k].end);
        let clause_end = next_after(&marks.clauses, last_end, text.len());
        // Parts taken past the scope (they made the sum exact) stretch it to their clause. The
        // sentence shown is bounded, so that a paragraph of one endless sentence stays linear.
        let end = floor_boundary(
            text,
            scope_end
                .max(clause_end.min(reach))
                .min(last_end + REACH)
                .min(text.len()),
        );
        let open_ended = text[last_end.min(end)..].chars().take(2).any(|c| c == '等');
        let total_start = figures[total].start;
        let start = last_before(&marks.stops, total_start)
            .map_or(0, |s| s + 3)
            .max(floor_boundary(text, total_start.saturating_sub(REACH)))
            .min(end);
        out.push(Breakdown {
            total,
            parts,
            span: start..end,
            open_ended,
        });
    }
    out
}

/// Picks the total among `totals` (nearest first) and the parts that belong to it. A total the
/// parts (or their first few) add up to exactly wins; else the nearest, with the `certain`
/// first parts, cut before the first one past the first of `clauses` that takes their sum
/// more than a tenth beyond it.
fn choose(
    figures: &[Raw],
    totals: impl Iterator<Item = usize>,
    parts: &[usize],
    certain: usize,
    clauses: &[usize],
) -> Option<(usize, Vec<usize>)> {
    let amount = |i: usize| plain(&figures[i]);
    // Running sums of the parts, in the plain unit.
    let mut sums = Vec::with_capacity(parts.len());
    let mut sum = Some(Decimal::from_int(0));
    for &k in parts {
        sum = sum.and_then(|s| s.checked_add(amount(k)?));
        sums.push(sum.clone());
    }
    let mut nearest = None;
    for t in totals.take(MAX_PARTS) {
        nearest.get_or_insert(t);
        let Some(whole) = amount(t) else { continue };
        // Two parts at least, or all of them (a single part that happens to equal a figure
        // before it says nothing).
        let adds_up = |n: usize| n >= 1 || n + 1 == parts.len();
        if let Some(n) = sums
            .iter()
            .rposition(|s| s.as_ref() == Some(whole))
            .filter(|&n| adds_up(n))
        {
            return Some((t, parts[..=n].to_vec()));
        }
    }
    let t = nearest?;
    // A sum more than a tenth over the total is no slip: the list ran on past the breakdown.
    let bound = amount(t).and_then(|w| w.checked_add(&w.checked_unshift(1)?));
    let parts = &parts[..certain];
    if parts.is_empty() {
        return None;
    }
    let first_clause = clauses.partition_point(|&c| c < figures[parts[0]].start);
    let mut kept = Vec::new();
    for (n, &k) in parts.iter().enumerate() {
        let later = clauses.partition_point(|&c| c < figures[k].start) > first_clause;
        let over = match (&bound, &sums[n]) {
            (Some(w), Some(s)) => s > w,
            _ => false,
        };
        if later && over {
            break;
        }
        kept.push(k);
    }
    Some((t, kept))
}

/// A figure's amount in its plain unit (`1.5亿元` → 150000000).
fn plain(f: &Raw) -> Option<&Decimal> {
    let v = f.base.as_ref().map_or(&f.value, |b| &b.0);
    (!v.is_written() && f.value_max.is_none()).then_some(v)
}

/// Whether a figure states an amount a breakdown may hold: not a change (`增加2,168万元`,
/// `增长5%`) and not a rate, unless it is a share (`占比超73%`).
fn amount_like(text: &str, f: &Raw) -> bool {
    // The clause before the figure, within a few characters (a bounded look keeps a paragraph
    // without punctuation linear).
    let near = crate::chars::tail(&text[..f.lead], 24);
    let clause = near
        .rfind(['，', '、', '；', '。', '：', ',', ';'])
        .map_or(near, |i| &near[i..]);
    if lexicon::RATE_UNITS.contains(&f.unit.as_str()) {
        return holds_any(clause, lexicon::SHARE_MARKS);
    }
    // `每县…1000万元`, `人均…3.1万元`: an amount per head is no part of a sum.
    if holds_any(clause, lexicon::PER_MARKS) || holds_any(clause, lexicon::PER_HEAD) {
        return false;
    }
    let before = text[..f.lead].trim_end_matches('了');
    !lexicon::CHANGE_VERBS.iter().any(|w| before.ends_with(w))
}

/// Clause punctuation of a paragraph, found once.
struct Marks {
    /// Sentence ends `。；！？;!?`.
    ends: Vec<usize>,
    /// Full stops `。！？`.
    stops: Vec<usize>,
    /// Clause ends: sentence ends and `，,`.
    clauses: Vec<usize>,
}

impl Marks {
    /// Found by the shared clause-punctuation scan.
    fn of(text: &str) -> Self {
        let mut marks = Marks {
            ends: Vec::new(),
            stops: Vec::new(),
            clauses: Vec::new(),
        };
        crate::punct::for_each_clause_mark(text, |at, mark| {
            let end = matches!(mark, '。' | '！' | '？' | '；' | ';' | '!' | '?');
            if end {
                marks.ends.push(at);
            }
            if is_full_stop(mark) {
                marks.stops.push(at);
            }
            if end || matches!(mark, '，' | ',') {
                marks.clauses.push(at);
            }
        });
        marks
    }
}

/// The first offset in `list` at or after `q`, else `or`.
fn next_after(list: &[usize], q: usize, or: usize) -> usize {
    list.get(list.partition_point(|&e| e < q))
        .copied()
        .unwrap_or(or)
}

/// `at`, or the start of the character it falls in.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The last offset in `list` before `q`.
fn last_before(list: &[usize], q: usize) -> Option<usize> {
    list.get(list.partition_point(|&e| e < q).wrapping_sub(1))
        .copied()
}

/// Whether a `；` (or another end that is no full stop) stands between the last full stop
/// before `q` and `q`: the clause at `q` is one item of a list.
fn in_item(ends: &[usize], stops: &[usize], q: usize) -> bool {
    let last = |list: &[usize]| {
        list.get(list.partition_point(|&e| e < q).wrapping_sub(1))
            .copied()
    };
    match (last(ends), last(stops)) {
        (Some(e), Some(s)) => e > s,
        (Some(_), None) => true,
        _ => false,
    }
}

fn is_full_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Byte offsets of the sentence ends of `text` (`。；！？;!?`) and of its full stops
/// ([`is_full_stop`]).
#[cfg(test)]
fn sentence_ends(text: &str) -> (Vec<usize>, Vec<usize>) {
    let m = Marks::of(text);
    (m.ends, m.stops)
}

/// The first figure at or after `p` that has no total yet. `open[i]` is `i` while figure `i`
/// has none, else a later index no further than the next figure that has none; paths are halved
/// as they are walked. So a marker never re-walks parts an earlier marker settled (a long
/// sentence of many 其中 would otherwise take quadratic time).
fn open_from(open: &mut [usize], mut p: usize) -> usize {
    while let Some(&n) = open.get(p) {
        if n == p {
            break;
        }
        let skip = open.get(n).copied().unwrap_or(n);
        open[p] = skip;
        p = skip;
    }
    p
}

/// 其中 and 分别 in the text, with their byte offsets, in text order; only those that start in
/// `from..to` are listed.
fn markers(text: &str, from: usize, to: usize) -> Vec<(usize, &'static str)> {
    let area = text.get(from..to).unwrap_or("");
    // Searched by their first character (a fast byte search), then checked whole; the two
    // lists are merged in order (a sort would weigh on the page's module).
    let find = |first: char, word: &'static str| -> Vec<(usize, &'static str)> {
        let mut found = Vec::new();
        for (i, _) in area.match_indices(first) {
            if text[from + i..].starts_with(word) {
                found.push((from + i, word));
            }
        }
        found
    };
    let (a, b) = (find('其', "其中"), find('分', "分别"));
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len() + b.len());
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out
}

/// A figure stated as a total (`共780件`, `合计…`), which a 分别 list may break down.
fn stated_total(text: &str, f: &Raw) -> bool {
    let before = crate::chars::tail(&text[..f.lead], 8);
    holds_any(before, lexicon::TOTAL_WORDS)
}

/// Whether `hay` holds any of `words` (one search routine for every list, which keeps the
/// page's module small).
#[inline(never)]
fn holds_any(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hay.contains(w))
}

/// Gives a qualifier written once for a 分别 pair or list (`分别突破300亿元和3000亿元`,
/// `分别增长7%和8%左右`, `分别达到95%、85%、80%以上`) to each of its figures
/// (`gold/GUIDE.md`): one written before the first figure, or after the last.
pub fn share_qualifiers(text: &str, figures: &mut [Raw]) {
    let mut k = 0;
    while k < figures.len() {
        // The run of figures of one unit joined by 和 及 与 、.
        let mut last = k;
        while let Some(n) = figures.get(last + 1) {
            let p = &figures[last];
            let gap = text.get(p.end..n.lead).unwrap_or("");
            if crate::lexicon::LIST_JOINERS.contains(&gap) && p.unit == n.unit {
                last += 1;
            } else {
                break;
            }
        }
        let first = &figures[k];
        let near = text[..first.lead]
            .char_indices()
            .rev()
            .take(8)
            .last()
            .map_or(first.lead, |(j, _)| j);
        if last > k && text[near..first.lead].contains("分别") {
            let lead_word = first.qualifier.filter(|_| first.lead < first.start);
            let tail_word = figures[last]
                .qualifier
                .filter(|q| crate::lexicon::QUALIFIERS_AFTER.contains(q));
            let others_bare = |skip: usize| {
                (k..=last)
                    .filter(|&i| i != skip)
                    .all(|i| figures[i].qualifier.is_none())
            };
            let shared = match (lead_word, tail_word) {
                (Some(q), None) if others_bare(k) => Some(q),
                (None, Some(q)) if others_bare(last) => Some(q),
                _ => None,
            };
            if let Some(q) = shared {
                for f in &mut figures[k..=last] {
                    f.qualifier = Some(q);
                }
            }
        }
        k = last + 1;
    }
}

/// A figure's unit without its scale word (`万元` → `元`).
fn plain_unit(f: &Raw) -> &str {
    f.base.as_ref().map_or(f.unit.as_str(), |b| b.1.as_str())
}

/// Whether two figures count the same kind of thing: the same plain unit (`1.5亿元` and
/// `8000万元`, `29.3万件` and `4644件`). A bare scale word (`6600多万`) names no kind.
fn same_kind(a: &Raw, b: &Raw) -> bool {
    let (ua, ub) = (plain_unit(a), plain_unit(b));
    ua == ub && !ua.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sentence_ends_and_full_stops() {
        let text = "a;b!c?d。e！f？g；h，i．j：k";
        let at = |c: char| text.find(c).unwrap_or(usize::MAX);
        let (ends, stops) = sentence_ends(text);
        assert_eq!(
            ends,
            vec![
                at(';'),
                at('!'),
                at('?'),
                at('。'),
                at('！'),
                at('？'),
                at('；')
            ],
            "every sentence end, ASCII and CJK, and no comma or colon"
        );
        assert_eq!(
            stops,
            vec![at('。'), at('！'), at('？')],
            "full stops are 。！？ only"
        );
    }
}
