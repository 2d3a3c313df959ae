//! The page's binding to the core: take the text, call the core, serialise the result once.
//!
//! This file converts and nothing else. Results are plain JavaScript objects (not `Map`s, not
//! class handles), so they survive `structuredClone` and a worker's `postMessage`. Offsets in
//! them are code points of the input, as everywhere in the report; the page converts them to
//! UTF-16 units for JavaScript strings.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Analyses one report's text and returns the report as a plain object (see `report.rs`).
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::analyze(text))
}

/// The figures of `text`'s report as CSV with a byte-order mark (opens right in Excel and WPS).
#[wasm_bindgen]
pub fn figures_csv(text: &str) -> String {
    crate::export::figures_csv(&crate::analyze(text))
}

/// The figures of `text`'s report as a Markdown table.
#[wasm_bindgen]
pub fn figures_markdown(text: &str) -> String {
    crate::export::figures_markdown(&crate::analyze(text))
}

/// The crate version, shown on the page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Serialises with plain objects and JSON-compatible numbers; any failure becomes a JS `Error`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
