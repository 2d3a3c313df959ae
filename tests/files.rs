//! Document files: every corpus report as a PDF (two producers), a Word .docx and an OFD
//! (`tests/data/files/`, made by `scripts/make-test-files.py`) must score within 0.02 of the
//! same report's clean text on figures, outline and document elements; and the cases in
//! `tests/data/files/cases.json` (what a file is read as, or the message it is refused with)
//! hold for the CLI.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/files")
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn cli(args: &[&str], file: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_reportlens"))
        .args(args)
        .arg(file)
        .output()
        .expect("the CLI runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// figures F1, outline F1 and the share of elements found, per report, as score.py prints them.
fn scores(gold: &Path) -> BTreeMap<String, [f64; 3]> {
    let out = Command::new("python3")
        .arg(shared().join("tools/score.py"))
        .arg(gold)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_reportlens"))
        .args(["analyze", "--json"])
        .output()
        .expect("python3 runs score.py");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "score.py reads every report's output for {}:\n{text}",
        gold.display()
    );
    println!("{}:\n{text}", gold.display());
    let number = |line: &str, key: &str| -> f64 {
        let at = line.find(key).map_or(line.len(), |i| i + key.len());
        let rest = line[at..].trim_start();
        let word = rest.split_whitespace().next().unwrap_or("");
        match word.split_once('/') {
            Some((a, b)) => {
                let (a, b): (f64, f64) = (a.parse().unwrap_or(0.0), b.parse().unwrap_or(1.0));
                if b == 0.0 {
                    1.0
                } else {
                    a / b
                }
            }
            None => word.parse().unwrap_or(0.0),
        }
    };
    text.lines()
        .filter(|l| !l.starts_with("TOTAL"))
        .filter_map(|l| {
            let (name, rest) = l.split_once(": ")?;
            Some((
                name.to_string(),
                [
                    number(rest, "figures F1"),
                    number(rest, "outline F1"),
                    number(rest, " meta"),
                ],
            ))
        })
        .collect()
}

#[test]
fn every_report_as_a_file_scores_as_its_clean_text() {
    let clean = scores(&shared().join("gold"));
    assert!(
        clean.len() >= 5,
        "the clean references are scored: {clean:?}"
    );
    let tmp = std::env::temp_dir().join(format!("reportlens-files-{}", std::process::id()));
    for (format, ext) in [
        ("pdf", "pdf"),
        ("libreoffice-pdf", "lo.pdf"),
        ("docx", "docx"),
        ("ofd", "ofd"),
    ] {
        let dir = tmp.join(format!("gold-{format}"));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        for name in clean.keys() {
            let gold =
                std::fs::read_to_string(shared().join("gold").join(name)).expect("a reference");
            let mut gold: Value = serde_json::from_str(&gold).expect("a reference is JSON");
            let stem = name.trim_end_matches(".json");
            let file = data().join(format!("{stem}.{ext}"));
            assert!(file.is_file(), "{} is among the test files", file.display());
            gold["source"] = Value::String(file.display().to_string());
            std::fs::write(dir.join(name), gold.to_string()).expect("the reference is written");
        }
        let got = scores(&dir);
        for (name, want) in &clean {
            let have = got
                .get(name)
                .unwrap_or_else(|| panic!("{name} as {format} is scored"));
            for (area, (w, h)) in ["figures F1", "outline F1", "elements"]
                .iter()
                .zip(want.iter().zip(have))
            {
                assert!(
                    w - h <= 0.02 + 1e-9,
                    "{name} as {format}: {area} {h:.3} is within 0.02 of the clean text's {w:.3}"
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn cases_hold_for_the_cli() {
    let cases: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(data().join("cases.json")).expect("cases.json is readable"),
    )
    .expect("cases.json is JSON");
    assert!(cases.len() >= 10, "the cases are read");
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let file = data().join(case["file"].as_str().unwrap_or(""));
        if let Some(error) = case["error"].as_str() {
            let (ok, out, err) = cli(&["analyze", "--json"], &file);
            assert!(!ok, "{name}: the CLI exits with failure");
            assert!(
                out.is_empty(),
                "{name}: nothing is printed as a report: {out}"
            );
            assert!(
                err.contains(error),
                "{name}: the message says `{error}`: {err}"
            );
            continue;
        }
        let (ok, source, err) = cli(&["analyze", "--format", "source"], &file);
        assert!(ok, "{name}: the file is read: {err}");
        let lines: Vec<&str> = source.lines().collect();
        if !case["source"].is_null() {
            assert_eq!(
                lines,
                strings(&case["source"]),
                "{name}: the text read, line by line"
            );
        }
        for s in strings(&case["source_has"]) {
            assert!(source.contains(&s), "{name}: the text has `{s}`");
        }
        for s in strings(&case["source_lacks"]) {
            assert!(!source.contains(&s), "{name}: the text lacks `{s}`");
        }
        let (_, json, _) = cli(&["analyze", "--json"], &file);
        let report: Value = serde_json::from_str(&json).expect("the report is JSON");
        let outline: Vec<String> = report["outline"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|h| {
                        format!(
                            "{}{}",
                            h["marker"].as_str().unwrap_or(""),
                            h["title"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let want = strings(&case["outline"]);
        if !want.is_empty() {
            assert_eq!(outline, want, "{name}: the outline");
        }
        let figures: Vec<String> = report["figures"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|f| f["text"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default();
        let want = strings(&case["figures"]);
        if !want.is_empty() {
            assert_eq!(figures, want, "{name}: the figures");
        }
    }
}

#[test]
fn damaged_documents_are_errors_not_panics() {
    for name in [
        "numbering.docx",
        "shanghai-2024-zhuanfa-tongzhi.ofd",
        "shanghai-2024-zhuanfa-tongzhi.docx",
    ] {
        let bytes = std::fs::read(data().join(name)).expect("a test file");
        for cut in (0..bytes.len()).step_by(bytes.len() / 40 + 1) {
            let _ = reportlens_files::read(&bytes[..cut], name);
        }
        for at in (30..bytes.len()).step_by(bytes.len() / 60 + 1) {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x5A;
            let _ = reportlens_files::read(&flipped, name);
        }
    }
    let pdf = std::fs::read(data().join("shanghai-2024-zhuanfa-tongzhi.pdf")).expect("a test file");
    for cut in [10, pdf.len() / 3, pdf.len() / 2, pdf.len() - 10] {
        assert!(
            reportlens_files::read(&pdf[..cut], "cut.pdf").is_err() || cut > pdf.len() / 2,
            "a PDF cut to {cut} bytes is an error, not a panic"
        );
    }
}
