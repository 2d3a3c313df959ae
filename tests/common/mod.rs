//! Checks every analysis must pass, whatever the input: shared by the hostile-input and
//! property tests.

#![allow(dead_code)]

use reportlens::Report;
use serde_json::Value;

/// Analyses `input` and checks the report's invariants; returns the report and its JSON.
///
/// - every `start`/`end` lies inside the input (in code points) with `start <= end`;
/// - the JSON round-trips through `serde_json` unchanged;
/// - every figure value is a finite JSON number or an exact decimal string (never `null`,
///   which is what `serde_json` makes of `inf`/`NaN`).
pub fn check(input: &str) -> (Report, Value) {
    let report = reportlens::analyze(input);
    let chars = input.chars().count();
    check_spans(&report, chars);
    let json = serde_json::to_string(&report).expect("the report serialises to JSON");
    let value: Value = serde_json::from_str(&json).expect("the report JSON parses back");
    assert_eq!(
        serde_json::to_value(&report).expect("the report converts to a JSON value"),
        value,
        "the report JSON should parse back to the same value"
    );
    for (i, f) in value["figures"]
        .as_array()
        .expect("figures is an array")
        .iter()
        .enumerate()
    {
        for key in ["value", "value_max", "base_value"] {
            match f.get(key) {
                None => assert_ne!(key, "value", "figure {i} should have a value"),
                Some(Value::Number(n)) => {
                    assert!(
                        n.as_f64().is_some_and(f64::is_finite),
                        "figure {i} {key} should be finite: {n}"
                    )
                }
                Some(Value::String(s)) => assert!(
                    is_decimal(s),
                    "figure {i} {key} as a string should be exact digits: {s}"
                ),
                Some(other) => {
                    panic!("figure {i} {key} should be a number or an exact string, not {other}")
                }
            }
        }
    }
    (report, value)
}

/// `-?digits(.digits)?`
pub fn is_decimal(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let mut parts = s.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Every span of the report lies inside an input of `chars` code points.
pub fn check_spans(report: &Report, chars: usize) {
    let mut spans: Vec<(&str, usize, usize)> = Vec::new();
    spans.extend(
        report
            .meta
            .spans
            .iter()
            .map(|s| ("meta", s.start.get(), s.end.get())),
    );
    spans.extend(
        report
            .outline
            .iter()
            .map(|h| ("outline", h.start.get(), h.end.get())),
    );
    spans.extend(
        report
            .figures
            .iter()
            .map(|f| ("figure", f.start.get(), f.end.get())),
    );
    spans.extend(
        report
            .dates
            .iter()
            .map(|d| ("date", d.start.get(), d.end.get())),
    );
    for p in &report.paragraphs {
        spans.push(("paragraph", p.start.get(), p.end.get()));
        spans.extend(
            p.pieces
                .iter()
                .map(|r| ("paragraph piece", r[0].get(), r[1].get())),
        );
    }
    for d in &report.diagnostics {
        if let (Some(s), Some(e)) = (d.start, d.end) {
            spans.push(("diagnostic", s.get(), e.get()));
        }
    }
    for (kind, start, end) in spans {
        assert!(
            start <= end && end <= chars,
            "{kind} span {start}..{end} should lie inside the input of {chars} code points"
        );
    }
    for (i, f) in report.figures.iter().enumerate() {
        if let Some(p) = f.parent {
            assert!(
                p < report.figures.len(),
                "figure {i}'s parent {p} should be a figure index"
            );
        }
        if let Some(s) = f.section {
            assert!(
                s < report.outline.len(),
                "figure {i}'s section {s} should be an outline index"
            );
        }
    }
    for (i, h) in report.outline.iter().enumerate() {
        if let Some(p) = h.parent {
            assert!(
                p < i,
                "heading {i}'s parent {p} should be an earlier heading"
            );
        }
    }
}

/// The input's code points `start..end`.
pub fn slice(input: &str, start: impl Into<usize>, end: impl Into<usize>) -> String {
    let (start, end) = (start.into(), end.into());
    input
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}
