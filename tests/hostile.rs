//! Hostile input: whatever is pasted, the analysis does not panic, ends in time linear in the
//! input, keeps every span inside the input and writes valid JSON (see `common::check`).
//!
//! Sizes are the issue's in release builds (`cargo test --release`, what the README's test
//! command runs) and a tenth of them in debug builds, so a debug run stays short too.

mod common;

use common::{check, slice};

/// `n` in release, `n / 10` in debug.
fn size(n: usize) -> usize {
    if cfg!(debug_assertions) {
        n / 10
    } else {
        n
    }
}

/// Report-like prose: the corpus when present, else a generated report.
fn prose(bytes: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if texts.is_empty() {
        texts.push("一、主要工作\n（一）依法行政\n全年共受理行政复议案件15件，其中新收12件、结转3件，罚没款1588.75万元。\n".repeat(50));
    }
    let mut out = String::with_capacity(bytes + 100_000);
    for t in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}

#[test]
fn fifty_megabytes_of_text() {
    let input = prose(size(50 << 20));
    let (report, _) = check(&input);
    assert!(
        !report.paragraphs.is_empty(),
        "50 MB of reports should give paragraphs"
    );
}

#[test]
fn a_million_digit_number() {
    let digits = "9".repeat(size(1_000_000));
    let input = format!("一、资金\n共投入资金{digits}万元，其中本级100万元。\n");
    let (report, json) = check(&input);
    for (i, f) in report.figures.iter().enumerate() {
        let text = slice(&input, f.start, f.end);
        if text.contains("99999999999999999999") {
            let value = &json["figures"][i]["value"];
            assert!(
                value.as_str().is_some_and(|v| v.trim_start_matches('9').is_empty()),
                "a huge number reported as a figure should keep its exact digits, as a string: {value:.40}"
            );
        }
    }
}

#[test]
fn a_twenty_digit_number_stays_exact() {
    let input = "全年共筹集资金12345678901234567890元。";
    let (_, json) = check(input);
    for f in json["figures"].as_array().expect("figures") {
        if f["text"]
            .as_str()
            .is_some_and(|t| t.contains("12345678901234567890"))
        {
            assert_eq!(
                f["value"], "12345678901234567890",
                "20 significant digits should be an exact string, not a rounded f64"
            );
        }
    }
}

#[test]
fn a_one_megabyte_line() {
    let sentence = "全年共受理行政复议案件15件，办结率达98.5%，开展培训3场次，";
    let input = sentence.repeat(size(1 << 20) / sentence.len() + 1);
    check(&input);
    let digits = "1234567890".repeat(size(1 << 20) / 10);
    check(&digits);
}

#[test]
fn nul_bytes() {
    check("一、总体\0情况\n受理案件\u{0}15件\0，罚没款1588\0.75万元。\0");
    check(&"\0".repeat(size(100_000)));
    check(&"受理15件\0".repeat(size(100_000)));
}

#[test]
fn lone_carriage_returns_and_mixed_line_ends() {
    let (report, _) = check("一、总体情况\r（一）依法行政\r受理案件15件。\r\n二、问题\n\r不足。\r");
    assert!(
        report.paragraphs.len() > 1,
        "a lone CR should end a line like LF does"
    );
    check(&"\r".repeat(size(100_000)));
    check(&"\r\n\r".repeat(size(100_000)));
}

#[test]
fn byte_order_marks_mid_text() {
    check(
        "\u{FEFF}一、总\u{FEFF}体情况\n受理案件1\u{FEFF}5件，\u{FEFF}罚没款1588.75\u{FEFF}万元。",
    );
    check(&"\u{FEFF}".repeat(size(100_000)));
}

#[test]
fn invisible_and_direction_marks_inside_numbers() {
    for mark in [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{200E}', '\u{200F}', '\u{202E}',
        '\u{2066}', '\u{FEFF}', '\u{00AD}',
    ] {
        let input =
            format!("受理行政复议案件1{mark}588件，增长5{mark}.2%，罚没款{mark}3.5万{mark}元。");
        check(&input);
    }
    check("\u{202E}受理案件15件\u{202C}，\u{2067}增长5.2%\u{2069}");
}

#[test]
fn characters_outside_the_basic_plane() {
    // An emoji and a CJK Extension B character are one code point each: offsets after them
    // must still point at the figure.
    let input = "😀𠀀受理案件15件。";
    let (report, _) = check(input);
    for f in &report.figures {
        let text = slice(input, f.start, f.end);
        assert!(
            text.contains("15"),
            "the span of a figure after astral characters should hold its digits: {text:?}"
        );
    }
}

#[test]
fn astral_characters_right_after_digits_and_a_scale_word() {
    // Digits, then a four-byte character where a 千瓦-like unit would be looked for.
    let input = "10000万1000😀0.1共受理案件15件。";
    let (report, _) = check(input);
    assert!(
        report
            .figures
            .iter()
            .any(|f| slice(input, f.start, f.end).contains("15")),
        "the figure after digits followed by an emoji should still be read"
    );
}

#[test]
fn a_hundred_thousand_chinese_numerals() {
    let n = size(100_000);
    check(&"一".repeat(n));
    check(&"九".repeat(n));
    check(&"零".repeat(n));
    check(&format!("共{}件", "三千二百万".repeat(n / 5)));
    check(&format!(
        "百分之{}",
        "一二三四五六七八九十百千万亿".repeat(n / 14)
    ));
    check(&"十".repeat(n));
    check(&"万亿".repeat(n / 2));
}

