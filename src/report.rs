//! The report: one plain, serialisable value shared by the CLI (`--json`), the page and the tests.
//!
//! The JSON shape is decided here, once, by serde attributes. A field may be added freely;
//! renaming or removing one is a breaking change (see README, "The JSON report").
//!
//! Every `start`/`end` is an offset in **Unicode code points (scalar values)** into the input
//! exactly as the user gave it (before any cleaning), a [`CharOffset`]:
//! `input.chars().skip(start.get()).take(end - start)` in Rust, `text[start:end]` in Python. JavaScript strings index in UTF-16 units, so the page
//! converts (a character outside the BMP, such as an emoji or a CJK Extension B character, is one
//! code point but two UTF-16 units).

use std::sync::Arc;

use serde::Serialize;

use crate::decimal::Decimal;
pub use crate::offsets::CharOffset;

/// The result of analysing one report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Document elements (GB/T 9704-2012); a key is absent when the element was not found.
    pub meta: Meta,
    /// Numbered headings and enumerations, flattened in document order.
    pub outline: Vec<Heading>,
    /// Every stated quantity, in document order.
    pub figures: Vec<Figure>,
    /// Calendar dates mentioned in the text (not figures), in document order.
    pub dates: Vec<DateMention>,
    /// Breakdown sums and numbering checks.
    pub checks: Vec<Check>,
    /// The text re-flowed into paragraphs, each with the input ranges it was read from.
    pub paragraphs: Vec<ParagraphSpan>,
    /// Notes about the input itself: today, a number too long to compute with
    /// (`number_too_long`), reported as written.
    pub diagnostics: Vec<Diagnostic>,
}

/// Document elements, by GB/T 9704-2012 and `gold/GUIDE.md`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    /// 发文机关.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// 发文字号, as written, spaces removed (`平政〔2024〕3号`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// 标题, lines joined, spaces removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 主送机关, split on 、 and ，.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<String>,
    /// 发文机关署名 (the first body when several sign).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// 成文日期, or the delivery date of a speech, ISO `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The enclosed report's own title after a covering letter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_title: Option<String>,
    /// 印发机关 of the 版记.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed_by: Option<String>,
    /// 印发日期 of the 版记, ISO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed_date: Option<String>,
    /// 抄送 bodies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    /// For a speech (政府工作报告): the speaker line, spaces removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Where each element was read from, by key (`"title"` → span).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<ElementSpan>,
}

/// Where one document element stands in the input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ElementSpan {
    /// The `meta` key this span belongs to.
    pub key: String,
    /// First code point, in the input.
    pub start: CharOffset,
    /// One past the last code point, in the input.
    pub end: CharOffset,
}

/// One numbered heading or enumeration item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// Nesting depth in the outline tree, 1 = top (by order of appearance, not marker style).
    pub depth: usize,
    /// The marker as written (`一、`, `（一）`, `1.`, `一是`, `第三条` …).
    pub marker: String,
    /// What kind of marker this is.
    pub style: MarkerStyle,
    /// The number the marker stands for (`（三）` → 3).
    pub number: u32,
    /// The heading text without its marker (for a run-in heading, its first sentence).
    pub title: String,
    /// Index of the enclosing heading in `outline`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// Index in `paragraphs` of the paragraph the marker stands in.
    pub paragraph: usize,
    /// First code point of the marker, in the input.
    pub start: CharOffset,
    /// One past the last code point of the title, in the input.
    pub end: CharOffset,
}

/// The families of heading markers. Two markers of one style are siblings when they meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerStyle {
    /// `第一章`
    Chapter,
    /// `第一节`
    Section,
    /// `第一条`
    Article,
    /// `第一部分`, `第一篇`, `第一编`
    Part,
    /// `一、`
    Chinese,
    /// `（一）` `(一)`
    ParenChinese,
    /// `1.` `1、` `1．`
    Arabic,
    /// `（1）` `(1)`
    ParenArabic,
    /// `①`
    Circled,
    /// `一是` `二是`
    Shi,
    /// `第一，` `第二，`
    Ordinal,
    /// `1` `1.1` `1.1.1` (GB/T 1.1 layout of plans and standards); each level of the number is
    /// a level of the outline.
    Decimal,
}

