//! Checks: breakdowns whose parts should add up to their total, and numbering that skips,
//! repeats or starts again.
//!
//! A check accuses a report of an error, so it is made only where the text leaves no doubt.
//! A breakdown (read by [`crate::figures::breakdown`]) holds when its parts add up to the total,
//! exactly or as the figures are rounded (`1.5亿元 ≈ 0.83亿元 + 0.68亿元`). It fails only when
//! every figure is exact (no 余, 约, 超 …), the parts do not end in 等, and they miss the total
//! by at most a tenth of it: a 其中 often names only the chief parts (`共收到86288件 … 前三位
//! 分别为36527件、20940件和11452件`) or parts that overlap (女性, 党员), and those fall well
//! short of or beyond the total; a slip (`780件 ≠ 601件 + 170件`) misses it narrowly.
//!
//! Numbering follows the conventions of the documents: articles (第X条) run through the whole
//! document; a list may run on across its parent headings where the document does so
//! throughout (`1.`–`9.` across `（一）` and `（二）`); a gap is reported only in an otherwise
//! regular run, and a restart only where one parent holds two runs of headings.
//!
//! Each check has a Chinese `message` and an English `message_en`.

use std::fmt::Write;

use crate::decimal::Decimal;
use crate::figures::StatedBreakdown;
use crate::report::{Check, CheckKind, Figure, Heading, MarkerStyle};

/// Runs every check over the figures, their breakdowns and the headings.
pub fn run(figures: &[Figure], stated: &[StatedBreakdown], headings: &[Heading]) -> Vec<Check> {
    let mut checks = breakdowns(figures, stated);
    checks.extend(numbering(headings));
    checks
}

/// The amount a figure adds to a sum, its unit, and the power of ten of its scale word
/// (`1.5亿元` → 150000000, `元`, 8).
fn amount(f: &Figure) -> Option<(&Decimal, &str, u32)> {
    if f.value_max.is_some() || f.value.is_written() {
        return None;
    }
    match (&f.base_value, &f.base_unit) {
        (Some(v), Some(u)) => {
            let scale = (0..=16u32).find(|&e| f.value.checked_shift(e).as_ref() == Some(v))?;
            Some((v, u.as_str(), scale))
        }
        _ => Some((&f.value, f.unit.as_str(), 0)),
    }
}

/// Half a unit of the last digit a figure is written to, in its plain unit, when the figure
/// may be rounded: a decimal, or a number before a scale word (`12万人`). A plain count
/// (`601件`) is exact.
fn rounding(f: &Figure, scale: u32) -> Decimal {
    let decimals = f.value.decimals();
    if decimals == 0 && scale == 0 {
        return Decimal::from_int(0);
    }
    // 0.5 × 10^(scale − decimals)
    Decimal::new(5, decimals + 1)
        .checked_shift(scale)
        .unwrap_or_default()
}

/// One check per total with two parts or more of its own kind, where the text leaves no doubt.
pub fn breakdowns(figures: &[Figure], stated: &[StatedBreakdown]) -> Vec<Check> {
    stated
        .iter()
        .filter_map(|b| breakdown(figures, b))
        .collect()
}

