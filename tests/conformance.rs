//! Conformance with the number readers users compare ReportLens with: every case of their own
//! test suites that a report could contain (`tests/data/conformance/*.txt`, each marked with
//! the file it comes from), embedded in a body sentence with a measure word.
//!
//! A case line is `numeral | value` (or `numeral | value | max` for a range): the sentence
//! must hold exactly one figure, whose plain value (the base value where a scale word went to
//! the unit) is `value`. A numeral that ends in a scale word or digit is followed by a measure
//! word (吨, 人, 件, 台 in turn); one that ends in its own unit (`199个`, `百分之八`) is put in a
//! sentence as it is. Lines starting with `#` are comments: the source, and the kinds skipped
//! with the reason. The bar is the acceptance bar: 99% of the kept cases; every failure is
//! printed.

use reportlens::Figure;

const TEMPLATES: [&str; 4] = [
    "全年累计完成{}吨。",
    "全县共有{}人参加培训。",
    "全年共办理{}件。",
    "新增设备{}台。",
];

/// Whether the numeral ends in a digit or scale word and needs a measure word after it.
fn needs_unit(numeral: &str) -> bool {
    !numeral.contains("百分之")
        && numeral.chars().next_back().is_some_and(|c| {
            c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "〇零一二三四五六七八九十百千万亿壹贰貳叁肆伍陆陸柒捌玖拾佰仟萬億两兩廿卅多余几幾"
                .contains(c)
        })
}

fn plain(f: &Figure) -> String {
    f.base_value.as_ref().unwrap_or(&f.value).to_string()
}

#[test]
fn peers_cases_read_as_their_suites_say() {
    let dir = format!("{}/tests/data/conformance", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the conformance cases are readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let (mut kept, mut failures) = (0usize, Vec::new());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a case file is UTF-8");
        let mut source = String::new();
        for line in text.lines().map(str::trim) {
            if let Some(s) = line.strip_prefix("# source:") {
                source = s.trim().to_string();
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let (numeral, want, want_max) = (fields[0], fields[1], fields.get(2).copied());
            let sentence = if needs_unit(numeral) {
                TEMPLATES[kept % TEMPLATES.len()].replace("{}", numeral)
            } else {
                format!("据统计，全年累计{numeral}。")
            };
            kept += 1;
            let report = reportlens::analyze(&sentence);
            let got: Vec<(String, Option<String>)> = report
                .figures
                .iter()
                .map(|f| (plain(f), f.value_max.as_ref().map(ToString::to_string)))
                .collect();
            let ok = got.len() == 1
                && got[0].0 == want
                && (want_max.is_none() || got[0].1.as_deref() == want_max);
            if !ok {
                failures.push(format!(
                    "{source}: {sentence} should read {want}, got {got:?}"
                ));
            }
        }
    }
    let passed = kept - failures.len();
    let rate = passed as f64 / kept.max(1) as f64;
    println!(
        "conformance: {passed}/{kept} kept peer cases pass ({:.1}%)",
        rate * 100.0
    );
    for f in &failures {
        println!("  FAIL {f}");
    }
    assert!(
        kept > 100,
        "the peers' suites give over a hundred kept cases, got {kept}"
    );
    assert!(
        rate >= 0.99,
        "at least 99% of the kept peer cases pass, got {passed}/{kept}:\n{}",
        failures.join("\n")
    );
}
