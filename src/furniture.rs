//! Lines that are not part of the document: page numbers, newspaper jump markers, and what a
//! web page adds around a document (menus, source and editor lines, timestamps, photo credits).

use crate::chars::{is_digit, is_space};
use crate::lexicon;

const BYLINE_FIRSTS: [char; lexicon::BYLINE_LABELS.len()] = first_chars(lexicon::BYLINE_LABELS);

/// A byline line: a [`lexicon::BYLINE_LABELS`] label with its colon opens it, and it is no
/// sentence (a short line, no full stop). A line that only opens with such a word (`来源广泛的资金…`) has no colon
/// after it.
fn is_byline(text: &str) -> bool {
    // The colon follows the label within its first characters: a line of prose is turned away
    // without being read to its end.
    let Some((at, _)) = text
        .char_indices()
        .take(8)
        .find(|&(_, c)| matches!(c, '：' | ':'))
    else {
        return false;
    };
    let label = text[..at].trim_end_matches(is_space);
    lexicon::BYLINE_LABELS.contains(&label)
        && at_most_chars(text, 100)
        && !text.contains(['。', '；', '！', '？'])
}

/// Brackets and separators that hold menu words together (`【打印】|【关闭】`).
fn is_menu_glue(c: char) -> bool {
    matches!(
        c,
        '【' | '】' | '[' | ']' | '|' | '｜' | '丨' | '/' | '·' | '：' | ':'
    )
}

/// The longest menu word in bytes: a longer word is none, so a line of prose is turned away
/// after a look at its first few characters.
const MENU_WORD_BYTES: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < lexicon::MENU_WORDS.len() {
        if lexicon::MENU_WORDS[i].len() > max {
            max = lexicon::MENU_WORDS[i].len();
        }
        i += 1;
    }
    max
};

/// What the words of a line (split at spaces and [menu glue](is_menu_glue)) are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Words {
    /// There are none.
    None,
    /// All are menu words.
    Menu,
    /// At least one is not a menu word.
    Other,
}

/// Reads the words of `text` up to the first that is no menu word, looking at most
/// [`MENU_WORD_BYTES`] into it.
fn menu_words(text: &str) -> Words {
    let separator = |c: char| is_space(c) || is_menu_glue(c);
    let mut rest = text;
    let mut any = false;
    loop {
        rest = rest.trim_start_matches(separator);
        if rest.is_empty() {
            return if any { Words::Menu } else { Words::None };
        }
        any = true;
        if !rest
            .chars()
            .next()
            .is_some_and(|c| MENU_FIRSTS.contains(&c))
        {
            return Words::Other;
        }
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if separator(c) {
                end = i;
                break;
            }
            if i >= MENU_WORD_BYTES {
                return Words::Other;
            }
        }
        let (word, after) = rest.split_at(end);
        if !lexicon::MENU_WORDS.contains(&word) {
            return Words::Other;
        }
        rest = after;
    }
}

/// The first characters of the menu words and of the prefixes: a line that opens with none of
/// them is no menu and has no prefix, which one look tells.
const MENU_FIRSTS: [char; lexicon::MENU_WORDS.len()] = first_chars(lexicon::MENU_WORDS);
const PREFIX_FIRSTS: [char; lexicon::PAGE_PREFIXES.len()] = first_chars(lexicon::PAGE_PREFIXES);

/// The first character of each of `words`.
const fn first_chars<const N: usize>(words: &[&str]) -> [char; N] {
    let mut firsts = ['\0'; N];
    let mut i = 0;
    while i < N {
        firsts[i] = first_char(words[i]);
        i += 1;
    }
    firsts
}

/// The first character of a non-empty `word` (decoded from UTF-8 by hand, so that it runs at
/// compile time).
const fn first_char(word: &str) -> char {
    let b = word.as_bytes();
    let lead = b[0] as u32;
    let (mut code, len) = match lead {
        0x00..=0x7F => (lead, 1),
        0x80..=0xDF => (lead & 0x1F, 2),
        0xE0..=0xEF => (lead & 0x0F, 3),
        _ => (lead & 0x07, 4),
    };
    let mut k = 1;
    while k < len {
        code = code << 6 | (b[k] & 0x3F) as u32;
        k += 1;
    }
    match char::from_u32(code) {
        Some(c) => c,
        None => panic!("a table word is valid UTF-8"),
    }
}

/// Whether `text` has at most `n` characters; counts no further than its first `4 × n` bytes.
fn at_most_chars(text: &str, n: usize) -> bool {
    // A character is one to four bytes; each has one byte that is no continuation byte.
    text.len() <= n
        || (text.len() <= n.saturating_mul(4)
            && text.bytes().filter(|&b| !is_continuation(b)).count() <= n)
}

