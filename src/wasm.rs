//! The page's binding to the core, run in the page's Web Worker: analyse texts, hold their
//! reports, and write exports from the held reports (never by analysing a text again).
//!
//! Results are plain JavaScript objects (not `Map`s, not class handles), so they survive
//! `structuredClone` and a worker's `postMessage`. Offsets in them are code points of the
//! input, as everywhere in the report; the page converts them to UTF-16 units for JavaScript
//! strings. Browser APIs (the worker's `postMessage`, `Performance`) are reached through
//! web-sys.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DedicatedWorkerGlobalScope;

use crate::report::{Figure, Report};
use crate::{export, Options, Stage};

thread_local! {
    /// The reports of the open documents, by the page's document id.
    static HELD: RefCell<Vec<Option<Report>>> = const { RefCell::new(Vec::new()) };
}

/// The milliseconds each stage took, in [`Stage`] order, and the total.
#[derive(Serialize, Default)]
struct Timing {
    stages: [f64; 5],
    total: f64,
}

/// One analysis as the page receives it.
#[derive(Serialize)]
struct Analysed<'a> {
    report: &'a Report,
    timing: Timing,
}

/// A document of a batch as the combined table needs it: its figures and what the list shows.
#[derive(Serialize)]
struct Done<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: u32,
    done: usize,
    total: usize,
    figures: &'a [Figure],
    title: Option<&'a str>,
    headings: usize,
    failed_checks: usize,
    timing: Timing,
}

/// Analyses `text` as document `id`, holds its report for exports, and returns
/// `{ report, timing: { stages, total } }` (milliseconds per [`Stage`], measured with the
/// worker's `Performance` clock).
#[wasm_bindgen]
pub fn analyze(id: u32, text: &str) -> Result<JsValue, JsError> {
    let (report, timing) = timed(text);
    let out = to_js(&Analysed {
        report: &report,
        timing,
    });
    hold(id, report);
    out
}

/// Analyses a batch of texts as documents `ids` (one each), posting
/// `{ type: 'done', id, done, total, figures, title, headings, failed_checks, timing }` to the
/// page as each one is finished, so the page's table fills while the rest are analysed.
#[wasm_bindgen]
pub fn analyze_batch(ids: Vec<u32>, texts: Vec<String>) -> Result<(), JsError> {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let total = texts.len();
    for (k, (id, text)) in ids.into_iter().zip(texts).enumerate() {
        let (report, timing) = timed(&text);
        drop(text);
        let message = to_js(&Done {
            kind: "done",
            id,
            done: k + 1,
            total,
            figures: &report.figures,
            title: report.meta.title.as_deref(),
            headings: report.outline.len(),
            failed_checks: report.checks.iter().filter(|c| !c.ok).count(),
            timing,
        })?;
        hold(id, report);
        scope
            .post_message(&message)
            .map_err(|_| JsError::new("postMessage failed"))?;
    }
    Ok(())
}

/// The full report of held document `id` (to show a document of a batch), or `undefined`.
#[wasm_bindgen]
pub fn held_report(id: u32) -> Result<JsValue, JsError> {
    HELD.with(|h| match h.borrow().get(id as usize) {
        Some(Some(report)) => to_js(report),
        _ => Ok(JsValue::UNDEFINED),
    })
}

/// Lets go of document `id`'s report.
#[wasm_bindgen]
pub fn forget(id: u32) {
    HELD.with(|h| {
        if let Some(slot) = h.borrow_mut().get_mut(id as usize) {
            *slot = None;
        }
    });
}

/// A figures table over the held documents `ids`, named `names` (one each), in `format`:
/// - `csv`: one document as the CLI writes one file; several as its folder mode writes them
///   (a `file` column first, one header, one byte-order mark);
/// - `markdown`: the figures table (a `## name` heading before each of several).
///
/// The JSON export needs no code here: the page serialises the held report (see
/// [`held_report`]), which keeps a JSON writer out of the module.
#[wasm_bindgen]
pub fn figures_table(format: &str, ids: Vec<u32>, names: Vec<String>) -> String {
    HELD.with(|h| {
        let held = h.borrow();
        let many = ids.len() > 1;
        let csv = format == "csv";
        let mut out = String::new();
        if csv {
            out.push_str(export::BOM);
            out.push_str(&export::csv_header(many));
        }
        for (k, &id) in ids.iter().enumerate() {
            let Some(Some(report)) = held.get(id as usize) else {
                continue;
            };
            let name = names.get(k).map_or("", String::as_str);
            if csv {
                out.push_str(&export::csv_rows(report, many.then_some(name)));
                continue;
            }
            if many {
                out.push_str("## ");
                out.push_str(name);
                out.push_str("\n\n");
            }
            out.push_str(&export::figures_markdown(report));
            if many {
                out.push('\n');
            }
        }
        out
    })
}

/// The crate version, shown on the page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn timed(text: &str) -> (Report, Timing) {
    let performance = js_sys::global()
        .unchecked_into::<web_sys::WorkerGlobalScope>()
        .performance();
    let now = || performance.as_ref().map_or(0.0, |p| p.now());
    let start = now();
    let mut last = start;
    let mut timing = Timing::default();
    let report = crate::analyze_staged(text, &Options::default(), |stage: Stage| {
        let t = now();
        timing.stages[stage as usize] = t - last;
        last = t;
    });
    timing.total = last - start;
    (report, timing)
}

fn hold(id: u32, report: Report) {
    HELD.with(|h| {
        let mut held = h.borrow_mut();
        let i = id as usize;
        if held.len() <= i {
            held.resize_with(i + 1, || None);
        }
        held[i] = Some(report);
    });
}

/// Serialises with plain objects and JSON-compatible numbers; any failure becomes a JS `Error`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
