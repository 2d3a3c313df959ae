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

use std::collections::BTreeMap;
use std::fs;

struct Case {
    file: String,
    name: String,
    input: String,
    expect: BTreeMap<String, String>,
}

fn load() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/meta");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("tests/data/meta is readable")
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
                .unwrap_or_else(|| panic!("case {name:?} in {file} has a `--- expect` part"));
            let input = input
                .strip_prefix("--- input\n")
                .unwrap_or_else(|| panic!("case {name:?} in {file} starts with `--- input`"));
            let input = input.strip_suffix('\n').unwrap_or(input).to_string();
            let expect = expect
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| {
                    let (k, v) = l
                        .split_once(':')
                        .unwrap_or_else(|| panic!("case {name:?}: `key: value` lines, got {l:?}"));
                    (k.trim().to_string(), v.trim().to_string())
                })
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

fn slice(input: &str, start: usize, end: usize) -> String {
    input
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[test]
fn meta_cases() {
    let cases = load();
    assert!(
        cases.len() >= 20,
        "the case files hold the cases (found {})",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let report = reportlens::analyze(&case.input);
        let json = serde_json::to_value(&report.meta).expect("meta serialises");
        let got = flatten(&json);
        if got != case.expect {
            failures.push(format!(
                "{} / {}: elements differ\n  expected {:?}\n  got      {:?}",
                case.file, case.name, case.expect, got
            ));
            continue;
        }
        let total = case.input.chars().count();
        for span in &report.meta.spans {
            if !(span.start <= span.end && span.end <= total) {
                failures.push(format!(
                    "{} / {}: span {:?} lies inside the input",
                    case.file, case.name, span
                ));
                continue;
            }
            let text: String = slice(&case.input, span.start, span.end)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let holds = match span.key.as_str() {
                "date" | "printed_date" => text.contains('年') && text.contains('日'),
                "addressees" | "cc" => got
                    .get(&span.key)
                    .is_some_and(|v| v.split(" | ").all(|name| text.contains(name))),
                key => got
                    .get(key)
                    .is_some_and(|v| text == *v || text.replace("文件", "") == *v),
            };
            if !holds {
                failures.push(format!(
                    "{} / {}: the span of {} ({:?}) holds the element's text",
                    case.file, case.name, span.key, text
                ));
            }
        }
        let keys: Vec<&str> = report.meta.spans.iter().map(|s| s.key.as_str()).collect();
        for key in got.keys() {
            if !keys.contains(&key.as_str()) {
                failures.push(format!(
                    "{} / {}: element {key} has a span",
                    case.file, case.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn element_lines_are_listed_as_element_paragraphs() {
    let input = "XX市人民政府\n关于2024年工作的报告\n\nXX省人民政府：\n\n现将有关情况报告如下。共办理案件15件。\n\nXX市人民政府\n2024年3月1日";
    let doc = reportlens::source::read(input);
    let elements = reportlens::meta::extract(&doc);
    let texts: Vec<&str> = elements
        .paragraphs
        .iter()
        .filter_map(|&i| doc.paragraphs.get(i).map(|p| p.text.as_str()))
        .collect();
    assert!(
        texts.contains(&"2024年3月1日"),
        "the date line is an element paragraph: {texts:?}"
    );
    assert!(
        texts.contains(&"XX省人民政府："),
        "the addressee line is an element paragraph: {texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("15件")),
        "a body paragraph is not an element paragraph: {texts:?}"
    );
    assert!(
        elements.paragraphs.windows(2).all(|w| w[0] < w[1]),
        "element paragraphs are sorted"
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