fn breakdown(figures: &[Figure], b: &StatedBreakdown) -> Option<Check> {
    if b.parts.len() < 2 {
        return None;
    }
    let t = figures.get(b.total)?;
    // Rates and ratios are never summed.
    if crate::lexicon::RATE_UNITS.contains(&t.unit.as_str()) {
        return None;
    }
    let (whole, unit, scale) = amount(t)?;
    let mut sum = Decimal::from_int(0);
    let mut slack = rounding(t, scale);
    let mut approximate = t.qualifier.is_some();
    for &i in &b.parts {
        let f = figures.get(i)?;
        let (v, u, s) = amount(f)?;
        if u != unit {
            return None;
        }
        sum = sum.checked_add(v)?;
        slack = slack.checked_add(&rounding(f, s))?;
        approximate |= f.qualifier.is_some();
    }
    let difference = whole.checked_sub(&sum)?;
    let off = abs(&difference);
    let exact = difference.is_zero();
    let ok = exact || off <= slack;
    if !ok {
        // A figure that is itself approximate, parts that end in 等, or parts that miss the
        // total by more than a tenth of it: no certain error.
        let tenth = abs(whole).checked_unshift(1)?;
        if approximate || b.open_ended || off > tenth {
            return None;
        }
    }
    let in_unit = difference.checked_unshift(scale)?;
    let written = |f: &Figure| format!("{}{}", f.value, f.unit);
    let parts = b
        .parts
        .iter()
        .filter_map(|&i| figures.get(i).map(written))
        .collect::<Vec<_>>()
        .join(" + ");
    let total = written(t);
    let gap = format!("{}{}", abs(&in_unit), t.unit);
    let short = !in_unit.is_negative();
    let (message, message_en) = if exact {
        (
            format!("✓ 分项合计：{total} = {parts}"),
            format!("✓ Parts add up: {total} = {parts}"),
        )
    } else if ok {
        (
            format!("✓ 分项合计：{total} ≈ {parts}（四舍五入后相符）"),
            format!("✓ Parts add up as rounded: {total} ≈ {parts}"),
        )
    } else if short {
        (
            format!("✗ 分项合计：{total} ≠ {parts}（差 {gap}）"),
            format!("✗ Parts do not add up: {total} ≠ {parts} ({gap} short)"),
        )
    } else {
        (
            format!("✗ 分项合计：{total} ≠ {parts}（多 {gap}）"),
            format!("✗ Parts do not add up: {total} ≠ {parts} ({gap} over)"),
        )
    };
    Some(Check {
        kind: CheckKind::Breakdown,
        ok,
        message,
        total: Some(b.total),
        parts: b.parts.clone(),
        difference: (!exact).then_some(difference),
        headings: Vec::new(),
        message_en,
        rounded: ok && !exact,
        difference_in_unit: (!exact).then_some(in_unit),
        sentence: Some(b.sentence.clone()),
    })
}

fn abs(d: &Decimal) -> Decimal {
    if d.is_negative() {
        Decimal::from_int(0)
            .checked_sub(d)
            .unwrap_or_else(|| d.clone())
    } else {
        d.clone()
    }
}

/// Whether headings of a style run through the whole document whatever their parents
/// (articles: 第X条 are numbered through 章 and 节).
fn through_document(style: MarkerStyle) -> bool {
    matches!(style, MarkerStyle::Article)
}

/// Whether a style numbers the items of one paragraph (`一是…二是…`), which start again in
/// every paragraph.
fn in_paragraph(style: MarkerStyle) -> bool {
    matches!(style, MarkerStyle::Shi | MarkerStyle::Ordinal)
}

/// Numbering checks: a gap in an otherwise regular run, a number repeated in one, and a list
/// that starts again under the same parent.
pub fn numbering(headings: &[Heading]) -> Vec<Check> {
    // Runs of sibling headings: one style under one parent (articles: the whole document), in
    // the order of their first headings. `slots[parent + 1]` lists the runs under a parent.
    let mut slots: Vec<Vec<(u8, usize)>> = vec![Vec::new(); headings.len() + 1];
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let slot = match h.parent {
            Some(p) if !through_document(h.style) => p + 1,
            _ => 0,
        };
        let style = h.style as u8;
        let Some(under) = slots.get_mut(slot) else {
            continue;
        };
        let k = match under.iter().find(|(s, _)| *s == style) {
            Some(&(_, k)) => k,
            None => {
                runs.push(Vec::new());
                under.push((style, runs.len() - 1));
                runs.len() - 1
            }
        };
        runs[k].push(i);
    }
    // The runs of one style at one depth, in order. A style whose lists, under one parent after
    // another, each take up the number where the last left off (`1.`–`4.` under （一）, `5.`–`9.`
    // under （二）) runs on across parents: its runs are joined.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); STYLES * DEPTHS];
    for (k, run) in runs.iter().enumerate() {
        if let Some(h) = run.first().map(|&i| &headings[i]) {
            let g = (h.style as usize).min(STYLES - 1) * DEPTHS + h.depth.min(DEPTHS - 1);
            groups[g].push(k);
        }
    }
    // Checks filed by the heading they end at, so that they come out in document order.
    let mut by_heading: Vec<Option<Check>> = (0..headings.len()).map(|_| None).collect();
    for group in &groups {
        let continues = group.len() > 1
            && group.windows(2).all(|w| {
                let last = runs[w[0]].last().map(|&i| headings[i].number);
                let first = runs[w[1]].first().map(|&i| headings[i].number);
                matches!((last, first), (Some(l), Some(f)) if f == l.saturating_add(1))
            });
        if continues {
            let joined: Vec<usize> = group
                .iter()
                .flat_map(|&k| runs[k].iter().copied())
                .collect();
            check_run(headings, &joined, &mut by_heading);
        } else {
            for &k in group {
                check_run(headings, &runs[k], &mut by_heading);
            }
        }
    }
    by_heading.into_iter().flatten().collect()
}

