//! Properties of figures and checks over generated report-like text and arbitrary strings:
//! no panic, spans inside the input, a figure's span holds its digits, breakdown checks agree
//! with the figures they name, and the JSON is always valid (see `common::check`).

mod common;

use proptest::prelude::*;
use reportlens::CheckKind;
use reportlens::Decimal;
use reportlens::Report;

use common::{check, slice};

/// Pieces of report text, with the ways copies mangle it.
fn fragment() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "共受理行政复议案件",
        "其中",
        "分别为",
        "、",
        "，",
        "。",
        "；",
        "：",
        "全年",
        "办结率达",
        "增长",
        "罚没款",
        "开展培训",
        "参训",
        "覆盖",
        "乡镇",
        "达到",
        "不低于",
        "突破",
        "约",
        "近",
        "余",
        "多",
        "以上",
        "左右",
        "（",
        "）",
        "第",
        "是",
        "的",
        "年",
        "月",
        "日",
        "2023年",
        "〔2024〕3号",
        "进一步",
        "一是",
        "二是",
        "第一，",
        "一、",
        "（一）",
        "1.",
        "（1）",
        "①",
        "第三条",
        "附件：",
    ]);
    let units = prop::sample::select(vec![
        "件",
        "个",
        "人次",
        "场次",
        "万元",
        "亿元",
        "万亿元",
        "元",
        "%",
        "％",
        "个百分点",
        "倍",
        "亩",
        "公顷",
        "平方公里",
        "公里",
        "吨",
        "千瓦",
        "天",
        "小时",
        "家",
        "户",
        "名",
        "项",
        "条",
        "次",
        "万",
        "亿",
        "千",
    ]);
    let ascii_number = (0u64..100_000, prop::option::of(0u32..1000))
        .prop_map(|(i, f)| f.map_or(i.to_string(), |f| format!("{i}.{f}")));
    let full_width = (0u64..10_000).prop_map(|n| {
        n.to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect()
    });
    let chinese = prop::collection::vec(
        prop::sample::select(vec![
            '零', '〇', '○', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十',
            '百', '千', '万', '亿', '点',
        ]),
        1..6,
    )
    .prop_map(|v| v.into_iter().collect::<String>());
    let thousands = (1u32..999, 0u32..1000).prop_map(|(a, b)| format!("{a},{b:03}"));
    let range = (
        1u32..100,
        1u32..100,
        prop::sample::select(vec!["—", "-", "－", "至", "~", "到"]),
    )
        .prop_map(|(a, b, d)| format!("{a}{d}{b}"));
    let mangling = prop::sample::select(vec![
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "\u{3000}",
        "\u{200B}",
        "\u{FEFF}",
        "\u{200F}",
        "\0",
        "😀",
        "𠀀",
        "\n— 3 —\n",
        "\n- 12 -\n",
        "\n7\n",
        "\t",
    ]);
    prop_oneof![
        4 => words.prop_map(String::from),
        3 => units.prop_map(String::from),
        3 => ascii_number,
        1 => full_width,
        2 => chinese,
        1 => thousands,
        1 => range,
        2 => mangling.prop_map(String::from),
    ]
}

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|v| v.concat())
}

/// The decimal digits a text shows, full-width ones as ASCII.
fn digits(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        })
        .collect()
}

/// Whether `needle` is a subsequence of `hay`.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|c| hay.any(|h| h == c))
}

fn is_chinese_numeral(c: char) -> bool {
    "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟半".contains(c)
}

/// A figure's span in the input holds the digits of its text (cleaning may drop a page number
/// or an invisible mark between them, so the span's digits may include more).
fn check_figure_spans(input: &str, report: &Report) {
    for (i, f) in report.figures.iter().enumerate() {
        let span = slice(input, f.start, f.end);
        assert!(
            f.start < f.end,
            "figure {i} ({}) should have a non-empty span",
            f.text
        );
        let wanted = digits(&f.text);
        if wanted.is_empty() {
            assert!(
                span.chars().any(is_chinese_numeral) || !digits(&span).is_empty(),
                "figure {i} ({}) without digits should span a Chinese numeral: {span:?}",
                f.text
            );
        } else {
            assert!(
                is_subsequence(&wanted, &digits(&span)),
                "figure {i}'s span {span:?} should hold its digits {wanted} (text {})",
                f.text
            );
        }
    }
}

