//! Word .docx → paragraphs and table rows.
//!
//! The body (`word/document.xml`) is read in order: each `w:p` is a paragraph, each `w:tr` a
//! row of cells. Page headers and footers (their own parts), footnotes, deleted text and field
//! codes are not read: they are not the document's text. The list numbers Word draws from
//! `numbering.xml` (一、（一）1.) are not in the text either, so they are regenerated here: a
//! paragraph's number comes from its own `w:numPr` or its style's, counted per list as Word
//! counts it (a level restarts when a level above it is used).

use std::collections::HashMap;

use roxmltree::{Document, Node};

use crate::compose::Block;
use crate::zip::Archive;
use crate::FileError;

/// How deep the body's elements are followed: real documents nest a few dozen levels; a file
/// nested deeper (made to exhaust the stack) is read to this depth.
const MAX_DEPTH: usize = 256;

fn parse(text: &str) -> Result<Document<'_>, FileError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    Document::parse_with_options(text, options)
        .map_err(|e| FileError::Corrupt(format!("its XML is malformed ({e})")))
}

/// An attribute by local name (`w:val` → `val`), whatever its namespace.
fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| attr(c, "val"))
}

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: String,
    text: String,
    suffix: String,
    legal: bool,
}

/// A style's numId and level, and the style it is based on.
type StyleNumbering = (Option<String>, Option<usize>, Option<String>);

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels.
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, HashMap<usize, i64>)>,
    /// styleId → (numId, level) from the style or the styles it is based on.
    styles: HashMap<String, StyleNumbering>,
    /// Counters by abstractNumId, one a level.
    counters: HashMap<String, [Option<i64>; 9]>,
    /// The nums whose start overrides have been applied.
    started: std::collections::HashSet<String>,
}

fn levels(node: Node<'_, '_>) -> Vec<Level> {
    let mut out = vec![Level::default(); 9];
    for lvl in node
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "lvl")
    {
        let Some(i) = attr(lvl, "ilvl").and_then(|v| v.parse::<usize>().ok()) else {
            continue;
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = Level {
                start: val(lvl, "start").and_then(|v| v.parse().ok()).unwrap_or(1),
                format: val(lvl, "numFmt").unwrap_or("decimal").to_string(),
                text: val(lvl, "lvlText").unwrap_or("").to_string(),
                suffix: val(lvl, "suff").unwrap_or("tab").to_string(),
                legal: child(lvl, "isLgl").is_some_and(|n| attr(n, "val") != Some("0")),
            };
        }
    }
    out
}