#[test]
fn a_hundred_thousand_repeated_or_nested_markers() {
    let n = size(100_000);
    for unit in [
        "一、",
        "（一）",
        "(1)",
        "1.",
        "1、",
        "①",
        "一是",
        "第一，",
        "第一章",
        "第三条",
        "其中",
        "分别为",
        "余",
        "约",
        "以上",
        "%",
        "万元",
        "——",
        "—3—",
        "〔2024〕",
        // Headings inside a text run together on one line.
        "。一、甲",
        "。二、甲（一）乙",
        "（一）甲（二）",
        // Headings joined to the text around them with spaces.
        "。 二、工 业 全年",
        "增长。　（一）工业　全年",
    ] {
        check(&unit.repeat(n));
        check(&format!("{unit}\n").repeat(n / 2));
    }
    check(&format!("{}{}", "（".repeat(n), "）".repeat(n)));
    check(&format!(
        "{}受理15件{}",
        "（一）".repeat(n / 3),
        "）".repeat(n / 3)
    ));
    check(&"共受理案件100件，其中".repeat(n / 10));
    check(&"其中新收12件、".repeat(n / 7));
}

#[test]
fn a_million_short_lines() {
    check(&"\n".repeat(size(1_000_000)));
    check(&"1\n".repeat(size(500_000)));
    check(&"— 3 —\n".repeat(size(200_000)));
    check(&" \u{3000}\t\u{000C}\u{000B}\n".repeat(size(200_000)));
}

#[test]
fn control_characters_and_odd_whitespace() {
    let all: String = (0u32..0x40).filter_map(char::from_u32).collect();
    check(&all.repeat(size(10_000)));
    check("受理案件\u{0008}15\u{0007}件，\u{001B}[31m罚没款\u{001B}[0m1588.75万元。");
    check("受理案件\u{2028}15件\u{2029}，增长\u{0085}5.2%");
}

#[test]
fn combining_marks_and_variation_selectors() {
    check("受理案件1\u{0301}5\u{FE0F}件，罚没款1588.75\u{20E3}万元。");
    check(&"5\u{0301}".repeat(size(100_000)));
}

#[test]
fn full_width_and_mixed_scripts() {
    check("受理案件１５８８件，增长５．２％，１，２３４万元，３－５万元，二〇二三年，2—3岁。");
    check(&"１２３４５６７８９０".repeat(size(100_000)));
    check(&"1,".repeat(size(100_000)));
    check(&"1.".repeat(size(100_000)));
    check(&"1-".repeat(size(100_000)));
}

/// Inputs that once took quadratic time, pinned by the module they were in. Each ran for
/// seconds to minutes at these sizes; linear, they take milliseconds.
#[test]
fn once_quadratic_inputs_stay_fast() {
    let n = size(100_000);
    // figures::numerals: a run of bare scale words was re-read from each of its characters.
    check(&"万亿".repeat(n));
    check(&"百亿千亿万".repeat(n));
    check(&"和1、2".repeat(n));
    // figures::breakdown: each 其中/分别 searched to its sentence end and re-walked every part.
    check(&"其中".repeat(n));
    check(&"分别为".repeat(n));
    check(&"其中新收12件、".repeat(n / 2));
    check(&"共受理案件100件，其中".repeat(n / 2));
    check(&"分别为3件、".repeat(n / 2));
    // figures::subject: the subject after a figure skipped every figure written right after it.
    check(&"3个".repeat(n));
    check(&"百亿".repeat(n / 2));
    // figures (markers to skip per paragraph) filtered all heading places for each paragraph.
    check(&"一、加强组织领导\n".repeat(n));
}

/// Raw HTML of any shape (a page's source pasted whole): nested and unclosed tags, a `<` with no
/// `>`, comments and scripts that never end, a huge script, runs of references. None panics, and
/// each is read in linear time (not asserted: at these sizes a quadratic rescan would make this
/// test take minutes; `cargo bench` measures the speed).
#[test]
fn raw_html_of_any_shape() {
    let n = size(100_000);
    let head = "<p>一、总体要求</p><p>二、主要任务</p><br/><div>";
    check(&"<div>".repeat(n));
    check(&format!(
        "{}共受理案件15件。{}",
        "<div><span style=\"x\">".repeat(n),
        "</span></div>".repeat(n)
    ));
    check(&format!("{head}{}", "<p".repeat(n)));
    check(&format!("{head}{}", "<a<a".repeat(n)));
    check(&format!("{head}全年共受理案件15件。<"));
    check(&format!("{head}{}", "<!--".repeat(n)));
    check(&format!("{head}{}", "<script>".repeat(n)));
    check(&format!("{head}{}", "<style></".repeat(n)));
    check(&format!("{head}{}", "</".repeat(n)));
    check(&format!("{head}{}", "<!DOCTYPE".repeat(n)));
    check(&format!(
        "{head}<script>{}</script>全年共受理案件15件。",
        "if (a < b) { x = \"<p>\"; }\n".repeat(size(1 << 20) / 26)
    ));
    check(&format!(
        "{head}<script>{}",
        "x<y\n".repeat(size(1 << 20) / 4)
    ));
    check(&format!("{head}{}", "&".repeat(n)));
    check(&format!("{head}{}", "&#".repeat(n)));
    check(&format!("{head}{}", "&amp;&nbsp;&#8220;".repeat(n)));
    check(&format!("{head}{}", "<p>\r\n".repeat(n)));
    check(&"<p>全年共受理行政复议案件15件，增长5.1%。</p>\n".repeat(n / 4));
}
