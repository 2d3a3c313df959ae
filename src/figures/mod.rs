//! Figures: every stated quantity, with unit, subject, qualifier, section and breakdown parent;
//! and the calendar dates that are not figures (`gold/GUIDE.md` defines both).
//!
//! Each paragraph is scanned once ([`scan`]); the subject ([`subject`]) and breakdown parent
//! ([`breakdown`]) are read from the same paragraph's text around each figure; the section is
//! the last heading of the outline before the figure.

pub mod breakdown;
pub mod dates;
pub mod exclude;
pub mod kind;
pub mod scan;
pub mod subject;
pub mod units;

use std::ops::Range;
use std::sync::Arc;

use crate::meta::Elements;
use crate::offsets::CharIndex;
use crate::outline::Outline;
use crate::report::{CharOffset, DateMention, Diagnostic, Figure, Heading, Sentence};
use crate::source::Paragraph;

/// What the figure scan found, with byte offsets (converted to code points by the caller).
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Figures in document order.
    pub figures: Vec<Figure>,
    /// Dates in document order.
    pub dates: Vec<DateMention>,
    /// Notes (a number too long to compute with …).
    pub diagnostics: Vec<Diagnostic>,
    /// Breakdowns (其中, 分别 after a stated total), in document order of their markers.
    pub breakdowns: Vec<StatedBreakdown>,
}

/// A breakdown as the text states it: indices in [`Findings::figures`] and the sentence read.
#[derive(Debug, Clone, PartialEq)]
pub struct StatedBreakdown {
    /// The total.
    pub total: usize,
    /// The parts, in order.
    pub parts: Vec<usize>,
    /// The parts end in `等`: they need not be all of the total.
    pub open_ended: bool,
    /// The sentence that states total and parts (byte offsets in the input).
    pub sentence: Sentence,
}

/// Reads the figures and dates of a document, one paragraph at a time, in order.
///
/// The caller drives the paragraph loop ([`crate::analyze_with`]): it hands each paragraph to
/// [`Reader::read`] and may drop it right after, so that the memory of the paragraphs is handed
/// over to the figures instead of adding to it.
pub struct Reader<'a> {
    input: &'a str,
    /// Turns the byte offsets found in the input into the report's code points.
    chars: &'a CharIndex<'a>,
    elements: &'a Elements,
    outline: &'a Outline,
    /// Each heading's marker path (`一、（四）`), shared by its figures.
    paths: Vec<Arc<str>>,
    /// `outline.places[..heading]` stand before the current position.
    heading: usize,
    /// The heading the current position stands under.
    current: Option<usize>,
    /// What the text so far says about time (review or plan), for each figure's kind.
    time: kind::Context,
    found: Findings,
}

