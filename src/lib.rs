//! ReportLens reads Chinese government reports — annual 法治政府建设 reports, 政府工作报告,
//! notices and plans — by their structure and their figures.
//!
//! One call turns the text of a report, however it was copied (hard line breaks, page numbers,
//! web menus, raw HTML, CRLF), into a [`Report`]: its document elements (GB/T 9704-2012), its
//! numbered outline, every stated figure with unit, subject, qualifier and section, the dates it
//! mentions, and checks that breakdowns add up. Every item carries `start`/`end` in Unicode
//! code points of the input as given, so `text.chars().skip(start).take(end - start)` is what
//! it was read from.
//!
//! ```
//! let text = "一、工作开展情况\n共受理行政复议案件 15件，其中维持 9件、撤销 6件。";
//! let report = reportlens::analyze(text);
//!
//! // The outline: marker and title of each numbered heading.
//! assert_eq!(report.outline[0].marker, "一、");
//! assert_eq!(report.outline[0].title, "工作开展情况");
//!
//! // Every figure, with its unit, what it measures and where it stands.
//! let total = &report.figures[0];
//! assert_eq!((total.value.to_string(), total.unit.as_str()), ("15".to_string(), "件"));
//! assert_eq!(total.subject.as_deref(), Some("行政复议案件"));
//! assert_eq!(total.section, Some(0), "it stands under the first heading");
//! let quoted: String = text.chars().skip(total.start.get()).take(total.end - total.start).collect();
//! assert_eq!(quoted, "15件");
//!
//! // The parts of a breakdown point at their total, and the sum is checked.
//! assert_eq!(report.figures[1].parent, Some(0));
//! assert!(report.checks.iter().all(|c| c.ok));
//!
//! // The figures as a table (CSV, Markdown or JSON Lines), or the whole report as JSON.
//! assert!(reportlens::figures_csv(&report).contains("行政复议案件"));
//! ```
//!
//! # Where to start
//!
//! - [`analyze`] (or [`analyze_with`] and [`Options`]) returns a [`Report`]. Its parts are
//!   [`Meta`] (with [`ElementSpan`]s), [`Heading`] (with its [`MarkerStyle`]), [`Figure`] (its
//!   value a [`Decimal`], its [`Kind`]), [`DateMention`], [`Check`] (with its [`CheckKind`] and
//!   [`Sentence`]), [`ParagraphSpan`] and [`Diagnostic`]. A `Report` serialises (serde) to the
//!   JSON the CLI prints and the page reads.
//! - [`figures_csv`], [`figures_markdown`] and [`figures_jsonl`] write a report's figures as a
//!   table ([`csv_header`] and [`csv_rows`] for many reports in one CSV, [`BOM`] before it for
//!   spreadsheets).
//! - [`compare`] pairs the figures of two reports (last year's targets with this year's
//!   outcomes) into a [`Comparison`]; [`pairs_csv`] and [`pairs_markdown`] write it as a table.
//! - [`decode`] reads a file's bytes (UTF-8, UTF-16, GBK/GB18030) into text (not in the Wasm
//!   build). PDF, Word and OFD files are read into text by the `reportlens-files` crate in
//!   `files/`.
//!
//! # How it reads
//!
//! The analysis runs in stages, each reading what the ones before produced: the source is
//! read into paragraphs (raw HTML to lines, lines classified, lines joined into paragraphs with
//! their map back to the input); the document elements are read from the first and last
//! paragraphs; then the numbered outline; then, paragraph by paragraph, the figures, dates and
//! breakdowns; then the checks. Inside, offsets are bytes of the input; each becomes a
//! [`CharOffset`] (code points) as it goes into the report, and the two do not mix: a byte
//! offset in the report does not compile. The README's section for contributors maps the modules and
//! says which files a new unit, qualifier, heading style or element touches.
//!
//! What it does not do: it does not judge whether a figure is true, only whether stated parts
//! add up to a stated total. Analysing never fails and never panics: odd input yields a report
//! with fewer findings and, where useful, a [`Diagnostic`].

#![warn(missing_docs)]

// The analyzer's modules are internal: a user of the crate needs only the items re-exported
// below, and the modules may be reorganised without breaking anyone.
pub(crate) mod chars;
pub(crate) mod checks;
pub(crate) mod compare;
pub(crate) mod decimal;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod decode;
pub(crate) mod export;
pub(crate) mod figures;
pub(crate) mod furniture;
pub(crate) mod lexicon;
pub(crate) mod markers;
pub(crate) mod meta;
pub(crate) mod numerals;
pub(crate) mod offsets;
pub(crate) mod outline;
pub(crate) mod punct;
pub(crate) mod report;
pub(crate) mod sort;
pub(crate) mod source;

