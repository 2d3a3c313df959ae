//! The outline: numbered headings, run-in headings and the enumerations that open sentences.
//!
//! Two passes over the paragraphs, both linear:
//! 1. **Candidates**: a marker that opens a paragraph (`一、` `（一）` `1.` `（1）` `①` `第一章`
//!    …, see [`crate::markers`]), and the enumerations `一是` / `第一，` that open a sentence or
//!    clause anywhere in a paragraph; inside a text run together on one line, the markers that
//!    open a sentence there, and in a web copy that joined a heading to the text around it with
//!    spaces, a marker set off by blanks (`…增长2.0%。 二、农 业 全年…`, see `SpacedTitles`).
//! 2. **Nesting**: a stack of the marker styles seen so far. A style not on the stack nests under
//!    the current heading; a style already on it closes everything above it and becomes a sibling.
//!    So depth follows the order of appearance, and a skipped level (`一、` then `1.`) still nests
//!    right. Numbering must be plausible: a new list starts at 1, a sibling comes soon after the
//!    one before it, and an enumeration `一是` is only taken when its `二是` follows.

use std::ops::Range;

use crate::chars::{is_cjk, is_closing, is_sentence_end, is_space};
use crate::markers::{counted_decimal, enumeration, opening_marker, Marker};
use crate::meta::Elements;
use crate::numerals::is_heading_numeral;
use crate::punct::for_each_clause_mark;
use crate::report::{Heading, MarkerStyle};
use crate::source::Document;

/// Where a heading stands in the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingPlace {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Byte range of the marker in the paragraph's text.
    pub marker: Range<usize>,
    /// Byte range of the title in the paragraph's text.
    pub title: Range<usize>,
}

/// The outline, with byte offsets (converted to code points by the caller).
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// The headings in document order.
    pub headings: Vec<Heading>,
    /// Where each heading stands, parallel to `headings`.
    pub places: Vec<HeadingPlace>,
    /// The paragraphs of attachment lists (`附件：1.…` and the items below it), sorted: the names
    /// of attached documents, which hold no figures.
    pub attachment_lists: Vec<usize>,
}

impl Outline {
    /// Whether paragraph `i` belongs to an attachment list.
    pub fn in_attachment_list(&self, i: usize) -> bool {
        self.attachment_lists.binary_search(&i).is_ok()
    }
}

/// A marker's style and its level within the style (the levels of a decimal number `1.2` are
/// levels of the outline; every other style has one).
type Key = (MarkerStyle, u8);

/// A marker that may be a heading.
#[derive(Debug, Clone)]
struct Candidate {
    paragraph: usize,
    marker: Marker,
    /// Byte offset of the marker in the paragraph's text.
    at: usize,
    /// An enumeration (`一是`, `第一，`) rather than a marker opening a paragraph.
    enumeration: bool,
    /// An enumeration that follows a comma: only a continuation of a running list.
    after_comma: bool,
    /// Where the title must end at the latest: the next heading of a text run together on one
    /// line (`…凝聚法治共识（一）强化理论武装`).
    limit: Option<usize>,
    /// A decimal number whose title opens with a unit or measure word (`2 艘渔船…`): a heading
    /// only inside a numbered run ([`in_run`]), otherwise an amount.
    counted: bool,
}

/// How many candidates ahead an enumeration's `一是` looks for its `二是`.
const LOOKAHEAD: usize = 64;
/// The longest title read: a heading is a phrase or a sentence, and the bound keeps the scan for
/// its end linear however many headings a paragraph holds.
const MAX_TITLE_CHARS: usize = 400;
/// How far a sibling's number may jump ahead of the one before it (`（三）` after `（一）` is a
/// gap in the numbering, reported by the checks; `（九）` after `（一）` is not a sibling).
const MAX_GAP: u32 = 3;

