//! Word tables and small classifiers for document elements: what an organ's name ends with,
//! the kinds of document (文种) a title ends with, the offices a speaker holds, salutations.

use crate::chars::is_cjk;
use crate::lexicon::{self, DOCUMENT_KINDS, OFFICES, ORGAN_ENDINGS};

/// Names, offices and organs are short: a longer text is not looked at character by character.
const SHORT_BYTES: usize = 200;

/// Whether a title ends with a kind of document (`…的报告`, `…的通知`).
/// A trailing status in brackets does not hide the kind (`…管理办法（试行）`).
pub fn ends_with_document_kind(text: &str) -> bool {
    let text = match text.strip_suffix(['）', ')']) {
        Some(inner) => inner.rfind(['（', '(']).map_or(text, |at| &inner[..at]),
        None => text,
    };
    DOCUMENT_KINDS.iter().any(|k| text.ends_with(k))
}

/// Whether `text` reads as the name of one or more organisations: short, CJK (with the
/// brackets and separators names carry), ending with an organisation word.
pub fn is_organ(text: &str) -> bool {
    if text.len() > SHORT_BYTES {
        return false;
    }
    if is_site_name(text) {
        return false;
    }
    let n = text.chars().count();
    (2..=40).contains(&n)
        && text
            .chars()
            .all(|c| is_cjk(c) || matches!(c, '（' | '）' | '(' | ')' | '、' | '·'))
        && ORGAN_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// Splits a speaker line into office and name: the last office word followed by a name of
/// 2 to 8 characters (`省长罗东川` → `省长`, `罗东川`). `None` when the line is not one.
pub fn office_and_name(text: &str) -> Option<(usize, usize)> {
    if text.len() > SHORT_BYTES {
        return None;
    }
    let n = text.chars().count();
    if !(3..=40).contains(&n) || !text.chars().all(|c| is_cjk(c) || c == '·') {
        return None;
    }
    OFFICES.iter().find_map(|office| {
        let at = text.rfind(office)?;
        let name = &text[at + office.len()..];
        is_name(name).then_some((at, at + office.len()))
    })
}

/// Whether a line ends with an office word and holds nothing after it (`海拉尔区人民政府区长`,
/// when a PDF copy put the name on the next line).
pub fn ends_with_office(text: &str) -> bool {
    if text.len() > SHORT_BYTES {
        return false;
    }
    text.chars().all(|c| is_cjk(c) || c == '·') && OFFICES.iter().any(|o| text.ends_with(o))
}

/// A person's name: 2 to 8 CJK characters (with `·` in transcribed names).
pub fn is_name(text: &str) -> bool {
    if text.len() > SHORT_BYTES {
        return false;
    }
    let n = text.chars().count();
    (2..=8).contains(&n) && text.chars().all(|c| is_cjk(c) || c == '·') && !text.starts_with('·')
}

/// Whether the text before a final `：` greets an audience (`各位代表`, `同志们`) rather than
/// naming the bodies a document is addressed to.
pub fn is_salutation(text: &str) -> bool {
    let t = text.trim_end_matches(['：', ':']);
    lexicon::SALUTATION_OPENINGS
        .iter()
        .any(|w| t.starts_with(w))
        || lexicon::SALUTATION_ENDINGS.iter().any(|w| t.ends_with(w))
}

/// Lines of the 版头 that carry neither issuer nor number: 份号, 密级和保密期限, 紧急程度.
pub fn is_header_mark(text: &str) -> bool {
    let digits = !text.is_empty() && text.len() <= 8 && text.chars().all(|c| c.is_ascii_digit());
    digits
        || (text.chars().count() <= 12 && lexicon::HEADER_MARKS.iter().any(|m| text.starts_with(m)))
}

/// Punctuation that no title line carries: a title is a noun phrase, not a sentence.
pub fn has_sentence_punct(text: &str) -> bool {
    text.contains(['。', '，', '；', '：', '！', '？', ':', ';', '!', '?']) || has_ascii_comma(text)
}

/// An ASCII comma between words, as web copies write `，` (`各乡镇人民政府,县直各部门`); a
/// comma between digits (`1,200`) groups thousands.
pub fn has_ascii_comma(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b','
            && !(i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// `一、` `（一）` `1.` `第一章` `①`, or a plan's decimal heading (`1 总则`, `1.1 编制目的`): a
/// numbered heading, which no title line is. The outline's marker definition decides, so the
/// elements and the outline agree on what a heading is.
pub fn opens_with_heading_marker(t: &str) -> bool {
    crate::markers::opening_marker(t).is_some()
}

/// A web page's label line: the fields of its information table or its article line
/// (`索引号：`, `• 信息来源: 关键词:`, `文章来源:司法局 更新时间:…`), with or without values.
/// Never an addressee, a title or a 署名.
pub fn is_web_label(t: &str) -> bool {
    t.len() <= 400
        && lexicon::WEB_LABELS.iter().any(|l| {
            t.match_indices(l)
                .any(|(at, _)| t[at + l.len()..].trim_start().starts_with(['：', ':']))
        })
}

/// `附件`, `附件1`, `附件：` alone on a line.
pub fn is_attachment_label(t: &str) -> bool {
    t.strip_prefix("附件").is_some_and(|r| {
        r.trim_end_matches(['：', ':'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-')
    })
}

/// A line wholly in brackets: a 附注 (`（此件公开发布）`) or a note, never a title.
pub fn is_bracketed_note(t: &str) -> bool {
    (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'))
}

/// A `label：value` line (`索引号：…`, `发文字号：…`, `来源：…`, `附件：…`): the field of a
/// government web page's information table or a note, never a title. The label is a short
/// CJK word and something follows the colon.
pub fn is_page_field(t: &str) -> bool {
    let Some(at) = t.find(['：', ':']) else {
        return false;
    };
    let label = &t[..at];
    let value = &t[at..];
    let n = label.chars().count();
    (1..=6).contains(&n)
        && label.chars().all(is_cjk)
        && value.chars().count() > 1
        && t.chars().count() <= 100
}

/// A web site's name (`…人民政府门户网站`), which heads many copied pages: it issues nothing
/// and is no part of the title.
pub fn is_site_name(text: &str) -> bool {
    text.chars().count() <= 30 && lexicon::SITE_ENDINGS.iter().any(|s| text.ends_with(s))
}

/// A key-value field's line (`索引号：…`, `• 发文字号：`, `名 称：…`): a short CJK label of up to
/// six characters and its colon open the line, whether a value follows or stands on the next line.
pub fn is_field_line(t: &str) -> bool {
    if t.len() > SHORT_BYTES * 2 {
        return false;
    }
    let t = t.trim_start_matches(|c: char| {
        crate::chars::is_space(c) || matches!(c, '•' | '·' | '●' | '■' | '◆' | '-')
    });
    let Some(at) = t.find([':', '：']) else {
        return false;
    };
    let label: String = t[..at]
        .chars()
        .filter(|&c| !crate::chars::is_space(c))
        .collect();
    let n = label.chars().count();
    (1..=6).contains(&n) && label.chars().all(is_cjk)
}
