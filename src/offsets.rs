//! Byte offsets (how Rust indexes a `str`) to code-point offsets (how the report counts).
//!
//! A checkpoint every [`BLOCK`] bytes keeps the table to 1/64 of the input's size and every
//! conversion to a scan of at most one block.

const BLOCK: usize = 256;

/// Converts byte offsets in one input to code-point offsets.
pub struct CharIndex<'a> {
    input: &'a str,
    /// Code points before each block start.
    checkpoints: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    /// Builds the index in one pass over `input`.
    pub fn new(input: &'a str) -> Self {
        let bytes = input.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for chunk in bytes.chunks(BLOCK) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
        }
        checkpoints.push(count);
        CharIndex { input, checkpoints }
    }

    /// The code-point offset of byte offset `byte` (clamped to the input; a byte inside a
    /// character counts as that character's start).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.input.len());
        let block = byte / BLOCK;
        let base = block * BLOCK;
        let within = &self.input.as_bytes()[base..byte];
        self.checkpoints[block] + within.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_bytes_to_code_points() {
        let s = "a中😀b".repeat(200);
        let index = CharIndex::new(&s);
        for (chars, (byte, _)) in s.char_indices().enumerate() {
            assert_eq!(
                index.to_char(byte),
                chars,
                "byte {byte} should be code point {chars}"
            );
        }
        assert_eq!(
            index.to_char(s.len()),
            s.chars().count(),
            "the end maps to the char count"
        );
    }
}
