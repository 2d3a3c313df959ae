//! What a file's layout knew → the text the analysis reads, the same way for every format.
//!
//! Fixed-layout files (PDF, OFD) give positioned text; flowing ones (Word) give paragraphs and
//! table rows. [`compose`] turns either into text with one paragraph a line: what a careful
//! copy would have been. For positioned text it rebuilds
//! - lines, from items that share a baseline;
//! - paragraphs: a line continues the paragraph when the line before it reached the right margin
//!   and it starts at the left margin; an indent, a short line, a change of size or a wider gap
//!   ends one, and a paragraph carries on across a page break when the page's last line was full;
//! - furniture: page numbers (`— 3 —`, `第3页 共9页`, `3/9`) at the top or bottom of a page, and
//!   lines repeated at the same place on most pages (running heads and footers), are dropped;
//! - tables and columns: a line with a wide gap inside stands alone, its cells kept in order.
//!
//! Units do not matter (PDF points, OFD millimetres): every threshold is a share of the text
//! size.

use serde::Deserialize;

/// A run of text at a position, as a PDF or OFD reader found it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Item {
    /// The characters.
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Baseline, measured down from the top of the page.
    pub y: f64,
    /// Advance width of the whole run.
    pub width: f64,
    /// Font size (the height of a CJK character).
    pub size: f64,
}

/// One page of positioned text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Page {
    /// Page width, in the items' unit.
    pub width: f64,
    /// Page height, in the items' unit.
    pub height: f64,
    /// The text on the page, in any order.
    pub items: Vec<Item>,
}

/// One block of a flowing document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph's text (with its list number, if it has one).
    Paragraph(String),
    /// A table row's cells.
    Row(Vec<String>),
}

/// What a reader found in a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    /// Positioned text, page by page (PDF, OFD).
    Pages(Vec<Page>),
    /// Paragraphs and table rows in order (Word).
    Blocks(Vec<Block>),
}

/// The text of a file: one paragraph a line, table cells separated by a tab, furniture dropped.
pub fn compose(layout: &Layout) -> String {
    let blocks;
    let blocks = match layout {
        Layout::Blocks(b) => b,
        Layout::Pages(pages) => {
            blocks = paragraphs(pages);
            &blocks
        }
    };
    let mut out = String::new();
    for block in blocks {
        let line = match block {
            Block::Paragraph(text) => text.trim().to_string(),
            Block::Row(cells) => {
                let cells: Vec<&str> = cells
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect();
                cells.join("\t")
            }
        };
        if line.is_empty() {
            continue;
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// One rebuilt line of positioned text.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    page: usize,
    /// A gap of two characters or more inside: a table row or columns side by side.
    gapped: bool,
}

fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFD}')
}

/// The lines of one page, top to bottom.
fn lines_of(page: &Page, number: usize) -> Vec<Line> {
    let mut items: Vec<&Item> = page
        .items
        .iter()
        .filter(|i| {
            !i.text.trim().is_empty()
                && i.x.is_finite()
                && i.y.is_finite()
                && i.width.is_finite()
                && i.size.is_finite()
                && i.size > 0.0
        })
        .collect();
    items.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Items whose baselines are within a third of their size share a line.
    let mut groups: Vec<Vec<&Item>> = Vec::new();
    for item in items {
        match groups.last_mut() {
            Some(g)
                if g.first()
                    .is_some_and(|f| (item.y - f.y).abs() <= 0.35 * f.size.max(item.size)) =>
            {
                g.push(item)
            }
            _ => groups.push(vec![item]),
        }
    }
    groups
        .into_iter()
        .filter_map(|mut g| {
            g.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = g.iter().map(|i| i.size).fold(0.0, f64::max);
            let first = g.first()?;
            let mut line = Line {
                text: String::new(),
                x0: first.x,
                x1: first.x,
                y: first.y,
                size,
                page: number,
                gapped: false,
            };
            let mut last: Option<&Item> = None;
            for item in g {
                if let Some(prev) = last {
                    // The same run drawn twice (a bold effect) is read once.
                    if prev.text == item.text && (item.x - prev.x).abs() < 0.2 * size {
                        continue;
                    }
                    let gap = item.x - line.x1;
                    if gap > 2.0 * size {
                        line.gapped = true;
                    }
                    let before = line.text.chars().next_back();
                    let after = item.text.trim_start().chars().next();
                    let latin = |c: Option<char>| c.is_some_and(|c| !is_wide(c));
                    if gap > 1.5 * size || (gap > 0.2 * size && latin(before) && latin(after)) {
                        line.text.push(' ');
                    }
                }
                let text = if line.text.is_empty() || line.text.ends_with(' ') {
                    item.text.trim_start()
                } else {
                    item.text.as_str()
                };
                line.text.push_str(text);
                line.x1 = line.x1.max(item.x + item.width);
                last = Some(item);
            }
            let trimmed = line.text.trim_end().len();
            line.text.truncate(trimmed);
            Some(line)
        })
        .collect()
}

