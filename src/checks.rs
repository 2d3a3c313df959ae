//! Checks: breakdowns whose parts should add up to their total, and numbering that skips or
//! repeats.
//!
//! A breakdown is a total with two or more parts pointing to it (`parent`, from 其中/分别):
//! `780件 = 601件 + 179件` holds; when it does not, the check says by how much (total minus
//! the sum of the parts). Numbering: sibling headings of one marker style under one parent
//! should count 1, 2, 3 … (`（三）` right after `（一）` skips; two `（二）` repeat).

use std::collections::BTreeMap;

use crate::decimal::Decimal;
use crate::report::{Check, CheckKind, Figure, Heading, MarkerStyle};

/// Runs every check over the figures and headings.
pub fn run(figures: &[Figure], headings: &[Heading]) -> Vec<Check> {
    let mut checks = breakdowns(figures);
    checks.extend(numbering(headings));
    checks
}

/// The amount a figure adds to a sum: its plain-unit value when it has one.
fn amount(f: &Figure) -> (&Decimal, &str) {
    match (&f.base_value, &f.base_unit) {
        (Some(v), Some(u)) => (v, u.as_str()),
        _ => (&f.value, f.unit.as_str()),
    }
}

/// One check per total with at least two parts of its own unit.
pub fn breakdowns(figures: &[Figure]) -> Vec<Check> {
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        if let Some(p) = f.parent.filter(|&p| p < figures.len()) {
            parts.entry(p).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (total, list) in parts {
        if list.len() < 2 {
            continue;
        }
        let t = &figures[total];
        let (t_amount, t_unit) = amount(t);
        // A range or a number kept as written cannot be summed.
        let summable = std::iter::once(t)
            .chain(list.iter().map(|&i| &figures[i]))
            .all(|f| f.value_max.is_none() && !f.value.is_written() && amount(f).1 == t_unit);
        if !summable {
            continue;
        }
        let sum = list.iter().try_fold(Decimal::from_int(0), |s, &i| {
            s.checked_add(amount(&figures[i]).0)
        });
        let Some(sum) = sum else { continue };
        let Some(difference) = t_amount.checked_sub(&sum) else {
            continue;
        };
        let ok = difference.is_zero();
        let written = |f: &Figure| format!("{}{}", f.value, f.unit);
        let parts_text = list
            .iter()
            .map(|&i| written(&figures[i]))
            .collect::<Vec<_>>()
            .join(" + ");
        let message = if ok {
            format!("{} = {}", written(t), parts_text)
        } else {
            format!(
                "{} ≠ {} (difference {}{})",
                written(t),
                parts_text,
                difference,
                t_unit
            )
        };
        out.push(Check {
            kind: CheckKind::Breakdown,
            ok,
            message,
            total: Some(total),
            parts: list,
            difference: (!ok).then_some(difference),
            headings: Vec::new(),
        });
    }
    out
}

/// One check per sibling heading whose number is not one more than the sibling before it.
pub fn numbering(headings: &[Heading]) -> Vec<Check> {
    let mut last: BTreeMap<(Option<usize>, MarkerStyleKey), usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let key = (h.parent, MarkerStyleKey(h.style));
        let expected = match last.get(&key) {
            Some(&p) => headings[p].number.saturating_add(1),
            None => 1,
        };
        if h.number != expected {
            let prev = last.get(&key).copied();
            let message = match prev {
                Some(p) if h.number == headings[p].number => {
                    format!("{} repeats the number of the heading before it", h.marker)
                }
                Some(p) => format!(
                    "{} follows {}: expected number {expected}",
                    h.marker, headings[p].marker
                ),
                None => format!("{} opens its list: expected number 1", h.marker),
            };
            out.push(Check {
                kind: CheckKind::Numbering,
                ok: false,
                message,
                total: None,
                parts: Vec::new(),
                difference: None,
                headings: prev.into_iter().chain(std::iter::once(i)).collect(),
            });
        }
        last.insert(key, i);
    }
    out
}

/// Orders marker styles so they can key a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MarkerStyleKey(MarkerStyle);

impl PartialOrd for MarkerStyleKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for MarkerStyleKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.0 as u8).cmp(&(other.0 as u8))
    }
}
