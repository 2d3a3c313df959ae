//! Figures: every stated quantity, with unit, subject, qualifier, section and breakdown parent;
//! and the calendar dates that are not figures (`gold/GUIDE.md` defines both).
//!
//! Each paragraph is scanned once ([`scan`]); the subject ([`subject`]) and breakdown parent
//! ([`breakdown`]) are read from the same paragraph's text around each figure; the section is
//! the last heading of the outline before the figure.

pub mod breakdown;
pub mod exclude;
pub mod numerals;
pub mod scan;
pub mod subject;
pub mod units;
pub mod words;
pub mod wordset;

use std::ops::Range;
use std::sync::Arc;

use crate::meta::Elements;
use crate::outline::Outline;
use crate::report::{DateMention, Diagnostic, Figure, Heading};
use crate::source::{Document, Paragraph};

/// What the figure scan found, with byte offsets (converted to code points by the caller).
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Figures in document order.
    pub figures: Vec<Figure>,
    /// Dates in document order.
    pub dates: Vec<DateMention>,
    /// Notes (a number too long to compute with …).
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the figures and dates.
///
/// The document is consumed: each paragraph is dropped once its figures are read, so the
/// memory of the paragraphs is handed over to the figures instead of adding to it. `visit` sees
/// each paragraph (with its index) before it is dropped.
pub fn extract(
    doc: Document<'_>,
    elements: &Elements,
    outline: &Outline,
    mut visit: impl FnMut(usize, &Paragraph),
) -> Found {
    let mut found = Found::default();
    let mut heading = 0usize; // places[..heading] stand before the current position
    let mut current: Option<usize> = None;
    let paths: Vec<Arc<str>> = (0..outline.headings.len())
        .map(|i| Arc::from(section_path(&outline.headings, i)))
        .collect();
    let input = doc.input;
    // Paragraphs are taken from the end of a reversed list, whose buffer is shrunk as it
    // empties, so that their own memory is given back too, not only their texts'.
    let mut paragraphs = doc.paragraphs;
    paragraphs.reverse();
    let mut next = 0;
    while let Some(par) = paragraphs.pop() {
        if paragraphs.len() < paragraphs.capacity() / 2 {
            paragraphs.shrink_to_fit();
        }
        let pi = next;
        next += 1;
        visit(pi, &par);
        // The outline is in document order: this paragraph's markers are one run of places.
        let lo = outline.places.partition_point(|p| p.paragraph < pi);
        let hi = outline.places.partition_point(|p| p.paragraph <= pi);
        let mut skip: Vec<Range<usize>> = outline.places[lo..hi.max(lo)]
            .iter()
            .map(|p| p.marker.clone())
            .collect();
        skip.sort_by_key(|r| r.start);
        let advance = |at: usize, heading: &mut usize, current: &mut Option<usize>| {
            while let Some(p) = outline.places.get(*heading) {
                if p.paragraph < pi || (p.paragraph == pi && p.marker.start <= at) {
                    *current = Some(*heading);
                    *heading += 1;
                } else {
                    break;
                }
            }
        };
        if elements.is_element(pi) {
            advance(par.text.len(), &mut heading, &mut current);
            continue;
        }
        let mut s = scan::scan(&par.text, &skip);
        // `2 组织体系及职责`: a number that opens the paragraph, set off from a title by a space
        // in the input (cleaning closes that space up), is a heading number.
        if let Some(f) = s.figures.first() {
            let spaced = input
                .get(par.input_range(f.start..f.end))
                .is_some_and(|t| t.contains([' ', '\u{3000}']));
            let titled = par.text[f.end..].starts_with(crate::chars::is_cjk);
            if f.start == 0 && f.qualifier.is_none() && spaced && titled {
                s.figures.remove(0);
            }
        }
        breakdown::share_qualifiers(&par.text, &mut s.figures);
        let subjects = subject::assign(&par.text, &s.figures);
        let parents = breakdown::parents(&par.text, &s.figures);
        let base = found.figures.len();
        for (k, raw) in s.figures.into_iter().enumerate() {
            advance(raw.start, &mut heading, &mut current);
            let span = par.input_range(raw.start..raw.end);
            found.figures.push(Figure {
                value: raw.value,
                value_max: raw.value_max,
                unit: raw.unit,
                base_value: raw.base.as_ref().map(|b| b.0.clone()),
                base_unit: raw.base.map(|b| b.1),
                qualifier: raw.qualifier.map(str::to_string),
                subject: subjects.get(k).cloned().flatten(),
                section: current,
                section_path: current.and_then(|h| paths.get(h).cloned()),
                parent: parents.get(k).copied().flatten().map(|p| base + p),
                text: par.text[raw.start..raw.end].to_string(),
                start: span.start,
                end: span.end,
            });
        }
        advance(par.text.len(), &mut heading, &mut current);
        for d in s.dates {
            let span = par.input_range(d.range.clone());
            found.dates.push(DateMention {
                iso: d.iso,
                text: par.text[d.range].to_string(),
                start: span.start,
                end: span.end,
            });
        }
        for r in s.too_long {
            let span = par.input_range(r);
            found.diagnostics.push(Diagnostic {
                code: "number_too_long".into(),
                message: "A number too long to compute with is reported as written.".into(),
                start: Some(span.start),
                end: Some(span.end),
            });
        }
    }
    found
}

/// The marker path of heading `i` (`一、（四）`), from the top of the outline down.
fn section_path(headings: &[Heading], i: usize) -> String {
    let mut chain = Vec::new();
    let mut at = Some(i);
    while let Some(h) = at.and_then(|k| headings.get(k)) {
        chain.push(h.marker.as_str());
        if chain.len() > headings.len() {
            break;
        }
        at = h.parent;
    }
    chain.reverse();
    chain.concat()
}
