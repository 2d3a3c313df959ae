//! ReportLens file readers: a PDF, Word (.docx) or OFD file → the text the analysis reads.
//!
//! The analysis core reads text. This crate turns a document file into that text, keeping what
//! its layout knew: which line starts a paragraph, what is a page header, footer or page
//! number (dropped), which cells form a table row. Each reader hands what it found to one
//! function, [`compose::compose`], which builds the text the same way for every format: the
//! command line calls it after its own readers, and the page calls the same code compiled to a
//! WebAssembly module of its own, loaded only when a file is opened (PDFs are read there by
//! pdf.js, whose text items go to the same function). The result is plain text, one paragraph
//! a line, so a report's offsets count code points of the text the page shows.
//!
//! Reading never panics on any bytes: a damaged file is an error that says what is wrong.

#![warn(missing_docs)]

pub mod compose;
pub mod docx;
pub mod ofd;
#[cfg(not(target_arch = "wasm32"))]
pub mod pdf;
pub mod zip;

#[cfg(target_arch = "wasm32")]
mod wasm;

use std::fmt;

pub use compose::{compose, Block, Item, Layout, Page};

/// Why a file gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// A legacy binary Word or WPS file (`.doc`, `.wps`), named by its kind.
    Legacy(&'static str),
    /// The file has no text to read: a scanned PDF without a text layer, or an empty document.
    NoText(&'static str),
    /// A PDF that needs a password.
    Encrypted,
    /// A damaged file, with what is wrong.
    Corrupt(String),
    /// A ZIP archive that is neither a Word document nor an OFD.
    Unknown,
}

impl FileError {
    /// A stable name for the kind of error (the page shows its own message for each).
    pub fn code(&self) -> &'static str {
        match self {
            FileError::Legacy(_) => "legacy",
            FileError::NoText(_) => "notext",
            FileError::Encrypted => "encrypted",
            FileError::Corrupt(_) => "corrupt",
            FileError::Unknown => "unknown",
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Legacy(kind) => write!(
                f,
                "this is a legacy {kind} file, which cannot be read; open it in Word or WPS, save it as .docx, and try again"
            ),
            FileError::NoText("PDF") => f.write_str(
                "this PDF has no text layer (a scanned document?); run text recognition (OCR) on it or copy its text out, and try again",
            ),
            FileError::NoText(kind) => write!(f, "this {kind} file contains no text"),
            FileError::Encrypted => f.write_str(
                "this PDF is protected by a password; save a copy without the password, and try again",
            ),
            FileError::Corrupt(what) => write!(f, "this file is damaged and cannot be read: {what}"),
            FileError::Unknown => f.write_str(
                "this ZIP archive is neither a Word (.docx) document nor an OFD file",
            ),
        }
    }
}

impl std::error::Error for FileError {}

/// The kinds of file this crate reads or recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// PDF (`%PDF`).
    Pdf,
    /// A ZIP archive: a .docx, an OFD, or something else.
    Zip,
    /// A legacy binary Office or WPS file (an OLE compound file).
    Legacy,
    /// Anything else: text for the analysis (a saved web page is text too).
    Text,
}

/// What `bytes` are, by their first bytes.
pub fn kind(bytes: &[u8]) -> Kind {
    // Some producers put a few bytes before `%PDF`; readers accept it within the first 1 KB.
    let head = bytes.get(..1024).unwrap_or(bytes);
    if head.windows(5).any(|w| w == b"%PDF-") {
        Kind::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Kind::Zip
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Kind::Legacy
    } else {
        Kind::Text
    }
}

/// A document file's text and the format it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The text: one paragraph a line.
    pub text: String,
    /// `"PDF"`, `"Word"` or `"OFD"`.
    pub format: &'static str,
}

/// Reads a ZIP document (.docx or OFD) or refuses a legacy one; `name` (the file name) only
/// names a legacy file's kind. PDFs are read by [`read_pdf`] (command line) or pdf.js (page).
pub fn read_document(bytes: &[u8], name: &str) -> Result<Extracted, FileError> {
    match kind(bytes) {
        Kind::Legacy => {
            let lower = name.to_lowercase();
            Err(FileError::Legacy(if lower.ends_with(".wps") {
                "WPS (.wps)"
            } else if lower.ends_with(".xls") || lower.ends_with(".et") {
                "spreadsheet (.xls/.et)"
            } else if lower.ends_with(".ppt") || lower.ends_with(".dps") {
                "presentation (.ppt/.dps)"
            } else {
                "Word (.doc)"
            }))
        }
        Kind::Zip => {
            let zip = zip::Archive::open(bytes).map_err(FileError::Corrupt)?;
            let (layout, format) = if zip.find("word/document.xml").is_some() {
                (Layout::Blocks(docx::read(&zip)?), "Word")
            } else if zip.find("OFD.xml").is_some() {
                (Layout::Pages(ofd::read(&zip)?), "OFD")
            } else {
                return Err(FileError::Unknown);
            };
            finish(&layout, format)
        }
        Kind::Pdf | Kind::Text => Err(FileError::Unknown),
    }
}

/// The text of a PDF, read natively (the command line's reader).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_pdf(bytes: &[u8]) -> Result<Extracted, FileError> {
    finish(&Layout::Pages(pdf::read(bytes)?), "PDF")
}

/// Reads any document file this crate knows; `Ok(None)` for text (including saved web pages),
/// which the caller decodes.
#[cfg(not(target_arch = "wasm32"))]
pub fn read(bytes: &[u8], name: &str) -> Result<Option<Extracted>, FileError> {
    match kind(bytes) {
        Kind::Text => Ok(None),
        Kind::Pdf => read_pdf(bytes).map(Some),
        Kind::Zip | Kind::Legacy => read_document(bytes, name).map(Some),
    }
}

/// Composes the text; a file without any is an error.
pub fn finish(layout: &Layout, format: &'static str) -> Result<Extracted, FileError> {
    let text = compose(layout);
    if text.trim().is_empty() {
        return Err(FileError::NoText(format));
    }
    Ok(Extracted { text, format })
}
