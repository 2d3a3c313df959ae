//! Source → paragraphs: undo what copying a report out of a PDF or a web page did.
//!
//! The text is read once. Each [`Paragraph`] holds its cleaned text and the input ranges it was
//! read from, so every later finding maps back to the characters the user pasted. Cleaning only
//! ever *drops* characters (line breaks, page numbers, indents, spaces around CJK, web
//! furniture); it never rewrites one, so a paragraph is exactly the concatenation of its pieces.

use std::ops::Range;

use crate::chars::{is_cjk, is_cjk_punct, is_invisible, is_sentence_end, is_space, width};

/// A run of cleaned text copied from one contiguous range of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Byte offset in the paragraph's text.
    clean: usize,
    /// Byte offset in the input.
    input: usize,
    /// Length in bytes (the same in both).
    len: usize,
}

/// One paragraph of cleaned text, with its map back to the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// The cleaned text: hard line breaks, indents and stray spaces removed.
    pub text: String,
    pieces: Vec<Piece>,
    /// How many input lines were joined into this paragraph.
    pub lines: usize,
    /// Whether the first line was indented (spaces or ideographic spaces) in the input.
    pub indented: bool,
}

impl Paragraph {
    /// Appends `input[range]` to the text, merging with the previous piece when contiguous.
    fn push(&mut self, input: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let len = range.len();
        match self.pieces.last_mut() {
            Some(last) if last.input + last.len == range.start => last.len += len,
            _ => self.pieces.push(Piece { clean: self.text.len(), input: range.start, len }),
        }
        self.text.push_str(&input[range]);
    }

    /// The input byte offset of the character at byte `clean` of the text. `clean` equal to the
    /// text's length maps to the end of the last piece.
    pub fn to_input(&self, clean: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.clean <= clean);
        match i.checked_sub(1).map(|k| self.pieces[k]) {
            Some(p) if clean < p.clean + p.len => p.input + (clean - p.clean),
            Some(p) => p.input + p.len,
            None => self.pieces.first().map_or(0, |p| p.input),
        }
    }

    /// The input byte range of the text's byte range `range` (start of its first character to the
    /// end of its last), so that pieces dropped inside the range are covered too.
    pub fn input_range(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.to_input(range.start);
            return at..at;
        }
        let start = self.to_input(range.start);
        let last = self.text[..range.end].chars().next_back().map_or(0, char::len_utf8);
        let end = self.to_input(range.end - last) + last;
        start..end.max(start)
    }

    /// The input byte ranges whose concatenation is the text.
    pub fn pieces(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.pieces.iter().map(|p| p.input..p.input + p.len)
    }

    /// The input byte range the whole paragraph was read from.
    pub fn span(&self) -> Range<usize> {
        self.input_range(0..self.text.len())
    }
}

/// The input read into paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    /// The input exactly as given.
    pub input: &'a str,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
}

/// What one input line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    PageNumber,
    Furniture,
    Text,
}

#[derive(Debug, Clone)]
struct Line {
    /// The content, without indent, trailing space or any markdown prefix.
    content: Range<usize>,
    kind: LineKind,
    indented: bool,
    width: usize,
}

/// Reads `input` into paragraphs.
pub fn read(input: &str) -> Document<'_> {
    let lines = classify(input);
    let wrap_width = wrapped_width(input, &lines);
    let mut paragraphs = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut previous_text: Option<&Line> = None;
    let mut seam = false;
    for line in &lines {
        match line.kind {
            LineKind::Blank => continue,
            LineKind::PageNumber | LineKind::Furniture => {
                seam = true;
                continue;
            }
            LineKind::Text => {}
        }
        let joins = match (previous_text, current.as_ref()) {
            (Some(prev), Some(par)) => continues(input, prev, line, par, wrap_width, seam),
            _ => false,
        };
        if !joins {
            if let Some(par) = current.take() {
                paragraphs.push(par);
            }
            current = Some(Paragraph { indented: line.indented, ..Paragraph::default() });
        }
        if let Some(par) = current.as_mut() {
            append_line(par, input, line.content.clone());
            par.lines += 1;
        }
        previous_text = Some(line);
        seam = false;
    }
    paragraphs.extend(current);
    paragraphs.retain(|p| !p.text.is_empty());
    Document { input, paragraphs }
}