/// The value a breakdown adds up: the plain-unit value when every figure has one.
fn amounts(report: &Report, indices: &[usize]) -> Option<Vec<Decimal>> {
    let figures: Vec<_> = indices
        .iter()
        .map(|&i| report.figures.get(i))
        .collect::<Option<_>>()?;
    if figures.iter().all(|f| f.base_value.is_some()) {
        figures.iter().map(|f| f.base_value.clone()).collect()
    } else {
        Some(figures.iter().map(|f| f.value.clone()).collect())
    }
}

/// Each breakdown check names real figures, and `ok`, `rounded` and `difference` agree with
/// their values.
fn check_breakdowns(report: &Report) {
    for (k, c) in report.checks.iter().enumerate() {
        for &h in &c.headings {
            assert!(
                h < report.outline.len(),
                "check {k} names heading {h} that exists"
            );
        }
        if c.kind != CheckKind::Breakdown {
            continue;
        }
        let total = c.total.expect("a breakdown check names its total");
        assert!(!c.parts.is_empty(), "breakdown check {k} names its parts");
        let mut all = vec![total];
        all.extend(&c.parts);
        for &i in &all {
            assert!(
                i < report.figures.len(),
                "breakdown check {k} names figure {i} that exists"
            );
        }
        if all.iter().any(|&i| report.figures[i].value_max.is_some()) {
            continue;
        }
        let Some(plain) = amounts(report, &all) else {
            continue;
        };
        let written: Vec<Decimal> = all
            .iter()
            .map(|&i| report.figures[i].value.clone())
            .collect();
        let agrees = |values: &[Decimal]| {
            let sum = values[1..]
                .iter()
                .try_fold(Decimal::from_int(0), |s, v| s.checked_add(v));
            let diff = sum.and_then(|s| values[0].checked_sub(&s));
            match diff {
                None => true,
                // `difference` is total minus parts; either sign is accepted.
                Some(d) => {
                    let same = |x: Decimal| {
                        x.cmp(&d).is_eq() || x.checked_add(&d).is_some_and(|z| z.is_zero())
                    };
                    // A breakdown that holds only as its figures are rounded says so.
                    c.ok == (d.is_zero() || c.rounded)
                        && (d.is_zero() || c.difference.clone().is_none_or(same))
                }
            }
        };
        assert!(
            agrees(&plain) || agrees(&written),
            "breakdown check {k} ({}) should say ok exactly when the parts add up to the total",
            c.message
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn report_like_text_keeps_every_invariant(input in report_text()) {
        let (report, _) = check(&input);
        check_figure_spans(&input, &report);
        check_breakdowns(&report);
    }

    #[test]
    fn arbitrary_text_keeps_every_invariant(input in "\\PC{0,300}") {
        let (report, _) = check(&input);
        check_figure_spans(&input, &report);
        check_breakdowns(&report);
    }

    #[test]
    fn arbitrary_characters_keep_every_invariant(input in prop::collection::vec(any::<char>(), 0..200)) {
        let input: String = input.into_iter().collect();
        let (report, _) = check(&input);
        check_figure_spans(&input, &report);
        check_breakdowns(&report);
    }
}

#[test]
fn the_property_helpers_work() {
    assert_eq!(
        digits("１５88.75万元"),
        "158875",
        "full-width digits count as digits"
    );
    assert!(
        is_subsequence("1588", "15\n— 3 —\n88"),
        "a page number between digits is allowed"
    );
    assert!(!is_subsequence("1588", "158"), "missing digits are not");
}
