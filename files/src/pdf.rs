//! PDF → positioned text, for the command line (the page reads PDFs with pdf.js and hands its
//! text items to the same [`compose`](crate::compose::compose)).
//!
//! The text comes from `pdf-extract` (on `lopdf`): it maps glyphs to Unicode through each font's
//! ToUnicode CMap, including CID fonts with Identity-H encoding, as Chinese PDFs use, and
//! reports every character with its text matrix, from which its position and size are read.
//! A document encrypted with an empty user password (printing or copying restricted, common
//! for published documents) is decrypted; one that needs a password is refused.

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

use crate::compose::{Item, Page};
use crate::FileError;

/// Collects each page's characters, merged into runs along a baseline.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    height: f64,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media.ury - media.lly;
        self.pages.push(Page {
            width: media.urx - media.llx,
            height: self.height,
            items: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The font-size vector under the text matrix, as pdf-extract's own text output
        // measures a character's size.
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let (x, y) = (trm.m31, self.height - trm.m32);
        let advance = width * size;
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        if !(x.is_finite() && y.is_finite() && size.is_finite() && size > 0.0) {
            return Ok(());
        }
        if let Some(last) = page.items.last_mut() {
            let end = last.x + last.width;
            if (last.y - y).abs() < 0.1 * size
                && (last.size - size).abs() < 0.1 * size
                && (x - end).abs() < 0.15 * size
            {
                last.text.push_str(char);
                last.width = x + advance - last.x;
                return Ok(());
            }
        }
        page.items.push(Item {
            text: char.to_string(),
            x,
            y,
            width: advance,
            size,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Reads a PDF's pages; a PDF that needs a password is refused.
pub fn read(bytes: &[u8]) -> Result<Vec<Page>, FileError> {
    let result = std::panic::catch_unwind(|| {
        let mut doc = Document::load_mem(bytes).map_err(|e| classify(&e.to_string()))?;
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return Err(FileError::Encrypted);
        }
        let mut out = Collector::default();
        pdf_extract::output_doc(&doc, &mut out).map_err(|e| classify(&e.to_string()))?;
        Ok(out.pages)
    });
    result.unwrap_or_else(|_| {
        Err(FileError::Corrupt(
            "its PDF structure could not be read".into(),
        ))
    })
}

fn classify(message: &str) -> FileError {
    let lower = message.to_lowercase();
    if lower.contains("decrypt") || lower.contains("encrypt") || lower.contains("password") {
        FileError::Encrypted
    } else {
        FileError::Corrupt(format!("its PDF structure could not be read ({message})"))
    }
}
