//! The head of a document: 版头 (份号, 密级, 发文机关标志, 发文字号), the title, and then either
//! the 主送机关 or, for a speech, the subtitle with the date delivered and the speaker line.

use std::ops::Range;

use crate::lexicon::{self, SPEECH_KINDS};

use super::dates::{find_date, find_doc_number, whole_date};
use super::fields::{self, Fields};
use super::lines::{self, Line};
use super::speech::{
    is_bare_subtitle, is_caption, run_together, speaker, starts_with_dash, subtitle,
};
use super::words::{
    closes_bracket, ends_with_document_kind, has_ascii_comma, has_sentence_punct,
    is_attachment_label, is_field_label, is_field_line, is_header_mark, is_item_mark, is_organ,
    is_page_channel, is_page_field, is_salutation, is_site_name, is_web_label, is_wiki_label,
    joint_bodies, office_and_name, opens_with_heading_marker, site_tags,
};
use super::{compact, split_bodies, Found};

/// What the head told about the rest of the document.
pub struct Head<'d> {
    /// A speech (subtitle, speaker line or salutation found): no 署名, no issuer.
    pub speech: bool,
    /// The first paragraph after the head's elements.
    pub end_par: usize,
    /// An issuing body alone on a line above the title (with its input byte range): the issuer
    /// if neither the title nor a 署名 names one.
    pub organ_above: Option<(String, Range<usize>)>,
    /// The elements a key-value header above or around the document states.
    pub fields: Fields<'d>,
}

/// How many lines after the title may hold the subtitle, speaker, 文号 and 主送机关.
const AFTER_TITLE: usize = 8;
/// How many lines a 主送机关 list may wrap over.
const ADDRESSEE_LINES: usize = 3;
/// How many lines a title may wrap over.
const TITLE_LINES: usize = 4;
/// The longest title line, in characters.
const TITLE_LINE_CHARS: usize = 80;

/// Reads the head of the document.
pub fn read<'d>(found: &mut Found<'d, '_>) -> Head<'d> {
    let lines = lines::head(found.doc);
    let fields = fields::read(&lines);
    let top = page_top(&lines).max(table_top(found, &lines));
    // A breadcrumb may end with the site's title of the page (`首页 > 实用范文 > 关于批复范文精选
    // 28篇正文`).
    for k in 0..top {
        if lines.get(k).is_some_and(|l| is_breadcrumb(l.text)) {
            page_line(found, &lines, k);
        }
    }
    let mut i = banner(found, &lines, top);
    // A web page's breadcrumb (`首页 > 政务公开 > 通知公告`) above the title.
    // Also its information table (`索引号：…`, `发文字号：…`) and an `附件` label above the
    // title of a document published as an attachment.
    while lines.get(i).is_some_and(|l| {
        (l.text.contains(['>', '＞', '»']) && i < 3)
            || (is_page_field(l.text) && !labelled_title(l.text))
            || is_web_label(l.text)
            || is_site_name(l.text)
            || is_attachment_label(l.text)
            || is_dated_banner(l.text)
            || l.text.contains(['|', '｜', '丨'])
            || site_above_title(&lines, i)
            || label_above(&lines, i)
            || is_bare_field_label(l.text)
            || is_empty_field(l.text)
            || is_page_channel(l.text)
            || is_site_title(l.text)
    }) {
        // The field's value may wrap: onto the next lines of its paragraph, or onto a line
        // whose brackets close what the field opened.
        let par = lines.get(i).map_or(usize::MAX, |l| l.par);
        if lines.get(i).is_some_and(|l| is_site_title(l.text)) {
            page_line(found, &lines, i);
        }
        let empty = lines.get(i).is_some_and(|l| is_empty_field(l.text));
        i += 1;
        while lines
            .get(i)
            .is_some_and(|l| l.par == par || closes_bracket(l.text))
        {
            i += 1;
        }
        // `• 审核程序：` with its value (`单位审核公开`) on the next line of its own: a value
        // between two fields, or a short word that is no body's name (the title's first line
        // may follow a label left empty).
        if empty
            && lines.get(i).is_some_and(|l| {
                is_field_value(l.text)
                    && (lines.get(i + 1).is_some_and(|n| is_field_line(n.text))
                        || (l.text.chars().count() <= SHORT_VALUE_CHARS
                            && !is_organ(l.text)
                            && !l.text.contains("关于")))
            })
        {
            i += 1;
        }
    }
    // A 版头 may stand below the page's lines (`朗读` / `苍计投〔2004〕303号`).
    i = banner(found, &lines, i);
    let (start, organ_above, own) = repeated_heading(found, &lines, i);
    i = start;
    // A 命令 has no title: its mark and 令号 (the only 发文字号 that starts with 第) head the
    // body text directly.
    let order = found
        .meta
        .doc_number
        .as_deref()
        .is_some_and(|n| n.starts_with('第'));
    if order {
        found.title_end = i;
    } else {
        i = title(found, &lines, i);
    }
    // The issuing body printed alone above a title that names none (`某某省人民政府` over
    // `某某省…管理规定`) in a reposted copy: the issuer when no 署名 names one.
    let organ_above = organ_above
        .and_then(|k| lines.get(k))
        .filter(|l| found.meta.title.is_some() && !found.is_used(l))
        .map(|l| {
            found.use_line(l);
            (compact(l.text), found.input_range(l, 0..l.text.len()))
        });
    // Right above the document's own title (not between the page's repeats of its name), the
    // body stands where the 发文机关标志 does: the issuer, before a 署名 that may shorten the name.
    let organ_above = match organ_above {
        Some((name, range)) if own && found.meta.issuer.is_none() => {
            let [start, end] = found.doc.chars.span(range);
            found.meta.issuer = Some(name);
            found.meta.spans.push(crate::report::ElementSpan {
                key: "issuer".into(),
                start,
                end,
            });
            None
        }
        other => other,
    };
    // A title naming a speech (`在…会议上的讲话`) makes one even before its subtitle.
    let mut speech = found.meta.speaker.is_some()
        || found
            .meta
            .title
            .as_deref()
            .is_some_and(|t| SPEECH_KINDS.iter().any(|k| t.ends_with(k)));
    let mut end_par = lines.get(i).map_or(found.doc.paragraphs.len(), |l| l.par);
    let mut skipped = 0;
    let mut dated = None;
    while let Some(line) = lines.get(i) {
        if i >= found.title_end + AFTER_TITLE {
            break;
        }
        // A news page's photo caption may stand among the head lines (`…作政府工作报告。本报
        // 记者 张三摄`): passed over, never an element.
        if is_caption(line.text) {
            i += 1;
            continue;
        }
        // … or wrapped, its end (`王芳摄`) on a short line of its own.
        if let Some(next) = lines.get(i + 1).filter(|n| n.text.chars().count() <= 8) {
            if is_caption(&format!("{}{}", line.text, next.text)) {
                i += 2;
                continue;
            }
        }
        // A web page's information table (`索引号:… 发文日期:… 文号:`) may stand between the
        // title and the 发文字号: its lines are the page's.
        if is_web_label(line.text) || is_bare_field_label(line.text) {
            i += 1;
            continue;
        }
        // A date and its body after the title (`1996年12月13日,财政部`), whose comma is no
        // sentence's.
        if let Some(next) = dated_by(found, &lines, i) {
            i = next;
            end_par = lines.get(i).map_or(found.doc.paragraphs.len(), |l| l.par);
            continue;
        }
        if line.prose && !line.text.ends_with(['：', ':']) {
            // A 主送机关 list wrapped over lines (a PDF copy): its last line ends with the colon.
            // Reading may have kept its lines apart or joined them.
            let wrapped = lines
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take(ADDRESSEE_LINES)
                .take_while(|l| !l.text.contains(['。', '！', '？']))
                .position(|l| l.text.ends_with(['：', ':']))
                .filter(|_| {
                    let whole = lines.iter().filter(|l| l.par == line.par).count();
                    whole <= ADDRESSEE_LINES
                });
            match wrapped {
                Some(k) => {
                    i += k;
                    continue;
                }
                None => {
                    // A site's preface may stand between its heading and the document, which
                    // then opens with its own label and 主送机关 (`…批复` / `某某中心：`).
                    if !speech && found.meta.addressees.is_empty() {
                        run_in_addressees(found, line);
                    }
                    if !speech && found.meta.addressees.is_empty() {
                        if let Some(k) = document_after_preface(&lines, i) {
                            addressees(found, &lines, k);
                            if !found.meta.addressees.is_empty() {
                                i = k + 1;
                                end_par =
                                    lines.get(i).map_or(found.doc.paragraphs.len(), |l| l.par);
                            }
                        }
                    }
                    break;
                }
            }
        }
        let t = line.text;
        if let Some(next) = doc_number(found, &lines, i) {
            i = next;
        } else if let Some((next, delivered)) = subtitle(found, &lines, i) {
            speech |= delivered;
            i = next;
        } else if let Some(next) = speaker(found, &lines, i, speech) {
            speech = true;
            i = next;
        } else if t.ends_with(['：', ':']) {
            if is_salutation(t) {
                speech = true;
                found.use_line(line);
            } else if !speech {
                addressees(found, &lines, i);
            }
            i += 1;
            end_par = lines.get(i).map_or(found.doc.paragraphs.len(), |l| l.par);
            break;
        } else if let Some(next) = order_number(found, &lines, i) {
            i = next;
        } else if whole_date(t).is_some() && found.meta.date.is_none() {
            // A date alone under a speech's title is the day it was delivered; whether this is
            // a speech may only show further down (the salutation).
            // Until then it is left for the 署名 search (a bulletin dated under its title).
            dated = Some(i);
            i += 1;
            continue;
        } else if found.meta.addressees.is_empty() && speech_title_below(&lines, i) {
            // A site's heading of the page stood above: the document's own title is the one
            // its speech's subtitle follows (`…会议政府工作报告` / `关于…计划的报告` /
            // `一九八六年三月二十五日在…`).
            found.meta.title = None;
            found.meta.spans.retain(|s| s.key != "title");
            i = title(found, &lines, i).max(i + 1);
            continue;
        } else if found.meta.title.is_none() && !order && late_title(&lines, i) {
            // The title under a page's lines that nothing above recognised (a heading that
            // also carries the 发文字号, `鲁政发〔2014〕20号《…的实施意见》`, then a byline).
            i = title(found, &lines, i).max(i + 1);
            continue;
        } else {
            skipped += 1;
            if skipped > 3 {
                break;
            }
            i += 1;
            continue;
        }
        end_par = lines.get(i).map_or(found.doc.paragraphs.len(), |l| l.par);
    }
    if let Some(line) = dated.and_then(|d| lines.get(d)).filter(|_| speech) {
        if let Some(d) = whole_date(line.text).filter(|_| found.meta.date.is_none()) {
            found.meta.date = Some(d.iso);
            found.span_in("date", line, d.range);
            found.use_line(line);
        }
    }
    Head {
        speech,
        end_par,
        organ_above,
        fields,
    }
}

