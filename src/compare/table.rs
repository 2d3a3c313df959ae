//! A comparison as a table for other tools: CSV (with a BOM, for Excel/WPS) and Markdown. The
//! CLI and the page share these; the columns are [`PAIR_COLUMNS`].

use super::{Comparison, Pair, Relation};
use crate::export::{kind_name, markdown_table, BOM};
use crate::report::{Figure, Report};

/// The column names of a comparison table, in order.
pub const PAIR_COLUMNS: [&str; 12] = [
    "indicator",
    "relation",
    "old",
    "new",
    "old_kind",
    "new_kind",
    "old_period",
    "new_period",
    "change",
    "change_pct",
    "met",
    "unit",
];

fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Same => "same",
        Relation::TargetActual => "target_actual",
    }
}

fn cells(p: &Pair, old: &Figure, new: &Figure) -> [String; 12] {
    let kind = |f: &Figure| f.kind.map(kind_name).unwrap_or_default().to_string();
    let period = |f: &Figure| f.period.as_deref().unwrap_or_default().to_string();
    [
        p.indicator.clone(),
        relation_name(p.relation).to_string(),
        old.text.clone(),
        new.text.clone(),
        kind(old),
        kind(new),
        period(old),
        period(new),
        p.change.as_ref().map(|d| d.to_string()).unwrap_or_default(),
        p.change_pct.map(|v| v.to_string()).unwrap_or_default(),
        p.met.map(|m| m.to_string()).unwrap_or_default(),
        old.base_unit.clone().unwrap_or_else(|| old.unit.clone()),
    ]
}

fn rows<'a>(
    c: &'a Comparison,
    old: &'a Report,
    new: &'a Report,
) -> impl Iterator<Item = [String; 12]> + 'a {
    c.pairs
        .iter()
        .filter_map(move |p| Some(cells(p, old.figures.get(p.old)?, new.figures.get(p.new)?)))
}

/// The pairs as CSV (RFC 4180, CRLF line ends), starting with a BOM and a header row.
pub fn pairs_csv(c: &Comparison, old: &Report, new: &Report) -> String {
    let mut out = String::from(BOM);
    out.push_str(&PAIR_COLUMNS.join(","));
    out.push_str("\r\n");
    for row in rows(c, old, new) {
        let cells: Vec<String> = row.iter().map(|s| csv_cell(s)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(s: &str) -> String {
    // Text from a report that a spreadsheet would run as a formula is set off with `'`.
    let guarded = s.starts_with(['=', '+', '@', '\t', '\r'])
        || (s.starts_with('-') && s.parse::<f64>().is_err());
    if guarded || s.contains([',', '"', '\n', '\r']) {
        let inner = s.replace('"', "\"\"");
        if guarded {
            format!("\"'{inner}\"")
        } else {
            format!("\"{inner}\"")
        }
    } else {
        s.to_string()
    }
}

/// The pairs as a Markdown (GitHub) table with a header row.
pub fn pairs_markdown(c: &Comparison, old: &Report, new: &Report) -> String {
    markdown_table(&PAIR_COLUMNS, rows(c, old, new))
}
