//! Comparison of two finished reports of one body (last year's and this year's): which
//! figures measure the same indicator, how each changed, and whether last year's targets were
//! met. A separate pass over two [`Report`]s: it never reads the texts again, so analysing
//! stays as fast as it is (README "Comparing two reports").
//!
//! ```
//! let old = reportlens::analyze("一、2023年工作回顾\n城镇新增就业1.2万人。\n二、2024年工作安排\n预期目标是：城镇新增就业1.1万人以上。");
//! let new = reportlens::analyze("一、2024年工作回顾\n城镇新增就业1.3万人。");
//! let c = reportlens::compare(&old, &new);
//! assert!(c.pairs.iter().any(|p| p.met == Some(true)));
//! ```

pub mod table;

use serde::Serialize;

use crate::decimal::Decimal;
use crate::lexicon::{
    ABOUT_QUALIFIERS, CAP_QUALIFIERS, CEILINGS, FLOOR_QUALIFIERS, INDICATOR_LEADING,
    INDICATOR_SYNONYMS, INDICATOR_TRAILING, SPANS,
};
use crate::report::{Figure, Kind, Report};

/// The comparison of two reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// The older report, in brief.
    pub old: Summary,
    /// The newer report, in brief.
    pub new: Summary,
    /// Figures of the two reports that measure one indicator, in the older report's order.
    pub pairs: Vec<Pair>,
    /// Indices in the older report's `figures` of its headline figures left without a pair.
    pub only_old: Vec<usize>,
    /// Indices in the newer report's `figures` of its headline figures left without a pair.
    pub only_new: Vec<usize>,
}

/// One report, in brief.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// The title (or the enclosed report's title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date, ISO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// How many figures the report holds.
    pub figures: usize,
}

/// How the two figures of a pair relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// One indicator in both reports, stated the same way (two outcomes, or two targets).
    Same,
    /// The older report's target and the newer report's outcome for it.
    TargetActual,
}

/// Two figures that measure one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Index in the older report's `figures`.
    pub old: usize,
    /// Index in the newer report's `figures`.
    pub new: usize,
    /// The indicator, as the comparison names it (the older figure's subject, normalised).
    pub indicator: String,
    /// How the two figures relate.
    pub relation: Relation,
    /// New minus old, in the plain unit (for a rate in `%`: percentage points).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Decimal>,
    /// The change relative to the old value, in percent, rounded to two decimals; not given
    /// for a rate (`%`) or when the old value is zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_pct: Option<f64>,
    /// For a target and its outcome: whether the target was met (README "Comparing two
    /// reports" gives the rule for each qualifier).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
}

/// What the comparison needs of one figure.
struct Item<'a> {
    index: usize,
    key: String,
    chars: Vec<char>,
    unit: &'a str,
    kind: Option<Kind>,
    span: bool,
    headline: bool,
    /// A part of a 其中/分别 breakdown: it pairs only with a part of the same name.
    part: bool,
}

/// Whether a period is a count of years (`5年`, `三年`) rather than a year (`2025年`).
fn is_years(p: &str) -> bool {
    p.strip_suffix('年').is_some_and(|n| {
        (1..=2).contains(&n.chars().count()) && n.chars().all(crate::numerals::is_count_char)
    })
}

fn items(report: &Report) -> Vec<Item<'_>> {
    report
        .figures
        .iter()
        .enumerate()
        .map(|(index, f)| {
            let key = f.subject.as_deref().map(indicator).unwrap_or_default();
            let chars: Vec<char> = key.chars().collect();
            let span = f
                .period
                .as_deref()
                .is_some_and(|p| SPANS.iter().any(|w| p.contains(w)) || is_years(p));
            Item {
                index,
                headline: chars.len() >= 2 && f.parent.is_none(),
                part: chars.len() >= 2 && f.parent.is_some(),
                chars,
                key,
                unit: plain_unit(f),
                kind: f.kind,
                span,
            }
        })
        .collect()
}

