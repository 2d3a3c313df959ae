//! Figures, case by case: each case in `tests/data/figures/*.txt` is an input and exactly the
//! figures (and dates) expected from it, one a line.
//!
//! ```text
//! === name of the case
//! --- input
//! 共受理行政复议案件15件。
//! --- expect
//! 15件 | 15 | 件 | subject=行政复议案件
//! date | 2024-01-12 | 2024年1月12日
//! ```
//!
//! A figure line is `text | value | unit` and then any of `q=` (qualifier), `max=` (upper end
//! of a range), `base=` (`base=15887500 元`; a bare scale word has an empty base unit:
//! `base=30000`), `subject=` (the reported subject must contain it and be at most 8 characters
//! longer, the bar of the reference scoring; `subject==` asks for exactly it, and
//! `subject==` alone for none), `parent=` (index of the total in the expected
//! list). A qualifier, range end, base value or parent not given must be absent. An empty
//! `expect` means nothing is a figure or a date. Every figure's `start`/`end` must slice the
//! input to its text (less the spaces and line breaks that cleaning drops).

#[path = "common/cases.rs"]
mod cases;

use reportlens::Report;

struct Case {
    file: String,
    name: String,
    input: String,
    figures: Vec<Vec<String>>,
    dates: Vec<Vec<String>>,
}

fn load() -> Vec<Case> {
    cases::load("figures")
        .into_iter()
        .map(|raw| {
            let lines: Vec<Vec<String>> = raw
                .expect
                .iter()
                .map(|l| l.split('|').map(|f| f.trim().to_string()).collect())
                .collect();
            let (dates, figures) = lines.into_iter().partition(|l| l[0] == "date");
            Case {
                file: raw.file,
                name: raw.name,
                input: raw.input,
                figures,
                dates,
            }
        })
        .collect()
}

