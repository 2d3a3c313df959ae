//! The page's comparison module (built with the `compare-module` feature, instead of the core
//! module of `wasm.rs`): it compares two reports' texts, and loads only when the page's compare
//! mode is used, so the module the page starts with carries no comparison code.
//!
//! Results are plain JavaScript objects; offsets in them are code points of each input.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Compares two reports' texts (last year's, this year's): the comparison, both reports, and
/// the pairs as CSV and Markdown, as one plain object.
#[wasm_bindgen]
pub fn compare(old: &str, new: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Compared<'a> {
        comparison: &'a crate::compare::Comparison,
        old: &'a crate::Report,
        new: &'a crate::Report,
        csv: String,
        markdown: String,
    }
    let (o, n) = (crate::analyze(old), crate::analyze(new));
    let comparison = crate::compare::compare(&o, &n);
    Compared {
        csv: crate::compare::table::pairs_csv(&comparison, &o, &n),
        markdown: crate::compare::table::pairs_markdown(&comparison, &o, &n),
        comparison: &comparison,
        old: &o,
        new: &n,
    }
    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
    .map_err(|e| JsError::new(&e.to_string()))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