#[cfg(all(target_arch = "wasm32", not(feature = "compare-module")))]
mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "compare-module"))]
mod wasm_compare;

pub use compare::table::{pairs_csv, pairs_markdown};
pub use compare::{compare, Comparison, Pair, Relation, Summary};
pub use decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
pub use decode::{decode, decode_detected, DecodeError, Encoding};
pub use export::{csv_header, csv_rows, figures_csv, figures_jsonl, figures_markdown, BOM};
pub use report::{
    CharOffset, Check, CheckKind, DateMention, Diagnostic, ElementSpan, Figure, Heading, Kind,
    MarkerStyle, Meta, ParagraphSpan, Report, Sentence,
};

/// Analysis options. `Options::default()` is what [`analyze`] uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Include the re-flowed paragraphs (`paragraphs`) in the report.
    pub paragraphs: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { paragraphs: true }
    }
}

/// Analyses one report's text with default options.
pub fn analyze(text: &str) -> Report {
    analyze_with(text, &Options::default())
}

/// Analyses one report's text.
///
/// The stages each read the same paragraphs. They find byte offsets, and each turns an offset
/// into code points (a [`CharOffset`]) as it puts it in the report.
pub fn analyze_with(text: &str, options: &Options) -> Report {
    analyze_staged(text, options, |_| {})
}

/// The stages of an analysis, in the order they run (see [`analyze_staged`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Reading the text into lines and paragraphs (HTML, furniture, line joins).
    Reading,
    /// The document elements (issuer, title, date …).
    Elements,
    /// The numbered outline.
    Outline,
    /// The figures, dates and paragraph spans.
    Figures,
    /// The breakdown and numbering checks.
    Checks,
}

/// [`analyze_with`], calling `done(stage)` as each stage ends, so a caller can time them (the
/// page shows how long each took). The no-op closure of [`analyze_with`] compiles away.
pub(crate) fn analyze_staged(text: &str, options: &Options, mut done: impl FnMut(Stage)) -> Report {
    let doc = source::read(text);
    done(Stage::Reading);
    let elements = meta::extract(&doc);
    done(Stage::Elements);
    let outline = outline::extract(&doc, &elements);
    done(Stage::Outline);
    // The paragraph spans are read as the figure scan consumes the document.
    let openings = heading_openings(&doc, &outline);
    let mut paragraphs = Vec::new();
    if options.paragraphs {
        paragraphs.reserve_exact(doc.paragraphs.len());
    }
    let mut reader = figures::Reader::new(doc.input, &doc.chars, &elements, &outline);
    // Paragraphs are taken from the end of a reversed list, whose buffer is shrunk as it
    // empties, and each is dropped once read: the memory of the paragraphs is handed over to
    // the figures instead of adding to it.
    let mut pending = doc.paragraphs;
    pending.reverse();
    let mut index = 0;
    while let Some(par) = pending.pop() {
        if pending.len() < pending.capacity() / 2 {
            pending.shrink_to_fit();
        }
        if options.paragraphs {
            let heading = openings.get(index).copied().flatten();
            paragraphs.push(paragraph_span(&doc.chars, &par, heading));
        }
        reader.read(index, &par);
        index += 1;
    }
    let found = reader.finish();
    done(Stage::Figures);
    let checks = checks::run(&found.figures, &found.breakdowns, &outline.headings);
    done(Stage::Checks);
    Report {
        meta: elements.meta,
        outline: outline.headings,
        figures: found.figures,
        dates: found.dates,
        checks,
        paragraphs,
        diagnostics: found.diagnostics,
    }
}

/// For each paragraph, the index of the heading that opens it, if one does.
fn heading_openings(doc: &source::Document<'_>, outline: &outline::Outline) -> Vec<Option<usize>> {
    let mut opening = vec![None; doc.paragraphs.len()];
    for (i, place) in outline.places.iter().enumerate() {
        if place.marker.start == 0 {
            if let Some(slot) = opening.get_mut(place.paragraph) {
                slot.get_or_insert(i);
            }
        }
    }
    opening
}

fn paragraph_span(
    chars: &offsets::CharIndex<'_>,
    p: &source::Paragraph,
    heading: Option<usize>,
) -> report::ParagraphSpan {
    // In text order: the index counts on from the offset before when it is near.
    let span = p.span();
    let start = chars.to_char(span.start);
    let pieces = p.pieces().map(|r| chars.span(r)).collect();
    report::ParagraphSpan {
        start,
        pieces,
        end: chars.to_char(span.end),
        heading,
    }
}
