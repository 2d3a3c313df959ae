//! Any text: the analysis must not panic, keep every span inside the input, and write JSON
//! that parses back.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let report = reportlens::analyze(text);
    let chars = text.chars().count();
    let spans = report
        .outline
        .iter()
        .map(|h| (h.start, h.end))
        .chain(report.figures.iter().map(|f| (f.start, f.end)))
        .chain(report.dates.iter().map(|d| (d.start, d.end)))
        .chain(report.meta.spans.iter().map(|s| (s.start, s.end)))
        .chain(report.paragraphs.iter().map(|p| (p.start, p.end)));
    for (start, end) in spans {
        assert!(start <= end && end <= chars, "span {start}..{end} outside {chars} code points");
    }
    for f in &report.figures {
        if let Some(p) = f.parent {
            assert!(p < report.figures.len(), "parent index out of range");
        }
    }
    let json = serde_json::to_string(&report).expect("report serialises");
    let value: serde_json::Value = serde_json::from_str(&json).expect("report JSON parses");
    for f in value["figures"].as_array().into_iter().flatten() {
        assert!(!f["value"].is_null(), "a figure value must never be null (inf/NaN)");
    }
});