/// The name an indicator is compared by: the subject's letters and digits (no spaces, quotes
/// or list bullets such as `●`) without the words that say where and when it is counted, with
/// a synonym replaced by its usual name.
pub fn indicator(subject: &str) -> String {
    let mut s: String = subject.chars().filter(|c| c.is_alphanumeric()).collect();
    loop {
        let before = s.len();
        for w in INDICATOR_LEADING {
            if s.len() > w.len() + 3 {
                if let Some(rest) = s.strip_prefix(w) {
                    s = rest.to_string();
                }
            }
        }
        for w in INDICATOR_TRAILING {
            if s.len() > w.len() + 3 {
                if let Some(rest) = s.strip_suffix(w) {
                    s = rest.to_string();
                }
            }
        }
        if s.len() == before {
            break;
        }
    }
    for (from, to) in INDICATOR_SYNONYMS {
        if s == *from {
            return (*to).to_string();
        }
    }
    s
}

/// The unit a figure's value is in once any scale word is taken out (`万人` → `人`).
fn plain_unit(f: &Figure) -> &str {
    f.base_unit.as_deref().unwrap_or(&f.unit)
}

/// The value in the plain unit.
fn plain_value(f: &Figure) -> &Decimal {
    f.base_value.as_ref().unwrap_or(&f.value)
}

/// How alike two indicator names are, 0 to 1: the share of characters they have in common
/// (word order does not count), when they also share enough of their two-character words
/// (so `城镇调查失业率` and `城镇登记失业率` stay apart).
fn likeness(a: &[char], b: &[char]) -> f64 {
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let common = |x: &[char], y: &[char]| {
        let mut left: Vec<char> = y.to_vec();
        let mut n = 0;
        for c in x {
            if let Some(k) = left.iter().position(|d| d == c) {
                left.swap_remove(k);
                n += 1;
            }
        }
        n
    };
    let chars = 2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64;
    let bigrams =
        |x: &[char]| -> Vec<(char, char)> { x.windows(2).map(|w| (w[0], w[1])).collect() };
    let (ba, bb) = (bigrams(a), bigrams(b));
    let mut left = bb.clone();
    let mut n = 0;
    for g in &ba {
        if let Some(k) = left.iter().position(|h| h == g) {
            left.swap_remove(k);
            n += 1;
        }
    }
    let pairs = 2.0 * n as f64 / (ba.len() + bb.len()) as f64;
    if chars >= 0.8 && pairs >= 0.5 {
        chars
    } else {
        0.0
    }
}

