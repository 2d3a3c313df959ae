//! Lines that are not part of the document: page numbers, newspaper jump markers, and what a
//! web page adds around a document (menus, source and editor lines, timestamps, photo credits).

use crate::chars::{is_digit, is_space};

/// Words that make up a web page's tool menu (`下载 打印 全屏 收藏 【字号：加大 还原 减小 】`).
const MENU: &[&str] = &[
    "下载",
    "打印",
    "全屏",
    "收藏",
    "分享",
    "分享到",
    "分享到：",
    "关闭",
    "关闭窗口",
    "打印本页",
    "打印正文",
    "返回顶部",
    "返回",
    "字号：",
    "字号:",
    "字号",
    "字体：",
    "字体",
    "加大",
    "还原",
    "减小",
    "大",
    "中",
    "小",
    "默认",
    "相关报道：",
    "相关链接：",
    "相关文档：",
    "扫一扫在手机打开当前页",
    "微信",
    "微博",
    "纠错",
    "我要纠错",
];

/// Openings of the lines a web page adds: where the text came from, who edited it, when.
const PREFIXES: &[&str] = &[
    "来源：",
    "来源:",
    "信息来源：",
    "文章来源：",
    "稿件来源：",
    "编辑：",
    "编辑:",
    "责任编辑：",
    "责任编辑:",
    "责编：",
    "作者：",
    "审核：",
    "校对：",
    "发布时间：",
    "发布日期：",
    "浏览次数：",
    "点击数：",
    "阅读次数：",
    "访问量：",
];

/// Brackets and separators that hold menu words together (`【打印】|【关闭】`).
fn is_menu_glue(c: char) -> bool {
    matches!(
        c,
        '【' | '】' | '[' | ']' | '|' | '｜' | '丨' | '/' | '·' | '：' | ':'
    )
}

/// A page-number line: `— 3 —`, `- 3 -`, `－3－`, `—3—`, `·3·`, `第 3 页`, `第3页 共10页`,
/// `3/10`, or a bare number alone on a line.
pub fn is_page_number(text: &str) -> bool {
    let dash = |c: char| {
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
        ) || is_space(c)
    };
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
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '―' | '─' | '‐' | '−');
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
    text.chars().count() <= 40
        && strip_page_mark(text).is_some_and(|rest| {
            !rest.contains(['。', '，', '；', '！', '？', '：']) && rest.chars().count() <= 30
        })
}

/// A newspaper jump marker: `（下转第四版）`, `（上接第1版）`.
pub fn is_jump_marker(text: &str) -> bool {
    let inner = text
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    inner.chars().count() <= 12
        && ["下转", "上接", "转第", "接第"]
            .iter()
            .any(|p| inner.starts_with(p))
        && inner.ends_with('版')
}

/// A line a web page adds around a document.
pub fn is_furniture(text: &str) -> bool {
    let short = text.chars().count() <= 40;
    let mut words = text
        .split(|c: char| is_space(c) || is_menu_glue(c))
        .filter(|t| !t.is_empty())
        .peekable();
    if words.peek().is_none() {
        // Only brackets and separators: the remains of a menu (`】`).
        return short;
    }
    if words.all(|t| MENU.contains(&t)) {
        return true;
    }
    if !short {
        return false;
    }
    // `（来源：青海日报）`
    let bare = text.trim_start_matches(['（', '(']);
    if PREFIXES.iter().any(|p| bare.starts_with(p)) {
        return true;
    }
    // `时间：2026-02-02` is a web page's stamp; `时间：2024年4月1日上午9时` is a meeting notice's.
    if let Some(stamp) = bare
        .strip_prefix("时间：")
        .or_else(|| bare.strip_prefix("时间:"))
    {
        return !stamp.contains('年') && stamp.chars().any(|c| matches!(c, '-' | '/'));
    }
    // A photo credit: `王正谱作政府工作报告。本报记者 霍艳恩摄`.
    if text.ends_with('摄') && text.contains("记者") {
        return true;
    }
    // A bare timestamp `2026-01-31 07:00:44`.
    text.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | ' ' | '/' | '.'))
        && text.contains('-')
        && text.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

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
