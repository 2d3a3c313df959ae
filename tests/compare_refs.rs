//! Measures the comparison against reference alignments written from real report pairs
//! (`tests/data/compare/*.pairs`), and figure kinds against labels written from the texts
//! (`tests/data/compare/*.kind`), and figure kinds and periods on the reference corpus against
//! labels written from its texts (`tests/data/kinds/*.kind`, texts in `../shared/corpus`). The
//! bars below are the numbers reached; `met` must be right for every paired reference target.

use std::path::Path;

use reportlens::Kind;
use reportlens::Report;
use reportlens::{compare, Relation};

// The bars are the numbers reached (the acceptance asks for precision ≥ 0.95, recall ≥ 0.85
// and kind ≥ 95%), so that any loss fails.
/// Pair precision over all reference pairs (51/51).
const PRECISION_BAR: f64 = 1.0;
/// Pair recall over all reference pairs (51/53).
const RECALL_BAR: f64 = 0.96;
/// Kind right on the labelled figures of the reference pairs' texts (281/285).
const KIND_PAIRS_BAR: f64 = 0.985;
/// Kind right on the labelled figures of the reference corpus, `tests/data/kinds/` (441/442).
const KIND_CORPUS_BAR: f64 = 0.997;
/// Period right on the labelled figures of the reference corpus (416/442).
const PERIOD_CORPUS_BAR: f64 = 0.94;

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
        let before = (right, found, expected, met_right, met_total);
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
        eprintln!(
            "{}: {}/{} pairs right, {}/{} reference pairs found, met {}/{}",
            spec.file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default(),
            right - before.0,
            found - before.1,
            right - before.0,
            expected - before.2,
            met_right - before.3,
            met_total - before.4
        );
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / expected.max(1) as f64;
    eprintln!(
        "pairs: precision {precision:.3} ({right}/{found}), recall {recall:.3} ({right}/{expected}); met {met_right}/{met_total}"
    );
    assert!(
        precision >= PRECISION_BAR,
        "pair precision ≥ {PRECISION_BAR}, got {precision:.3}"
    );
    assert!(
        recall >= RECALL_BAR,
        "pair recall ≥ {RECALL_BAR}, got {recall:.3}"
    );
    assert_eq!(
        met_right, met_total,
        "every paired target is judged met or not as the reference says"
    );
}

/// One labelled figure: its anchor, its kind, and (for the corpus labels, which give it) its
/// period.
struct Label {
    anchor: String,
    kind: Option<Kind>,
    /// `None` where the file gives no periods; `Some(None)` where the text names none.
    period: Option<Option<String>>,
    optional: bool,
}

/// The labels of a `.kind` file: `context|figure => kind` or `… => kind ; period`;
/// `with_period` says whether the file gives periods (a label without one then has none).
fn parse_labels(spec: &str, with_period: bool) -> Vec<Label> {
    let mut labels = Vec::new();
    let mut optional = false;
    for line in spec.lines().map(str::trim) {
        if line == "# optional" {
            optional = true;
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (anchor, rest) = line.split_once("=>").expect("label has =>");
        let (kind, period) = match rest.split_once(';') {
            Some((k, p)) => (k.trim(), Some(p.trim().to_string())),
            None => (rest.trim(), None),
        };
        let kind = match kind {
            "target" => Some(Kind::Target),
            "actual" => Some(Kind::Actual),
            "absent" => None,
            other => panic!("kind {other} is target, actual or absent"),
        };
        labels.push(Label {
            anchor: anchor.trim().to_string(),
            kind,
            period: with_period.then_some(period),
            optional,
        });
        optional = false;
    }
    labels
}

/// Counts of one measure of kinds and periods.
#[derive(Default)]
struct KindScore {
    kind_right: usize,
    total: usize,
    period_right: usize,
    period_total: usize,
    unfound: usize,
}

impl KindScore {
    fn add(&mut self, o: &KindScore) {
        self.kind_right += o.kind_right;
        self.total += o.total;
        self.period_right += o.period_right;
        self.period_total += o.period_total;
        self.unfound += o.unfound;
    }
}

/// A period as compared: the quotation marks around a plan's name (“十四五”时期) left out,
/// since copied texts keep or drop them.
fn period_key(p: &str) -> String {
    p.chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '「' | '」'))
        .collect()
}