/// Marker styles (see [`MarkerStyle`]) and nesting depths told apart when runs are grouped.
const STYLES: usize = 16;
const DEPTHS: usize = 16;

/// Checks one run of sibling headings (indices in document order).
fn check_run(headings: &[Heading], run: &[usize], out: &mut [Option<Check>]) {
    let Some(&first) = run.first() else { return };
    let style = headings[first].style;
    // Split where the list starts again at 1: each piece is one list.
    let mut pieces: Vec<&[usize]> = Vec::new();
    let mut from = 0;
    for k in 1..run.len() {
        let (prev, this) = (&headings[run[k - 1]], &headings[run[k]]);
        if this.number == 1 && prev.number >= 1 {
            pieces.push(&run[from..k]);
            from = k;
        }
    }
    pieces.push(&run[from..]);
    // Two lists of headings under one parent: the second starts again.
    if !in_paragraph(style) {
        for w in pieces.windows(2) {
            let (Some(&a), Some(&b)) = (w[0].last(), w[1].first()) else {
                continue;
            };
            let (pa, pb) = (&headings[a], &headings[b]);
            // A run of one `1.` and another `1.` is a repeat, reported below, not a restart.
            if pa.number == 1 && w[0].len() == 1 {
                continue;
            }
            file(
                out,
                numbering_check(
                    vec![a, b],
                    format!(
                        "✗ 序号重新开始：{} 之后又从 {} 编起（同一上级下有两组序号）",
                        pa.marker, pb.marker
                    ),
                    format!(
                        "✗ Numbering starts again: {} after {} under the same heading",
                        pb.marker, pa.marker
                    ),
                ),
            );
        }
    }
    for piece in pieces {
        // Two headings are a run when the first is 1 (`（一）` then `（三）`).
        let opens_at_one = piece.first().is_some_and(|&i| headings[i].number == 1);
        if piece.len() < 2 || (piece.len() == 2 && !opens_at_one) {
            continue;
        }
        let steps: Vec<i64> = piece
            .windows(2)
            .map(|w| i64::from(headings[w[1]].number) - i64::from(headings[w[0]].number))
            .collect();
        let odd: Vec<usize> = (0..steps.len()).filter(|&k| steps[k] != 1).collect();
        // Only one step out of line in an otherwise regular run is a slip worth reporting.
        let [k] = odd[..] else { continue };
        let (a, b) = (piece[k], piece[k + 1]);
        let (pa, pb) = (&headings[a], &headings[b]);
        let step = steps[k];
        let (zh, en) = match step {
            0 => (
                format!("✗ 序号重复：{} 连续出现两次", pb.marker),
                format!("✗ Numbering repeats: {} twice in a row", pb.marker),
            ),
            2..=5 => {
                let missing = step - 1;
                let mut zh = format!("✗ 序号跳号：{} 之后是 {}", pa.marker, pb.marker);
                let mut en = format!("✗ Numbering skips: {} follows {}", pb.marker, pa.marker);
                let _ = write!(zh, "（缺 {missing} 个）");
                let _ = write!(en, " ({missing} missing)");
                (zh, en)
            }
            _ => continue,
        };
        file(out, numbering_check(vec![a, b], zh, en));
    }
}

/// Files a check under the last heading it names (one check a heading: the first found).
fn file(out: &mut [Option<Check>], check: Check) {
    if let Some(slot) = check.headings.last().and_then(|&h| out.get_mut(h)) {
        slot.get_or_insert(check);
    }
}

fn numbering_check(headings: Vec<usize>, message: String, message_en: String) -> Check {
    Check {
        kind: CheckKind::Numbering,
        ok: false,
        message,
        total: None,
        parts: Vec::new(),
        difference: None,
        headings,
        message_en,
        rounded: false,
        difference_in_unit: None,
        sentence: None,
    }
}
