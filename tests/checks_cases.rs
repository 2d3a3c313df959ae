//! Checks, sentence by sentence: real sentences from reports (and real ones with one number
//! changed), each with the checks it must raise, in `tests/data/checks/*.txt`.
//!
//! ```text
//! === name of the case
//! --- input
//! 受理法律援助案件780件，其中民事601件，刑事179件。
//! --- expect
//! ✓ 分项合计：780件 = 601件 + 179件
//! parent 601件 -> 780件
//! ```
//!
//! An expectation line is a check's message (Chinese, as the report gives it), `parent A -> B`
//! (the figure written `A` is a part of the one written `B`), or `missed: why` (a true
//! breakdown the analyzer is known not to check). The files `true-*.txt` hold true breakdowns,
//! which add up or not; `lookalike-*.txt` sentences that are no breakdown or whose parts are
//! not all of the total; `numbering-*.txt` outlines.
//!
//! What must hold: no ✗ that is not expected (a false alarm), no check with another message
//! than expected, every expected parent; and of the true breakdowns at least 90% checked.

#[path = "common/cases.rs"]
mod cases;

use reportlens::{CheckKind, Report};

/// Compares one case; returns the failures and whether an expected breakdown check was missed.
fn compare(case: &cases::RawCase, report: &Report) -> (Vec<String>, usize, usize) {
    let at = format!("{} / {}", case.file, case.name);
    let mut errors = Vec::new();
    let expected: Vec<&str> = case
        .expect
        .iter()
        .map(String::as_str)
        .filter(|l| l.starts_with('✓') || l.starts_with('✗'))
        .collect();
    let got: Vec<&str> = report.checks.iter().map(|c| c.message.as_str()).collect();
    let mut missed = 0;
    for c in &report.checks {
        if !expected.contains(&c.message.as_str()) {
            let what = if c.ok { "a claim" } else { "a false alarm" };
            errors.push(format!("{at}: {what} not expected: {}", c.message));
        }
        if c.kind == CheckKind::Breakdown {
            let sentence = c.sentence.as_ref().map(|s| s.text.as_str()).unwrap_or("");
            let total = c
                .total
                .map(|t| report.figures[t].text.as_str())
                .unwrap_or("");
            if !sentence.contains(total) {
                errors.push(format!(
                    "{at}: the check's sentence {sentence:?} should hold its total {total}"
                ));
            }
        }
    }
    for e in &expected {
        if !got.contains(e) {
            missed += 1;
        }
    }
    let breakdowns = expected.iter().filter(|e| e.contains("分项合计")).count()
        + case
            .expect
            .iter()
            .filter(|l| l.starts_with("missed:"))
            .count();
    missed += case
        .expect
        .iter()
        .filter(|l| l.starts_with("missed:"))
        .count();
    for line in &case.expect {
        let Some(link) = line.strip_prefix("parent ") else {
            continue;
        };
        let (part, total) = link.split_once(" -> ").unwrap_or((link, ""));
        let holds = report.figures.iter().any(|f| {
            f.text == part
                && f.parent
                    .is_some_and(|p| report.figures.get(p).is_some_and(|t| t.text == total))
        });
        if !holds {
            errors.push(format!("{at}: {part} should be a part of {total}"));
        }
    }
    (errors, breakdowns, missed)
}

#[test]
fn checks_raise_no_false_alarm_and_find_the_true_breakdowns() {
    let cases = cases::load("checks");
    cases::check_all("checks", &cases, 60, |case| {
        let (mut errors, breakdowns, missed) = compare(case, &reportlens::analyze(&case.input));
        if case.file.starts_with("true-") && breakdowns == 0 {
            errors.push(format!("{}: a true case expects a breakdown", case.name));
        } else if !case.file.starts_with("true-") && missed > 0 {
            errors.push(format!(
                "{}: {missed} expected check(s) not raised",
                case.name
            ));
        }
        errors
    });
    // Recall over the true breakdowns (a miss is not a failure of its own).
    let (mut total, mut found) = (0, 0);
    for case in cases.iter().filter(|c| c.file.starts_with("true-")) {
        let report = reportlens::analyze(&case.input);
        let (_, breakdowns, missed) = compare(case, &report);
        if missed > 0 {
            eprintln!("not checked: {} / {}", case.file, case.name);
        }
        total += breakdowns;
        found += breakdowns - missed.min(breakdowns);
    }
    let recall = found as f64 / total.max(1) as f64;
    eprintln!(
        "checks: {} cases; true breakdowns {found}/{total} checked ({:.1}%); no false ✗",
        cases.len(),
        recall * 100.0
    );
    assert!(
        recall >= 0.9,
        "at least 90% of the true breakdowns are checked ({found}/{total})"
    );
}