/// One stated quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The number as written (Chinese numerals converted); the lower end of a range.
    pub value: Decimal,
    /// The upper end of a range (`2—3岁`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<Decimal>,
    /// Scale word and unit as written (`万元`, `人次`, `%`); empty when none.
    pub unit: String,
    /// The value in the plain unit when a scale word is part of the unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_value: Option<Decimal>,
    /// The plain unit of `base_value` (`元`; empty for a bare scale word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_unit: Option<String>,
    /// Approximation or bound word (`余`, `以上`, `约` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The phrase that names what is measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Index in `outline` of the heading the figure stands under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<usize>,
    /// The marker path of that heading (`一、（四）`), shared by all the figures under it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_path: Option<Arc<str>>,
    /// Index in `figures` of the total a 其中/分别 part belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// Whether the figure states a goal or an outcome; absent when the text does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// The period the figure is stated for, as the text names it (`2023年`, `全年`,
    /// `“十四五”时期`).
    /// One period is shared by all the figures stated for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Arc<str>>,
    /// The figure's text as it reads after cleaning (`1588.75万元`).
    pub text: String,
    /// Index in `paragraphs` of the paragraph the figure stands in (a figure split by a line
    /// break in the input is still in one paragraph).
    pub paragraph: usize,
    /// First code point, in the input.
    pub start: CharOffset,
    /// One past the last code point, in the input.
    pub end: CharOffset,
}

/// What a figure states: a goal set or an outcome reached (README "Figure time and kind").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A goal or a plan (预期目标, 力争, 确保, 计划; a work-plan section).
    Target,
    /// Done or measured (完成, 累计; a review section).
    Actual,
}

/// A calendar date mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// ISO form: `2024-01-12`, `2024-01` or `2024`.
    pub iso: String,
    /// As read after cleaning.
    pub text: String,
    /// First code point, in the input.
    pub start: CharOffset,
    /// One past the last code point, in the input.
    pub end: CharOffset,
}

/// A consistency check over figures or headings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// What is checked.
    pub kind: CheckKind,
    /// Whether it holds.
    pub ok: bool,
    /// One readable sentence, in Chinese (`✓ 分项合计：780件 = 601件 + 179件`).
    pub message: String,
    /// For a breakdown: index in `figures` of the total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<usize>,
    /// For a breakdown: indices in `figures` of the parts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<usize>,
    /// For a breakdown that does not hold: total minus the sum of the parts, in the plain unit
    /// (`元` for figures in 万元).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<Decimal>,
    /// For numbering: indices in `outline` concerned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<usize>,
    /// `message` in English.
    pub message_en: String,
    /// For a breakdown that holds only as its figures are rounded (`1.5亿元 ≈ 0.83亿元 +
    /// 0.68亿元`): true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rounded: bool,
    /// For a breakdown: `difference` in the total's own unit (`9` for 780件 against 771件,
    /// `-0.3` for 2.1万亩 against 2.4万亩).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference_in_unit: Option<Decimal>,
    /// For a breakdown: the sentence the total and its parts were read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<Sentence>,
}

/// A stretch of the text, as read after cleaning, with where it stands in the input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// The text after cleaning (line breaks inside a sentence removed).
    pub text: String,
    /// First code point, in the input.
    pub start: CharOffset,
    /// One past the last code point, in the input.
    pub end: CharOffset,
}

/// Kinds of check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// Parts of a 其中/分别 breakdown against their total.
    Breakdown,
    /// Sibling headings numbered in sequence (no gap, no repeat).
    Numbering,
}

/// One paragraph of the re-flowed text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphSpan {
    /// First code point, in the input.
    pub start: CharOffset,
    /// One past the last code point, in the input.
    pub end: CharOffset,
    /// The input ranges `[start, end)` whose concatenation is the paragraph's cleaned text.
    pub pieces: Vec<[CharOffset; 2]>,
    /// Index in `outline` of a heading that opens this paragraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<usize>,
}

/// A note about the input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// A stable machine-readable code (`number_too_long`).
    pub code: String,
    /// One readable sentence.
    pub message: String,
    /// First code point concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<CharOffset>,
    /// One past the last code point concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<CharOffset>,
}