fn slice(input: &str, start: impl Into<usize>, end: impl Into<usize>) -> String {
    let (start, end) = (start.into(), end.into());
    input
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// The differences between what a case expects and what the report holds.
fn compare(case: &Case, report: &Report) -> Vec<String> {
    let mut errors = Vec::new();
    let got: Vec<String> = report.figures.iter().map(|f| f.text.clone()).collect();
    let want: Vec<String> = case.figures.iter().map(|l| l[0].clone()).collect();
    if got != want {
        errors.push(format!("figures should be {want:?}, got {got:?}"));
        return errors;
    }
    for (k, (line, f)) in case.figures.iter().zip(&report.figures).enumerate() {
        let at = format!("figure {k} ({})", line[0]);
        // Cleaning drops line breaks and spaces inside a figure (`15234 元`), nothing else.
        let sliced: String = slice(&case.input, f.start, f.end)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let text: String = f.text.chars().filter(|c| !c.is_whitespace()).collect();
        if sliced != text {
            errors.push(format!(
                "{at}: start/end should slice the input to its text, got {sliced:?}"
            ));
        }
        if line.get(1).map(String::as_str) != Some(f.value.to_string().as_str()) {
            errors.push(format!(
                "{at}: value should be {:?}, got {}",
                line.get(1),
                f.value
            ));
        }
        if line.get(2).map(String::as_str).unwrap_or("") != f.unit {
            errors.push(format!(
                "{at}: unit should be {:?}, got {:?}",
                line.get(2),
                f.unit
            ));
        }
        let field = |key: &str| {
            line.iter()
                .skip(3)
                .find_map(|x| x.strip_prefix(key).map(str::to_string))
        };
        let q = field("q=");
        if q != f.qualifier {
            errors.push(format!(
                "{at}: qualifier should be {q:?}, got {:?}",
                f.qualifier
            ));
        }
        let max = field("max=");
        let got_max = f.value_max.as_ref().map(|m| m.to_string());
        if max != got_max {
            errors.push(format!(
                "{at}: value_max should be {max:?}, got {got_max:?}"
            ));
        }
        let base = field("base=");
        let got_base = f.base_value.as_ref().map(|b| {
            format!("{b} {}", f.base_unit.as_deref().unwrap_or(""))
                .trim()
                .to_string()
        });
        if base != got_base {
            errors.push(format!("{at}: base should be {base:?}, got {got_base:?}"));
        }
        if let Some(s) = field("subject==") {
            let none = s.is_empty() && f.subject.is_none();
            if f.subject.as_deref() != Some(s.as_str()) && !none {
                errors.push(format!(
                    "{at}: subject should be exactly {s:?}, got {:?}",
                    f.subject
                ));
            }
        } else if let Some(s) = field("subject=") {
            let ok = f
                .subject
                .as_ref()
                .is_some_and(|g| g.contains(&s) && g.chars().count() <= s.chars().count() + 8);
            if !ok {
                errors.push(format!(
                    "{at}: subject should hold {s:?}, got {:?}",
                    f.subject
                ));
            }
        }
        let parent = field("parent=");
        let got_parent = f.parent.map(|p| p.to_string());
        if parent != got_parent {
            errors.push(format!(
                "{at}: parent should be {parent:?}, got {got_parent:?}"
            ));
        }
    }
    let got_dates: Vec<(String, String)> = report
        .dates
        .iter()
        .map(|d| (d.iso.clone(), slice(&case.input, d.start, d.end)))
        .collect();
    let want_dates: Vec<(String, String)> = case
        .dates
        .iter()
        .map(|l| {
            (
                l.get(1).cloned().unwrap_or_default(),
                l.get(2).cloned().unwrap_or_default(),
            )
        })
        .collect();
    if got_dates != want_dates {
        errors.push(format!(
            "dates (iso, input text) should be {want_dates:?}, got {got_dates:?}"
        ));
    }
    errors
}

#[test]
fn figures_cases() {
    cases::check_all("figure", &load(), 60, |case| {
        let report = reportlens::analyze(&case.input);
        let label = format!("{} / {}", case.file, case.name);
        compare(case, &report)
            .into_iter()
            .map(|e| format!("{label}: {e}"))
            .collect()
    });
}

#[test]
fn breakdown_checks_say_whether_parts_add_up() {
    let holds = reportlens::analyze("办理法律援助案件40件，其中民事25件、刑事15件。");
    let c = holds
        .checks
        .first()
        .expect("a breakdown with two parts is checked");
    assert!(c.ok, "25件 + 15件 adds up to 40件: {}", c.message);
    assert_eq!(c.parts.len(), 2, "the check names both parts");
    let fails = reportlens::analyze("办理法律援助案件40件，其中民事25件、刑事12件。");
    let c = fails
        .checks
        .first()
        .expect("a breakdown that does not add up is checked");
    assert!(!c.ok, "25件 + 12件 does not add up to 40件: {}", c.message);
    assert_eq!(
        c.difference.as_ref().map(|d| d.to_string()),
        Some("3".to_string()),
        "the check says the total is 3 more than its parts"
    );
    let scaled = reportlens::analyze("共投入资金1.5亿元，其中省级8000万元、市级7000万元。");
    let c = scaled
        .checks
        .first()
        .expect("parts in another scale word are checked");
    assert!(
        c.ok,
        "8000万元 + 7000万元 is 1.5亿元 in plain 元: {}",
        c.message
    );
}

#[test]
fn numbering_checks_find_skips_and_repeats() {
    let skip =
        reportlens::analyze("一、总体情况\n（一）组织领导。\n（三）制度建设。\n二、下一步打算\n");
    assert!(
        skip.checks
            .iter()
            .any(|c| !c.ok && c.message.contains("（三）")),
        "（三） right after （一） is reported: {:?}",
        skip.checks
    );
    let ok =
        reportlens::analyze("一、总体情况\n（一）组织领导。\n（二）制度建设。\n二、下一步打算\n");
    assert!(
        ok.checks.is_empty(),
        "numbering in sequence gives no check: {:?}",
        ok.checks
    );
}
