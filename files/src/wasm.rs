//! The page's binding to the readers: a .docx or OFD file's bytes → text, and pdf.js's text
//! items → text, both through [`crate::compose`].

use wasm_bindgen::prelude::*;

use crate::{Layout, Page};

/// An error for the page: `code` names its kind (see [`crate::FileError::code`]).
fn error(e: crate::FileError) -> JsError {
    JsError::new(&format!("{}: {e}", e.code()))
}

/// What the page gets for a document: its text and `"Word"` or `"OFD"`.
#[derive(serde::Serialize)]
struct Document {
    text: String,
    format: &'static str,
}

/// The text of a .docx or OFD file as `{text, format}` (or the refusal of a legacy .doc/.wps).
#[wasm_bindgen]
pub fn read_document(bytes: &[u8], name: &str) -> Result<JsValue, JsError> {
    let doc = crate::read_document(bytes, name).map_err(error)?;
    serde_wasm_bindgen::to_value(&Document {
        text: doc.text,
        format: doc.format,
    })
    .map_err(|e| JsError::new(&format!("corrupt: {e}")))
}

/// The text of a PDF's pages, given as `[{width, height, items: [{text, x, y, width, size}]}]`
/// with `y` the baseline measured down from the page's top.
#[wasm_bindgen]
pub fn compose_pages(pages: JsValue) -> Result<String, JsError> {
    let pages: Vec<Page> = serde_wasm_bindgen::from_value(pages)
        .map_err(|e| JsError::new(&format!("corrupt: {e}")))?;
    crate::finish(&Layout::Pages(pages), "PDF")
        .map(|e| e.text)
        .map_err(error)
}
