//! After the body: the 署名 above the 成文日期, the enclosed report's own title that may follow
//! a covering letter, and the 版记 (抄送, 印发机关和印发日期).

use super::dates::{find_date, whole_date};
use super::lines::{self, Line};
use super::words::{
    closes_bracket, ends_with_document_kind, has_sentence_punct, is_attachment_label,
    is_bracketed_note, is_organ, office_and_name, opens_with_heading_marker,
};
use super::{compact, split_bodies, Found};

/// How many organ lines may stand above a date (the names of a joint document).
const SIGNERS: usize = 4;
/// How many lines the enclosed report's title may wrap over.
const BODY_TITLE_LINES: usize = 3;
/// Paragraphs longer than this (in lines) are body text and are not searched for a 署名.
const SHORT_PARAGRAPH_LINES: usize = 4;

/// Finds the 署名 and 成文日期 (the first date line with an organ's name above it, after the
/// head), then the title of an enclosed report that follows them.
pub fn signature(found: &mut Found<'_, '_>, from: usize) {
    let doc = found.doc;
    // The last few lines read, so that a date line can look back at the names above it.
    let mut recent: Vec<Line<'_>> = Vec::new();
    // The first date alone on its line with no name above it.
    let mut unsigned: Option<(usize, usize)> = None;
    for par in from..doc.paragraphs.len() {
        let lines = lines::split(doc, par);
        if lines.len() > SHORT_PARAGRAPH_LINES {
            recent.clear();
            recent.extend(lines.last().cloned());
            continue;
        }
        for (k, line) in lines.iter().enumerate() {
            // A 令 is signed by a person (`总理李鹏` over the date): the date is the 成文日期,
            // and no body signs.
            if let Some(date) = alone_date(line).filter(|_| {
                recent
                    .last()
                    .is_some_and(|l| office_and_name(l.text).is_some())
            }) {
                if found.meta.date.is_none() {
                    found.meta.date = Some(date.1);
                    found.span_in("date", line, date.0);
                }
                found.use_line(line);
                return;
            }
            // The enclosed report's own head run together on one line (`…的报告──1982年3月13日
            // 在…会议上…主任 某某`) after a covering notice that kept no 署名: its title is the
            // enclosed title, and what follows is the report's, not the notice's.
            // (Body lines end with their punctuation: only an unpunctuated end is looked at.) A
            // PDF copy wraps that line: its start may be the line before.
            if let Some((head, len)) = run_together_title(line, recent.last()) {
                found.meta.body_title = Some(compact(&head.text[..len]));
                found.span_in("body_title", &head, 0..len);
                found.use_line(&head);
                found.use_line(line);
                return;
            }
            if let Some(s) = signed(line, &recent) {
                record_signature(found, &s.signers, &s.date_line, s.date);
                body_title(found, &lines_after(doc, par, &lines, k));
                return;
            }
            if unsigned.is_none() && alone_date(line).is_some() {
                unsigned = Some((par, k));
            }
            // A 附注 (`（此件公开发布）`) may stand between the 署名 and the 成文日期 in a web
            // copy: the date still reads the names above the note.
            if is_bracketed_note(line.text) && !recent.is_empty() {
                continue;
            }
            recent.push(line.clone());
            if recent.len() > SIGNERS {
                recent.remove(0);
            }
        }
    }
    // No name above a date. A reposted covering letter may have lost its 署名 but not its
    // 成文日期: a date alone followed by the enclosed document's title is that letter's date.
    if let Some((par, k)) = unsigned {
        let lines = lines::split(doc, par);
        if let Some((line, date)) = lines.get(k).and_then(|l| Some((l, alone_date(l)?))) {
            if body_title(found, &lines_after(doc, par, &lines, k)) {
                found.meta.date = Some(date.1);
                found.span_in("date", line, date.0);
                found.use_line(line);
                return;
            }
        }
    }
    // Else the last date line standing alone at the end.
    let tail = lines::tail(doc, from);
    if let Some((line, date)) = tail.iter().rev().find_map(|l| Some((l, alone_date(l)?))) {
        found.meta.date = Some(date.1);
        found.span_in("date", line, date.0);
        found.use_line(line);
    }
}

