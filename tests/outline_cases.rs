//! The outline, case by case: each case in `tests/data/outline/*.txt` is an input and the exact
//! outline expected from it, one heading a line as `depth | marker | title`.
//!
//! ```text
//! === name of the case
//! --- input
//! the text, as many lines as needed
//! --- expect
//! 1 | 一、 | 工作开展情况
//! ```
//!
//! An empty `expect` means no heading at all. Markers are compared without spaces (a marker is
//! reported as written, and a PDF copy may have spaces inside it). Every heading's `start`/`end`
//! must slice the input to a text holding its marker, and its `parent` must be one level up.

use std::fs;

struct Case {
    file: String,
    name: String,
    input: String,
    expect: Vec<String>,
}

fn load() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/outline");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("tests/data/outline is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).expect("a case file is UTF-8");
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        for block in text.split("\n=== ").skip(1) {
            let (name, rest) = block.split_once('\n').unwrap_or((block, ""));
            let (input, expect) = rest
                .split_once("--- expect\n")
                .or_else(|| rest.strip_suffix("--- expect").map(|i| (i, "")))
                .unwrap_or_else(|| panic!("case {name:?} in {file} has a `--- expect` part"));
            let input = input
                .strip_prefix("--- input\n")
                .unwrap_or_else(|| panic!("case {name:?} in {file} starts with `--- input`"));
            let input = input.strip_suffix('\n').unwrap_or(input).to_string();
            let expect = expect
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(normalise)
                .collect();
            cases.push(Case {
                file: file.clone(),
                name: name.trim().to_string(),
                input,
                expect,
            });
        }
    }
    cases
}

/// `depth | marker | title` with the spaces inside each field removed.
fn normalise(line: &str) -> String {
    line.split('|')
        .map(|f| f.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn outline_cases() {
    let cases = load();
    assert!(
        cases.len() >= 30,
        "the outline cases were found ({})",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let report = reportlens::analyze(&case.input);
        let chars: Vec<char> = case.input.chars().collect();
        for (i, h) in report.outline.iter().enumerate() {
            assert!(
                h.start <= h.end && h.end <= chars.len(),
                "{}: heading {i} lies inside the input",
                case.name
            );
            let slice: String = chars[h.start..h.end].iter().collect();
            assert!(
                slice.contains(&h.marker),
                "{}: heading {i}'s span {slice:?} holds its marker {:?}",
                case.name,
                h.marker
            );
            let parent_depth = h
                .parent
                .and_then(|p| report.outline.get(p))
                .map_or(0, |p| p.depth);
            assert_eq!(
                parent_depth + 1,
                h.depth,
                "{}: heading {i} is one level below its parent",
                case.name
            );
        }
        let got: Vec<String> = report
            .outline
            .iter()
            .map(|h| normalise(&format!("{} | {} | {}", h.depth, h.marker, h.title)))
            .collect();
        if got != case.expect {
            failures.push(format!(
                "{} / {}\n   want {:?}\n    got {:?}",
                case.file, case.name, case.expect, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} outline cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
