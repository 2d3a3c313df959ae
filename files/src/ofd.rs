//! OFD (GB/T 33190-2016) → positioned text, page by page.
//!
//! `OFD.xml` names the document (`DocBody/DocRoot`); the document lists its pages
//! (`Pages/Page@BaseLoc`) and the default page area; each page's content holds layers of
//! `TextObject`s, each with a `Boundary` (x y w h, millimetres from the top left), a `Size`,
//! an optional `CTM`, and `TextCode`s positioned by `X`/`Y` inside the boundary and advanced by
//! `DeltaX` (numbers, or `g N V` for N advances of V). Page templates (where running heads and
//! page numbers usually live) are not read.

use roxmltree::{Document, Node};

use crate::compose::{Item, Page};
use crate::zip::Archive;
use crate::FileError;

fn parse(text: &str) -> Result<Document<'_>, FileError> {
    Document::parse(text).map_err(|e| FileError::Corrupt(format!("its XML is malformed ({e})")))
}

fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

fn elements<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.descendants()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

fn numbers(s: &str) -> Vec<f64> {
    s.split_whitespace()
        .filter_map(|t| t.parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .collect()
}

/// `DeltaX`/`DeltaY`: the advances between characters, `g N V` expanded (to at most `max`).
fn deltas(s: &str, max: usize) -> Vec<f64> {
    let mut out = Vec::new();
    let mut tokens = s.split_whitespace();
    while let Some(t) = tokens.next() {
        if out.len() >= max {
            break;
        }
        if t == "g" {
            let n = tokens
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
            let v = tokens
                .next()
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0);
            out.extend(std::iter::repeat(v).take(n.min(max - out.len())));
        } else if let Ok(v) = t.parse::<f64>() {
            out.push(v);
        }
    }
    out
}

/// A path inside the archive, relative to the folder of `base` (or absolute with `/`).
fn resolve(base: &str, path: &str) -> String {
    let path = path.replace('\\', "/");
    if let Some(abs) = path.strip_prefix('/') {
        return abs.to_string();
    }
    let dir = base.rsplit_once('/').map_or("", |(d, _)| d);
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFD}')
}

/// Reads an OFD archive's first document into pages.
pub fn read(zip: &Archive<'_>) -> Result<Vec<Page>, FileError> {
    let corrupt = FileError::Corrupt;
    let root = zip
        .text("OFD.xml")
        .map_err(corrupt)?
        .ok_or_else(|| FileError::Corrupt("it has no OFD.xml".into()))?;
    let root = parse(&root)?;
    let doc_path = elements(root.root_element(), "DocRoot")
        .next()
        .and_then(|n| n.text())
        .map(|t| resolve("OFD.xml", t.trim()))
        .ok_or_else(|| FileError::Corrupt("OFD.xml names no document".into()))?;
    let doc_text = zip
        .text(&doc_path)
        .map_err(corrupt)?
        .ok_or_else(|| FileError::Corrupt(format!("{doc_path} is missing")))?;
    let doc = parse(&doc_text)?;
    let area = |node: Node<'_, '_>| {
        elements(node, "PhysicalBox")
            .next()
            .and_then(|b| b.text())
            .map(numbers)
            .filter(|v| v.len() == 4)
            .map(|v| (v[2], v[3]))
    };
    let default_area = elements(doc.root_element(), "CommonData")
        .next()
        .and_then(area)
        .unwrap_or((210.0, 297.0));
    let mut pages = Vec::new();
    let page_list = elements(doc.root_element(), "Pages").next();
    for page in page_list.into_iter().flat_map(|p| {
        p.children()
            .filter(|c| c.is_element() && c.tag_name().name() == "Page")
    }) {
        let Some(loc) = attr(page, "BaseLoc") else {
            continue;
        };
        let path = resolve(&doc_path, loc);
        let Some(content) = zip.text(&path).map_err(corrupt)? else {
            return Err(FileError::Corrupt(format!("its page {path} is missing")));
        };
        let content = parse(&content)?;
        let (width, height) = area(content.root_element()).unwrap_or(default_area);
        let mut items = Vec::new();
        for object in elements(content.root_element(), "TextObject") {
            text_object(object, &mut items);
        }
        pages.push(Page {
            width,
            height,
            items,
        });
    }
    Ok(pages)
}

