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
/// brackets and separators names carry, and the pinyin a copy may insert in brackets:
/// `樂(lè)昌市教育局`), ending with an organisation word. A name longer than one body's is
/// the names of a joint document run together (see [`joint_bodies`]).
pub fn is_organ(text: &str) -> bool {
    if text.len() > SHORT_BYTES {
        return false;
    }
    if is_site_name(text) {
        return false;
    }
    let n = text.chars().count();
    let mut depth = 0usize;
    let chars_ok = text.chars().all(|c| match c {
        '（' | '(' => {
            depth += 1;
            true
        }
        '）' | ')' => {
            depth = depth.saturating_sub(1);
            true
        }
        '、' | '·' => true,
        c => is_cjk(c) || (depth > 0 && is_pinyin_letter(c)),
    });
    (2..=MAX_JOINT_CHARS).contains(&n)
        && chars_ok
        && ORGAN_ENDINGS.iter().any(|e| text.ends_with(e))
        && (n <= MAX_ORGAN_CHARS || joint_bodies(text).len() > 1)
}

/// The longest name of one body, in characters.
const MAX_ORGAN_CHARS: usize = 40;
/// The longest run of joint bodies' names, in characters.
const MAX_JOINT_CHARS: usize = 80;
/// The shortest name of a body in a joint list (`财政部`).
const MIN_BODY_CHARS: usize = 3;

/// A Latin letter of pinyin (`lè`, `cái`) that a copy inserted after a character.
fn is_pinyin_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x250
}