/// Finds the outline.
pub fn extract(doc: &Document<'_>, elements: &Elements) -> Outline {
    let mut outline = Outline::default();
    let candidates = candidates(doc, elements, &mut outline.attachment_lists);
    // The open headings: (style and level, index in `headings`, number).
    let mut stack: Vec<(Key, usize, u32)> = Vec::new();
    // The last number taken for each numbered style, wherever it stood.
    let mut last_seen: Vec<(Key, u32)> = Vec::new();
    // For each heading taken: an enumeration standing as a heading line, which may hold
    // numbered headings.
    let mut held_up: Vec<bool> = Vec::new();
    for (k, cand) in candidates.iter().enumerate() {
        let Some(par) = doc.paragraphs.get(cand.paragraph) else {
            continue;
        };
        let style = cand.marker.style;
        let key = (style, cand.marker.level);
        let number = cand.marker.number;
        if cand.enumeration {
            let on_stack = stack.iter().rposition(|&(s, _, _)| s == key);
            // A list with a small gap (`三是` then `六是`) goes on: the numbering checks report
            // the gap, and dropping the item would lose it silently.
            let continues = on_stack.is_some_and(|p| follows(stack[p].2, number));
            // A list opened at a sentence's start is a list even when its `二是` is not there (an
            // excerpt cut inside it); one opened after a comma only with its next item.
            let starts =
                number == 1 && (!cand.after_comma || followed_by_next(&candidates[k + 1..], style));
            if !(continues || starts) {
                continue;
            }
            if let Some(p) = on_stack {
                stack.truncate(p);
            }
        } else {
            // An enumeration inside a paragraph never holds a numbered heading; one that stands
            // on a line of its own as a heading (`第一，全国动员，大办农业`) does.
            while stack.last().is_some_and(|&((s, _), i, _)| {
                is_enumeration(s) && !held_up.get(i).copied().unwrap_or(false)
            }) {
                stack.pop();
            }
            let on_stack = stack.iter().rposition(|&(s, _, _)| s == key);
            let last = last_number(&last_seen, key);
            // A heading line (marker and a short title, no sentence) in a Chinese style is a
            // heading whatever its number: an excerpt may begin or skip anywhere (`（八）…`,
            // `一、` then `五、`), and such a line is no sentence's number.
            // Read only where the numbering alone does not decide (most headings never get here).
            let free = || {
                matches!(style, MarkerStyle::Chinese | MarkerStyle::ParenChinese)
                    && heading_line(cand, &par.text)
            };
            let plausible = match on_stack {
                Some(p) => {
                    let before = stack[p].2;
                    number == 1
                        || (before..=before + MAX_GAP).contains(&number)
                        || number > before && (runs_on(style) || free())
                }
                // A new list starts at 1; or it numbers straight on from the list of the same
                // style under the previous parent (`（一）1.2.（二）3.4.`, `四、` under `第二章`);
                // or it is the first list of its style and its first item is missing (an
                // excerpt, or a copy that lost `一、`).
                None => {
                    number == 1
                        || runs_on(style)
                        || last.is_some_and(|l| follows(l, number))
                        || last.is_none() && (number == 2 || free())
                        || last.is_some_and(|l| number > l) && free()
                }
            };
            if !plausible || cand.counted && !in_run(&stack, on_stack, cand, &candidates[k + 1..]) {
                continue;
            }
            match on_stack {
                Some(p) => stack.truncate(p),
                // A list whose first item is missing cannot nest under a style that sits below
                // it in the usual order (`（一）…` then `二、`): it closes those levels. Nor can
                // the parts of a law (编, 章, 节, 条), which never stand under a `一、` or `（一）`
                // (the 条例 that follows a 公告's items, an excerpt that lost its 第一章).
                None if number != 1 && last.is_none()
                    || rank(style) <= rank(MarkerStyle::Article) =>
                {
                    while stack
                        .last()
                        .is_some_and(|&((s, _), _, _)| rank(s) > rank(style))
                    {
                        stack.pop();
                    }
                }
                None => {}
            }
            remember(&mut last_seen, key, number);
        }
        let marker = cand.at..cand.at + cand.marker.len;
        let mut title = title_range(&par.text, marker.end, style, cand.enumeration);
        if let Some(limit) = cand.limit.filter(|&l| l < title.end) {
            let kept = par
                .text
                .get(title.start..limit.max(title.start))
                .unwrap_or("");
            title.end = title.start + kept.trim_end_matches(is_space).len();
        }
        let span = par.input_range(marker.start..title.end.max(marker.end));
        let marker_input = par.input_range(marker.clone());
        let index = outline.headings.len();
        outline.headings.push(Heading {
            depth: stack.len() + 1,
            marker: doc.input.get(marker_input).unwrap_or("").to_string(),
            style,
            number,
            title: par.text.get(title.clone()).unwrap_or("").to_string(),
            parent: stack.last().map(|&(_, i, _)| i),
            paragraph: cand.paragraph,
            start: doc.chars.to_char(span.start),
            end: doc.chars.to_char(span.end),
        });
        outline.places.push(HeadingPlace {
            paragraph: cand.paragraph,
            marker,
            title,
        });
        held_up.push(cand.enumeration && heading_line(cand, &par.text));
        stack.push((key, index, number));
    }
    outline
}

