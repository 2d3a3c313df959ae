//! Measures the comparison against reference alignments written from real report pairs
//! (`tests/data/compare/*.pairs`), and figure kinds against labels written from the texts
//! (`tests/data/compare/*.kind`). Bars: pair precision ≥ 0.95, recall ≥ 0.85, `met` right for
//! every reference target that is paired, kind right for ≥ 95% of the labelled figures.

use std::path::Path;

use reportlens::Kind;
use reportlens::Report;
use reportlens::{compare, Relation};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/compare");

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(DIR).join(name)).expect("reference text is readable")
}

/// The index of the figure an anchor `context|figure` names.
fn locate(text: &str, report: &Report, anchor: &str) -> Option<usize> {
    let (before, figure) = anchor.split_once('|').expect("anchor has a bar");
    let whole = format!("{before}{figure}");
    let mut found = text.match_indices(&whole);
    let (at, _) = found.next()?;
    assert!(found.next().is_none(), "anchor {anchor} occurs once");
    let pos = text[..at].chars().count() + before.chars().count();
    report
        .figures
        .iter()
        .position(|f| f.start.get() <= pos && pos < f.end.get())
}

struct RefPair {
    old: String,
    new: String,
    relation: Relation,
    met: Option<bool>,
    optional: bool,
}

fn parse_pairs(spec: &str) -> (String, String, Vec<RefPair>) {
    let (mut old, mut new, mut pairs) = (String::new(), String::new(), Vec::new());
    for line in spec.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("old ") {
            old = name.to_string();
        } else if let Some(name) = line.strip_prefix("new ") {
            new = name.to_string();
        } else if let Some(rest) = line
            .strip_prefix("pair ")
            .map(|r| (r, false))
            .or_else(|| line.strip_prefix("optional ").map(|r| (r, true)))
        {
            let (body, optional) = rest;
            let mut parts = body.split(';').map(str::trim);
            let (o, n) = parts
                .next()
                .and_then(|p| p.split_once("=>"))
                .expect("pair has OLD => NEW");
            let relation = match parts.next() {
                Some("target_actual") => Relation::TargetActual,
                _ => Relation::Same,
            };
            let met = parts.next().map(|m| m == "true");
            pairs.push(RefPair {
                old: o.trim().into(),
                new: n.trim().into(),
                relation,
                met,
                optional,
            });
        }
    }
    (old, new, pairs)
}

#[test]
fn pairs_match_the_reference_alignments() {
    let mut specs: Vec<_> = std::fs::read_dir(DIR)
        .expect("reference folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pairs"))
        .collect();
    specs.sort();
    assert!(!specs.is_empty(), "there are reference alignments");
    let (mut right, mut found, mut expected) = (0usize, 0usize, 0usize);
    let (mut met_right, mut met_total) = (0usize, 0usize);
    for spec in specs {
        let (old_name, new_name, refs) =
            parse_pairs(&std::fs::read_to_string(&spec).expect("spec is readable"));
        let (old_text, new_text) = (read(&old_name), read(&new_name));
        let (old, new) = (
            reportlens::analyze(&old_text),
            reportlens::analyze(&new_text),
        );
        let c = compare(&old, &new);
        let mut wanted = Vec::new();
        for r in &refs {
            let o = locate(&old_text, &old, &r.old);
            let n = locate(&new_text, &new, &r.new);
            wanted.push((o, n, r));
        }
        let optional = |o: usize, n: usize| {
            wanted
                .iter()
                .any(|(a, b, r)| r.optional && *a == Some(o) && *b == Some(n))
        };
        for p in &c.pairs {
            if optional(p.old, p.new) {
                continue;
            }
            found += 1;
            let hit = wanted.iter().find(|(a, b, r)| {
                !r.optional && *a == Some(p.old) && *b == Some(p.new) && r.relation == p.relation
            });
            match hit {
                Some((_, _, r)) => {
                    right += 1;
                    if let Some(m) = r.met {
                        met_total += 1;
                        if p.met == Some(m) {
                            met_right += 1;
                        } else {
                            eprintln!("met wrong: {} => {}", r.old, r.new);
                        }
                    }
                }
                None => eprintln!(
                    "{}: extra pair {:?} {} => {} ({})",
                    spec.display(),
                    p.relation,
                    old.figures[p.old].text,
                    new.figures[p.new].text,
                    p.indicator
                ),
            }
        }
        for (o, n, r) in &wanted {
            if r.optional {
                continue;
            }
            expected += 1;
            let got = c
                .pairs
                .iter()
                .any(|p| Some(p.old) == *o && Some(p.new) == *n && p.relation == r.relation);
            if !got {
                eprintln!("missed: {} => {} ({:?})", r.old, r.new, r.relation);
            }
        }
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / expected.max(1) as f64;
    eprintln!(
        "pairs: precision {precision:.3} ({right}/{found}), recall {recall:.3} ({right}/{expected}); met {met_right}/{met_total}"
    );
    assert!(
        precision >= 0.95,
        "pair precision ≥ 0.95, got {precision:.3}"
    );
    assert!(recall >= 0.85, "pair recall ≥ 0.85, got {recall:.3}");
    assert_eq!(
        met_right, met_total,
        "every paired target is judged met or not as the reference says"
    );
}

#[test]
fn figure_kinds_match_the_labels() {
    let mut specs: Vec<_> = std::fs::read_dir(DIR)
        .expect("reference folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "kind"))
        .collect();
    specs.sort();
    assert!(!specs.is_empty(), "there are kind labels");
    let (mut right, mut total, mut unfound) = (0usize, 0usize, 0usize);
    for spec in specs {
        let stem = spec.file_stem().and_then(|s| s.to_str()).expect("name");
        let text = read(&format!("{stem}.txt"));
        let report = reportlens::analyze(&text);
        for line in std::fs::read_to_string(&spec).expect("labels").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (anchor, kind) = line.split_once("=>").expect("label has =>");
            let want = match kind.trim() {
                "target" => Some(Kind::Target),
                "actual" => Some(Kind::Actual),
                _ => None,
            };
            let Some(i) = locate(&text, &report, anchor.trim()) else {
                unfound += 1;
                eprintln!("{stem}: no figure at {}", anchor.trim());
                continue;
            };
            total += 1;
            if report.figures[i].kind == want {
                right += 1;
            } else {
                eprintln!(
                    "{stem}: kind of {} is {:?}, not {want:?}",
                    anchor.trim(),
                    report.figures[i].kind
                );
            }
        }
    }
    let share = right as f64 / total.max(1) as f64;
    eprintln!("kind: {right}/{total} = {share:.3} ({unfound} labelled figures not found)");
    assert!(
        share >= 0.95,
        "kind right for ≥ 95% of labelled figures, got {share:.3}"
    );
}
