//! A speech's head (政府工作报告, 讲话): the subtitle with the date delivered and the occasion
//! (`——2026年1月26日在…会议上`), the speaker line (`河北省人民政府省长 王正谱`), and the news
//! page's photo caption that may stand among them.

use super::dates::find_date;
use super::lines::{self, Line};
use super::words::{
    ends_with_document_kind, ends_with_office, has_sentence_punct, is_name, is_organ,
    office_and_name,
};
use super::{compact, Found};

/// The subtitle of a speech: `——2026年1月26日在…会议上` (dashes of any kind, or in brackets).
/// Its continuation lines (a PDF copy wraps it) are used too. Sets the date; says whether the
/// line is a speech's (a bare bracketed date may also date a regulation's adoption).
pub fn subtitle(found: &mut Found<'_, '_>, lines: &[Line<'_>], i: usize) -> Option<(usize, bool)> {
    let line = lines.get(i)?;
    let t = line.text;
    let dashed = starts_with_dash(t);
    // Also a subtitle whose dash a web copy dropped: `2024年1月12日在…会议上`.
    let bare = is_bare_subtitle(t);
    if !(dashed || bare || t.starts_with(['（', '('])) || t.len() > lines::ELEMENT_LINE_BYTES {
        return None;
    }
    // A wrapped subtitle goes on over the next lines of its paragraph, or over a short line
    // ending the occasion (`议上`, `次会议上`); the date may stand in either part.
    let mut j = i + 1;
    while let Some(next) = lines.get(j) {
        let same = next.par == line.par;
        let short_tail = next.text.chars().count() <= 20 && next.text.ends_with(['上', '）', ')']);
        if !(same || short_tail)
            || office_and_name(next.text).is_some()
            || next.text.ends_with(['：', ':'])
            || j > i + 2
        {
            break;
        }
        j += 1;
        if !same {
            break;
        }
    }
    let part = &lines[i..j];
    let whole: String = part.iter().map(|l| l.text).collect();
    let rest = whole
        .trim_start_matches(is_dash)
        .trim_start_matches(['（', '(']);
    let offset = whole.len() - rest.len();
    // `——2026年1月26日在…会议上`, `——在…会议上（2024年1月10日）`, `（2024年1月5日）`.
    let date = find_date(rest).filter(|d| dashed || d.range.start == 0)?;
    let delivered = dashed || rest[date.range.end..].starts_with('在');
    if found.meta.date.is_none() {
        found.meta.date = Some(date.iso);
        found.span_across(
            "date",
            part,
            date.range.start + offset..date.range.end + offset,
        );
    }
    for l in &lines[i..j] {
        found.use_line(l);
    }
    Some((j, delivered))
}

/// The speaker line of a speech: `河北省人民政府省长 王正谱`, `省长 罗东川`, the office on
/// one line and the name on the next, or (in a speech) a name alone.
pub fn speaker(
    found: &mut Found<'_, '_>,
    lines: &[Line<'_>],
    i: usize,
    speech: bool,
) -> Option<usize> {
    let line = lines.get(i)?;
    if found.meta.speaker.is_some() {
        return None;
    }
    let t = line.text;
    // In a speech a name alone under the title is the speaker's (`在…会议上的讲话` / `王明`).
    if office_and_name(t).is_some() || (speech && is_name(t) && t.chars().count() <= 4) {
        found.meta.speaker = Some(compact(t));
        found.span_in("speaker", line, 0..t.len());
        found.use_line(line);
        return Some(i + 1);
    }
    // Some copies put the speaker line in brackets (`（国务院总理 赵紫阳）`).
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|x| x.strip_suffix(['）', ')']));
    if let Some(inner) = inner.filter(|x| office_and_name(x).is_some()) {
        let open = t.len() - inner.len() - t.chars().next_back().map_or(0, char::len_utf8);
        found.meta.speaker = Some(compact(inner));
        found.span_in("speaker", line, open..open + inner.len());
        found.use_line(line);
        return Some(i + 1);
    }
    // A report to a congress delivered on behalf of a body names the body
    // (`南开区财政局` under `——2024年1月11日在…会议上`).
    if speech && is_organ(t) {
        found.meta.speaker = Some(compact(t));
        found.span_in("speaker", line, 0..t.len());
        found.use_line(line);
        return Some(i + 1);
    }
    let next = lines.get(i + 1)?;
    if ends_with_office(t) && is_name(next.text) {
        found.meta.speaker = Some(compact(&format!("{t}{}", next.text)));
        found.span("speaker", (line, 0..0), (next, 0..next.text.len()));
        found.use_line(line);
        found.use_line(next);
        return Some(i + 2);
    }
    None
}

/// A speech's subtitle whose dash a web copy dropped: `2026年2月3日在…会议上`. It dates the
/// speech and is never its title.
pub fn is_bare_subtitle(t: &str) -> bool {
    t.len() <= lines::ELEMENT_LINE_BYTES
        && find_date(t).is_some_and(|d| d.range.start == 0 && t[d.range.end..].starts_with('在'))
}

pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '—' | '–' | '－' | '―' | '─' | '━' | '‐' | '‑' | '−' | '~' | '～'
    )
}