/// Whether a line is a page number: `— 3 —`, `- 3 -`, `3`, `第3页`, `第3页 共9页`, `3/9`.
fn is_page_number(text: &str) -> bool {
    let s: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_matches(|c| matches!(c, '—' | '–' | '-' | '－' | '·' | '•' | '_' | '一' | '─'))
        .to_string();
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if digits(&s) {
        return true;
    }
    if let Some((a, b)) = s.split_once('/') {
        return digits(a) && digits(b);
    }
    // 第3页, 第3页共9页, 第3页，共9页, 共9页第3页
    let mut rest = s.as_str();
    let mut any = false;
    while !rest.is_empty() {
        let open = ["第", "共"].iter().find(|p| rest.starts_with(**p));
        let Some(open) = open else { return false };
        rest = &rest[open.len()..];
        let n = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if !digits(&rest[..n]) {
            return false;
        }
        rest = &rest[n..];
        let Some(r) = rest.strip_prefix('页') else {
            return false;
        };
        rest = r.trim_start_matches([',', '，', '/', '、']);
        any = true;
    }
    any
}

/// The key under which a running head or footer repeats: its text with digits blurred, and its
/// place on the page.
fn repeat_key(line: &Line) -> (String, i64) {
    let text = line
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    (text, (line.y / (line.size.max(1e-6) * 0.5)).round() as i64)
}

/// The lines of every page without furniture.
fn body_lines(pages: &[Page]) -> Vec<Line> {
    let mut per_page: Vec<Vec<Line>> = pages
        .iter()
        .enumerate()
        .map(|(n, p)| lines_of(p, n))
        .collect();
    // Page numbers: the first or last line of a page.
    for lines in &mut per_page {
        for _ in 0..2 {
            if lines.last().is_some_and(|l| is_page_number(&l.text)) {
                lines.pop();
            }
            if lines.first().is_some_and(|l| is_page_number(&l.text)) {
                lines.remove(0);
            }
        }
    }
    // A page head or foot set smaller than the text, apart from it at the page's top or bottom
    // (a word processor's header and footer styles), even on a single page.
    let sizes: Vec<f64> = per_page.iter().flatten().map(|l| l.size).collect();
    if let Some(body) = median(sizes) {
        for lines in &mut per_page {
            let small = |l: &Line| l.size < 0.9 * body;
            let apart = |a: &Line, b: &Line| (b.y - a.y).abs() > 2.5 * body;
            if lines.len() >= 2 && small(&lines[0]) && apart(&lines[0], &lines[1]) {
                lines.remove(0);
            }
            let n = lines.len();
            if n >= 2 && small(&lines[n - 1]) && apart(&lines[n - 2], &lines[n - 1]) {
                lines.pop();
            }
        }
    }
    // Running heads and footers: among the first two and last two lines of each page, those
    // that repeat at the same place on half the pages (at least two).
    if per_page.len() >= 2 {
        let mut counts: std::collections::HashMap<(String, i64), usize> = Default::default();
        for lines in &per_page {
            let mut seen = std::collections::HashSet::new();
            let n = lines.len();
            for (i, line) in lines.iter().enumerate() {
                if i < 2 || i + 2 >= n {
                    let key = repeat_key(line);
                    if seen.insert(key.clone()) {
                        *counts.entry(key).or_default() += 1;
                    }
                }
            }
        }
        let need = (per_page.len() / 2).max(2);
        for lines in &mut per_page {
            let n = lines.len();
            let mut i = 0;
            lines.retain(|line| {
                let edge = i < 2 || i + 2 >= n;
                i += 1;
                !(edge && counts.get(&repeat_key(line)).is_some_and(|&c| c >= need))
            });
        }
    }
    per_page.into_iter().flatten().collect()
}

/// The most common value of `values` in buckets of `step`, as the lowest value in that bucket.
fn mode(values: impl Iterator<Item = f64>, step: f64) -> Option<f64> {
    let mut buckets: std::collections::HashMap<i64, (usize, f64)> = Default::default();
    for v in values {
        let e = buckets.entry((v / step).round() as i64).or_insert((0, v));
        e.0 += 1;
        e.1 = e.1.min(v);
    }
    buckets
        .into_values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, v)| v)
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