fn text_object(object: Node<'_, '_>, items: &mut Vec<Item>) {
    let boundary = attr(object, "Boundary").map(numbers).unwrap_or_default();
    let (bx, by) = (
        boundary.first().copied().unwrap_or(0.0),
        boundary.get(1).copied().unwrap_or(0.0),
    );
    let size = attr(object, "Size")
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(3.5);
    // The CTM maps the object's space into the boundary: scale and offset are what text needs.
    let ctm = attr(object, "CTM").map(numbers).filter(|m| m.len() == 6);
    let (sx, sy, ex, ey) = ctm.map_or((1.0, 1.0, 0.0, 0.0), |m| (m[0], m[3], m[4], m[5]));
    let (mut x, mut y) = (0.0, 0.0);
    for code in object
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "TextCode")
    {
        let text = code.text().unwrap_or("");
        let chars: Vec<char> = text.chars().collect();
        if chars.is_empty() {
            continue;
        }
        // A TextCode without X or Y goes on from the one before it.
        x = attr(code, "X").and_then(|v| v.parse().ok()).unwrap_or(x);
        y = attr(code, "Y").and_then(|v| v.parse().ok()).unwrap_or(y);
        let dx = attr(code, "DeltaX")
            .map(|d| deltas(d, chars.len()))
            .unwrap_or_default();
        let dy = attr(code, "DeltaY")
            .map(|d| deltas(d, chars.len()))
            .unwrap_or_default();
        let advance = |c: char| if wide(c) { size } else { size / 2.0 };
        let place = |x: f64, y: f64| (bx + ex + x * sx, by + ey + y * sy);
        if dy.iter().any(|d| *d != 0.0) {
            // Vertical or scattered text: one item a character.
            let (mut cx, mut cy) = (x, y);
            for (i, &c) in chars.iter().enumerate() {
                let (px, py) = place(cx, cy);
                items.push(Item {
                    text: c.to_string(),
                    x: px,
                    y: py,
                    width: advance(c) * sx.abs(),
                    size: size * sy.abs(),
                });
                cx += dx.get(i).copied().unwrap_or_else(|| advance(c));
                cy += dy.get(i).copied().unwrap_or(0.0);
            }
            x = cx;
            y = cy;
            continue;
        }
        let width: f64 = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                if i + 1 < chars.len() {
                    dx.get(i).copied().unwrap_or_else(|| advance(c))
                } else {
                    advance(c)
                }
            })
            .sum();
        let (px, py) = place(x, y);
        items.push(Item {
            text: text.to_string(),
            x: px,
            y: py,
            width: width * sx.abs(),
            size: size * sy.abs(),
        });
        x += width;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_runs() {
        assert_eq!(
            deltas("g 3 5.6 2.8 1", 10),
            vec![5.6, 5.6, 5.6, 2.8, 1.0],
            "g N V repeats V N times"
        );
        assert_eq!(
            deltas("g 1000000 1", 3).len(),
            3,
            "at most one advance a character"
        );
    }

    #[test]
    fn paths() {
        assert_eq!(
            resolve("Doc_0/Document.xml", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml",
            "relative to the document"
        );
        assert_eq!(
            resolve("Doc_0/Document.xml", "/Doc_0/Pages/P.xml"),
            "Doc_0/Pages/P.xml",
            "absolute"
        );
        assert_eq!(
            resolve("OFD.xml", "Doc_0/Document.xml"),
            "Doc_0/Document.xml",
            "from the root"
        );
    }
}