/// Splits the input into lines (LF, CRLF or lone CR) and says what each is.
fn classify(input: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let bytes = input.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            lines.push(start..i);
            if !at_end && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    let front_matter_end = front_matter(input, &lines);
    lines
        .into_iter()
        .enumerate()
        .map(|(n, range)| {
            if n < front_matter_end {
                return Line { content: range.start..range.start, kind: LineKind::Furniture, indented: false, width: 0 };
            }
            line(input, range)
        })
        .collect()
}

/// The number of lines in a YAML front-matter block (`---` … `---`) at the top, or 0.
fn front_matter(input: &str, lines: &[Range<usize>]) -> usize {
    let trimmed = |r: &Range<usize>| input[r.clone()].trim_matches(|c: char| is_space(c) || is_invisible(c));
    if lines.first().map(trimmed) != Some("---") {
        return 0;
    }
    lines.iter().skip(1).take(100).position(|r| trimmed(r) == "---").map_or(0, |k| k + 2)
}

fn line(input: &str, range: Range<usize>) -> Line {
    let raw = &input[range.clone()];
    let lead = raw.len() - raw.trim_start_matches(|c: char| is_space(c) || is_invisible(c)).len();
    let tail = raw.len() - raw.trim_end_matches(|c: char| is_space(c) || is_invisible(c)).len();
    let mut content = range.start + lead..range.end - tail.min(raw.len() - lead);
    let text = &input[content.clone()];
    let mut kind = if text.is_empty() {
        LineKind::Blank
    } else if is_page_number(text) {
        LineKind::PageNumber
    } else if is_furniture(text) {
        LineKind::Furniture
    } else {
        LineKind::Text
    };
    if kind == LineKind::Text {
        // Markdown from a web copy: `# 标题` keeps its text, `> 引用` is the site's note.
        let hashes = text.len() - text.trim_start_matches('#').len();
        if hashes > 0 && text[hashes..].starts_with(' ') {
            content.start += hashes + 1;
        } else if text.starts_with("> ") || text == ">" {
            kind = LineKind::Furniture;
        }
    }
    let width = input[content.clone()].chars().map(width).sum();
    Line { content, kind, indented: lead > 0, width }
}

/// `— 3 —`, `- 3 -`, `－3－`, `—3—`, `第 3 页`, a bare number alone on a line.
fn is_page_number(text: &str) -> bool {
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '―' | '─' | '━' | '‐' | '‑' | '−');
    let core = text.trim_matches(|c: char| dash(c) || is_space(c));
    let core = core
        .strip_prefix('第')
        .and_then(|s| s.strip_suffix('页'))
        .map_or(core, |s| s.trim_matches(is_space));
    !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Lines a web page adds around a document: menus, source and editor lines, timestamps, jump
/// markers of a newspaper page.
fn is_furniture(text: &str) -> bool {
    const MENU: &[&str] = &[
        "下载", "打印", "全屏", "收藏", "分享", "关闭", "关闭窗口", "打印本页", "返回顶部", "【字号：", "【字号",
        "字号：", "加大", "还原", "减小", "】", "大", "中", "小", "【大", "中", "小】", "【打印】", "【关闭】",
        "相关报道：", "相关链接：", "扫一扫在手机打开当前页", "默认", "【", "字体：",
    ];
    const PREFIXES: &[&str] = &[
        "来源：", "来源:", "编辑：", "编辑:", "责任编辑：", "责编：", "作者：", "发布时间：", "时间：", "浏览次数：",
        "点击数：", "阅读次数：", "（来源：", "(来源：", "信息来源：", "发布日期：", "文章来源：", "审核：", "校对：",
    ];
    if text.split(is_space).filter(|t| !t.is_empty()).all(|t| MENU.contains(&t)) {
        return true;
    }
    let short = text.chars().count() <= 40;
    if short && PREFIXES.iter().any(|p| text.starts_with(p)) {
        return true;
    }
    // `（下转第四版）` `（上接第一版）`
    let inner = text.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    if short && (inner.starts_with("下转") || inner.starts_with("上接")) && inner.ends_with('版') {
        return true;
    }
    // A bare timestamp `2026-01-31 07:00:44`.
    short
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | ' ' | '/' | '.'))
        && text.contains('-')
        && text.contains(':')
}