/// Whether a counted decimal number (`2 艘渔船…`) stands in a numbered run of headings: the
/// heading of its style and level before it has the number before, or the next candidate of
/// that style and level has the number after and is no counted number itself (two amounts in a
/// row make no run).
fn in_run(
    stack: &[(Key, usize, u32)],
    on_stack: Option<usize>,
    cand: &Candidate,
    rest: &[Candidate],
) -> bool {
    let number = cand.marker.number;
    let key = (cand.marker.style, cand.marker.level);
    let before = on_stack.is_some_and(|p| stack[p].2 + 1 == number);
    let after = || {
        rest.iter()
            .take(LOOKAHEAD)
            .find(|c| !c.enumeration && (c.marker.style, c.marker.level) == key)
            .is_some_and(|c| !c.counted && c.marker.number == number + 1)
    };
    before || after()
}

fn is_enumeration(style: MarkerStyle) -> bool {
    matches!(style, MarkerStyle::Shi | MarkerStyle::Ordinal)
}

/// Styles whose numbers run on through the whole document (articles are numbered across
/// chapters, sections often too), so a list of them need not start at 1.
fn runs_on(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::Article | MarkerStyle::Section | MarkerStyle::Chapter | MarkerStyle::Part
    )
}

/// Whether `number` comes soon after `before` in a list (a small gap is a numbering slip or an
/// excerpt, which the numbering checks report).
fn follows(before: u32, number: u32) -> bool {
    number > before && number <= before + MAX_GAP
}

/// The usual order of the numbered styles (GB/T 9704-2012: `一、` `（一）` `1.` `（1）`), used only
/// to place a list whose first item is missing.
fn rank(style: MarkerStyle) -> u8 {
    match style {
        MarkerStyle::Part => 0,
        MarkerStyle::Chapter => 1,
        MarkerStyle::Section => 2,
        MarkerStyle::Article => 3,
        MarkerStyle::Chinese => 4,
        MarkerStyle::ParenChinese => 5,
        MarkerStyle::Arabic => 6,
        MarkerStyle::ParenArabic => 7,
        MarkerStyle::Circled => 8,
        // Enumerations and decimal numbers stand outside the GB/T 9704 order: listed here, so
        // that a new style cannot be left out of it.
        MarkerStyle::Shi | MarkerStyle::Ordinal | MarkerStyle::Decimal => 9,
    }
}

/// The last number taken for `style`.
fn last_number(seen: &[(Key, u32)], style: Key) -> Option<u32> {
    seen.iter().find(|&&(s, _)| s == style).map(|&(_, n)| n)
}

/// Records the last number taken for `style` (a handful of styles: the list stays short).
fn remember(seen: &mut Vec<(Key, u32)>, style: Key, number: u32) {
    match seen.iter_mut().find(|(s, _)| *s == style) {
        Some(entry) => entry.1 = number,
        None => seen.push((style, number)),
    }
}

/// Whether the next item (`二是`, or `三是` when `二是` is missing) of a list that starts here
/// follows before the next heading.
fn followed_by_next(rest: &[Candidate], style: MarkerStyle) -> bool {
    rest.iter()
        .take(LOOKAHEAD)
        .take_while(|c| c.enumeration)
        .find(|c| c.marker.style == style)
        .is_some_and(|c| follows(1, c.marker.number))
}

/// Every marker that may be a heading, in document order.
/// The paragraphs of attachment lists go to `attachment_lists`.
fn candidates(
    doc: &Document<'_>,
    elements: &Elements,
    attachment_lists: &mut Vec<usize>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    // Inside an attachment list (`附件：1.…` and the items below it), numbers are list items.
    let mut attachment_list = false;
    // A table of contents ends before this paragraph; the paragraphs before the second were
    // looked through for one.
    let (mut contents_end, mut looked_through) = (0, 0);
    for (i, par) in doc.paragraphs.iter().enumerate() {
        let text = par.text.as_str();
        if i < contents_end {
            continue;
        }
        let marker = opening_marker(text);
        if i >= looked_through {
            if let Some((end, contents)) = table_of_contents(doc, i, marker) {
                looked_through = end.max(i + 1);
                if contents {
                    contents_end = end;
                    continue;
                }
            }
        }
        if is_attachment_note(text) {
            attachment_list = true;
            attachment_lists.push(i);
            continue;
        }
        if elements.is_element(i) {
            // An element (the attachment's title after `附件1`) ends an attachment list.
            attachment_list = false;
            continue;
        }
        let mut counted = false;
        let opening = marker.or_else(|| {
            counted = true;
            counted_decimal(text)
        });
        // An item of an attachment list may read as no marker (`2.2025年…`, a number run into a
        // year); any number that opens the line goes on with the list.
        if opening.is_none() && !(attachment_list && opens_with_list_number(text)) {
            attachment_list = false;
        }
        if attachment_list {
            attachment_lists.push(i);
        }
        let opening_index = out.len();
        let opening = opening.filter(|_| !attachment_list);
        if let Some(marker) = opening {
            out.push(Candidate {
                paragraph: i,
                marker,
                at: 0,
                enumeration: false,
                after_comma: false,
                limit: None,
                counted,
            });
        }
        let first = out.len();
        // A heading joined to the paragraph before it with spaces between (a web copy) leaves
        // a gap inside a line, which a paragraph whose lines were copied whole cannot hold.
        let spaced = (!par.lines_are_whole()).then_some(SpacedTitles {
            input: doc.input,
            par,
        });
        if let (Some(marker), Some(spaced)) = (opening, &spaced) {
            out[opening_index].limit = spaced.title_end(marker.len, marker, false);
        }
        let (opens, announced) = enumerations(text, i, &mut out, spaced.is_some());
        if let Some(opens) = opens {
            if announced || run_together(text) {
                inline_headings(
                    text,
                    i,
                    &mut out,
                    opening.map(|_| opening_index),
                    opens,
                    spaced.as_ref(),
                );
            } else if let Some(spaced) = &spaced {
                out.extend(opens.into_iter().filter_map(|(at, marker)| {
                    let end = spaced.title_end(at + marker.len, marker, true)?;
                    Some(Candidate {
                        paragraph: i,
                        marker,
                        at,
                        enumeration: false,
                        after_comma: false,
                        limit: Some(end),
                        counted: false,
                    })
                }));
            }
            crate::sort::sort_by_key(&mut out[first..], |c| c.at);
        }
    }
    out
}