/// Pairs the figures `olds` × `news` that `fits` allows, one to one, best match first.
fn match_one_to_one(
    olds: &[&Item<'_>],
    news: &[&Item<'_>],
    fits: impl Fn(&Item<'_>, &Item<'_>) -> bool,
) -> Vec<(usize, usize, f64)> {
    let mut candidates = Vec::new();
    for o in olds {
        for n in news {
            if o.unit != n.unit || !fits(o, n) {
                continue;
            }
            let like = likeness(&o.chars, &n.chars);
            if like == 0.0 {
                continue;
            }
            // A figure for a span of years pairs with one for a span, a year's with a year's.
            let period = if o.span == n.span { 0.2 } else { 0.0 };
            candidates.push((like + period, o.index, n.index));
        }
    }
    candidates.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let mut used_old = std::collections::HashSet::new();
    let mut used_new = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (score, o, n) in candidates {
        if used_old.contains(&o) || used_new.contains(&n) {
            continue;
        }
        used_old.insert(o);
        used_new.insert(n);
        out.push((o, n, score));
    }
    out
}

/// Compares two reports of one body: `old` (last year's) and `new` (this year's).
pub fn compare(old: &Report, new: &Report) -> Comparison {
    let old_items = items(old);
    let new_items = items(new);
    let olds: Vec<&Item<'_>> = old_items.iter().filter(|i| i.headline).collect();
    let news: Vec<&Item<'_>> = new_items.iter().filter(|i| i.headline).collect();
    let mut found: Vec<(usize, usize, Relation)> = Vec::new();
    // Last year's targets against this year's outcomes.
    for (o, n, _) in match_one_to_one(&olds, &news, |o, n| {
        // A year's target is met or not by that year's outcome, not by a span's.
        o.kind == Some(Kind::Target) && n.kind == Some(Kind::Actual) && o.span == n.span
    }) {
        found.push((o, n, Relation::TargetActual));
    }
    // Outcome against outcome, target against target (a figure of unknown kind goes with
    // either).
    for (o, n, _) in match_one_to_one(&olds, &news, |o, n| {
        o.kind == n.kind || o.kind.is_none() || n.kind.is_none()
    }) {
        found.push((o, n, Relation::Same));
    }
    // Parts of breakdowns (`其中地方一般公共预算收入…`), each with the part of the same name.
    let old_parts: Vec<&Item<'_>> = old_items.iter().filter(|i| i.part).collect();
    let new_parts: Vec<&Item<'_>> = new_items.iter().filter(|i| i.part).collect();
    for (o, n, _) in match_one_to_one(&old_parts, &new_parts, |o, n| {
        o.key == n.key && (o.kind == n.kind || o.kind.is_none() || n.kind.is_none())
    }) {
        found.push((o, n, Relation::Same));
    }
    found.sort_by_key(|&(o, n, r)| (o, r == Relation::TargetActual, n));
    let mut paired_old = vec![false; old.figures.len()];
    let mut paired_new = vec![false; new.figures.len()];
    let pairs: Vec<Pair> = found
        .into_iter()
        .filter_map(|(o, n, relation)| {
            let (fo, fn_) = (old.figures.get(o)?, new.figures.get(n)?);
            paired_old[o] = true;
            paired_new[n] = true;
            Some(judge(o, fo, n, fn_, &old_items[o].key, relation))
        })
        .collect();
    let lonely = |items: &[Item<'_>], paired: &[bool]| -> Vec<usize> {
        items
            .iter()
            .filter(|i| i.headline && !paired[i.index])
            .map(|i| i.index)
            .collect()
    };
    Comparison {
        old: summary(old),
        new: summary(new),
        only_old: lonely(&old_items, &paired_old),
        only_new: lonely(&new_items, &paired_new),
        pairs,
    }
}

fn summary(r: &Report) -> Summary {
    Summary {
        title: r.meta.title.clone().or_else(|| r.meta.body_title.clone()),
        date: r.meta.date.clone(),
        figures: r.figures.len(),
    }
}

/// The change and, for a target, the verdict.
fn judge(o: usize, old: &Figure, n: usize, new: &Figure, key: &str, relation: Relation) -> Pair {
    let (a, b) = (plain_value(old), plain_value(new));
    let change = b.checked_sub(a).map(Decimal::normalized);
    let rate = plain_unit(old) == "%";
    let change_pct = (!rate && !a.is_zero())
        .then(|| ((b.to_f64() - a.to_f64()) / a.to_f64() * 10000.0).round() / 100.0)
        .filter(|p| p.is_finite());
    let met = (relation == Relation::TargetActual).then(|| met(old, new, key));
    Pair {
        old: o,
        new: n,
        indicator: key.to_string(),
        relation,
        change,
        change_pct,
        met,
    }
}

/// Whether `actual` meets `target` (README "Comparing two reports"):
/// - `以上`, `不低于`, `不少于`, `至少`, `超过`, `突破`: the outcome is at least the target;
/// - `以内`, `以下`, `不超过`, `不高于`: at most the target;
/// - `左右`, `约`, `上下`: within a tenth of the target on the wrong side (for a ceiling, at
///   most the target plus a tenth; else at least the target less a tenth);
/// - a range `a—b`: at least `a` (for a ceiling, at most `b`);
/// - no qualifier: at least the target (for a ceiling, at most).
///
/// A ceiling is an indicator where less is better (失业率, 价格, 能耗 …).
pub fn met(target: &Figure, actual: &Figure, indicator: &str) -> bool {
    let t = plain_value(target).to_f64();
    let a = plain_value(actual).to_f64();
    let ceiling = CEILINGS.iter().any(|w| indicator.contains(w));
    let q = target.qualifier.as_deref().unwrap_or("");
    let eps = 1e-9;
    let tol = t.abs() / 10.0;
    match q {
        q if FLOOR_QUALIFIERS.contains(&q) => a + eps >= t,
        q if CAP_QUALIFIERS.contains(&q) => a <= t + eps,
        q if ABOUT_QUALIFIERS.contains(&q) && ceiling => a <= t + tol + eps,
        q if ABOUT_QUALIFIERS.contains(&q) => a + eps >= t - tol,
        _ => match (&target.value_max, ceiling) {
            (Some(max), true) => {
                let scale = if target.base_value.is_some() {
                    t / target.value.to_f64()
                } else {
                    1.0
                };
                a <= max.to_f64() * scale + eps
            }
            (_, true) => a <= t + eps,
            (_, false) => a + eps >= t,
        },
    }
}
