//! The case-file format shared by the data-driven harnesses: every `tests/data/<area>/*.txt`
//! holds cases as
//!
//! ```text
//! === name of the case
//! --- input
//! the text, as many lines as needed
//! --- expect
//! one expectation a line (blank lines and lines starting with `#` are skipped)
//! ```
//!
//! Each harness reads its expectation lines in its own way; each file's header says how.
//!
//! `CASE=words cargo test --release --test figures_cases` runs only the cases whose name
//! holds `words`.

use std::fs;

/// One case as written in its file.
pub struct RawCase {
    /// The case file's name.
    pub file: String,
    /// The case's name.
    pub name: String,
    /// The input, without the newline that ends the `--- input` part.
    pub input: String,
    /// The expectation lines, trimmed, without blanks and comments.
    pub expect: Vec<String>,
}

/// Every case in `tests/data/<area>/*.txt`, files in name order.
pub fn load(area: &str) -> Vec<RawCase> {
    let dir = format!("{}/tests/data/{area}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir} should be readable: {e}"))
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
                .map(str::to_string)
                .collect();
            cases.push(RawCase {
                file: file.clone(),
                name: name.trim().to_string(),
                input,
                expect,
            });
        }
    }
    if let Ok(want) = std::env::var("CASE") {
        cases.retain(|c| c.name.contains(want.as_str()));
    }
    cases
}

/// Runs `check` over every case (at least `min` of them, so a lost case file fails) and fails
/// once, listing every failure `check` reports (each naming its case).
pub fn check_all<C>(area: &str, cases: &[C], min: usize, check: impl Fn(&C) -> Vec<String>) {
    // With `CASE=…` only the chosen cases run, but at least one must.
    let min = if std::env::var_os("CASE").is_some() {
        1
    } else {
        min
    };
    assert!(
        cases.len() >= min,
        "the {area} case files hold the cases (found {})",
        cases.len()
    );
    let failures: Vec<String> = cases.iter().flat_map(check).collect();
    assert!(
        failures.is_empty(),
        "every {area} case should hold ({} of {} failing):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