/// A paragraph this long is a text whose line breaks were lost (a PDF or web copy run together
/// on one line), in which headings stand inside the paragraph.
const RUN_TOGETHER_BYTES: usize = 1500;
/// How far into a run-together heading's title the next heading may begin.
const MAX_RUN_IN_TITLE_CHARS: usize = 60;

/// Whether a paragraph may hold headings inside it: a text run together on one line.
fn run_together(text: &str) -> bool {
    text.len() >= RUN_TOGETHER_BYTES
}

/// Styles read inside a run-together paragraph: the ones that cannot be mistaken for a number in
/// a sentence.
fn inline_style(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::Chinese
            | MarkerStyle::ParenChinese
            | MarkerStyle::Chapter
            | MarkerStyle::Section
            | MarkerStyle::Part
    )
}

/// A marker of a style read inside a run-together paragraph, at byte `at` of `text`.
fn inline_marker_at(text: &str, at: usize) -> Option<Marker> {
    let rest = text.get(at..)?;
    if !rest.starts_with(|c: char| is_heading_numeral(c) || matches!(c, '（' | '(' | '第')) {
        return None;
    }
    opening_marker(rest).filter(|m| inline_style(m.style))
}

/// Whether `marker` may run into the title before it with no punctuation between: a `（一）`,
/// or the `X、` after the last one (never a `一、`, which may end a word: `统一、规范`).
fn runs_into(marker: Marker, last_chinese: Option<u32>) -> bool {
    match marker.style {
        MarkerStyle::ParenChinese => true,
        MarkerStyle::Chinese => last_chinese.is_some_and(|n| n + 1 == marker.number),
        _ => false,
    }
}

/// The first marker in `text[window]` that may run into the title before it.
fn run_in_marker(
    text: &str,
    window: Range<usize>,
    last_chinese: Option<u32>,
) -> Option<(usize, Marker)> {
    let slice = text.get(window.clone())?;
    slice.char_indices().find_map(|(i, _)| {
        let at = window.start + i;
        inline_marker_at(text, at)
            .filter(|&m| runs_into(m, last_chinese))
            .map(|m| (at, m))
    })
}