impl<'a> Reader<'a> {
    /// A reader for the document whose input is `input` (indexed by `chars`), with its elements
    /// and outline.
    pub fn new(
        input: &'a str,
        chars: &'a CharIndex<'a>,
        elements: &'a Elements,
        outline: &'a Outline,
    ) -> Self {
        let paths = (0..outline.headings.len())
            .map(|i| Arc::from(section_path(&outline.headings, i)))
            .collect();
        let year = elements
            .meta
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok());
        Reader {
            input,
            chars,
            elements,
            outline,
            paths,
            heading: 0,
            current: None,
            time: kind::Context::new(year, elements.meta.title.as_deref()),
            found: Findings::default(),
        }
    }

    /// Reads paragraph `pi`; paragraphs must come in document order.
    pub fn read(&mut self, pi: usize, par: &Paragraph) {
        let Reader {
            input,
            chars,
            elements,
            outline,
            paths,
            heading,
            current,
            time,
            found,
        } = self;
        let (input, chars, elements, outline) = (*input, *chars, *elements, *outline);
        let (heading, current) = (&mut *heading, &mut *current);
        // The outline is in document order: this paragraph's markers are one run of places.
        let lo = outline.places.partition_point(|p| p.paragraph < pi);
        let hi = outline.places.partition_point(|p| p.paragraph <= pi);
        let mut skip: Vec<Range<usize>> = outline.places[lo..hi.max(lo)]
            .iter()
            .map(|p| p.marker.clone())
            .collect();
        crate::sort::sort_by_key(&mut skip, |r| r.start);
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
        // An attachment list names documents: its numbers are parts of names. Of the element
        // lines only the title holds figures (the rest are names, dates and numbers of the
        // document itself).
        let element = elements.is_element(pi);
        let within = element
            .then(|| elements.title_span())
            .flatten()
            .filter(|t| par_overlaps(par, chars, t));
        if (element && within.is_none()) || outline.in_attachment_list(pi) {
            advance(par.text.len(), heading, current);
            return;
        }
        let mut s = scan::scan(&par.text, &skip);
        if let Some(t) = &within {
            s.figures.retain(|f| {
                let span = par.input_range(f.start..f.end);
                t.start <= chars.to_char(span.start) && chars.to_char(span.end) <= t.end
            });
            s.dates.clear();
        }
        // `2 组织体系及职责`: a number that opens the paragraph, set off from a title by a space
        // in the input (cleaning closes that space up), is a heading number; with a unit after
        // it (`5 家企业入选`) it is an amount.
        if let Some(f) = s.figures.first() {
            let spaced = input
                .get(par.input_range(f.start..f.end))
                .is_some_and(|t| t.contains([' ', '\u{3000}']));
            let titled = par.text[f.end..].starts_with(crate::chars::is_cjk);
            if f.start == 0 && f.unit.is_empty() && f.qualifier.is_none() && spaced && titled {
                s.figures.remove(0);
            }
        }
        breakdown::share_qualifiers(&par.text, &mut s.figures);
        let mut subjects = subject::assign(&par.text, &s.figures);
        let stated = breakdown::breakdowns(&par.text, &s.figures);
        let mut parents = vec![None; s.figures.len()];
        for b in &stated {
            for &p in &b.parts {
                parents[p] = Some(b.total);
            }
        }
        let mut times = kind::read(&par.text, &s.figures, time);
        let read = par.pieces().last().map_or(0, |r| r.end);
        reserve_projected(&mut found.figures, s.figures.len(), read, input.len());
        let base = found.figures.len();
        for (k, raw) in s.figures.into_iter().enumerate() {
            advance(raw.start, heading, current);
            let span = par.input_range(raw.start..raw.end);
            found.figures.push(Figure {
                value: raw.value,
                value_max: raw.value_max,
                unit: raw.unit,
                base_value: raw.base.as_ref().map(|b| b.0.clone()),
                base_unit: raw.base.map(|b| b.1),
                qualifier: raw.qualifier.map(str::to_string),
                subject: subjects.get_mut(k).and_then(Option::take),
                section: *current,
                section_path: (*current).and_then(|h| paths.get(h).cloned()),
                parent: parents.get(k).copied().flatten().map(|p| base + p),
                kind: times.get(k).and_then(|t| t.0),
                period: times.get_mut(k).and_then(|t| t.1.take()),
                text: par.text[raw.start..raw.end].to_string(),
                paragraph: pi,
                start: chars.to_char(span.start),
                end: chars.to_char(span.end),
            });
        }
        for b in stated {
            let span = par.input_range(b.span.clone());
            found.breakdowns.push(StatedBreakdown {
                total: base + b.total,
                parts: b.parts.iter().map(|p| base + p).collect(),
                open_ended: b.open_ended,
                sentence: Sentence {
                    text: par.text.get(b.span).unwrap_or("").to_string(),
                    start: chars.to_char(span.start),
                    end: chars.to_char(span.end),
                },
            });
        }
        advance(par.text.len(), heading, current);
        for d in s.dates {
            let span = par.input_range(d.range.clone());
            found.dates.push(DateMention {
                iso: d.iso,
                text: par.text[d.range].to_string(),
                start: chars.to_char(span.start),
                end: chars.to_char(span.end),
            });
        }
        for r in s.too_long {
            let span = par.input_range(r);
            found.diagnostics.push(Diagnostic {
                code: "number_too_long".into(),
                message: "A number too long to compute with is reported as written.".into(),
                start: Some(chars.to_char(span.start)),
                end: Some(chars.to_char(span.end)),
            });
        }
    }

    /// What was found, once every paragraph has been read.
    pub fn finish(self) -> Findings {
        self.found
    }
}

/// Whether paragraph `par` shares code points with `span`.
fn par_overlaps(par: &Paragraph, chars: &CharIndex, span: &Range<CharOffset>) -> bool {
    let whole = par.input_range(0..par.text.len());
    chars.to_char(whole.start) < span.end && span.start < chars.to_char(whole.end)
}

/// Makes room for `more` items in `list`, which holds what was found in the first `read` of
/// `total` bytes. When it must grow, it grows to the count projected for the whole text from
/// the density so far (plus an eighth), not to twice its size: a long text's list then grows
/// once or twice early on, while it is small, instead of doubling (and copying) late, when a
/// copy of it costs as much memory again.
fn reserve_projected<T>(list: &mut Vec<T>, more: usize, read: usize, total: usize) {
    let need = list.len() + more;
    if need <= list.capacity() {
        return;
    }
    let projected = (need as f64 * total as f64 / read.max(1) as f64) as usize;
    // A figure takes a few bytes at the least: the bound keeps a freak density from asking for
    // more than the text could hold.
    let target = projected
        .saturating_add(projected / 8)
        .min(total / 2)
        .max(need);
    list.reserve_exact(target - list.len());
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

#[cfg(test)]
mod tests {
    use super::reserve_projected;

    #[test]
    fn a_list_grows_to_its_projected_size() {
        let mut list: Vec<u8> = Vec::new();
        reserve_projected(&mut list, 10, 1_000, 100_000);
        assert!(
            (1_000..=1_200).contains(&list.capacity()),
            "10 items in the first 1% of the text project to about 1,000, got {}",
            list.capacity()
        );
        list.extend([0; 10]);
        let before = list.capacity();
        reserve_projected(&mut list, 5, 2_000, 100_000);
        assert_eq!(list.capacity(), before, "no growth while there is room");
    }

    #[test]
    fn a_projection_never_falls_short_or_runs_wild() {
        let mut list: Vec<u8> = Vec::new();
        reserve_projected(&mut list, 50, 0, 0);
        assert!(
            list.capacity() >= 50,
            "room for what is asked, whatever the text's size"
        );
        let mut list: Vec<u8> = Vec::new();
        reserve_projected(&mut list, 3, 1, 1_000_000);
        assert!(
            list.capacity() <= 500_000,
            "a freak density early on asks for at most half the text's bytes, got {}",
            list.capacity()
        );
    }
}