/// A UTF-8 continuation byte (`10xxxxxx`).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// A character a page-number line may hold (see [`is_page_number`]).
fn is_page_number_char(c: char) -> bool {
    is_page_dash(c)
        || is_space(c)
        || is_digit(c)
        || matches!(c, '第' | '共' | '页' | '，' | ',' | '/' | '／')
}

/// A dash or dot around a page number (`— 3 —`, `·3·`, `~3~`).
fn is_page_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '—'
            | '–'
            | '－'
            | '―'
            | '─'
            | '━'
            | '‐'
            | '‑'
            | '−'
            | '·'
            | '•'
            | '~'
            | '～'
    )
}

/// A dash of a page mark beside a page foot's words (`— 12 —　某某市人民政府公报`).
fn is_mark_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '－' | '―' | '─' | '‐' | '−')
}

/// A page-number line: `— 3 —`, `- 3 -`, `－3－`, `—3—`, `·3·`, `第 3 页`, `第3页 共10页`,
/// `3/10`, or a bare number alone on a line.
pub fn is_page_number(text: &str) -> bool {
    // Every character of a page-number line is a dash, a space, a digit or a footer word, so a
    // line of prose is turned away at its first character.
    if !text.starts_with(|c: char| is_page_number_char(c)) {
        return false;
    }
    let dash = |c: char| is_page_dash(c) || is_space(c);
    let core = text.trim_matches(dash);
    let mut digits = 0;
    let mut rest = core;
    // Up to two numbers with the words and separators of a page footer between them.
    for _ in 0..2 {
        rest = rest.trim_start_matches(|c: char| {
            matches!(c, '第' | '共' | '页' | '，' | ',' | '/' | '／') || is_space(c)
        });
        let n = rest.len() - rest.trim_start_matches(is_digit).len();
        if n == 0 {
            break;
        }
        digits += rest[..n].chars().count();
        rest = &rest[n..];
    }
    let rest = rest.trim_start_matches(|c: char| matches!(c, '页') || is_space(c));
    rest.is_empty() && (1..=8).contains(&digits)
}

/// A page number between dashes (`— 12 —`, `- 12 -`) at the start or the end of `text`; returns
/// the rest of the text.
fn strip_page_mark(text: &str) -> Option<&str> {
    let dash = is_mark_dash;
    // Reads `dashes spaces digits spaces dashes` from the start of `chars`, returning its length
    // in characters.
    let mark = |chars: &mut dyn Iterator<Item = char>| -> Option<usize> {
        let mut n = 0;
        let mut stage = 0; // 0 dashes, 1 digits, 2 closing dashes
        let mut digits = 0;
        let mut closing = 0;
        for c in chars {
            match stage {
                0 if dash(c) => {}
                0 if n > 0 && (is_space(c) || is_digit(c)) => {
                    stage = 1;
                    digits += usize::from(is_digit(c));
                }
                1 if is_digit(c) => digits += 1,
                1 if is_space(c) => {}
                1 if dash(c) && (1..=4).contains(&digits) => {
                    stage = 2;
                    closing = 1;
                }
                2 if dash(c) => closing += 1,
                _ => break,
            }
            n += 1;
        }
        (stage == 2 && closing > 0).then_some(n)
    };
    let text = text.trim_matches(is_space);
    if let Some(n) = mark(&mut text.chars()) {
        let at = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        return Some(text[at..].trim_start_matches(is_space));
    }
    let n = mark(&mut text.chars().rev())?;
    let count = text.chars().count();
    let at = text
        .char_indices()
        .nth(count - n)
        .map_or(text.len(), |(i, _)| i);
    Some(text[..at].trim_end_matches(is_space))
}

/// A page foot or head that carries the page number beside the publication's name
/// (`— 12 —　某某市人民政府公报`): short, and no sentence.
pub fn is_page_foot(text: &str) -> bool {
    // The page mark opens or closes the line (after any space); the rest of the line is looked
    // at only then.
    let dash_or_space = |c: char| is_mark_dash(c) || is_space(c);
    let may_mark = text.starts_with(dash_or_space) || text.ends_with(dash_or_space);
    may_mark
        && at_most_chars(text, 40)
        && strip_page_mark(text).is_some_and(|rest| {
            !rest.contains(['。', '，', '；', '！', '？', '：']) && rest.chars().count() <= 30
        })
}

/// A newspaper jump marker: `（下转第四版）`, `（上接第1版）`.
pub fn is_jump_marker(text: &str) -> bool {
    if !text.ends_with(['版', '）', ')']) {
        return false;
    }
    let inner = text
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    inner.ends_with('版')
        && lexicon::JUMP_WORDS.iter().any(|p| inner.starts_with(p))
        && at_most_chars(inner, 12)
}