/// The headings inside a paragraph run together on one line: a marker that opens a sentence
/// (`。二、…`, `如下：一、…`), or a `（一）` (or the next `X、`) that follows a heading's title with
/// no punctuation between (`一、…凝聚法治共识（一）强化理论武装。`). A marker is taken only when the
/// paragraph also holds the number before or after it in its style (or it is the parent of such
/// a `（一）`), so a stray number in a sentence is not read as a heading.
///
/// `opening` is the index in `out` of the heading that opens the paragraph, if any: a `（一）` may
/// run into its title too. `opens` are the markers that open a sentence, in text order.
fn inline_headings(
    text: &str,
    paragraph: usize,
    out: &mut Vec<Candidate>,
    opening: Option<usize>,
    opens: Vec<(usize, Marker)>,
    spaced: Option<&SpacedTitles<'_, '_>>,
) {
    // Each marker found, and whether it runs into the title before it.
    let mut found: Vec<(Candidate, bool)> = Vec::new();
    // The title window of the last heading found, for a marker run into it.
    let title_window = |from: usize| {
        text.get(from..)
            .unwrap_or("")
            .char_indices()
            .nth(MAX_RUN_IN_TITLE_CHARS)
            .map_or(text.len(), |(i, _)| from + i)
    };
    let opening_marker_at = opening.and_then(|k| out.get(k)).map(|c| c.marker);
    let mut window_start = opening_marker_at.map_or(0, |m| m.len);
    let mut window_end = opening_marker_at.map_or(0, |m| title_window(m.len));
    let mut last_chinese = opening_marker_at
        .filter(|m| m.style == MarkerStyle::Chinese)
        .map(|m| m.number);
    let mut opens = opens.into_iter().peekable();
    loop {
        // A marker run into the title before it comes first, unless a marker that opens a
        // sentence comes before it (that one opens a title window of its own).
        let next_open = opens.peek().map_or(text.len(), |&(at, _)| at);
        let stop = window_end.min(next_open);
        let (at, marker, run_in) = match run_in_marker(text, window_start..stop, last_chinese) {
            Some((at, marker)) => (at, marker, true),
            None => {
                let Some((at, marker)) = opens.next() else {
                    break;
                };
                (
                    at,
                    marker,
                    at < window_end && runs_into(marker, last_chinese),
                )
            }
        };
        if marker.style == MarkerStyle::Chinese {
            last_chinese = Some(marker.number);
        }
        window_start = at + marker.len;
        window_end = title_window(window_start);
        let candidate = Candidate {
            paragraph,
            marker,
            at,
            enumeration: false,
            after_comma: false,
            limit: spaced
                .filter(|_| !run_in)
                .and_then(|s| s.title_end(at + marker.len, marker, true)),
            counted: false,
        };
        found.push((candidate, run_in));
    }
    // Keep the markers of a style whose numbers run on within the paragraph (`一、` with `二、`),
    // and a heading whose title a kept marker runs into (its `二、` may lie past an excerpt's end).
    let numbers: std::collections::HashSet<(MarkerStyle, u32)> = found
        .iter()
        .map(|(c, _)| (c.marker.style, c.marker.number))
        .collect();
    let runs = |style: MarkerStyle, number: u32| {
        numbers.contains(&(style, number + 1))
            || number > 1 && numbers.contains(&(style, number - 1))
    };
    // A first item that opens a sentence is kept too (`。一、…`, `：一、…`): its `二、` may lie past
    // an excerpt's end, and a sentence opened by `一、` is no sentence of prose.
    let mut keep = vec![false; found.len()];
    for i in (0..found.len()).rev() {
        let (c, run_in) = &found[i];
        let parent_of_kept = found.get(i + 1).is_some_and(|&(_, run_in)| run_in)
            && keep.get(i + 1).copied().unwrap_or(false);
        let first_opening = !run_in && c.marker.number == 1;
        keep[i] = runs(c.marker.style, c.marker.number)
            || parent_of_kept
            || first_opening
            || c.limit.is_some();
    }
    // A first `（一）` run into the title of a kept heading is that heading's first child.
    for i in 0..found.len() {
        let (c, run_in) = &found[i];
        if *run_in && c.marker.number == 1 && !keep[i] {
            keep[i] = match i.checked_sub(1) {
                Some(k) => keep[k],
                None => opening.is_some(),
            };
        }
    }
    // A kept marker run into a title ends that title.
    for i in 0..found.len() {
        if !(keep[i] && found[i].1) {
            continue;
        }
        let at = found[i].0.at;
        let before = match i.checked_sub(1) {
            Some(k) if keep[k] => found.get_mut(k).map(|(c, _)| c),
            Some(_) => None,
            None => opening.and_then(|k| out.get_mut(k)),
        };
        if let Some(c) = before {
            c.limit = Some(c.limit.map_or(at, |l| l.min(at)));
        }
    }
    out.extend(
        found
            .into_iter()
            .zip(keep)
            .filter_map(|((c, _), k)| k.then_some(c)),
    );
}

/// The longest title set off by blanks, in characters (`交通、邮电和旅游`, `人口、就业和社会保障`).
const MAX_SPACED_TITLE_CHARS: usize = 16;

/// Headings that a web copy joined to the text around them, with spaces where the breaks were:
/// `…增长2.0%。 二、农 业 全年全县…`. The heading's marker follows a sentence end and a blank, and its
/// title is set off by a blank from the paragraph that follows: a short phrase (`二、工业 全年…`),
/// or a title spaced out a character at a time as short titles are (`农 业`). The title ends at
/// that blank. Ordinary prose holds no blank between two CJK characters, and a PDF copy's blanks
/// stand next to numbers (`完成 2023 年`), which a title does not end at. A paragraph that opens
/// with a marker ends its title at a blank only after a spaced-out title (`一、综 合 初步核算…`):
/// with no blank before the marker, one after its first words may be a stray space.
struct SpacedTitles<'d, 'i> {
    input: &'i str,
    par: &'d crate::source::Paragraph,
}