/// A speech's head run together on `line`, or on the unpunctuated line before it and `line`
/// (a PDF copy wrapped it): the line the title stands on and the title's byte length.
fn run_together_title<'d>(line: &Line<'d>, before: Option<&Line<'d>>) -> Option<(Line<'d>, usize)> {
    let open = |t: &str| !t.ends_with(['。', '；', '，', '：', ':', '！', '？']);
    if let Some((len, _)) = open(line.text)
        .then(|| super::speech::run_together_at(line.text))
        .flatten()
    {
        return Some((line.clone(), len));
    }
    let before = before.filter(|b| open(b.text) && b.text.contains(super::speech::is_dash))?;
    let joined = format!("{}{}", before.text, line.text);
    super::speech::run_together_at(&joined)
        .filter(|(len, _)| *len <= before.text.len())
        .map(|(len, _)| (before.clone(), len))
}

/// The lines after line `k` of paragraph `par` (whose lines are `lines`) that may hold the
/// enclosed document's title.
fn lines_after<'d>(
    doc: &'d crate::source::Document<'_>,
    par: usize,
    lines: &[Line<'d>],
    k: usize,
) -> Vec<Line<'d>> {
    lines
        .get(k + 1..)
        .unwrap_or(&[])
        .iter()
        .cloned()
        .chain(
            (par + 1..doc.paragraphs.len())
                .take(lines::WINDOW)
                .flat_map(|p| lines::split(doc, p)),
        )
        .take(BODY_TITLE_LINES + 3)
        .collect()
}

type DateIn = (std::ops::Range<usize>, String);

/// A 署名 and 成文日期: the organ lines (topmost first, each with the byte length of the name
/// in it), the date line and the date.
struct Signed<'d> {
    signers: Vec<(Line<'d>, usize)>,
    date_line: Line<'d>,
    date: Option<DateIn>,
}

/// A date line (`2024年1月12日`, brackets allowed) that is not a 版记 line.
fn alone_date(line: &Line<'_>) -> Option<DateIn> {
    whole_date(line.text).map(|d| (d.range, d.iso))
}