/// The line width of a hard-wrapped (PDF-copied) text, if this text is one: most text lines then
/// share nearly the same width. `None` for text with one paragraph a line.
fn wrapped_width(_input: &str, lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = lines.iter().filter(|l| l.kind == LineKind::Text).map(|l| l.width).collect();
    if widths.len() < 4 {
        return None;
    }
    widths.sort_unstable();
    let full = widths[widths.len() * 9 / 10];
    if full < 20 {
        return None;
    }
    let near = widths.iter().filter(|&&w| w * 100 >= full * 85 && w <= full + 4).count();
    (near * 100 >= widths.len() * 40).then_some(full)
}

/// Whether `next` continues the paragraph that `prev` ended.
fn continues(input: &str, prev: &Line, next: &Line, par: &Paragraph, wrap: Option<usize>, seam: bool) -> bool {
    let last = par.text.chars().next_back();
    let ended = last.is_some_and(|c| is_sentence_end(c) || matches!(c, '：' | ':' | '；'));
    let next_text = &input[next.content.clone()];
    if ended && starts_like_heading(next_text) {
        return false;
    }
    match wrap {
        Some(full) => prev.width * 100 >= full * 85 || (!ended && number_split(par, next_text)),
        // One paragraph a line: only a page seam inside a sentence joins.
        None => seam && !ended && last.is_some_and(|c| !is_cjk_punct(c) || c == '，'),
    }
}

/// A number at the end of one line whose unit opens the next (`1588.75` / `万元`).
fn number_split(par: &Paragraph, next: &str) -> bool {
    par.text.chars().next_back().is_some_and(|c| c.is_ascii_digit())
        && next.chars().next().is_some_and(|c| is_cjk(c) || c == '%' || c == '％')
}

fn starts_like_heading(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('（' | '(' | '第' | '①'..='⑳') => true,
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if "一二三四五六七八九十".contains(c) => {
            let rest = chars.as_str();
            rest.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c)).starts_with(['、', '是'])
        }
        _ => false,
    }
}

/// Appends one line's content, dropping spaces that stand next to CJK text (`2023 年`,
/// `政 府 工 作 报 告`) and invisible characters, keeping spaces between Latin words.
fn append_line(par: &mut Paragraph, input: &str, content: Range<usize>) {
    let text = &input[content.clone()];
    let mut run_start = content.start;
    let mut prev: Option<char> = par.text.chars().next_back();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = content.start + i;
        let drop = if is_invisible(c) {
            true
        } else if is_space(c) {
            let next = text[i..].chars().find(|&n| !is_space(n) && !is_invisible(n));
            let wide = |x: Option<char>| x.is_some_and(|x| is_cjk(x) || is_cjk_punct(x));
            wide(prev) || wide(next) || prev.is_none() || next.is_none() || prev.is_some_and(is_space)
        } else {
            false
        };
        if drop {
            par.push(input, run_start..at);
            run_start = at + c.len_utf8();
        } else {
            prev = Some(c);
        }
        let _ = iter.peek();
    }
    par.push(input, run_start..content.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_cleaned_text_back_to_the_input() {
        let input = "一、总体\r\n\r\n  共受理案件 15件，\n— 3 —\n\n其中民事 6件。";
        let doc = read(input);
        let all: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(all, ["一、总体", "共受理案件15件，其中民事6件。"], "a page seam inside a sentence is mended");
        let par = &doc.paragraphs[1];
        let at = par.text.find("15件").unwrap_or(0);
        let r = par.input_range(at..at + "15件".len());
        assert_eq!(&input[r], "15件", "a figure's input range slices the input to the same text");
    }
}
