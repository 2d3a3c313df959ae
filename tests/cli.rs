//! The command line as a user runs it: formats, decoding, folders, errors, pipes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_reportlens");

const SAMPLE: &str = "某某区人民政府关于2023年度法治政府建设情况的报告\n\
一、主要工作\n\
（一）依法行政\n\
全年共受理行政复议案件15件，其中新收12件、上年结转3件；开展培训3场次，参训约500人次。\n\
二、存在的问题\n\
个别部门执法不够规范。\n";

/// A fresh folder for one test, under cargo's scratch directory for integration tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder can be made");
    dir
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("parent folder can be made");
    }
    std::fs::write(path, bytes).expect("test file can be written");
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("the CLI runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout should be UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every JSON value in a text (whitespace-separated).
fn json_values(text: &str) -> Vec<serde_json::Value> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<serde_json::Value>()
        .collect::<Result<_, _>>()
        .expect("stdout should be a sequence of valid JSON values")
}

#[test]
fn json_of_one_file_is_exactly_one_report_object() {
    let dir = scratch("json-one");
    let file = dir.join("a.txt");
    write(&file, SAMPLE.as_bytes());
    let out = run(&["analyze", "--json", file.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "a readable file should exit 0: {}",
        stderr(&out)
    );
    let values = json_values(&stdout(&out));
    assert_eq!(
        values.len(),
        1,
        "one file should print exactly one JSON value"
    );
    let report = &values[0];
    for key in ["meta", "outline", "figures", "checks"] {
        assert!(
            report.get(key).is_some(),
            "the report object should have '{key}'"
        );
    }
    assert!(
        report.get("file").is_none(),
        "a single report should be exactly the report JSON, no 'file'"
    );
    let same = run(&[
        "analyze",
        "--format",
        "json",
        file.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(same.stdout, out.stdout, "--format json should equal --json");
}

#[test]
fn text_summary_is_the_default() {
    let dir = scratch("text");
    let file = dir.join("a.txt");
    write(&file, SAMPLE.as_bytes());
    let out = run(&["analyze", file.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "exit 0: {}", stderr(&out));
    let text = stdout(&out);
    for section in ["Elements", "Outline (", "Figures ("] {
        assert!(
            text.contains(section),
            "the summary should have a '{section}' part: {text}"
        );
    }
}

#[test]
fn gbk_file_reads_like_its_utf8_twin() {
    let dir = scratch("gbk");
    let utf8 = dir.join("utf8.txt");
    let gbk = dir.join("gbk.txt");
    write(&utf8, SAMPLE.as_bytes());
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(SAMPLE);
    assert!(!unmappable, "the sample is encodable in GBK");
    write(&gbk, &bytes);
    let a = run(&["analyze", "--json", utf8.to_str().expect("utf-8 path")]);
    let b = run(&["analyze", "--json", gbk.to_str().expect("utf-8 path")]);
    assert!(
        b.status.success(),
        "a GBK file should be read: {}",
        stderr(&b)
    );
    assert_eq!(
        stdout(&a),
        stdout(&b),
        "a GBK file should give the same report as the UTF-8 file"
    );
}

#[test]
fn binary_file_is_refused_by_name_and_others_still_run() {
    let dir = scratch("binary");
    let bin = dir.join("image.txt");
    let good = dir.join("good.txt");
    let mut bytes: Vec<u8> = (0u8..=255).collect();
    bytes.extend(vec![0u8; 1000]);
    write(&bin, &bytes);
    write(&good, SAMPLE.as_bytes());
    let pdf = dir.join("report.pdf");
    write(&pdf, b"%PDF-1.7\n1 0 obj\n");
    let out = run(&[
        "analyze",
        "--json",
        bin.to_str().expect("utf-8 path"),
        pdf.to_str().expect("utf-8 path"),
        good.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a refused file should give exit status 1"
    );
    let err = stderr(&out);
    assert!(
        err.contains("image.txt"),
        "the message should name the binary file: {err}"
    );
    assert!(
        err.contains("report.pdf") && err.contains("PDF"),
        "a PDF should be named as such: {err}"
    );
    assert!(!err.contains("panicked"), "nothing should panic: {err}");
    let values = json_values(&stdout(&out));
    assert_eq!(
        values.len(),
        1,
        "the readable file should still be analysed"
    );
    assert!(
        values[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("good.txt")),
        "its line names it"
    );
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = run(&["analyze", "--json", "/nonexistent/报告.txt"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a missing file should give exit status 1"
    );
    let err = stderr(&out);
    assert!(
        err.contains("/nonexistent/报告.txt"),
        "the message should name the file: {err}"
    );
    assert!(
        err.contains("no such file"),
        "the message should say it is missing: {err}"
    );
    assert!(out.stdout.is_empty(), "nothing should be printed for it");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["analyze"][..],
        &["analyse", "a.txt"][..],
        &["analyze", "--format", "xml", "a"][..],
        &["analyze", "--json", "--format", "csv", "a"][..],
        &["analyze", "--frmat", "csv", "a"][..],
    ] {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} should be a usage error"
        );
        let err = stderr(&out);
        assert!(
            err.contains("Usage:") || err.contains("--help"),
            "{args:?} should print the usage or point to --help: {err}"
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?} should print nothing to stdout"
        );
    }
    for args in [
        &["--help"][..],
        &["analyze", "--help"][..],
        &["help", "analyze"][..],
    ] {
        let help = run(args);
        assert!(
            help.status.success() && stdout(&help).contains("Usage:"),
            "{args:?} prints usage to stdout, exit 0"
        );
    }
    let help = run(&["analyze", "--help"]);
    assert!(
        stdout(&help).contains("--format") && stdout(&help).contains("markdown"),
        "analyze --help lists the formats"
    );
    let version = run(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        concat!("reportlens ", env!("CARGO_PKG_VERSION")),
        "--version prints the name and version"
    );
    let same = run(&["analyze", "--json", "--format", "json", "-"]);
    assert!(
        same.status.success(),
        "--json with --format json agrees, so it is accepted"
    );
}

#[test]
fn folder_is_walked_recursively_in_sorted_order() {
    let dir = scratch("folder");
    write(&dir.join("b.txt"), SAMPLE.as_bytes());
    write(&dir.join("a/z.txt"), SAMPLE.as_bytes());
    write(&dir.join("a/c.TXT"), SAMPLE.as_bytes());
    write(&dir.join("notes.md"), b"# not a report\n");
    let out = run(&["analyze", "--json", dir.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "exit 0: {}", stderr(&out));
    let files: Vec<String> = json_values(&stdout(&out))
        .iter()
        .map(|v| {
            v["file"]
                .as_str()
                .expect("each line names its file")
                .to_string()
        })
        .collect();
    let rel: Vec<String> = files
        .iter()
        .map(|f| {
            Path::new(f)
                .strip_prefix(&dir)
                .expect("under the folder")
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        rel,
        ["a/c.TXT", "a/z.txt", "b.txt"],
        "*.txt files, recursively, sorted; .md skipped"
    );
    let empty = scratch("folder-empty");
    let out = run(&["analyze", empty.to_str().expect("utf-8 path")]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a folder without .txt files is an error"
    );
    assert!(
        stderr(&out).contains("no report files"),
        "and says so: {}",
        stderr(&out)
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let mut child = Command::new(BIN)
        .args(["analyze", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(SAMPLE.as_bytes())
        .expect("stdin written");
    let out = child.wait_with_output().expect("the CLI ends");
    assert!(out.status.success(), "reading stdin should succeed");
    assert_eq!(
        json_values(&stdout(&out)).len(),
        1,
        "one JSON report for standard input"
    );
}

#[test]
fn jsonl_equals_the_per_file_json_figures() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let dir = scratch("jsonl");
    write(&dir.join("one.txt"), SAMPLE.as_bytes());
    write(
        &dir.join("two.txt"),
        SAMPLE.replace("15件", "1588.75万元").as_bytes(),
    );
    let mut folders = vec![dir.clone()];
    if corpus.is_dir() {
        folders.push(corpus);
    }
    for folder in folders {
        let out = run(&[
            "analyze",
            "--format",
            "jsonl",
            folder.to_str().expect("utf-8 path"),
        ]);
        assert!(
            out.status.success(),
            "jsonl over {folder:?} should succeed: {}",
            stderr(&out)
        );
        let lines: Vec<serde_json::Value> = stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).expect("each jsonl line should be one JSON object"))
            .collect();
        let whole = run(&["analyze", "--json", folder.to_str().expect("utf-8 path")]);
        let mut expected = Vec::new();
        for report in json_values(&stdout(&whole)) {
            let file = report["file"].clone();
            for figure in report["figures"].as_array().expect("figures is an array") {
                let mut line = figure.clone();
                line.as_object_mut()
                    .expect("a figure is an object")
                    .insert("file".into(), file.clone());
                expected.push(line);
            }
        }
        assert_eq!(
            lines, expected,
            "jsonl over {folder:?} should list each report's figures, with its file"
        );
        // And each per-file JSON equals the single-file run.
        for report in json_values(&stdout(&whole)).iter().take(2) {
            let file = report["file"].as_str().expect("file name");
            let single = json_values(&stdout(&run(&["analyze", "--json", file])));
            let mut named = report.clone();
            named.as_object_mut().expect("object").remove("file");
            assert_eq!(
                single,
                [named],
                "a report among many should equal the single-file report of {file}"
            );
        }
    }
}

#[test]
fn csv_starts_with_bom_and_has_one_header() {
    let dir = scratch("csv");
    write(&dir.join("a.txt"), SAMPLE.as_bytes());
    write(&dir.join("b.txt"), SAMPLE.as_bytes());
    let out = run(&[
        "analyze",
        "--format",
        "csv",
        dir.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "exit 0: {}", stderr(&out));
    assert!(
        out.stdout.starts_with(b"\xEF\xBB\xBF"),
        "CSV should start with the UTF-8 BOM"
    );
    let text = stdout(&out);
    assert!(text.lines().next().is_some_and(|l| l.ends_with("file,section,subject,value,value_max,unit,qualifier,base_value,base_unit,kind,period,text,start,end")),
        "the first line should be the header with a file column: {text}");
    assert_eq!(
        text.matches("file,section").count(),
        1,
        "one header for many files"
    );
}

#[test]
fn closed_stdout_is_not_a_panic() {
    let dir = scratch("pipe");
    let big = SAMPLE.repeat(2000);
    for i in 0..40 {
        write(&dir.join(format!("{i:02}.txt")), big.as_bytes());
    }
    let mut child = Command::new(BIN)
        .args(["analyze", "--json", dir.to_str().expect("utf-8 path")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // Read a little, then close the pipe, as `| head -c 100` does.
    let mut first = [0u8; 100];
    let mut pipe = child.stdout.take().expect("stdout");
    let _ = std::io::Read::read(&mut pipe, &mut first);
    drop(pipe);
    let out = child.wait_with_output().expect("the CLI ends");
    let err = stderr(&out);
    assert!(
        !err.contains("panicked"),
        "a closed pipe should not panic: {err}"
    );
    assert_ne!(
        out.status.code(),
        Some(101),
        "a closed pipe should not end in a panic exit"
    );
}

#[test]
fn checks_read_in_chinese_by_default_and_in_english_with_lang_en() {
    let dir = scratch("lang");
    let file = dir.join("a.txt");
    write(&file, SAMPLE.as_bytes());
    let path = file.to_str().expect("utf-8 path");
    let zh = stdout(&run(&["analyze", path]));
    assert!(
        zh.contains("核对 (1)") && zh.contains("✓ 分项合计：15件 = 12件 + 3件"),
        "the summary gives the checks in Chinese by default: {zh}"
    );
    assert!(
        zh.contains("全年共受理行政复议案件15件，其中新收12件、上年结转3件"),
        "the summary shows the sentence a check read: {zh}"
    );
    let en = run(&["analyze", "--lang", "en", path]);
    assert!(
        en.status.success(),
        "--lang en is accepted: {}",
        stderr(&en)
    );
    let en = stdout(&en);
    assert!(
        en.contains("Checks (1)") && en.contains("✓ Parts add up: 15件 = 12件 + 3件"),
        "--lang en gives the checks in English: {en}"
    );
    let bad = run(&["analyze", "--lang", "fr", path]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "an unknown language is a usage error"
    );
}