/// If `line` is a 成文日期 with organ names above it (or on the same line before the date),
/// the names (topmost first), the date line and the date.
fn signed<'d>(line: &Line<'d>, recent: &[Line<'d>]) -> Option<Signed<'d>> {
    if line.text.len() > lines::ELEMENT_LINE_BYTES {
        return None;
    }
    // A copy may mask the year (`20xx年4月26日`): still the date line under the 署名, with no
    // date to read.
    let date = alone_date(line)
        .map(Some)
        .or_else(|| is_masked_date(line.text).then_some(None));
    if let Some(date) = date {
        let mut signers = Vec::new();
        for above in recent.iter().rev() {
            if !is_organ(above.text) || signers.len() >= SIGNERS {
                break;
            }
            signers.push((above.clone(), above.text.len()));
        }
        signers.reverse();
        return (!signers.is_empty()).then(|| Signed {
            signers,
            date_line: line.clone(),
            date,
        });
    }
    // `上海市发展和改革委员会 2024年2月20日` on one line.
    let d = find_date(line.text)?;
    let organ = line.text.get(..d.range.start)?;
    (d.range.end == line.text.len() && is_organ(organ)).then(|| Signed {
        signers: vec![(line.clone(), organ.len())],
        date_line: line.clone(),
        date: Some((d.range, d.iso)),
    })
}

fn record_signature(
    found: &mut Found<'_, '_>,
    signers: &[(Line<'_>, usize)],
    date_line: &Line<'_>,
    date: Option<DateIn>,
) {
    if let Some((first, len)) = signers.first() {
        let name = first
            .text
            .get(..found.first_body(first, *len))
            .unwrap_or(first.text);
        found.meta.signed_by = Some(compact(name));
        found.span_in("signed_by", first, 0..name.len());
    }
    for (l, _) in signers {
        found.use_line(l);
    }
    if let Some(date) = date.filter(|_| found.meta.date.is_none()) {
        found.meta.date = Some(date.1);
        found.span_in("date", date_line, date.0);
    }
    found.use_line(date_line);
}

/// The enclosed report's title after a covering letter's 署名 and 成文日期: one to three short
/// unpunctuated lines (after an optional `附件` label) followed by body text. Whether one was
/// found.
fn body_title(found: &mut Found<'_, '_>, after: &[Line<'_>]) -> bool {
    // Skip the 附注 (`（此件公开发布）`) and an `附件` label before the title.
    let start = after
        .iter()
        .take_while(|l| is_attachment_label(l.text) || is_bracketed_note(l.text))
        .count();
    let doc = found.doc;
    let heading = |l: &Line<'_>| heading_line(doc, l);
    // A note in brackets under the title (`（2005年6月17日修订）`, `（2024年1月5日市政府第3次常务
    // 会议通过）`) is the 题注, not part of the title; a short status (`（试行）`) is.
    // Nor is a span of years (`（2023—2027年）`), which is the title's.
    // A 题注 dates the text (`年`); a draft's status (`（修正草案·二审稿）`) is the title's.
    let note = |l: &Line<'_>| {
        is_bracketed_note(l.text)
            && l.text.chars().count() > 8
            && l.text.contains("年")
            && !is_year_span(l.text)
    };
    let chapter = |l: &Line<'_>| crate::lexicon::CHAPTER_NAMES.contains(&compact(l.text).as_str());
    let is_title_line = |l: &Line<'_>| {
        !l.prose
            && !heading(l)
            && !chapter(l)
            && !note(l)
            && l.text.chars().count() <= 40
            && !has_sentence_punct(l.text)
            && whole_date(l.text).is_none()
    };
    let mut end = start;
    // Whether the title ended with its kind of document (`…年度报告`) and nothing continued it.
    let mut kinded = false;
    while end < after.len()
        && end - start < BODY_TITLE_LINES
        && after.get(end).is_some_and(is_title_line)
    {
        end += 1;
        let continued = after.get(end).is_some_and(|n| {
            n.text.starts_with(['的', '（', '(']) || closes_bracket(n.text) || is_kind_tail(n.text)
        });
        if ends_with_document_kind(after[end - 1].text) && !continued {
            kinded = true;
            break;
        }
    }
    // Body text must follow, or this is the end of the document (or the 版记), not a title.
    let next = after
        .get(end)
        .filter(|l| !note(l))
        .or_else(|| after.get(end + 1));
    // After a title ended by its kind, a first sentence a copy broke over short lines
    // (`根据《` / `…条例》(以下简称` / `《条例》)…要求，…。`) is body text too.
    let broken_sentence = || {
        let mut joined = String::new();
        for l in after.iter().skip(end).take(BODY_TITLE_LINES) {
            joined.push_str(l.text);
            if has_sentence_punct(&joined) || l.prose {
                return true;
            }
        }
        false
    };
    let followed =
        next.is_some_and(|l| l.prose || heading(l) || chapter(l)) || (kinded && broken_sentence());
    if end == start || !followed {
        return false;
    }
    let lines = &after[start..end];
    let text = compact(&lines.iter().map(|l| l.text).collect::<String>());
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return false;
    };
    found.span("body_title", (first, 0..0), (last, 0..last.text.len()));
    for l in lines {
        found.use_line(l);
    }
    found.meta.body_title = Some(text);
    true
}

/// A short line that is only the end of a title wrapped before its kind (`的通知`, `实施方案`).
fn is_kind_tail(t: &str) -> bool {
    t.chars().count() <= 8 && ends_with_document_kind(t)
}

/// Whether a line opens with a heading marker, as cleaned or as written in the input: reading
/// closes the space between a number and CJK text (`2023 年`), which also turns a decimal
/// heading `1 总则` into `1总则`.
fn heading_line(doc: &crate::source::Document<'_>, l: &Line<'_>) -> bool {
    opens_with_heading_marker(l.text)
        || doc.paragraphs.get(l.par).is_some_and(|p| {
            doc.input
                .get(p.input_range(l.range.clone()))
                .is_some_and(|raw| opens_with_heading_marker(raw.trim_start()))
        })
}

/// The 版记 at the end: `抄送：A，B。` and `XX办公室 2024年1月12日印发`.
pub fn imprint(found: &mut Found<'_, '_>, from: usize) {
    let tail = lines::tail(found.doc, from);
    for (k, line) in tail.iter().enumerate() {
        let t = line.text;
        if t.len() > lines::ELEMENT_LINE_BYTES {
            continue;
        }
        if let Some(before) = t.strip_suffix("印发") {
            let Some(d) = find_date(before).filter(|d| d.range.end == before.len()) else {
                continue;
            };
            let organ = &before[..d.range.start];
            if is_organ(organ) {
                found.meta.printed_by = Some(compact(organ));
                found.span_in("printed_by", line, 0..organ.len());
            } else if let Some(prev) = k
                .checked_sub(1)
                .and_then(|p| tail.get(p))
                .filter(|p| organ.is_empty() && is_organ(p.text))
            {
                found.meta.printed_by = Some(compact(prev.text));
                found.span_in("printed_by", prev, 0..prev.text.len());
                found.use_line(prev);
            } else {
                // A date followed by 印发 inside a sentence: not the 版记.
                continue;
            }
            found.meta.printed_date = Some(d.iso);
            found.span_in("printed_date", line, d.range);
            found.use_line(line);
        } else if let Some(list) = t
            .strip_prefix("抄送")
            .and_then(|r| r.strip_prefix(['：', ':']))
        {
            // The list may wrap onto the next lines, in its paragraph or (when reading kept
            // them apart) after it, until the list ends with 。 or the 印发 line comes.
            let mut text = list.to_string();
            let mut last = line;
            let mut wrapped = vec![line];
            for (m, next) in tail.iter().enumerate().skip(k + 1).take(3) {
                let printed_next = |n: &Line<'_>| n.text.ends_with("印发");
                let organ_above_printed =
                    is_organ(next.text) && tail.get(m + 1).is_some_and(printed_next);
                let goes_on = next.par == line.par
                    || (!text.ends_with(['。', '.'])
                        && !next.text.contains(['：', ':'])
                        && next.text.chars().count() <= 40
                        && !organ_above_printed);
                if printed_next(next) || !goes_on {
                    break;
                }
                text.push_str(next.text);
                last = next;
                wrapped.push(next);
            }
            found.meta.cc = split_bodies(&text);
            let skip = t.len() - list.len();
            found.span("cc", (line, skip..skip), (last, 0..last.text.len()));
            for l in wrapped {
                found.use_line(l);
            }
        }
    }
}

/// A span of years in brackets (`（2023—2027年）`, `(2021-2025年)`): digits, dashes and 年.
fn is_year_span(t: &str) -> bool {
    let inner = t.trim_matches(|c| matches!(c, '（' | '）' | '(' | ')'));
    inner.contains('年')
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || c == '年' || super::speech::is_dash(c) || c == '至')
}

/// A date line whose year a copy masked (`20xx年4月26日`, `XXXX年X月X日`): two digits or none
/// then letters standing in for the rest of the year, then a month and a day.
fn is_masked_date(t: &str) -> bool {
    if t.len() > 40 {
        return false;
    }
    let Some((year, rest)) = t.split_once('年') else {
        return false;
    };
    let masked = year.chars().count() == 4
        && year
            .chars()
            .any(|c| matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ' | '×'))
        && year
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ' | '×'));
    let Some((month, day)) = rest.split_once('月') else {
        return false;
    };
    let field = |f: &str| {
        let n = f.chars().count();
        (1..=2).contains(&n)
            && f.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ' | '×'))
    };
    masked && field(month) && day.strip_suffix('日').is_some_and(field)
}
