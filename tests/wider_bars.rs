//! The bar on the wider reference set (`tests/wider/`): scores its tuning part kind by kind
//! with `tests/wider/score.sh` (the reference scorer, `../shared/tools/score.py`) and this
//! build's CLI, and holds every kind to the scores in `tests/wider/bars.txt`, so that a change
//! that loses ground in one kind of document fails even when the total rises.
//!
//! The unseen part (`tests/wider/unseen/`) is never scored here.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The five scores of one kind, in the order of `bars.txt`; `None` where there is nothing to
/// score.
type Scores = [Option<f64>; 5];

const AREAS: [&str; 5] = [
    "figures F1",
    "subjects",
    "qualifiers",
    "outline F1",
    "elements",
];

/// Reads a number after `label` in a line of `score.sh` (`subjects 0.808`, `outline F1 0.883`).
fn after(line: &str, label: &str) -> Option<f64> {
    let rest = &line[line.find(label)? + label.len()..];
    rest.split_whitespace().next()?.parse().ok()
}

/// One kind's line of `score.sh`: `fazhi      figures F1 0.969 (…) · subjects 0.791 · …`.
fn parse_scores(line: &str) -> Option<(String, Scores)> {
    let kind = line.split_whitespace().next()?.to_string();
    let mut scores = [None; 5];
    for (slot, area) in scores.iter_mut().zip(AREAS) {
        *slot = after(line, &format!("{area} "));
    }
    Some((kind, scores))
}

/// `bars.txt`: `kind figures subjects qualifiers outline elements`, `-` for none.
fn bars() -> BTreeMap<String, Scores> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wider/bars.txt");
    let text = std::fs::read_to_string(&path).expect("tests/wider/bars.txt is readable");
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            fields.len(),
            6,
            "a bars line names a kind and five scores: {line}"
        );
        let mut scores = [None; 5];
        for (slot, field) in scores.iter_mut().zip(&fields[1..]) {
            *slot = match *field {
                "-" => None,
                v => Some(v.parse().unwrap_or_else(|_| panic!("a score in {line}"))),
            };
        }
        out.insert(fields[0].to_string(), scores);
    }
    out
}

#[test]
fn every_kind_keeps_its_bars() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("bash")
        .arg(root.join("tests/wider/score.sh"))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_reportlens"))
        .args(["analyze", "--json"])
        .output()
        .expect("bash runs tests/wider/score.sh");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    println!("{text}");
    assert!(
        output.status.success(),
        "score.sh reads every report's output: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let scored: BTreeMap<String, Scores> = text
        .lines()
        .filter(|l| l.contains("figures F1"))
        .filter_map(parse_scores)
        .collect();
    let bars = bars();
    for kind in scored.keys().filter(|k| *k != "ALL") {
        assert!(
            bars.contains_key(kind),
            "bars.txt has a line for the kind {kind}"
        );
    }
    for (kind, bar) in &bars {
        let got = scored
            .get(kind)
            .unwrap_or_else(|| panic!("score.sh scored the kind {kind}:\n{text}"));
        for ((area, want), have) in AREAS.iter().zip(bar).zip(got) {
            if let Some(want) = want {
                let have = have.unwrap_or(0.0);
                assert!(
                    have + 1e-9 >= *want,
                    "{kind}: {area} {have:.3} keeps its bar {want:.3}"
                );
            }
        }
    }
}