pub fn starts_with_dash(t: &str) -> bool {
    t.starts_with(is_dash)
}

/// A photo caption of a news page: `…本报记者 张三摄`, `新华社记者 李四 摄`.
pub fn is_caption(t: &str) -> bool {
    t.len() <= lines::ELEMENT_LINE_BYTES
        && (t.ends_with('摄') || t.ends_with("摄影"))
        && (t.contains("记者") || t.contains("摄影") || t.contains('。'))
}

/// Where a speech's head run together on one line (`…的报告——1982年3月13日在…会议上…`) parts
/// its title from the dashed subtitle: the byte length of the title, and the date read after
/// the dashes (its range within the text after them).
pub fn run_together_at(t: &str) -> Option<(usize, super::dates::ElementDate)> {
    if t.len() > lines::ELEMENT_LINE_BYTES || has_sentence_punct(t) {
        return None;
    }
    let dash = t.find(is_dash).filter(|&at| at > 0)?;
    if !ends_with_document_kind(&t[..dash]) {
        return None;
    }
    let rest = t[dash..].trim_start_matches(is_dash);
    let date = find_date(rest).filter(|d| d.range.start == 0)?;
    rest[date.range.end..]
        .starts_with('在')
        .then_some((dash, date))
}

/// A speech's head run together on one line: the title, the dashed subtitle with the date and
/// the occasion, and the speaker (`政府工作报告——2024年3月5日在…会议上国务院总理 李强`). Sets
/// the title, the date and the speaker; returns the line after it.
pub fn run_together(found: &mut Found<'_, '_>, lines: &[Line<'_>], i: usize) -> Option<usize> {
    let line = lines.get(i)?;
    let t = line.text;
    let (dash, date) = run_together_at(t)?;
    let title = &t[..dash];
    let rest = t[dash..].trim_start_matches(is_dash);
    let offset = t.len() - rest.len();
    // The occasion ends with its last `上` (`…会议上`); a speaker may follow.
    let closed = rest.rfind('上');
    let occasion_end = closed.map_or(rest.len(), |at| at + '上'.len_utf8());
    found.meta.title = Some(compact(title));
    found.span_in("title", line, 0..dash);
    found.meta.date = Some(date.iso);
    found.span_in(
        "date",
        line,
        offset + date.range.start..offset + date.range.end,
    );
    let after = &rest[occasion_end..];
    let speaker = compact(after);
    if office_and_name(&speaker).is_some() && found.meta.speaker.is_none() {
        let lead = after.len() - after.trim_start_matches(crate::chars::is_space).len();
        found.meta.speaker = Some(speaker);
        found.span_in("speaker", line, offset + occasion_end + lead..t.len());
    }
    found.use_line(line);
    // A PDF copy wraps the occasion onto the next line (`…第` / `二次会议上国务院总理 李强`).
    if let Some(next) = lines.get(i + 1).filter(|n| closed.is_none() && !n.prose) {
        let n = next.text;
        if let Some(at) = n
            .rfind('上')
            .filter(|_| n.len() <= lines::ELEMENT_LINE_BYTES)
        {
            let after = &n[at + '上'.len_utf8()..];
            let speaker = compact(after);
            if office_and_name(&speaker).is_some() && found.meta.speaker.is_none() {
                let lead = after.len() - after.trim_start_matches(crate::chars::is_space).len();
                found.meta.speaker = Some(speaker);
                found.span_in("speaker", next, at + '上'.len_utf8() + lead..n.len());
            }
            found.use_line(next);
            return Some(i + 2);
        }
    }
    Some(i + 1)
}