/// Measures one text's kinds (and periods, where labelled) against its labels, printing each
/// miss.
fn score_kinds(name: &str, text: &str, labels: &[Label]) -> KindScore {
    let report = reportlens::analyze(text);
    let mut s = KindScore::default();
    for l in labels {
        let Some(i) = locate(text, &report, &l.anchor) else {
            if !l.optional {
                s.unfound += 1;
                eprintln!("{name}: no figure at {}", l.anchor);
            }
            continue;
        };
        let f = &report.figures[i];
        s.total += 1;
        if f.kind == l.kind {
            s.kind_right += 1;
        } else {
            eprintln!(
                "{name}: kind of {} is {:?}, not {:?}",
                l.anchor, f.kind, l.kind
            );
        }
        if let Some(want) = &l.period {
            s.period_total += 1;
            if f.period.as_deref().map(period_key) == want.as_deref().map(period_key) {
                s.period_right += 1;
            } else {
                eprintln!(
                    "{name}: period of {} is {:?}, not {:?}",
                    l.anchor, f.period, want
                );
            }
        }
    }
    s
}

/// The `.kind` files of a folder, sorted.
fn kind_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut specs: Vec<_> = std::fs::read_dir(dir)
        .expect("label folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "kind"))
        .collect();
    specs.sort();
    specs
}

#[test]
fn figure_kinds_match_the_labels() {
    let specs = kind_files(Path::new(DIR));
    assert!(!specs.is_empty(), "there are kind labels");
    let mut all = KindScore::default();
    for spec in specs {
        let stem = spec.file_stem().and_then(|s| s.to_str()).expect("name");
        let text = read(&format!("{stem}.txt"));
        let labels = parse_labels(&std::fs::read_to_string(&spec).expect("labels"), false);
        let s = score_kinds(stem, &text, &labels);
        eprintln!("{stem}: kind {}/{}", s.kind_right, s.total);
        all.add(&s);
    }
    let share = all.kind_right as f64 / all.total.max(1) as f64;
    eprintln!(
        "kind: {}/{} = {share:.3} ({} labelled figures not found)",
        all.kind_right, all.total, all.unfound
    );
    assert!(
        share >= KIND_PAIRS_BAR,
        "kind right for ≥ {KIND_PAIRS_BAR} of the pairs' labelled figures, got {share:.3}"
    );
}

#[test]
fn corpus_kinds_and_periods_match_the_labels() {
    let labels_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/kinds");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let specs = kind_files(&labels_dir);
    assert_eq!(
        specs.len(),
        5,
        "one label file per report of the reference corpus"
    );
    let mut all = KindScore::default();
    for spec in specs {
        let stem = spec.file_stem().and_then(|s| s.to_str()).expect("name");
        let text = std::fs::read_to_string(corpus.join(format!("{stem}.txt")))
            .expect("corpus text is readable");
        let labels = parse_labels(&std::fs::read_to_string(&spec).expect("labels"), true);
        let s = score_kinds(stem, &text, &labels);
        eprintln!(
            "{stem}: kind {}/{}, period {}/{}",
            s.kind_right, s.total, s.period_right, s.period_total
        );
        all.add(&s);
    }
    let kind = all.kind_right as f64 / all.total.max(1) as f64;
    let period = all.period_right as f64 / all.period_total.max(1) as f64;
    eprintln!(
        "corpus: kind {}/{} = {kind:.3}, period {}/{} = {period:.3} ({} labelled figures not found)",
        all.kind_right, all.total, all.period_right, all.period_total, all.unfound
    );
    assert_eq!(
        all.unfound, 0,
        "every labelled figure that is not optional is found"
    );
    assert!(
        kind >= KIND_CORPUS_BAR,
        "kind right for ≥ {KIND_CORPUS_BAR} of the corpus's figures, got {kind:.3}"
    );
    assert!(
        period >= PERIOD_CORPUS_BAR,
        "period right for ≥ {PERIOD_CORPUS_BAR} of the corpus's figures, got {period:.3}"
    );
}
