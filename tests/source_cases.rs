//! Reading messy input into paragraphs: data-driven cases in `tests/data/source/*.json`.
//!
//! Each case is `{"name", "input" | "lines", "paragraphs"}`: `lines` are joined with `\n`; the
//! expected paragraphs are the cleaned texts in order. Every case also checks the contract of
//! the reader: cleaning only deletes, so each paragraph is the concatenation of its input pieces.

use std::fs;
use std::path::Path;

use serde_json::Value;

fn input_of(case: &Value) -> String {
    if let Some(s) = case["input"].as_str() {
        return s.to_string();
    }
    let lines: Vec<&str> = case["lines"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    lines.join("\n")
}

#[test]
fn source_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/source");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("the source case folder exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut count = 0;
    let mut failures = Vec::new();
    for file in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let text = fs::read_to_string(file).expect("a case file is readable");
        let cases: Vec<Value> = serde_json::from_str(&text).expect("a case file is a JSON array");
        for case in &cases {
            count += 1;
            let name = case["name"].as_str().unwrap_or("(unnamed)");
            let input = input_of(case);
            let doc = reportlens::source::read(&input);
            for (i, par) in doc.paragraphs.iter().enumerate() {
                let joined: String = par.pieces().map(|r| &input[r]).collect();
                assert_eq!(
                    joined, par.text,
                    "{name}: paragraph {i} is exactly the concatenation of its input pieces"
                );
                let span = par.span();
                assert!(
                    span.end <= input.len(),
                    "{name}: paragraph {i} lies inside the input"
                );
            }
            let got: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
            let want: Vec<&str> = case["paragraphs"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if got != want {
                failures.push(format!(
                    "{}: {name}\n   want {want:?}\n    got {got:?}",
                    file.display()
                ));
            }
        }
    }
    assert!(count > 20, "the source cases were found ({count})");
    assert!(
        failures.is_empty(),
        "every source case should read into the expected paragraphs:\n{}",
        failures.join("\n")
    );
}
