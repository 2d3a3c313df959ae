//! Inputs shared by the benchmarks: the corpus (read at run time) and generated texts.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `../shared/corpus`, beside the repository.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// The example report.
pub fn example() -> String {
    let path = corpus_dir().join("pingan-2023-fazhi.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every `*.txt` of the corpus, recursively, in sorted order.
pub fn corpus() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&corpus_dir(), &mut paths);
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The corpus repeated, reports separated by a blank line, to at least `bytes` bytes.
pub fn corpus_of_size(bytes: usize) -> String {
    let texts = corpus();
    let mut out = String::with_capacity(bytes + 64 * 1024);
    for text in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
}

/// `unit` repeated `n` times.
pub fn repeat(unit: &str, n: usize) -> String {
    unit.repeat(n)
}

/// 1 MB of ASCII digits: one enormous number.
pub fn digits_1mb() -> String {
    "1234567890".repeat(100_000)
}

/// 1 MB of report prose with no line break.
pub fn no_line_break_1mb() -> String {
    let sentence = "全年共受理行政复议案件15件，办结率达98.5%，开展培训3场次。";
    let n = 1_000_000 / sentence.len() + 1;
    sentence.repeat(n)
}

/// 100,000 lines that each open with the heading marker `一、`.
pub fn headings_100k() -> String {
    "一、加强组织领导\n".repeat(100_000)
}

/// 100,000 figures, ten to a line.
pub fn figures_100k() -> String {
    "受理案件15件，罚没款1588.75万元，培训约500人次，覆盖3至5个乡镇，增长5.2%，新建2.3公里，其中新收12件，占比36.9%，达到3000余家，不低于30%。\n"
        .repeat(10_000)
}
