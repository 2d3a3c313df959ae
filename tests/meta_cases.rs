//! Document elements (GB/T 9704-2012), case by case: each case in `tests/data/meta/*.txt` is an
//! input and the exact `meta` expected from it (a key not listed must be absent).
//!
//! Case file format:
//!
//! ```text
//! === name of the case
//! --- input
//! the text, as many lines as needed
//! --- expect
//! key: value
//! addressees: 甲 | 乙        (a list, items separated by ` | `)
//! ```
//!
//! Lines starting with `#` before a case are comments. Every span must slice the input on
//! character boundaries, and the span of a text element must hold that element's text.

#[path = "common/cases.rs"]
mod cases;

use std::collections::BTreeMap;

struct Case {
    file: String,
    name: String,
    input: String,
    expect: BTreeMap<String, String>,
}

fn load() -> Vec<Case> {
    cases::load("meta")
        .into_iter()
        .map(|raw| {
            let name = raw.name;
            let expect = raw
                .expect
                .iter()
                .map(|l| {
                    let (k, v) = l
                        .split_once(':')
                        .unwrap_or_else(|| panic!("case {name:?}: `key: value` lines, got {l:?}"));
                    (k.trim().to_string(), v.trim().to_string())
                })
                .collect();
            Case {
                file: raw.file,
                name,
                input: raw.input,
                expect,
            }
        })
        .collect()
}

/// The meta of a report as `key → value` (lists joined with ` | `), without the spans.
fn flatten(meta: &serde_json::Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(map) = meta.as_object() {
        for (k, v) in map {
            let value = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) if k != "spans" => items
                    .iter()
                    .filter_map(|i| i.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
                _ => continue,
            };
            out.insert(k.clone(), value);
        }
    }
    out
}

fn slice(input: &str, start: impl Into<usize>, end: impl Into<usize>) -> String {
    let (start, end) = (start.into(), end.into());
    input
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Checks the elements found in `input` against `expect`, and their spans against the input.
fn check(label: &str, input: &str, expect: &BTreeMap<String, String>, failures: &mut Vec<String>) {
    let report = reportlens::analyze(input);
    let json = serde_json::to_value(&report.meta).expect("meta serialises");
    let got = flatten(&json);
    if got != *expect {
        failures.push(format!(
            "{label}: elements differ\n  expected {expect:?}\n  got      {got:?}"
        ));
        return;
    }
    let total = input.chars().count();
    for span in &report.meta.spans {
        if !(span.start <= span.end && span.end.get() <= total) {
            failures.push(format!("{label}: span {span:?} lies inside the input"));
            continue;
        }
        let text: String = slice(input, span.start, span.end)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let holds = match span.key.as_str() {
            // A date as written: `2024年1月12日`, or a field's `2024-01-12`.
            "date" | "printed_date" => {
                (text.contains('年') && text.contains('日'))
                    || (text.len() >= 8
                        && text
                            .chars()
                            .all(|c| c.is_ascii_digit() || "-/.".contains(c)))
            }
            "addressees" | "cc" => got
                .get(&span.key)
                .is_some_and(|v| v.split(" | ").all(|name| text.contains(name))),
            key => got.get(key).is_some_and(|v| text == *v),
        };
        if !holds {
            failures.push(format!(
                "{label}: the span of {} ({text:?}) holds the element's text",
                span.key
            ));
        }
    }
    let keys: Vec<&str> = report.meta.spans.iter().map(|s| s.key.as_str()).collect();
    for key in got.keys() {
        if !keys.contains(&key.as_str()) {
            failures.push(format!("{label}: element {key} has a span"));
        }
    }
}

#[test]
fn meta_cases() {
    cases::check_all("element", &load(), 20, |case| {
        let mut failures = Vec::new();
        check(
            &format!("{} / {}", case.file, case.name),
            &case.input,
            &case.expect,
            &mut failures,
        );
        failures
    });
}

/// Display width on a GB/T 9704 page: a CJK character is one full cell (2), others half.
fn cells(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        2
    }
}

/// The text as a PDF copy of the printed document gives it back: the site's front matter and
/// notes gone, lines of 28 characters (a paragraph's first line indented by two), closing
/// punctuation hanging at a line's end, `— N —` every 22 lines; then as three extractors
/// write it (plain lines; a space before each paragraph; a blank line after every line).
fn pdf_layouts(input: &str) -> [String; 3] {
    let mut body = input;
    if let Some(rest) = input.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---\n") {
            body = &rest[end + 5..];
        }
    }
    let mut rows: Vec<(bool, String)> = Vec::new();
    let paragraphs = body
        .lines()
        .filter(|l| !l.starts_with("> "))
        .map(|l| l.trim_start_matches("# ").trim_matches([' ', '\u{3000}']))
        .filter(|l| !l.is_empty());
    for (i, par) in paragraphs.enumerate() {
        let mut line = String::new();
        let mut width = if i == 0 { 0 } else { 4 };
        let mut first = true;
        for c in par.chars() {
            // Closing punctuation hangs at the line's end rather than opening the next (避头).
            let hangs = !line.is_empty() && "，。、；：？！）》」』”’%％".contains(c);
            if width + cells(c) > 56 && !hangs {
                rows.push((first && i > 0, std::mem::take(&mut line)));
                first = false;
                width = 0;
            }
            line.push(c);
            width += cells(c);
        }
        rows.push((first && i > 0, line));
    }
    let mut pages = Vec::new();
    for (k, chunk) in rows.chunks(22).enumerate() {
        pages.extend(chunk.iter().cloned());
        pages.push((false, format!("— {} —", k + 1)));
    }
    let plain: Vec<String> = pages.iter().map(|(_, l)| l.clone()).collect();
    let spaced: Vec<String> = pages
        .iter()
        .map(|(opens, l)| if *opens { format!(" {l}") } else { l.clone() })
        .collect();
    [plain.join("\n"), spaced.join("\n"), plain.join("\n\n")]
}

#[test]
fn meta_cases_survive_a_pdf_layout() {
    let cases = load();
    let mut failures = Vec::new();
    for case in &cases {
        for (k, input) in pdf_layouts(&case.input).iter().enumerate() {
            let label = format!("{} / {} (PDF layout {k})", case.file, case.name);
            check(&label, input, &case.expect, &mut failures);
        }
    }
    assert!(
        failures.is_empty(),
        "{} PDF layouts of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn odd_input_yields_no_elements_and_no_panic() {
    for input in [
        "",
        "\n\n",
        "：",
        "——",
        "〔2024〕号",
        "2024年13月40日",
        "抄送：",
        "印发",
        "各位代表：",
        "文件",
    ] {
        let report = reportlens::analyze(input);
        assert!(
            report.meta.title.is_none() || !input.is_empty(),
            "odd input {input:?} analyses without panic"
        );
        assert!(report.meta.date.is_none(), "no valid date in {input:?}");
    }
}
