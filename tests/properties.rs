//! Properties of the whole analysis on any input: it does not panic, every `start`/`end` is a
//! code-point offset inside the input (so it always falls on a character boundary), and the input
//! between an outline item's `start` and `end` holds its marker. (That reading the text into
//! paragraphs only deletes is checked on the reader itself, in `src/source/tests.rs`.)

use proptest::prelude::*;
use reportlens::{CharOffset, Report};

/// Pieces that real reports are made of, and the ways copying mangles them.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一、".to_string()),
        Just("（一）".to_string()),
        Just("(二)".to_string()),
        Just("1.".to_string()),
        Just("2、".to_string()),
        Just("（1）".to_string()),
        Just("①".to_string()),
        Just("第一章".to_string()),
        Just("第三条".to_string()),
        Just("一是".to_string()),
        Just("二是".to_string()),
        Just("第一，".to_string()),
        Just("附件：".to_string()),
        Just("工作开展情况".to_string()),
        Just("共受理案件15件，".to_string()),
        Just("1588.75万元".to_string()),
        Just("增长5.1%。".to_string()),
        Just("。".to_string()),
        Just("；".to_string()),
        Just("：".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just("— 3 —\n".to_string()),
        Just(" ".to_string()),
        Just("\u{3000}\u{3000}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{200b}".to_string()),
        Just("😀".to_string()),
        Just("𠀀".to_string()),
        Just("---\n".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        Just("来源：".to_string()),
        Just("（下转第四版）".to_string()),
        "[\\PC]{0,8}".prop_map(|s| s),
        "[一二三四五六七八九十百零〇两第是、，。（）()0-9０-９.．]{1,6}".prop_map(|s| s),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn check(input: &str, report: &Report) -> Result<(), TestCaseError> {
    let chars: Vec<char> = input.chars().collect();
    let n = chars.len();
    let inside = |s: CharOffset, e: CharOffset| s <= e && e.get() <= n;
    for (i, h) in report.outline.iter().enumerate() {
        prop_assert!(
            inside(h.start, h.end),
            "heading {} span {}..{} lies inside the input of {} chars",
            i,
            h.start,
            h.end,
            n
        );
        let slice: String = chars[h.start.get()..h.end.get()].iter().collect();
        prop_assert!(
            slice.contains(&h.marker),
            "heading {} span {:?} holds its marker {:?}",
            i,
            slice,
            h.marker
        );
        prop_assert!(h.depth >= 1, "heading {} has a depth of at least 1", i);
        if let Some(p) = h.parent {
            prop_assert!(p < i, "heading {}'s parent comes before it", i);
        }
    }
    for (i, f) in report.figures.iter().enumerate() {
        prop_assert!(inside(f.start, f.end), "figure {} lies inside the input", i);
    }
    for (i, d) in report.dates.iter().enumerate() {
        prop_assert!(inside(d.start, d.end), "date {} lies inside the input", i);
    }
    for (i, s) in report.meta.spans.iter().enumerate() {
        prop_assert!(
            inside(s.start, s.end),
            "element span {} lies inside the input",
            i
        );
    }
    for (i, p) in report.paragraphs.iter().enumerate() {
        prop_assert!(
            inside(p.start, p.end),
            "paragraph {} lies inside the input",
            i
        );
        for piece in &p.pieces {
            prop_assert!(
                inside(piece[0], piece[1]),
                "a piece of paragraph {} lies inside the input",
                i
            );
        }
    }
    for (i, d) in report.diagnostics.iter().enumerate() {
        if let (Some(s), Some(e)) = (d.start, d.end) {
            prop_assert!(inside(s, e), "diagnostic {} lies inside the input", i);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string_analyses_within_the_input(input in any::<String>()) {
        let report = reportlens::analyze(&input);
        check(&input, &report)?;
    }

    #[test]
    fn report_like_text_analyses_within_the_input(input in document()) {
        let report = reportlens::analyze(&input);
        check(&input, &report)?;
    }
}

#[test]
fn many_headings_and_one_long_line_stay_linear() {
    // Linear time is not asserted (the benches measure speed): a quadratic rescan at these sizes
    // would make this test take minutes.
    let markers = "一、\n".repeat(100_000);
    let report = reportlens::analyze(&markers);
    assert!(
        report.outline.len() <= 100_000,
        "at most one heading a line"
    );
    let line = "共受理案件15件，".repeat(80_000);
    let _ = reportlens::analyze(&line);
    let enumerations = "一是加强领导；".repeat(50_000);
    let _ = reportlens::analyze(&enumerations);
    // A long list of enumerations whose quotes never close: each title's scan stays bounded.
    let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let numeral = |n: usize| match (n / 10, n % 10) {
        (0, u) => digits[u - 1].to_string(),
        (1, 0) => "十".to_string(),
        (1, u) => format!("十{}", digits[u - 1]),
        (t, 0) => format!("{}十", digits[t - 1]),
        (t, u) => format!("{}十{}", digits[t - 1], digits[u - 1]),
    };
    let unclosed: String = (1..100)
        .map(|n| format!("{}是“{}；", numeral(n), "啊".repeat(5_000)))
        .collect();
    let report = reportlens::analyze(&unclosed);
    assert_eq!(
        report.outline.len(),
        99,
        "every enumeration of a long list is found"
    );
}