impl Numbering {
    fn read(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(doc) = numbering.and_then(|t| parse(t).ok()) {
            for node in doc.root_element().children().filter(|c| c.is_element()) {
                match node.tag_name().name() {
                    "abstractNum" => {
                        if let Some(id) = attr(node, "abstractNumId") {
                            n.abstracts.insert(id.to_string(), levels(node));
                        }
                    }
                    "num" => {
                        let (Some(id), Some(abs)) =
                            (attr(node, "numId"), val(node, "abstractNumId"))
                        else {
                            continue;
                        };
                        let mut overrides = HashMap::new();
                        for o in node
                            .children()
                            .filter(|c| c.is_element() && c.tag_name().name() == "lvlOverride")
                        {
                            let lvl = attr(o, "ilvl").and_then(|v| v.parse::<usize>().ok());
                            let start = val(o, "startOverride").and_then(|v| v.parse().ok());
                            if let (Some(lvl), Some(start)) = (lvl, start) {
                                overrides.insert(lvl, start);
                            }
                        }
                        n.nums.insert(id.to_string(), (abs.to_string(), overrides));
                    }
                    _ => {}
                }
            }
        }
        if let Some(doc) = styles.and_then(|t| parse(t).ok()) {
            for style in doc
                .root_element()
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "style")
            {
                let Some(id) = attr(style, "styleId") else {
                    continue;
                };
                let num = child(style, "pPr").and_then(|p| child(p, "numPr"));
                let num_id = num.and_then(|p| val(p, "numId")).map(str::to_string);
                let lvl = num
                    .and_then(|p| val(p, "ilvl"))
                    .and_then(|v| v.parse().ok());
                let based = val(style, "basedOn").map(str::to_string);
                n.styles.insert(id.to_string(), (num_id, lvl, based));
            }
        }
        n
    }

    /// The numId and level a style gives, following `basedOn` a few steps.
    fn style_numbering(&self, style: &str) -> (Option<String>, Option<usize>) {
        let (mut num, mut lvl) = (None, None);
        let mut at = Some(style.to_string());
        for _ in 0..10 {
            let Some((n, l, based)) = at.as_ref().and_then(|s| self.styles.get(s)) else {
                break;
            };
            num = num.or_else(|| n.clone());
            lvl = lvl.or(*l);
            at = based.clone();
        }
        (num, lvl)
    }

    /// The label of the next paragraph in list `num_id` at `level`, counting it.
    fn next(&mut self, num_id: &str, level: usize) -> Option<String> {
        let (abs, overrides) = self.nums.get(num_id)?.clone();
        let defs = self.abstracts.get(&abs)?.clone();
        let level = level.min(8);
        let counters = self.counters.entry(abs.clone()).or_insert([None; 9]);
        if self.started.insert(num_id.to_string()) {
            for (&l, &start) in &overrides {
                if let Some(c) = counters.get_mut(l) {
                    *c = Some(start - 1);
                }
            }
        }
        let def = defs.get(level)?;
        counters[level] = Some(counters[level].map_or(def.start, |c| c + 1));
        for c in counters.iter_mut().skip(level + 1) {
            *c = None;
        }
        if def.format == "bullet" {
            return Some(String::new());
        }
        let mut label = String::new();
        let mut chars = def.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let k = (d as usize).saturating_sub(1).min(8);
                    let n = counters[k].unwrap_or_else(|| defs.get(k).map_or(1, |l| l.start));
                    let format = if def.legal {
                        "decimal"
                    } else {
                        defs.get(k).map_or("decimal", |l| l.format.as_str())
                    };
                    label.push_str(&format_number(n, format));
                    continue;
                }
            }
            label.push(c);
        }
        let ends_in_punct = label.chars().next_back().is_some_and(|c| {
            matches!(
                c,
                '、' | '．' | '.' | '）' | ')' | '：' | ':' | '，' | ',' | '】' | ']' | '〕'
            )
        });
        if !label.is_empty() && !ends_in_punct && def.suffix != "nothing" {
            label.push(' ');
        }
        Some(label)
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// 一 … 十 … 九十九, 一百 …: how Chinese counts.
fn chinese(n: i64, digits: &[char; 10], ten: char, hundred: char) -> String {
    if n <= 0 || n >= 10_000 {
        return n.to_string();
    }
    let (th, h, t, o) = (n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
    let mut s = String::new();
    let mut zero = false;
    for (d, unit) in [
        (th, Some('千')),
        (h, Some(hundred)),
        (t, Some(ten)),
        (o, None),
    ] {
        if d == 0 {
            zero = !s.is_empty();
            continue;
        }
        if zero {
            s.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when ten is the highest place.
        if !(unit == Some(ten) && d == 1 && s.is_empty()) {
            s.push(digits[d as usize]);
        }
        if let Some(u) = unit {
            s.push(u);
        }
    }
    s
}

fn letters(n: i64, base: u8) -> String {
    if n <= 0 {
        return n.to_string();
    }
    let letter = (base + ((n - 1) % 26) as u8) as char;
    std::iter::repeat(letter)
        .take(((n - 1) / 26 + 1) as usize)
        .collect()
}

fn roman(mut n: i64) -> String {
    if n <= 0 || n >= 4000 {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// A list number in one of Word's formats (`w:numFmt`).
pub fn format_number(n: i64, format: &str) -> String {
    const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    const BRANCHES: [&str; 12] = [
        "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
    ];
    let cycle = |names: &[&str]| {
        usize::try_from(n - 1)
            .ok()
            .and_then(|i| names.get(i % names.len()))
            .map_or_else(|| n.to_string(), |s| s.to_string())
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n, &DIGITS, '十', '百'),
        "chineseLegalSimplified" | "japaneseLegal" => chinese(n, &LEGAL, '拾', '佰'),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|c| c.to_digit(10).map_or(c, |d| DIGITS[d as usize]))
            .collect(),
        "ideographTraditional" => cycle(&STEMS),
        "ideographZodiac" => cycle(&BRANCHES),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n as u32 - 1).map_or(n.to_string(), String::from)
        }
        "decimalEnclosedFullstop" if (1..=20).contains(&n) => {
            char::from_u32(0x2488 + n as u32 - 1).map_or(n.to_string(), String::from)
        }
        "decimalEnclosedParen" => format!("({n})"),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// Reads a .docx archive's body into blocks.
pub fn read(zip: &Archive<'_>) -> Result<Vec<Block>, FileError> {
    let corrupt = FileError::Corrupt;
    let body = zip
        .text("word/document.xml")
        .map_err(corrupt)?
        .ok_or_else(|| FileError::Corrupt("it has no word/document.xml".into()))?;
    let numbering = zip.text("word/numbering.xml").map_err(corrupt)?;
    let styles = zip.text("word/styles.xml").map_err(corrupt)?;
    let mut numbering = Numbering::read(numbering.as_deref(), styles.as_deref());
    let doc = parse(&body)?;
    let mut blocks = Vec::new();
    walk(doc.root_element(), &mut numbering, &mut blocks, 0);
    Ok(blocks)
}

/// Reads the blocks under `node` in order.
fn walk(node: Node<'_, '_>, numbering: &mut Numbering, out: &mut Vec<Block>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in node.children().filter(|c| c.is_element()) {
        match c.tag_name().name() {
            "p" => {
                let mut extra = Vec::new();
                let text = paragraph(c, numbering, &mut extra, depth);
                out.push(Block::Paragraph(text));
                out.extend(extra);
            }
            "tbl" => {
                for row in c
                    .children()
                    .filter(|r| r.is_element() && r.tag_name().name() == "tr")
                {
                    let cells = row
                        .descendants()
                        .filter(|n| n.is_element() && n.tag_name().name() == "tc")
                        .filter(|tc| {
                            // Cells of this row, not of a table nested in one.
                            tc.ancestors()
                                .find(|a| a.tag_name().name() == "tr")
                                .is_some_and(|tr| tr == row)
                        })
                        .map(|tc| {
                            let mut parts = Vec::new();
                            for p in tc
                                .descendants()
                                .filter(|n| n.is_element() && n.tag_name().name() == "p")
                            {
                                let mut extra = Vec::new();
                                let t = paragraph(p, numbering, &mut extra, depth);
                                if !t.trim().is_empty() {
                                    parts.push(t.trim().to_string());
                                }
                            }
                            parts.join(" ")
                        })
                        .collect();
                    out.push(Block::Row(cells));
                }
            }
            // Deleted paragraphs, section properties and alternatives already read once.
            "del" | "sectPr" | "Fallback" | "moveFrom" => {}
            _ => walk(c, numbering, out, depth + 1),
        }
    }
}

/// A paragraph's text with its list number; text boxes inside it go to `extra`.
fn paragraph(
    p: Node<'_, '_>,
    numbering: &mut Numbering,
    extra: &mut Vec<Block>,
    depth: usize,
) -> String {
    let mut text = String::new();
    runs(p, numbering, &mut text, extra, depth);
    let ppr = child(p, "pPr");
    let num = ppr.and_then(|pr| child(pr, "numPr"));
    let (mut num_id, mut lvl) = (
        num.and_then(|n| val(n, "numId")).map(str::to_string),
        num.and_then(|n| val(n, "ilvl"))
            .and_then(|v| v.parse::<usize>().ok()),
    );
    if let Some(style) = ppr.and_then(|pr| val(pr, "pStyle")) {
        let (sn, sl) = numbering.style_numbering(style);
        num_id = num_id.or(sn);
        lvl = lvl.or(sl);
    }
    // An empty paragraph is not counted, as Word does not number it.
    if text.trim().is_empty() {
        return text;
    }
    match num_id {
        Some(id) if id != "0" => match numbering.next(&id, lvl.unwrap_or(0)) {
            Some(label) => label + text.trim_start(),
            None => text,
        },
        _ => text,
    }
}

fn runs(
    node: Node<'_, '_>,
    numbering: &mut Numbering,
    text: &mut String,
    extra: &mut Vec<Block>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in node.children().filter(|c| c.is_element()) {
        match c.tag_name().name() {
            "t" => text.push_str(c.text().unwrap_or("")),
            "tab" => text.push('\t'),
            "br" | "cr" => {
                if attr(c, "type").map_or(true, |t| t == "textWrapping") {
                    text.push('\n');
                }
            }
            "noBreakHyphen" => text.push('-'),
            "sym" => {
                if let Some(ch) = attr(c, "char")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                    .filter(|ch| !('\u{F000}'..='\u{F0FF}').contains(ch))
                {
                    text.push(ch);
                }
            }
            "txbxContent" => walk(c, numbering, extra, depth + 1),
            "r" if hidden(c) => {}
            // Properties, deleted text, field codes, the fallback of an alternative, notes.
            "pPr" | "rPr" | "del" | "delText" | "instrText" | "Fallback" | "moveFrom" => {}
            _ => runs(c, numbering, text, extra, depth + 1),
        }
    }
}

/// Whether a run is hidden text (`w:vanish`).
fn hidden(run: Node<'_, '_>) -> bool {
    child(run, "rPr")
        .and_then(|pr| child(pr, "vanish"))
        .is_some_and(|v| !matches!(attr(v, "val"), Some("0" | "false")))
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn number_formats() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCounting", "十一"),
            (20, "chineseCounting", "二十"),
            (105, "chineseCountingThousand", "一百〇五"),
            (3, "chineseLegalSimplified", "叁"),
            (2, "ideographTraditional", "乙"),
            (3, "decimalEnclosedCircle", "③"),
            (4, "lowerRoman", "iv"),
            (28, "upperLetter", "BB"),
            (7, "decimal", "7"),
        ];
        for (n, format, want) in cases {
            assert_eq!(format_number(n, format), want, "{n} in {format}");
        }
    }
}