impl SpacedTitles<'_, '_> {
    /// Whether the input holds blanks on one line (a space at least, no line break) that were
    /// dropped right before byte `at` of the text.
    fn blank_before(&self, at: usize) -> bool {
        let dropped = self.input.get(self.par.dropped_before(at)).unwrap_or("");
        dropped.contains(is_space) && !dropped.contains(['\n', '\r'])
    }

    /// The end of the title of a heading whose marker ends at byte `from` of the text, when the
    /// title is set off by blanks. `inside`: the marker stands inside the paragraph, where it must
    /// follow a sentence end and a blank; a title that ends the paragraph is then taken whole.
    fn title_end(&self, from: usize, marker: Marker, inside: bool) -> Option<usize> {
        let text = self.par.text.as_str();
        if inside {
            let at = from.checked_sub(marker.len)?;
            let before_marker = text.get(..at)?;
            let before = before_marker
                .trim_end_matches(is_space)
                .chars()
                .next_back()?;
            let blank = self.blank_before(at) || before_marker.ends_with(is_space);
            if !is_sentence_end(before) || !blank {
                return None;
            }
        }
        let title_char = |c: char| is_cjk(c) || c == '、';
        // The starts of the runs of text between blanks, and where the title's characters stop.
        let mut starts = vec![from];
        let mut stop = None;
        for (k, (i, c)) in text.get(from..)?.char_indices().enumerate() {
            let at = from + i;
            if k > MAX_SPACED_TITLE_CHARS {
                stop = Some(at);
                break;
            }
            if at > from && self.blank_before(at) {
                starts.push(at);
            }
            if !title_char(c) {
                stop = Some(at);
                break;
            }
        }
        let chars = |a: usize, b: usize| text.get(a..b).map_or(0, |t| t.chars().count());
        let first_at = |at: usize| text.get(at..).and_then(|r| r.chars().next());
        // Spaced out: two runs of one character or more, then the paragraph going on.
        let singles = starts
            .windows(2)
            .take_while(|w| chars(w[0], w[1]) == 1)
            .count();
        // The paragraph goes on at `end` with a character of `kind`, and is not spaced out.
        let goes_on = |end: usize, kind: fn(char) -> bool| {
            first_at(end).is_some_and(|c| kind(c) && !self.blank_before(end + c.len_utf8()))
        };
        if singles >= 2 {
            if let Some(&end) = starts.get(singles) {
                return goes_on(end, |c| is_cjk(c) || c.is_ascii_digit()).then_some(end);
            }
        }
        // A phrase, then the paragraph going on in CJK text: only inside a paragraph, where the
        // blank before the marker tells a heading from a stray space after a paragraph's first
        // words.
        if let Some(&end) = starts.get(1) {
            if chars(from, end) >= 2 {
                return (inside && goes_on(end, is_cjk)).then_some(end);
            }
        }
        // A short title ending the paragraph, whole or spaced out.
        let last = starts.last().copied().unwrap_or(from);
        let spaced_out = singles + 1 == starts.len() && chars(last, text.len()) == 1;
        let ends_here = stop.is_none() && (starts.len() == 1 || spaced_out);
        (inside && ends_here && chars(from, text.len()) >= 2).then_some(text.len())
    }
}

/// The most lines of a table of contents.
const MAX_CONTENTS_LINES: usize = 200;
/// The longest line of a table of contents, in characters (a title, leaders and a page number).
const MAX_CONTENTS_LINE_CHARS: usize = 60;