/// The 版头 lines before the title: 份号, 密级, 紧急程度, 发文机关标志 (`XX人民政府文件`, or the
/// stacked names of a joint document above `文件`), 发文字号, 签发人. Returns the first line after.
fn banner(found: &mut Found<'_, '_>, lines: &[Line<'_>], start: usize) -> usize {
    let mut i = start;
    while let Some(line) = lines.get(i) {
        let t = line.text;
        if is_header_mark(t) || t.starts_with("签发人") {
            found.use_line(line);
            i += 1;
        } else if let Some(next) = doc_number(found, lines, i) {
            i = next;
        } else if let Some(next) = order_mark(found, lines, i) {
            i = next;
        } else if let Some(next) = issuer_mark(found, lines, i) {
            i = next;
        } else {
            break;
        }
    }
    i
}

/// Records the page's line `k` (its breadcrumb, its site's title of the document): no element,
/// but no text of the document either, so its counts (`精选28篇`) are no figures.
fn page_line(found: &mut Found<'_, '_>, lines: &[Line<'_>], k: usize) {
    if let Some(l) = lines.get(k) {
        found.use_line(l);
    }
}

/// A site's own title of a page that holds the document (`《关于批复范文精选28篇》`,
/// `关于批复范文 篇1`): a numbered site tag ends it, and without its tags it names no kind of
/// document (a document's title with a site's tags, `…的讲话(全文2584字)`, does).
fn is_site_title(t: &str) -> bool {
    let t = unwrap_book_marks(t);
    site_tags(t).is_some_and(|tags| {
        tags.numbered && !ends_with_document_kind(t.get(..tags.start).unwrap_or_default())
    })
}

/// How many lines at the top may hold a web page's navigation.
const PAGE_TOP_LINES: usize = 6;

/// The first line after a web page's navigation: a breadcrumb (`首页 >> 公开信息内容`,
/// `您所在的位置：政务公开 > 工作报告`) near the top ends the site's header, and everything
/// above it (the site's name, its channel) is the page's, not the document's.
fn page_top(lines: &[Line<'_>]) -> usize {
    let breadcrumb = lines
        .iter()
        .take(PAGE_TOP_LINES)
        .rposition(|l| {
            !l.prose && l.text.chars().count() <= 60 && is_breadcrumb(l.text)
                || l.text.starts_with("您所在的位置")
                || l.text.starts_with("当前位置")
        })
        .map_or(0, |k| k + 1);
    // A wiki's header (its navigation, the collection it belongs to, `相关导览`) ends with its
    // last label line; the document's own title stands under it.
    let wiki = lines
        .iter()
        .take(WIKI_TOP_LINES)
        .rposition(|l| is_wiki_label(l.text))
        .map_or(0, |k| k + 1);
    breadcrumb.max(wiki)
}

/// How many lines at the top may hold a web page's information table.
const TABLE_TOP_LINES: usize = 12;

/// The first line after a web page's information table flattened into rows of spaced labels
/// and their values (`索   引   号 20191202-189769 分 类 其他`, `名        称 …的通知`): the
/// table and everything above it (the site's links and menu) are the page's.
fn table_top(found: &Found<'_, '_>, lines: &[Line<'_>]) -> usize {
    lines
        .iter()
        .take(TABLE_TOP_LINES)
        .rposition(|l| {
            let raw = found
                .doc
                .input
                .get(found.input_range(l, 0..l.text.len()))
                .unwrap_or("");
            is_spaced_field_row(raw)
        })
        .map_or(0, |k| k + 1)
}

/// A row of a flattened information table: a field's label written with spaces between its
/// characters (`发 布 机 构`), then a space and a value.
fn is_spaced_field_row(raw: &str) -> bool {
    let mut label = String::new();
    let mut rest = raw.trim_start_matches(crate::chars::is_space);
    while let Some(c) = rest.chars().next().filter(|&c| crate::chars::is_cjk(c)) {
        label.push(c);
        let after = &rest[c.len_utf8()..];
        rest = after.trim_start_matches(crate::chars::is_space);
        if rest.len() == after.len() || label.chars().count() > FIELD_LABEL_CHARS {
            // No space after this character: the label is not spaced out.
            return false;
        }
        if label.chars().count() >= 2 && is_field_label(&label) {
            return !rest.is_empty();
        }
    }
    false
}

/// The longest field label, in characters.
const FIELD_LABEL_CHARS: usize = 6;

/// How many lines at the top may hold a wiki's header.
const WIKI_TOP_LINES: usize = 12;

/// A breadcrumb: a `>` (or `＞`, `»`) between two words (`首页 > 政务公开`); a selector's arrow
/// after a label (`选择区域:>>`) is none.
fn is_breadcrumb(t: &str) -> bool {
    let word = |c: char| crate::chars::is_cjk(c) || c.is_ascii_alphanumeric();
    // Whether a word stands before the arrows being read, and whether arrows follow a word.
    let (mut word_before, mut arrow) = (false, false);
    for c in t.chars() {
        if matches!(c, '>' | '＞' | '»') {
            arrow |= word_before;
        } else if word(c) {
            if arrow {
                return true;
            }
            word_before = true;
        } else if !crate::chars::is_space(c) {
            (word_before, arrow) = (false, false);
        }
    }
    false
}

/// A title below lines the head did not recognise: title lines from the start of a paragraph,
/// the last of them naming a kind of document (`…的实施意见`).
fn late_title(lines: &[Line<'_>], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let starts_paragraph = i == 0 || lines.get(i - 1).is_some_and(|l| l.par != line.par);
    // A bare kind (`实施意见`, `的通知`) is the wrapped end of a line above, not a title.
    let bare_kind = line.text.chars().count() <= 6 && ends_with_document_kind(line.text);
    starts_paragraph
        && !bare_kind
        && !closes_bracket(line.text)
        && lines
            .iter()
            .skip(i)
            .take(TITLE_LINES)
            .take_while(|l| title_line(l))
            .any(|l| ends_with_document_kind(unwrap_book_marks(l.text).trim_end_matches('》')))
}

/// A whole title on line `i` (one line naming its kind) with a speech's subtitle under it (a
/// dashed or bare `…在…会议上`): the document's own title, under a heading the head took first.
fn speech_title_below(lines: &[Line<'_>], i: usize) -> bool {
    let (Some(line), Some(next)) = (lines.get(i), lines.get(i + 1)) else {
        return false;
    };
    title_line(line)
        && ends_with_document_kind(line.text)
        && (is_bare_subtitle(next.text)
            || (starts_with_dash(next.text) && find_date(next.text).is_some()))
}

/// How many bodies a run-in 主送机关 may list.
const RUN_IN_BODIES: usize = 12;

/// A bare kind (`通知`) run into its 主送机关 and the body by lost line breaks
/// (`通知省直属各单位、太原市,各专、县、工矿区人民政府查…`): the bodies up to the end of the
/// first name of a body that the body's first word follows. Every name before it is short and
/// unpunctuated; the last one ends with a body's word (`人民政府`).
fn run_in_addressees(found: &mut Found<'_, '_>, line: &Line<'_>) {
    let t = line.text;
    let Some(kind) = lexicon::BARE_KINDS.iter().find(|k| t.starts_with(**k)) else {
        return;
    };
    let list = &t[kind.len()..];
    let mut pieces = 0;
    let mut from = 0;
    for (at, c) in list.char_indices() {
        if matches!(c, '、' | '，' | ',') {
            // Each name before the last is a body's or a place's (`太原市`), or a short form
            // of one (`各专`, `县`): not the opening words of a sentence (`通知指出，`).
            let piece = &list[from..at];
            let n = piece.chars().count();
            let named = lexicon::ADDRESSEE_ENDINGS
                .iter()
                .chain(lexicon::ORGAN_ENDINGS)
                .any(|e| piece.ends_with(e));
            if n == 0 || n > RUN_IN_PIECE_CHARS || (n > 2 && !named) {
                return;
            }
            pieces += 1;
            from = at + c.len_utf8();
            if pieces > RUN_IN_BODIES {
                return;
            }
            continue;
        }
        if !crate::chars::is_cjk(c) {
            return;
        }
        let end = at + c.len_utf8();
        let piece = &list[from..end];
        if piece.chars().count() > RUN_IN_PIECE_CHARS {
            return;
        }
        let organ = lexicon::ORGAN_ENDINGS.iter().any(|e| piece.ends_with(e))
            && piece.chars().count() >= 3
            && !lexicon::ORGAN_ENDINGS
                .iter()
                .any(|e| list[end..].starts_with(e));
        if pieces > 0 && organ && is_organ(piece) {
            let names = split_bodies(&list[..end]);
            found.meta.addressees = names;
            found.span_in("addressees", line, kind.len()..kind.len() + end);
            return;
        }
    }
}

/// The longest name in a run-in 主送机关, in characters.
const RUN_IN_PIECE_CHARS: usize = 16;

/// How many lines of a site's preface may stand before the document it introduces.
const PREFACE_LINES: usize = 3;

/// The 主送机关 line of a document that a site's preface (from line `i`, running text) leads
/// into: within [`PREFACE_LINES`] lines, a short line naming a kind of document (`建设项目可研
/// 报告批复`), then a line of bodies' names ending with a colon.
fn document_after_preface(lines: &[Line<'_>], i: usize) -> Option<usize> {
    (i + 1..i + 1 + PREFACE_LINES)
        .find(|&k| {
            let (Some(label), Some(next)) = (lines.get(k), lines.get(k + 1)) else {
                return false;
            };
            !label.prose
                && ends_with_document_kind(label.text)
                && next.text.ends_with(['：', ':'])
                && {
                    let names = split_bodies(next.text);
                    !names.is_empty() && names.iter().all(|n| is_organ(n))
                }
        })
        .map(|k| k + 1)
}

/// How many lines after a page's heading may repeat it (a key-value header's fields between
/// them are not counted).
const REPEAT_LINES: usize = 4;
/// How many field lines may stand between a page's heading and its repeat.
const REPEAT_FIELDS: usize = 16;

/// A site that reposts documents heads the page with the document's name and repeats it above
/// the document itself, often with the issuing body alone on a line between
/// (`XX管理规定` / `XX省人民政府` / `XX管理规定`), or with a key-value header between (its field
/// lines are passed over); the repeat may be wrapped over lines (`XX办公室` / `关于…` / `…的通知`).
/// The last repeat is the document's own title; but when a 版头 and a title of its own follow it
/// (`武汉市人民政府` / `关于批转…的通知`), the repeated name was the page's and the document starts
/// after it. Returns the line the title starts at, an organ line just above it, and whether that
/// line stands right above the document's own title (its 发文机关标志, the issuer) rather than
/// between the page's repeats (the database's attribution: the issuer when nothing else names one).
fn repeated_heading(
    found: &Found<'_, '_>,
    lines: &[Line<'_>],
    i: usize,
) -> (usize, Option<usize>, bool) {
    // An organ's name alone is a 版头 line, not a heading (a 署名 repeats it further down).
    let Some(first) = lines.get(i).filter(|l| title_line(l) && !is_organ(l.text)) else {
        return (i, None, false);
    };
    // The repeats stand before any running text.
    let mut window = Vec::new();
    let mut fields = 0;
    for (k, l) in lines.iter().enumerate().skip(i + 1) {
        if l.prose || window.len() >= REPEAT_LINES {
            break;
        }
        if is_field_line(l.text) && fields < REPEAT_FIELDS {
            fields += 1;
        } else {
            window.push(k);
        }
    }
    // A repeat wrapped over lines: the lines from `k` joined give the heading again.
    let wrapped = |k: usize| {
        let mut joined = String::new();
        for l in lines.iter().skip(k).take(TITLE_LINES) {
            if !title_line(l) {
                return false;
            }
            joined.push_str(l.text);
            if joined.len() >= first.text.len() {
                return joined == first.text;
            }
        }
        false
    };
    let Some(last) = window
        .iter()
        .rev()
        .copied()
        .find(|&k| lines.get(k).is_some_and(|l| l.text == first.text))
    else {
        let start = window
            .iter()
            .copied()
            .find(|&k| lines.get(k).is_some_and(|l| l.text != first.text) && wrapped(k));
        // The issuing body alone on a line above the wrapped repeat, as above an exact one.
        let above = start.filter(|&k| {
            k > i + 1
                && lines
                    .get(k - 1)
                    .is_some_and(|l| !l.prose && is_organ(l.text))
        });
        return (start.unwrap_or(i), above.map(|k| k - 1), true);
    };
    let organ = |k: usize| lines.get(k).is_some_and(|l| !l.prose && is_organ(l.text));
    let own_title = |k: usize| {
        lines.get(k).is_some_and(|l| {
            title_line(l)
                && ends_with_document_kind(l.text)
                && (l.text.starts_with("关于") || issuer_in_title(&compact(l.text)).is_some())
        })
    };
    if organ(last + 1) && own_title(last + 2) {
        // A document database's layout sets the issuer apart from the title by a wider gap
        // than the title's from the line under it (`XX办公室` / `` / `` / `关于…的通知` /
        // `(X发〔2003〕37号)`): the name is the issuer, not the title's first line.
        if let (Some(a), Some(b), Some(c)) = (
            lines.get(last + 1),
            lines.get(last + 2),
            lines.get(last + 3),
        ) {
            if found.breaks_between(a, b) > found.breaks_between(b, c).max(1) {
                return (last + 2, Some(last + 1), true);
            }
        }
        return (last + 1, None, false);
    }
    (
        last,
        (last > i && organ(last - 1)).then_some(last - 1),
        false,
    )
}

/// A site's banner with the day's date (`XX区人民政府 2019年12月3日星期二`): a date with a
/// weekday is the page's, never the document's.
fn is_dated_banner(t: &str) -> bool {
    t.len() <= lines::ELEMENT_LINE_BYTES
        && find_doc_number(t).is_none()
        && find_date(t).is_some_and(|d| {
            let after = t[d.range.end..].trim_start();
            after.starts_with("星期")
                || (after.starts_with('周')
                    && lexicon::WEEKDAYS
                        .iter()
                        .any(|w| after['周'.len_utf8()..].starts_with(w)))
        })
}

/// The longest label a page sets above a document (`例文`, `朗读`), in characters.
const LABEL_CHARS: usize = 4;

/// A page's short label above the document (`例文`, a `朗读` button): a line of a few characters
/// that names no body, above a whole title that names its issuer (`XX人民政府关于…的决定`) or
/// above a 发文字号 line.
fn label_above(lines: &[Line<'_>], i: usize) -> bool {
    let (Some(line), Some(next)) = (lines.get(i), lines.get(i + 1)) else {
        return false;
    };
    let t = line.text;
    let n = t.chars().count();
    if line.prose || n == 0 || n > LABEL_CHARS || is_organ(t) || ends_with_document_kind(t) {
        return false;
    }
    let whole_title = !next.prose
        && ends_with_document_kind(next.text)
        && issuer_in_title(&compact(next.text)).is_some();
    let number =
        find_doc_number(next.text).is_some_and(|r| r.start == 0 && r.end == next.text.len());
    whole_title || number
}

/// A web page's information table as a list (`• 信息索引号:`, `• 发布机构:`): a short label and its
/// colon, the value (if any) on the next line.
fn is_empty_field(t: &str) -> bool {
    let t = t.trim();
    let Some(label) = t.strip_suffix([':', '：']) else {
        return false;
    };
    // An addressee line (`市城乡建设局：`) has the same shape: only a listed label, or one
    // marked as an item of the list, is a field.
    let item = label.trim_start_matches(is_item_mark);
    is_field_line(t)
        && !is_organ(item.trim())
        && (item.len() < label.len() || is_field_label(label))
}

/// The value of an [`is_empty_field`] label on the line under it: short, no sentence, no field
/// of its own and no title (a label may be left empty, with the title right under it).
fn is_field_value(t: &str) -> bool {
    t.chars().count() <= FIELD_VALUE_CHARS
        && !is_field_line(t)
        && !has_sentence_punct(t)
        && !ends_with_document_kind(t)
}

/// The longest value of a field on a line of its own, in characters.
const FIELD_VALUE_CHARS: usize = 40;
/// The longest value of the last field of a table, in characters (`主动公开`).
const SHORT_VALUE_CHARS: usize = 6;

/// A field's label alone with its colon (`发文机关：`, `时间：`): the page's, never an addressee.
fn is_bare_field_label(t: &str) -> bool {
    let Some(label) = t.strip_suffix([':', '：']) else {
        return false;
    };
    is_field_label(label)
}

/// A date with the body's name after it, under a title (`1996年12月13日,财政部`, as a law
/// database dates what it copied): the 成文日期.
fn dated_by(found: &mut Found<'_, '_>, lines: &[Line<'_>], i: usize) -> Option<usize> {
    let line = lines
        .get(i)
        .filter(|l| l.text.len() <= lines::ELEMENT_LINE_BYTES)?;
    let d = find_date(line.text).filter(|d| d.range.start == 0)?;
    let organ = line.text[d.range.end..]
        .trim_start_matches(|c: char| matches!(c, ',' | '，' | '、') || crate::chars::is_space(c));
    if organ.is_empty() || !is_organ(organ) {
        return None;
    }
    if found.meta.date.is_none() {
        found.meta.date = Some(d.iso);
        found.span_in("date", line, d.range);
    }
    found.use_line(line);
    Some(i + 1)
}

/// A 命令's mark and 令号 under the title of what it promulgates (`国务院…条例` /
/// `中华人民共和国国务院令` / `第227号`): the 令号 is the 发文字号.
fn order_number(found: &mut Found<'_, '_>, lines: &[Line<'_>], i: usize) -> Option<usize> {
    let (line, next) = (lines.get(i)?, lines.get(i + 1)?);
    if line.prose || found.meta.doc_number.is_some() || found.meta.title.is_none() {
        return None;
    }
    let organ = order_organ(line.text)?;
    let (number, range) = order_serial(next.text)?;
    // The mark names the body that promulgates what the title names (the 发文机关标志); by
    // the short name the title opens with, when the mark adds the state's name
    // (`中华人民共和国国务院令` over `国务院…条例`).
    if found.meta.issuer.is_none() {
        let title = found.meta.title.as_deref().unwrap_or("");
        let short = lexicon::JOINT_OPENINGS
            .iter()
            .filter_map(|w| organ.strip_prefix(w))
            .find(|rest| !rest.is_empty() && title.starts_with(rest))
            .map_or(0, |rest| organ.len() - rest.len());
        found.meta.issuer = Some(compact(&organ[short..]));
        found.span_in("issuer", line, short..organ.len());
    }
    found.meta.doc_number = Some(number);
    found.span_in("doc_number", next, range);
    found.use_line(line);
    found.use_line(next);
    Some(i + 2)
}

/// The body named by the mark of a 命令 or 公告 (`XX人民政府令`, `XX常务委员会公告`).
fn order_organ(t: &str) -> Option<&str> {
    t.strip_suffix('令')
        .or_else(|| t.strip_suffix("公告"))
        .filter(|o| is_organ(o))
}

/// A 令号 or 公告's number alone on a line (`第48号`, in brackets `（第48号）` in some copies):
/// the number as written without brackets, and its byte range in `t`.
fn order_serial(t: &str) -> Option<(String, Range<usize>)> {
    let trimmed = t.trim_matches(crate::chars::is_space);
    let inner = trimmed
        .strip_prefix(['（', '('])
        .and_then(|x| x.strip_suffix(['）', ')']))
        .unwrap_or(trimmed)
        .trim_matches(crate::chars::is_space);
    let number = compact(inner);
    let serial = number.strip_prefix('第')?.strip_suffix(['号', '號'])?;
    let numeral = |c: char| c.is_ascii_digit() || lexicon::SERIAL_NUMERALS.contains(&c);
    if serial.is_empty() || serial.chars().count() > 8 || !serial.chars().all(numeral) {
        return None;
    }
    // `inner` is `t` trimmed at both ends: its start is what was trimmed from the front.
    let start = t.len()
        - t.trim_start_matches(|c: char| crate::chars::is_space(c) || matches!(c, '（' | '('))
            .len();
    Some((number, start..start + inner.len()))
}

/// An organ's name alone on a line, above a title that itself starts with an organ's name
/// (`某某县人民政府` / `某某县人民政府办公室关于…的通知`): the name of the site the document
/// was copied from, not the first line of the title.
fn site_above_title(lines: &[Line<'_>], i: usize) -> bool {
    let (Some(line), Some(next)) = (lines.get(i), lines.get(i + 1)) else {
        return false;
    };
    !line.prose
        && is_organ(line.text)
        && !next.prose
        && next.text.len() > line.text.len()
        && issuer_in_title(&compact(next.text)).is_some()
}

/// The 版头 of a 命令 (令): the mark `XX人民政府令` and under it the 令号 `第123号`, which is
/// its 发文字号. The mark names the issuer; a 令 has no title of its own.
fn order_mark(found: &mut Found<'_, '_>, lines: &[Line<'_>], i: usize) -> Option<usize> {
    let (line, next) = (lines.get(i)?, lines.get(i + 1)?);
    if found.meta.issuer.is_some() || line.prose {
        return None;
    }
    let organ = order_organ(line.text)?;
    let (number, range) = order_serial(next.text)?;
    found.meta.issuer = Some(compact(organ));
    found.span_in("issuer", line, 0..organ.len());
    found.meta.doc_number = Some(number);
    found.span_in("doc_number", next, range);
    found.use_line(line);
    found.use_line(next);
    Some(i + 2)
}

/// `XX人民政府文件`; stacked organ lines above a `文件` line (a joint document: the first body
/// is the issuer); an organ's name alone above the 发文字号 (the 版头 of a 函).
fn issuer_mark(found: &mut Found<'_, '_>, lines: &[Line<'_>], i: usize) -> Option<usize> {
    let line = lines.get(i)?;
    let t = line.text;
    if found.meta.issuer.is_some() || line.prose {
        return None;
    }
    let mark_end = |l: &Line<'_>| {
        l.text
            .strip_suffix("文件")
            .is_some_and(|o| o.is_empty() || is_organ(o))
    };
    let organ = t.strip_suffix("文件").filter(|o| is_organ(o)).unwrap_or(t);
    if !is_organ(organ) {
        return None;
    }
    let end = if mark_end(line) {
        i
    } else {
        // Stacked names of a joint document, then `文件`; or one name above the 发文字号.
        let mut j = i + 1;
        while lines.get(j).is_some_and(|l| is_organ(l.text) && !l.prose) && j < i + 4 {
            j += 1;
        }
        match lines.get(j) {
            Some(l) if mark_end(l) => j,
            Some(l) if j == i + 1 && find_doc_number(l.text).is_some() && !l.prose => i,
            _ => return None,
        }
    };
    let first = organ
        .get(..found.first_body(line, organ.len()))
        .unwrap_or(organ);
    found.meta.issuer = Some(compact(first));
    found.span_in("issuer", line, 0..first.len());
    for l in lines.get(i..=end)? {
        found.use_line(l);
    }
    Some(end + 1)
}

/// A line that is a 发文字号 (possibly with the 签发人 beside it, in a 上行文).
fn doc_number(found: &mut Found<'_, '_>, lines: &[Line<'_>], i: usize) -> Option<usize> {
    let line = lines
        .get(i)
        .filter(|l| l.text.len() <= lines::ELEMENT_LINE_BYTES)?;
    let range = find_doc_number(line.text)?;
    let rest = format!("{}{}", &line.text[..range.start], &line.text[range.end..]);
    // A web copy may bracket it on its own line: `( 吉府发〔2003〕37号 )`.
    let rest = rest.trim_matches(|c: char| crate::chars::is_space(c));
    let rest = match rest.strip_prefix(['（', '(']) {
        Some(r) => r
            .trim_matches(|c: char| crate::chars::is_space(c))
            .strip_suffix(['）', ')'])
            .unwrap_or(rest),
        None => rest,
    };
    if !(rest.is_empty()
        || rest.starts_with("签发人")
        || line.text[range.end..].starts_with("签发人"))
    {
        return None;
    }
    if found.meta.doc_number.is_none() {
        found.meta.doc_number = Some(compact(&line.text[range.clone()]));
        found.span_in("doc_number", line, range);
    }
    found.use_line(line);
    Some(i + 1)
}

/// Whether a line may be part of a title: short, no sentence punctuation, in a paragraph that
/// is not running text, and not another element.
fn title_line(line: &Line<'_>) -> bool {
    let t = line.text;
    // A full-width line of a paragraph the reading ran on into the body is still a title line
    // when it ends the title (`…的通知`).
    (!line.prose || ends_with_document_kind(t))
        && t.chars().count() <= TITLE_LINE_CHARS
        && (!has_sentence_punct(t) || labelled_title(t))
        && whole_date(t).is_none()
        && find_doc_number(t).is_none()
        && office_and_name(t).is_none()
        && !starts_with_dash(t)
        && !is_bare_subtitle(t)
        && !opens_with_heading_marker(t)
        && !t.strip_suffix('令').is_some_and(is_organ)
        && !t.contains(['>', '＞', '»', '|', '/'])
        && t.chars().filter(|&c| crate::chars::is_cjk(c)).count() >= 2
}

/// The longest label a page sets before a title with a colon, in characters.
const TITLE_LABEL_CHARS: usize = 20;

/// A title under a page's label (`区政府常务会议议题解读：关于…的汇报`, `政策解读：关于…的通知`):
/// the colon parts a short label from a whole title that opens with 关于 and names its kind.
fn labelled_title(t: &str) -> bool {
    let Some(at) = t.find(['：', ':']) else {
        return false;
    };
    let (label, rest) = (&t[..at], t[at..].trim_start_matches(['：', ':']));
    label.chars().count() <= TITLE_LABEL_CHARS
        && !has_sentence_punct(label)
        && rest.starts_with("关于")
        && !has_sentence_punct(rest)
        && ends_with_document_kind(rest)
}

/// The title: up to [`TITLE_LINES`] lines, ending at a line that ends with a kind of document
/// (`…的报告`) or before a line that cannot belong to it. Also reads the issuer from a title
/// of the form `XX人民政府关于…的报告`.
fn title(found: &mut Found<'_, '_>, lines: &[Line<'_>], start: usize) -> usize {
    // A web copy may write the 发文字号 in brackets after the title (`关于…的通知（平政〔2024〕3号）`):
    // the title is the text before it, and it ends there.
    let originals = lines.get(start..).unwrap_or(&[]);
    let candidates: Vec<(Line<'_>, Option<Range<usize>>)> = originals
        .iter()
        .take(TITLE_LINES + 1)
        .map(|l| {
            let (cut, number) = match trailing_doc_number(l.text) {
                Some((cut, number)) => (cut, Some(number)),
                // A site's tags after the title (`…的讲话(全文2584字)`) are no part of it.
                None => (site_tags(l.text).map_or(l.text.len(), |t| t.start), None),
            };
            let line = Line {
                range: l.range.start..l.range.start + cut,
                text: &l.text[..cut],
                ..l.clone()
            };
            (line, number)
        })
        .collect();
    if start == 0 {
        if let Some(end) = run_in_title(found, originals) {
            return end;
        }
    }
    if let Some(end) = run_together(found, lines, start) {
        found.title_end = end;
        return end;
    }
    let mut count = 0;
    while count < candidates.len() && count < TITLE_LINES {
        let Some((line, number)) = candidates.get(count) else {
            break;
        };
        if !title_line(line) {
            break;
        }
        count += 1;
        if number.is_some() {
            break;
        }
        // A title ends with its kind, unless the kind named is the object of a forwarding
        // title wrapped after it (`…关于…的报告` / `的通知`).
        let continued = candidates.get(count).is_some_and(|(next, _)| {
            title_line(next)
                && (next.text.starts_with('的')
                    || closes_bracket(next.text)
                    || (ends_with_document_kind(next.text) && next.text.chars().count() <= 8))
        });
        if ends_with_document_kind(line.text) && !continued {
            break;
        }
    }
    let end = start + count;
    found.title_end = end;
    let chosen = &candidates[..count];
    let (Some((first, _)), Some((last, number))) = (chosen.first(), chosen.last()) else {
        return end;
    };
    let joined: String = chosen.iter().map(|(l, _)| l.text).collect();
    let unwrapped = unwrap_book_marks(&joined);
    // The byte length of an opening mark the title stood in, on its first line.
    let lead = if unwrapped.len() < joined.len() {
        '《'.len_utf8()
    } else {
        0
    };
    let text = compact(unwrapped);
    let trail = if lead > 0 { '》'.len_utf8() } else { 0 };
    found.span(
        "title",
        (first, lead..lead),
        (last, 0..last.text.len().saturating_sub(trail)),
    );
    for l in &originals[..count] {
        found.use_line(l);
    }
    if let (Some(number), Some(original)) = (number, originals.get(count - 1)) {
        if found.meta.doc_number.is_none() {
            found.meta.doc_number = Some(compact(&original.text[number.clone()]));
            found.span_in("doc_number", original, number.clone());
        }
    }
    // A title whose first line is a body's name and whose rest names no issuer
    // (`东安县应急管理局` / `2025年法治政府建设报告`): that body issues it.
    if found.meta.issuer.is_none() && count > 1 && lead == 0 && is_organ(first.text) {
        let len = found.first_body(first, first.text.len());
        found.meta.issuer = first.text.get(..len).map(compact);
        found.span_in("issuer", first, 0..len);
    }
    if found.meta.issuer.is_none() && lead == 0 && count == 1 {
        if let Some(organ) = issuer_opening(first.text) {
            found.meta.issuer = Some(compact(organ));
            found.span_in("issuer", first, 0..organ.len());
        }
    }
    if found.meta.issuer.is_none() && lead == 0 {
        if let Some(organ) = issuer_before_period(&text).filter(|o| first.text.starts_with(*o)) {
            found.meta.issuer = Some(compact(organ));
            found.span_in("issuer", first, 0..organ.len());
        }
    }
    if found.meta.issuer.is_none() {
        if let Some(organ) = issuer_in_title(&text) {
            // The first body, read on the title's first line when the name starts there.
            let line = Line {
                range: first.range.start + lead..first.range.end,
                text: first.text.get(lead..).unwrap_or(""),
                ..first.clone()
            };
            let len = found.first_body(&line, organ.len().min(line.text.len()));
            let name = if organ.len() <= line.text.len() {
                line.text.get(..len).unwrap_or(organ)
            } else {
                organ
            };
            found.meta.issuer = Some(compact(name));
            found.span_in("issuer", &line, 0..len.min(line.text.len()));
        }
    }
    found.meta.title = Some(text);
    end
}

/// A web copy may quote the whole title in book-title marks (`《…关于印发〈…〉的通知》`): the
/// title is what they enclose.
fn unwrap_book_marks(text: &str) -> &str {
    let Some(inner) = text.strip_prefix('《').and_then(|t| t.strip_suffix('》')) else {
        return text;
    };
    // The opening mark must close at the very end, not earlier (`《A》和《B》`).
    let mut depth = 0usize;
    for c in inner.chars() {
        match c {
            '《' => depth += 1,
            '》' if depth == 0 => return text,
            '》' => depth -= 1,
            _ => {}
        }
    }
    inner
}

/// The title of a text extracted with no line breaks, run into its first sentence
/// (`某县2025年度法治政府建设情况报告2025年，全县坚持…`): a short unpunctuated phrase at the very
/// start that ends with a kind of document and is followed at once by a year or a heading
/// number, which no title goes on with. Returns the line after it (the rest of the line is body).
fn run_in_title(found: &mut Found<'_, '_>, lines: &[Line<'_>]) -> Option<usize> {
    let first = lines.first()?;
    // A copy's watermark may open the text: a site's name and its address
    // (`XX之家—全网资源每日更新www.example.com`), never part of the title.
    let mark = watermark_end(first.text);
    let line = &Line {
        range: first.range.start + mark..first.range.end,
        text: &first.text[mark..],
        ..first.clone()
    };
    let t = line.text;
    // A PDF copy wraps the run-together text: what follows the title may go on over the next
    // lines.
    let after: String = lines
        .iter()
        .skip(1)
        .take(RUN_IN_LINES)
        .map(|l| l.text)
        .collect();
    let cut = t
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .take(TITLE_LINE_CHARS)
        .take_while(|&at| !has_sentence_punct(&t[..at]))
        .find(|&at| {
            let rest = &t[at..];
            let year = rest.len() > 4
                && rest.as_bytes().iter().take(4).all(u8::is_ascii_digit)
                && rest[4..].starts_with('年');
            ends_with_document_kind(&t[..at])
                && (year
                    || opens_with_heading_marker(rest)
                    || opens_with_salutation(rest)
                    || (SPEECH_KINDS.iter().any(|k| t[..at].ends_with(k))
                        && !rest.is_empty()
                        && motto_then_salutation(&format!("{rest}{after}"))))
                && rest
                    .chars()
                    .chain(after.chars())
                    .take(200)
                    .any(|c| matches!(c, '。' | '，' | ','))
        })?;
    let head = Line {
        range: line.range.start..line.range.start + cut,
        text: &t[..cut],
        ..line.clone()
    };
    if head
        .text
        .chars()
        .filter(|&c| crate::chars::is_cjk(c))
        .count()
        < 4
    {
        return None;
    }
    let text = compact(head.text);
    found.span_in("title", &head, 0..cut);
    if found.meta.issuer.is_none() {
        if let Some(organ) = issuer_in_title(&text) {
            let len = found.first_body(&head, organ.len().min(cut));
            found.meta.issuer = head.text.get(..len).map(compact);
            found.span_in("issuer", &head, 0..len);
        }
    }
    found.meta.title = Some(text);
    found.title_end = 1;
    Some(1)
}

/// How many lines after the first a run-together title's look-ahead reads.
const RUN_IN_LINES: usize = 3;

/// How far into a line a site's watermark may reach, in bytes.
const WATERMARK_BYTES: usize = 120;

/// The byte length of a site's watermark opening `t`: text ending with a web address
/// (`…www.example.com`); 0 when there is none.
fn watermark_end(t: &str) -> usize {
    let mut cut = t.len().min(WATERMARK_BYTES);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &t[..cut];
    let Some(at) = head.find("www.") else {
        return 0;
    };
    let host = t[at..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/')))
        .map_or(t.len(), |n| at + n);
    let address = &t[at..host];
    let tld = lexicon::WEB_DOMAINS
        .iter()
        .any(|d| address.trim_end_matches('/').ends_with(d));
    if tld {
        host
    } else {
        0
    }
}

/// A speech's salutation (`同志们：`, `各位代表：`) opening `rest`: what a speech's title runs
/// into when a copy lost its line breaks.
fn opens_with_salutation(rest: &str) -> bool {
    rest.char_indices()
        .take(12)
        .find(|&(_, c)| matches!(c, '：' | ':'))
        .is_some_and(|(at, _)| at > 0 && is_salutation(&rest[..at]))
}

/// The longest motto subtitle between a speech's title and its salutation, in characters.
const MOTTO_CHARS: usize = 48;

/// A speech's motto subtitle (`统一思想 振奋精神 鼓劲加压`) and then its salutation (`同志们：`)
/// opening `rest`: what a speech's title runs into when a copy lost its line breaks. The
/// title's end (`…的讲话`) is the break's place.
fn motto_then_salutation(rest: &str) -> bool {
    rest.char_indices()
        .take(MOTTO_CHARS)
        .find(|&(_, c)| matches!(c, '：' | ':') || is_clause_mark(c))
        .is_some_and(|(at, c)| {
            matches!(c, '：' | ':')
                && lexicon::SALUTATION_ENDINGS
                    .iter()
                    .any(|w| rest[..at].ends_with(w))
        })
}

/// Punctuation that ends a clause: a motto subtitle holds none.
fn is_clause_mark(c: char) -> bool {
    matches!(c, '。' | '，' | ',' | '；' | ';' | '！' | '？')
}

/// A 发文字号 in brackets at the end of a line: the byte length of the text before the bracket
/// and the number's byte range.
fn trailing_doc_number(t: &str) -> Option<(usize, Range<usize>)> {
    if t.len() > lines::ELEMENT_LINE_BYTES {
        return None;
    }
    let inner = t.strip_suffix(['）', ')'])?;
    let number = find_doc_number(inner).filter(|r| r.end == inner.len())?;
    let before = inner[..number.start].strip_suffix(['（', '('])?;
    (!before.is_empty()).then_some((before.len(), number))
}

/// The issuing body named before `关于` (or `印发`, `转发`) in a title: the first body of a
/// joint title (`A、B关于…`).
fn issuer_in_title(title: &str) -> Option<&str> {
    // The earliest of the words: in `国务院办公厅转发国家发展改革委关于…` the issuer is the
    // body before 转发, not the one before 关于.
    let at = lexicon::TITLE_ISSUE_WORDS
        .iter()
        .filter_map(|w| find_word(title, w))
        .min()?;
    let organ = title.get(..at)?;
    let first = organ.split('、').next().unwrap_or(organ);
    // Joint bodies run together (`甲委员会乙局关于…`): the first of them.
    is_organ(organ).then(|| joint_bodies(first).first().copied().unwrap_or(first))
}

/// Where `word` first stands in `text`, also when a copy inserted pinyin in brackets after
/// one of its characters (`關(guān)于`).
fn find_word(text: &str, word: &str) -> Option<usize> {
    if let Some(at) = text.find(word) {
        return Some(at);
    }
    if !text.contains(['(', '（']) {
        return None;
    }
    let first = word.chars().next()?;
    text.match_indices(first).find_map(|(at, _)| {
        let mut rest = &text[at..];
        for c in word.chars() {
            rest = rest.strip_prefix(c)?;
            rest = skip_pinyin(rest);
        }
        Some(at)
    })
}

/// `rest` after a pinyin group in brackets at its start (`(guān)`), or `rest` itself.
fn skip_pinyin(rest: &str) -> &str {
    let Some(inner) = rest.strip_prefix(['(', '（']) else {
        return rest;
    };
    let Some(close) = inner.find([')', '）']) else {
        return rest;
    };
    let group = &inner[..close];
    if !group.is_empty()
        && group
            .chars()
            .all(|c| c.is_alphabetic() && (c as u32) < 0x250)
    {
        &inner[close + inner[close..].chars().next().map_or(1, char::len_utf8)..]
    } else {
        rest
    }
}

/// The body whose name opens a title without `关于` (`某县人民政府工作规则`), when the rest of
/// the title names a kind of document a body issues (a report, a speech is delivered rather
/// than issued): the longest opening that ends with a [`lexicon::TITLE_ISSUER_ENDINGS`] word.
fn issuer_opening(title: &str) -> Option<&str> {
    if title.len() > lines::ELEMENT_LINE_BYTES
        || lexicon::TITLE_ISSUE_WORDS
            .iter()
            .any(|w| find_word(title, w).is_some())
        || !ends_with_document_kind(title)
        || title.ends_with("报告")
        || SPEECH_KINDS.iter().any(|k| title.ends_with(k))
    {
        return None;
    }
    lexicon::TITLE_ISSUER_ENDINGS
        .iter()
        .filter_map(|e| title.rfind(e).map(|at| at + e.len()))
        .filter(|&end| end < title.len() && is_organ(&title[..end]))
        .max()
        .map(|end| &title[..end])
}

/// The body named at the opening of a title without `关于`, right before the period the
/// document covers (`南县住房和城乡建设局2018年度…报告`, `县农业局冬季农业工作方案`): a body
/// reports on, or plans, its own year or season. The name opens with a place (`南县`, `县`), so
/// that a subject ending like a body (`…改革部署方案`) is not taken for one.
fn issuer_before_period(title: &str) -> Option<&str> {
    if title.len() > lines::ELEMENT_LINE_BYTES
        || !ends_with_document_kind(title)
        || lexicon::TITLE_ISSUE_WORDS
            .iter()
            .any(|w| find_word(title, w).is_some())
    {
        return None;
    }
    title
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .take(PERIOD_ISSUER_CHARS)
        .find_map(|end| {
            let (name, rest) = title.split_at(end);
            (opens_with_period(rest)
                && opens_with_place(name)
                && !lexicon::ORGAN_ENDINGS.iter().any(|e| rest.starts_with(e))
                && is_organ(name))
            .then_some(name)
        })
}

/// The longest body's name read before a period at a title's opening, in characters.
const PERIOD_ISSUER_CHARS: usize = 30;

/// Whether `rest` opens with a year (`2018年`, `二〇一八年`) or a period word (`冬季`, `上半年`).
fn opens_with_period(rest: &str) -> bool {
    let mut chars = rest.chars();
    let year = chars
        .by_ref()
        .take(4)
        .filter(|&c| c.is_ascii_digit() || lexicon::SERIAL_NUMERALS.contains(&c))
        .count()
        == 4
        && chars.next() == Some('年');
    year || lexicon::TITLE_PERIODS.iter().any(|p| rest.starts_with(p))
}

/// Whether a body's name opens with a place: a level (`县`, `市`) first, or a place's name of
/// a few characters ending with one (`南县`, `岳阳市`), not a whole (`全县`, `本市`).
fn opens_with_place(name: &str) -> bool {
    const LEVELS: [char; 7] = ['省', '市', '县', '区', '州', '旗', '盟'];
    const WHOLES: [char; 5] = ['全', '本', '我', '各', '该'];
    name.chars()
        .take(PLACE_CHARS)
        .position(|c| LEVELS.contains(&c))
        .is_some_and(|k| {
            !name
                .chars()
                .next()
                .is_some_and(|c| WHOLES.contains(&c) && k > 0)
        })
}

/// The longest place name opening a body's name, in characters.
const PLACE_CHARS: usize = 6;

/// The 主送机关: the line ending in `：`, with the lines of its paragraph before it that no
/// other element used (a list wrapped over two lines).
fn addressees(found: &mut Found<'_, '_>, lines: &[Line<'_>], i: usize) {
    let Some(line) = lines.get(i) else { return };
    let mut first = i;
    // Reading may have kept the lines of a wrapped list apart, or joined them.
    while first > found.title_end
        && i - first < ADDRESSEE_LINES - 1
        && lines.get(first - 1).is_some_and(|l| {
            !found.is_used(l)
                && !l.text.contains(['。', '！', '？', '：', ':'])
                && (l.text.contains(['、', '，']) || has_ascii_comma(l.text))
        })
    {
        first -= 1;
    }
    let text: String = lines[first..=i].iter().map(|l| l.text).collect();
    // A lead-in sentence (`现将有关事项通知如下：`) also ends with a colon; bodies' names are
    // short and hold no verb of the body text.
    // Nor is a web page's label (`分享到：`, `联系人：`).
    if lexicon::LEAD_IN_WORDS.iter().any(|w| text.contains(w))
        || lexicon::PAGE_LABEL_OPENINGS
            .iter()
            .any(|w| text.starts_with(w))
        || is_web_label(&text)
        || is_bare_field_label(&text)
        || text.starts_with(is_item_mark)
        || text.contains(['。', '！', '？'])
    {
        return;
    }
    let names = split_bodies(&text);
    if names.is_empty() || names.iter().any(|n| n.chars().count() > 30) {
        return;
    }
    found.meta.addressees = names;
    let last_len = line.text.len() - line.text.chars().next_back().map_or(0, char::len_utf8);
    found.span("addressees", (&lines[first], 0..0), (line, 0..last_len));
    for l in &lines[first..=i] {
        found.use_line(l);
    }
}

#[cfg(test)]
mod tests {
    fn meta(input: &str) -> crate::report::Meta {
        let doc = crate::source::read(input);
        crate::meta::extract(&doc).meta
    }

    #[test]
    fn a_watermark_with_its_address_is_no_part_of_a_run_in_title() {
        let m = meta("资料之家—全网资源每日更新www.example.com林城市人民政府关于2023年度法治政府建设情况的报告2023年，市政府坚持依法行政，法治政府建设取得新成效。一、坚持党的领导，扛牢政治责任。");
        assert_eq!(
            m.title.as_deref(),
            Some("林城市人民政府关于2023年度法治政府建设情况的报告"),
            "the title starts after the watermark"
        );
        assert_eq!(
            m.issuer.as_deref(),
            Some("林城市人民政府"),
            "the issuer is read from the title"
        );
    }

    #[test]
    fn a_body_set_apart_from_the_title_by_a_wider_gap_is_the_issuer() {
        let input = "您的位置: 首页 » 资料网 » 法律法规 »\n\n林州市政务公开工作实施细则\n\n作者:某某资料网 时间:2024-07-06 00:54:58  浏览:9107   来源:某某资料网\n\n林州市政务公开工作实施细则\n\n林州市人民政府办公室\n\n\n关于印发林州市政务公开工作实施细则的通知\n( 林府发〔2003〕37号 )\n\n市政府各部门，市直各单位：\n\n现将《林州市政务公开工作实施细则》印发给你们，请遵照执行。\n\n二OO三年十二月四日\n";
        let m = meta(input);
        assert_eq!(
            m.title.as_deref(),
            Some("关于印发林州市政务公开工作实施细则的通知"),
            "the title is the 关于 line alone"
        );
        assert_eq!(
            m.issuer.as_deref(),
            Some("林州市人民政府办公室"),
            "the body above the gap is the issuer"
        );
        // The same lines evenly spaced: the body is the title's first line.
        let even = input.replace("\n\n\n", "\n\n").replace("\n( ", "\n\n( ");
        assert_eq!(
            meta(&even).title.as_deref(),
            Some("林州市人民政府办公室关于印发林州市政务公开工作实施细则的通知"),
            "evenly spaced, the body's line opens the title"
        );
    }
}