/// A line a web page adds around a document.
pub fn is_furniture(text: &str) -> bool {
    // Only short lines are furniture, unless they are menus; the length is counted last, as
    // cheaper looks turn most lines away.
    let short = || at_most_chars(text, 40);
    match menu_words(text) {
        // Only brackets and separators: the remains of a menu (`】`).
        Words::None => return short(),
        Words::Menu => return true,
        Words::Other => {}
    }
    // `（来源：青海日报）`
    let bare = text.trim_start_matches(['（', '(']);
    let opening = bare.chars().next();
    if opening.is_some_and(|c| PREFIX_FIRSTS.contains(&c))
        && lexicon::PAGE_PREFIXES.iter().any(|p| bare.starts_with(p))
    {
        return short();
    }
    // `时间：2026-02-02` is a web page's stamp; `时间：2024年4月1日上午9时` is a meeting notice's.
    let stamp = match opening {
        Some('时') => bare
            .strip_prefix("时间：")
            .or_else(|| bare.strip_prefix("时间:")),
        _ => None,
    };
    if let Some(stamp) = stamp {
        return short() && !stamp.contains('年') && stamp.chars().any(|c| matches!(c, '-' | '/'));
    }
    if opening.is_some_and(|c| BYLINE_FIRSTS.contains(&c)) && is_byline(bare) {
        return true;
    }
    // A photo credit: `王正谱作政府工作报告。本报记者 霍艳恩摄`.
    if text.ends_with('摄') {
        return short() && text.contains("记者");
    }
    // A bare timestamp `2026-01-31 07:00:44`.
    text.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | ' ' | '/' | '.'))
        && short()
        && text.contains('-')
        && text.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_characters_of_the_tables_are_read_at_compile_time() {
        for (words, firsts) in [
            (lexicon::MENU_WORDS, &MENU_FIRSTS[..]),
            (lexicon::PAGE_PREFIXES, &PREFIX_FIRSTS[..]),
            (lexicon::BYLINE_LABELS, &BYLINE_FIRSTS[..]),
        ] {
            for (word, first) in words.iter().zip(firsts) {
                assert_eq!(
                    word.chars().next(),
                    Some(*first),
                    "{word:?} opens with {first:?}"
                );
            }
        }
        let longest = lexicon::MENU_WORDS.iter().map(|w| w.len()).max();
        assert_eq!(
            Some(MENU_WORD_BYTES),
            longest,
            "the longest menu word is measured"
        );
    }

    #[test]
    fn long_lines_are_no_furniture_but_long_menus_are() {
        let prose = "来源广泛".repeat(20);
        assert!(!is_furniture(&prose), "a long line is no furniture");
        let menu = "【打印】 ".repeat(30);
        assert!(is_furniture(&menu), "a long menu line is furniture");
        let glue = "】".repeat(41);
        assert!(
            !is_furniture(&glue),
            "41 separators alone are too long for a menu's remains"
        );
        assert!(
            is_furniture(&glue[3..]),
            "40 separators alone are a menu's remains"
        );
        let source = |n: usize| format!("来源：{}", "某".repeat(n));
        assert!(!is_furniture(&source(38)), "a source line is short");
        assert!(
            is_furniture(&source(37)),
            "a source line of 40 characters is furniture"
        );
    }

    #[test]
    fn page_numbers() {
        for s in [
            "— 3 —",
            "- 3 -",
            "－3－",
            "—3—",
            "3",
            "第 3 页",
            "第3页 共10页",
            "3/10",
            "·12·",
            "— 1 —",
        ] {
            assert!(is_page_number(s), "{s:?} should be a page number");
        }
        for s in ["2023年", "3.5", "第三章", "一、", "123456789"] {
            assert!(!is_page_number(s), "{s:?} should not be a page number");
        }
    }

    #[test]
    fn page_feet() {
        for s in [
            "— 12 — 某某市人民政府公报",
            "某某市人民政府公报 2024年第1期 - 3 -",
            "—3—",
        ] {
            assert!(is_page_foot(s), "{s:?} should be a page foot");
        }
        for s in ["—— 经济总体回升向好。", "共有3个——分别是", "2024-2025年"]
        {
            assert!(!is_page_foot(s), "{s:?} should not be a page foot");
        }
    }

    #[test]
    fn furniture_lines() {
        for s in [
            "下载 打印 全屏 收藏 【字号：加大 还原 减小 】",
            "】",
            "来源：河北日报",
            "（来源：青海日报）",
            "编辑：何继红",
        ] {
            assert!(is_furniture(s), "{s:?} should be furniture");
        }
        for s in [
            "一、工作开展情况",
            "各位代表：",
            "来源广泛的资金支持了全区的建设工作。",
        ] {
            assert!(!is_furniture(s), "{s:?} should be text");
        }
    }
}