/// A table of contents starting at paragraph `at`: the list of a document's parts (`目录` and the
/// lines `第一章 总则` … `第七章 附则` under it) that the body then repeats as its headings. Its
/// lines are no headings. Found after a line that reads `目录` (`目 錄`, `目次`), or, with no such
/// line, as a run of two heading lines or more whose first comes again, word for word, right
/// after the run (the body's own first heading). Either way the list ends where the number of
/// its first line comes again: the body starts there.
///
/// `None` when `at` can open no such list. Otherwise the end of the lines looked through, and
/// whether they are a table of contents: a list is then skipped whole, and lines looked through
/// are not looked from again, which keeps the search linear. `marker` is the marker opening
/// paragraph `at`, if any.
fn table_of_contents(
    doc: &Document<'_>,
    at: usize,
    marker: Option<Marker>,
) -> Option<(usize, bool)> {
    let text = doc.paragraphs.get(at)?.text.as_str();
    // Only a first heading line can open a list of the document's parts.
    let first_line = || marker.is_some_and(|m| m.number == 1 && is_heading_line(text, m.len));
    let labelled = marker.is_none() && is_contents_label(text);
    if !labelled && !first_line() {
        return None;
    }
    let from = at + usize::from(labelled);
    // The first entry: its marker, and its title without blanks.
    let mut first: Option<(MarkerStyle, u32, String)> = None;
    let mut end = from;
    for (j, par) in doc
        .paragraphs
        .iter()
        .enumerate()
        .skip(from)
        .take(MAX_CONTENTS_LINES)
    {
        end = j;
        let line = par.text.as_str();
        let marker = opening_marker(line).filter(|m| is_contents_line(line.get(m.len..)));
        let Some(marker) = marker else {
            // A line with no number (`前言`, `附录`) may stand in a labelled list.
            if labelled && first.is_some() && is_contents_line(Some(line)) {
                continue;
            }
            break;
        };
        let title = compact_title(line.get(marker.len..).unwrap_or(""));
        match &first {
            None => first = Some((marker.style, marker.number, title)),
            // The first entry's number again: the body starts, with the same title when no
            // `目录` line said a list would come.
            Some((style, number, first_title))
                if *style == marker.style && *number == marker.number =>
            {
                let repeated = !title.is_empty() && first_title.starts_with(title.as_str());
                return Some((j, labelled || repeated && j > from + 1));
            }
            Some(_) => {}
        }
    }
    Some((end, false))
}

/// Whether a line reads `目录` (`目 录`, `目錄`, `目次`): the label of a table of contents.
fn is_contents_label(text: &str) -> bool {
    text.len() <= 30
        && text.starts_with('目')
        && crate::lexicon::CONTENTS_LABELS
            .contains(&compact_title(text).trim_end_matches(['：', ':']))
}

/// Whether the text after a line's marker (or the whole line) reads as a line of a table of
/// contents: a short title, maybe with leaders and a page number, and no sentence.
fn is_contents_line(title: Option<&str>) -> bool {
    let Some(title) = title else {
        return false;
    };
    title.len() <= MAX_CONTENTS_LINE_CHARS * 3
        && !title.is_empty()
        && title.chars().count() <= MAX_CONTENTS_LINE_CHARS
        && !title.contains(|c: char| {
            is_sentence_end(c) || matches!(c, '；' | ';' | '，' | ',' | '：' | ':')
        })
}

/// A title without its blanks, leaders or page number, to compare a line of a table of
/// contents with the heading it lists.
fn compact_title(title: &str) -> String {
    title
        .chars()
        .filter(|&c| !is_space(c))
        .collect::<String>()
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '…' | '.' | '·' | '-'))
        .to_string()
}

/// Whether a candidate opens its paragraph as a heading line (see [`is_heading_line`]).
fn heading_line(cand: &Candidate, text: &str) -> bool {
    cand.at == 0 && is_heading_line(text, cand.marker.len)
}

/// The longest title of a heading line, in characters.
const MAX_LINE_TITLE_CHARS: usize = 40;

/// Whether a paragraph whose marker is `marker_len` bytes long is a heading line: a short title
/// after the marker and no sentence (`三、关于人民生活`, `第一，全国动员，大办农业`).
fn is_heading_line(text: &str, marker_len: usize) -> bool {
    let Some(title) = text.get(marker_len..) else {
        return false;
    };
    // A title of 40 characters takes at most 120 bytes: longer text is not read.
    title.len() <= MAX_LINE_TITLE_CHARS * 3
        && !title.is_empty()
        && title.chars().count() <= MAX_LINE_TITLE_CHARS
        && !title.contains(|c: char| is_sentence_end(c) || matches!(c, '；' | ';' | '：' | ':'))
}

/// Whether `text` opens with a list number (`2.`, `3、`, `１．`).
fn opens_with_list_number(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    rest.len() < text.len() && rest.starts_with(['.', '．', '、'])
}

/// The attachment note of GB/T 9704-2012 (`附件：1.…`, `附件：`, `附件1`), not a sentence that
/// merely begins with the word (`附件所列项目…`).
fn is_attachment_note(text: &str) -> bool {
    text.strip_prefix("附件").is_some_and(|rest| {
        rest.chars().next().is_none_or(|c| {
            matches!(c, '：' | ':' | '（' | '(') || c.is_ascii_digit() || is_heading_numeral(c)
        })
    })
}