/// The bodies of a joint document whose names a copy ran together on one line
/// (`黄浦区发展和改革委员会黄浦区建设和管理委员会`): cut where a name ends with an organisation
/// word and the next opens as the first did (its place name) or with a word that opens a body's
/// name (`中共`, `国家`). One piece when no such cut is found; `人民政府办公室` is never cut, as
/// no name opens with `办公室`.
pub fn joint_bodies(text: &str) -> Vec<&str> {
    // The place name the bodies open with, after a party or state word (`中共成都市委…`).
    let place = lexicon::JOINT_OPENINGS
        .iter()
        .find_map(|w| text.strip_prefix(w))
        .unwrap_or(text);
    let lead: String = place.chars().take(2).collect();
    if lead.chars().count() < 2 || text.len() > SHORT_BYTES * 2 {
        return vec![text];
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    for (at, _) in text.char_indices().skip(1) {
        let (piece, rest) = (&text[from..at], &text[at..]);
        let opens = rest.starts_with(lead.as_str())
            || lexicon::JOINT_OPENINGS.iter().any(|w| rest.starts_with(w));
        if opens
            && piece.chars().count() >= MIN_BODY_CHARS
            && ORGAN_ENDINGS.iter().any(|e| piece.ends_with(e))
            && !ORGAN_ENDINGS.iter().any(|e| rest.starts_with(e))
        {
            pieces.push(piece);
            from = at;
        }
    }
    let last = &text[from..];
    if pieces.is_empty() || last.chars().count() < MIN_BODY_CHARS {
        return vec![text];
    }
    pieces.push(last);
    pieces
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

/// A bullet that marks an item of a page's list (`• 发文字号：`).
pub fn is_item_mark(c: char) -> bool {
    matches!(c, '•' | '·' | '●' | '■' | '◆')
}

/// A key-value field's line (`索引号：…`, `• 发文字号：`, `名 称：…`): a short CJK label of up to
/// six characters and its colon open the line, whether a value follows or stands on the next line.
pub fn is_field_line(t: &str) -> bool {
    if t.len() > SHORT_BYTES * 2 {
        return false;
    }
    let t =
        t.trim_start_matches(|c: char| crate::chars::is_space(c) || is_item_mark(c) || c == '-');
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

/// A label of a key-value field (`发文机关`, `索引号`, `文号`, `时间`), which names a field and is
/// never a value.
pub fn is_field_label(label: &str) -> bool {
    let label = label
        .trim_start_matches(|c: char| crate::chars::is_space(c) || is_item_mark(c) || c == '-');
    [
        lexicon::WEB_LABELS,
        lexicon::BYLINE_LABELS,
        lexicon::FIELD_NUMBER_LABELS,
        lexicon::FIELD_DATE_LABELS,
        lexicon::FIELD_ISSUER_LABELS,
        lexicon::FIELD_TITLE_LABELS,
    ]
    .iter()
    .any(|list| list.contains(&label))
        || lexicon::PAGE_LABEL_OPENINGS.contains(&label)
}

/// A number of a site's tag: digits, or Chinese numerals (`篇一`).
fn is_tag_numeral(c: char) -> bool {
    c.is_ascii_digit() || lexicon::SERIAL_NUMERALS.contains(&c)
}

/// The byte length of the [`lexicon::SITE_TAGS`] entry `tag` at the end of `text`, its `N`
/// standing for a number.
fn tag_at_end(text: &str, tag: &str) -> Option<usize> {
    let (before, after) = tag.split_once('N').unwrap_or((tag, ""));
    let rest = text.strip_suffix(after)?;
    let digits = rest.len() - rest.trim_end_matches(is_tag_numeral).len();
    if (digits > 0) != tag.contains('N') {
        return None;
    }
    let rest = rest.get(..rest.len() - digits)?.strip_suffix(before)?;
    Some(text.len() - rest.len())
}

/// What a site appended to a title: where its tags start, and whether one of them counts
/// something (`精选28篇`, `全文2584字`: never a figure of the document).
pub struct SiteTags {
    /// The byte offset where the tags (and the spaces before them) start.
    pub start: usize,
    /// Whether a tag holds a number.
    pub numbered: bool,
}

/// The tags a web site appended to a title line (see [`lexicon::SITE_TAGS`]): bracketed tags
/// (`…的讲话(县区)(全文2584字)`), a numbered tag (`关于批复范文精选28篇`, `…范文 篇1`), and
/// the title's year again behind its kind (`2022年…统计公报 2022`, a collection's label). `None` when the line ends with none.
// Kept out of line: it serves two callers, and a copy in each would weigh on the page's module.
#[inline(never)]
pub fn site_tags(t: &str) -> Option<SiteTags> {
    if t.len() > SHORT_BYTES {
        return None;
    }
    let space = crate::chars::is_space;
    let mut end = t.trim_end_matches(space).len();
    let mut numbered = false;
    loop {
        let rest = &t[..end];
        let inner = rest.strip_suffix(['）', ')']);
        // A tag in brackets, or one with a number alone.
        let tag = lexicon::SITE_TAGS.iter().find_map(|tag| match inner {
            Some(inner) => {
                let len = tag_at_end(inner, tag)?;
                let open = inner[..inner.len() - len].chars().next_back()?;
                matches!(open, '（' | '(')
                    .then(|| (rest.len() - inner.len() + len + open.len_utf8(), tag))
            }
            None => tag_at_end(rest, tag)
                .filter(|_| tag.contains('N'))
                .map(|len| (len, tag)),
        });
        let tag_len = if let Some((len, tag)) = tag {
            numbered |= tag.contains('N');
            Some(len)
        } else {
            // `2022年…公报 2022`: after the kind that ends a title, the year the title names
            // again (a collection's label; `…规划2035` names a year of its own).
            let before = rest.get(..rest.len().saturating_sub(4));
            before
                .filter(|b| {
                    let year = &rest[b.len()..];
                    year.bytes().all(|c| c.is_ascii_digit())
                        && (year.starts_with("19") || year.starts_with("20"))
                        && !b.ends_with(|c: char| c.is_ascii_digit())
                        && b.contains(year)
                        && ends_with_document_kind(b.trim_end_matches(space))
                })
                .map(|_| 4)
        };
        let Some(len) = tag_len else {
            break;
        };
        end = t[..end - len].trim_end_matches(space).len();
    }
    let kept = t[..end].chars().filter(|&c| is_cjk(c)).count();
    (end < t.trim_end_matches(space).len() && kept >= 2).then_some(SiteTags {
        start: end,
        numbered,
    })
}

/// A line of a wiki's header (`本作品收录于《…》`, `• 相关导览：…`): the page's.
pub fn is_wiki_label(t: &str) -> bool {
    let t =
        t.trim_start_matches(|c: char| crate::chars::is_space(c) || is_item_mark(c) || c == '-');
    lexicon::WIKI_LABELS.iter().any(|l| t.starts_with(l))
}

/// A line that names channels of a site alone (`政府信息公开`, `政务公开 政策解读`): the page's.
pub fn is_page_channel(t: &str) -> bool {
    t.len() <= SHORT_BYTES
        && t.split(|c: char| crate::chars::is_space(c) || matches!(c, '>' | '＞' | '|' | '/'))
            .filter(|w| !w.is_empty())
            .all(|w| lexicon::PAGE_CHANNELS.contains(&w))
        && !t.trim().is_empty()
}

/// Whether a line closes a bracket it did not open (`行动计划》的通知`): it continues the line
/// before it.
pub fn closes_bracket(t: &str) -> bool {
    let mut depth = 0i32;
    for c in t.chars() {
        match c {
            '《' | '（' | '(' | '“' | '「' | '〔' => depth += 1,
            '》' | '）' | ')' | '”' | '」' | '〕' => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sites_tags_are_read_off_a_title() {
        for (line, kept, numbered) in [
            ("某某的讲话(县区)(全文2584字)", "某某的讲话", true),
            ("某某的讲话（乡镇）", "某某的讲话", false),
            ("关于批复范文精选28篇", "关于批复范文", true),
            ("关于批复范文 篇1", "关于批复范文", true),
            ("关于请示范文 篇一", "关于请示范文", true),
            ("2022年某县统计公报 2022", "2022年某县统计公报", false),
        ] {
            let tags = site_tags(line);
            assert_eq!(
                tags.as_ref().map(|t| (&line[..t.start], t.numbered)),
                Some((kept, numbered)),
                "{line:?} keeps {kept:?} before its site's tags"
            );
        }
        for line in [
            "某某管理办法（试行）",
            "某某规划（2021—2025年）",
            "关于下达2024年第一批资金的通知",
            "某某发展规划2035",
        ] {
            assert!(site_tags(line).is_none(), "{line:?} carries no site's tag");
        }
    }
}
