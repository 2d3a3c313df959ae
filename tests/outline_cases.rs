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

#[path = "common/cases.rs"]
mod cases;

struct Case {
    file: String,
    name: String,
    input: String,
    expect: Vec<String>,
}

fn load() -> Vec<Case> {
    cases::load("outline")
        .into_iter()
        .map(|raw| {
            let expect = raw.expect.iter().map(|l| normalise(l)).collect();
            Case {
                file: raw.file,
                name: raw.name,
                input: raw.input,
                expect,
            }
        })
        .collect()
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
    cases::check_all("outline", &load(), 30, |case| {
        let report = reportlens::analyze(&case.input);
        let chars: Vec<char> = case.input.chars().collect();
        for (i, h) in report.outline.iter().enumerate() {
            assert!(
                h.start <= h.end && h.end.get() <= chars.len(),
                "{}: heading {i} lies inside the input",
                case.name
            );
            let slice: String = chars[h.start.get()..h.end.get()].iter().collect();
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
        if got == case.expect {
            Vec::new()
        } else {
            vec![format!(
                "{} / {}\n   want {:?}\n    got {:?}",
                case.file, case.name, case.expect, got
            )]
        }
    });
}