/// The enumerations that open a sentence or a clause of `text`.
///
/// Only the character after a clause's punctuation (or the text's first) can open one, so the
/// text is scanned by bytes for the lead bytes of that punctuation and decoded only there. The
/// same scan collects, for a paragraph run together on one line or one with gaps inside its lines
/// (`spaced`), the markers that open a sentence there (after `。！？` or a colon), for
/// [`inline_headings`] and [`SpacedTitles`]; and in any paragraph, from a list's first item that
/// a colon announces (`规定如下：一、每套棉衣…`, a copy that lost the break after the colon) on.
/// The flag says whether such a list was announced.
fn enumerations(
    text: &str,
    paragraph: usize,
    out: &mut Vec<Candidate>,
    spaced: bool,
) -> (Option<Vec<(usize, Marker)>>, bool) {
    let mut opens = (spaced || run_together(text)).then(Vec::new);
    let mut announced = false;
    let mut try_at = |at: usize, after_comma: bool| {
        let rest = text.get(at..).unwrap_or("");
        if !rest.starts_with(|c: char| is_heading_numeral(c) || c == '第') {
            return;
        }
        if let Some(marker) = enumeration(rest) {
            out.push(Candidate {
                paragraph,
                marker,
                at,
                enumeration: true,
                after_comma,
                limit: None,
                counted: false,
            });
        }
    };
    try_at(0, false);
    for_each_clause_mark(text, |mark, punct| {
        let after = mark + punct.len_utf8();
        let colon = matches!(punct, '：' | ':');
        match punct {
            '，' | ',' => return try_at(after, true),
            '；' | ';' => return try_at(after, false),
            _ if !(colon || is_sentence_end(punct)) => return,
            _ => {}
        }
        // A copy may leave a blank after a sentence (`特点: （一）…`).
        let blank = text
            .as_bytes()
            .get(after)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | 0xC2 | 0xE2 | 0xE3 | 0xEF));
        let at = match text.get(after..) {
            Some(rest) if blank => text.len() - rest.trim_start_matches(is_space).len(),
            _ => after,
        };
        try_at(at, false);
        if opens.is_none() && !colon {
            return;
        }
        let Some(marker) = inline_marker_at(text, at) else {
            return;
        };
        let first_item = colon
            && marker.number == 1
            && matches!(
                marker.style,
                MarkerStyle::Chinese | MarkerStyle::ParenChinese
            );
        announced |= first_item;
        if first_item || opens.is_some() {
            opens.get_or_insert_with(Vec::new).push((at, marker));
        }
    });
    (opens, announced)
}

/// The title after a marker ending at `from`: for an enumeration or an article, the text up to
/// the first `，；。`; otherwise the first sentence without its final `。` (or up to a colon that
/// announces the rest: `（一）主要做法：一是…`), the whole paragraph when it has neither.
/// Punctuation inside quotes or brackets does not end a title, and punctuation doubled after the
/// marker (`（一）、`) does not begin one.
fn title_range(text: &str, from: usize, style: MarkerStyle, enumeration: bool) -> Range<usize> {
    let clause = enumeration || style == MarkerStyle::Article;
    let rest = text.get(from..).unwrap_or("");
    let lead = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                is_space(c) || matches!(c, '：' | ':' | '、' | '．' | '.')
            })
            .len();
    let start = from + lead;
    let mut depth = 0usize;
    let mut end = text.len();
    let body = text.get(start..).unwrap_or("");
    // Quote marks standing together are displaced ones (`“”“超计划完成…`, a copy that lost what
    // they quoted) and open nothing. Two quotes in a row (`“甲”“乙”`) leave the depth as it was
    // either way.
    let double_quote = |c: Option<char>| matches!(c, Some('“' | '”' | '"'));
    let mut before = None;
    let mut chars = body.char_indices().take(MAX_TITLE_CHARS).peekable();
    while let Some((i, c)) = chars.next() {
        let displaced = double_quote(Some(c))
            && (double_quote(before) || double_quote(chars.peek().map(|&(_, n)| n)));
        before = Some(c);
        match c {
            _ if displaced => {}
            '“' | '‘' | '（' | '(' | '《' | '「' | '『' | '【' => depth += 1,
            _ if is_closing(c) => depth = depth.saturating_sub(1),
            _ => {}
        }
        let stop = if clause {
            matches!(c, '，' | '；' | '。' | ',' | ';' | '：' | '！' | '？')
        } else {
            is_sentence_end(c) || c == '：'
        };
        if stop && depth == 0 {
            end = start + i;
            break;
        }
        end = start + i + c.len_utf8();
    }
    // A trailing colon or semicolon is not part of the title (`一、主要做法：`).
    let title = text.get(start..end).unwrap_or("");
    let trimmed = title.trim_end_matches(|c: char| {
        matches!(c, '：' | ':' | '；' | ';' | '，' | ',') || is_space(c)
    });
    start..start + trimmed.len()
}
