//! Document elements (GB/T 9704-2012): 发文机关, 发文字号, 标题, 主送机关, 署名, 成文日期, the
//! enclosed report's title, 版记; for a speech, the speaker and the date delivered.

use crate::report::Meta;
use crate::source::Document;

/// The elements found, and which paragraphs they consumed.
#[derive(Debug, Clone, Default)]
pub struct Elements {
    /// The elements, with byte offsets in `meta.spans` (converted to code points by the caller).
    pub meta: Meta,
    /// Indices of paragraphs that are element lines (title, addressees, signature, date, 版记…):
    /// they are neither headings nor hold figures.
    pub paragraphs: Vec<usize>,
}

impl Elements {
    /// Whether paragraph `i` is an element line.
    pub fn is_element(&self, i: usize) -> bool {
        self.paragraphs.binary_search(&i).is_ok()
    }
}

/// Finds the document elements.
pub fn extract(_doc: &Document<'_>) -> Elements {
    Elements::default()
}