/// The width of a line's first unbreakable unit, which a word processor moves to the next line
/// whole, leaving the line before it short by that much: opening brackets with the character
/// after them, one CJK character or a run of Latin letters and digits with the marks inside a
/// number (`5.5%`), and the closing punctuation that may not open a line.
fn first_word(text: &str, size: f64) -> f64 {
    // Latin letters and digits are often set in a wider font than half the CJK size.
    let width = |c: char| if is_wide(c) { size } else { size * 0.6 };
    let mut chars = text.chars().peekable();
    let mut w = 0.0;
    while let Some(&c) = chars.peek() {
        if !matches!(c, '（' | '(' | '“' | '‘' | '《' | '「' | '『' | '【' | '〔') {
            break;
        }
        w += width(c);
        chars.next();
    }
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | ',' | '-' | '/');
    match chars.next() {
        Some(c) if is_word(c) => {
            w += width(c);
            while let Some(&c) = chars.peek() {
                if !is_word(c) {
                    break;
                }
                w += width(c);
                chars.next();
            }
        }
        Some(c) => w += width(c),
        None => {}
    }
    while let Some(&c) = chars.peek() {
        if !matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '）'
                | ')'
                | '》'
                | '」'
                | '』'
                | '”'
                | '’'
                | '】'
                | '〕'
                | '％'
        ) {
            break;
        }
        w += width(c);
        chars.next();
    }
    w
}

/// Positioned pages → paragraphs (see the module docs).
fn paragraphs(pages: &[Page]) -> Vec<Block> {
    let lines = body_lines(pages);
    let Some(size) = median(lines.iter().map(|l| l.size).collect()) else {
        return Vec::new();
    };
    let body = || {
        lines
            .iter()
            .filter(|l| (l.size - size).abs() <= 0.15 * size)
    };
    let left = mode(body().map(|l| l.x0), size / 4.0).unwrap_or(0.0);
    // The right margin, from lines that end in a letter: punctuation may hang past it.
    let ends_in_letter = |l: &&Line| {
        l.text
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
    };
    let right = mode(body().filter(ends_in_letter).map(|l| l.x1), size / 4.0)
        .or_else(|| mode(body().map(|l| l.x1), size / 4.0))
        .unwrap_or(f64::MAX);
    let pitch = median(
        lines
            .windows(2)
            .filter(|w| w[0].page == w[1].page && w[1].y > w[0].y)
            .map(|w| w[1].y - w[0].y)
            .collect(),
    )
    .unwrap_or(size * 1.5);
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut previous: Option<&Line> = None;
    for line in &lines {
        let joins = previous.is_some_and(|p| {
            !p.gapped
                && !line.gapped
                && (line.size - p.size).abs() <= 0.15 * size
                && line.x0 <= left + 0.6 * size
                && right - p.x1 < (1.2 * size).max(first_word(&line.text, size) + 0.3 * size)
                && (line.page != p.page || line.y - p.y <= 1.7 * pitch)
        });
        if joins {
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            if latin(current.chars().next_back()) && latin(line.text.chars().next()) {
                current.push(' ');
            }
        } else if !current.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(&mut current)));
        }
        current.push_str(&line.text);
        previous = Some(line);
    }
    if !current.is_empty() {
        blocks.push(Block::Paragraph(current));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, x: f64, y: f64) -> Item {
        let width = text
            .chars()
            .map(|c| if is_wide(c) { 10.0 } else { 5.0 })
            .sum();
        Item {
            text: text.into(),
            x,
            y,
            width,
            size: 10.0,
        }
    }

    #[test]
    fn page_numbers() {
        for s in [
            "— 3 —",
            "- 12 -",
            "3",
            "第3页",
            "第 3 页 共 9 页",
            "第3页，共9页",
            "3/9",
        ] {
            assert!(is_page_number(s), "{s} is a page number");
        }
        for s in ["2024年", "第三章", "一、总体", "共15件"] {
            assert!(!is_page_number(s), "{s} is not a page number");
        }
    }

    #[test]
    fn paragraphs_from_lines() {
        // Lines of 10 characters (100 wide) from x=0; a paragraph's first line is indented.
        let page = |n: usize, lines: &[(&str, f64)]| Page {
            width: 120.0,
            height: 300.0,
            items: lines
                .iter()
                .enumerate()
                .map(|(i, (t, x))| item(t, *x, 20.0 + 15.0 * i as f64))
                .chain([item(&format!("— {n} —"), 40.0, 290.0)])
                .collect(),
        };
        let pages = vec![
            page(
                1,
                &[
                    ("标题", 40.0),
                    ("一二三四五六七八", 20.0),
                    ("九十一二三四五六七八", 0.0),
                ],
            ),
            page(
                2,
                &[("九十。", 0.0), ("新段落开始了一二", 20.0), ("三。", 0.0)],
            ),
        ];
        let text = compose(&Layout::Pages(pages));
        assert_eq!(
            text, "标题\n一二三四五六七八九十一二三四五六七八九十。\n新段落开始了一二三。\n",
            "lines join into paragraphs across the page break; page numbers are dropped"
        );
    }
}
