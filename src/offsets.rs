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
            count += count_chars(chunk);
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
        self.checkpoints[block] + count_chars(within)
    }
}

/// The number of code points that start in `bytes`: the bytes that are not UTF-8 continuation
/// bytes (`10xxxxxx`), counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0;
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight);
        // Bit 7 set and bit 6 clear: `x << 1` moves each byte's bit 6 to its bit 7 (a bit
        // shifted across a byte boundary lands on bit 0, which the mask drops).
        continuations += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    let rest = words.remainder();
    continuations += rest.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuations
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
        for end in 0..=s.len().min(600) {
            let prefix = &s.as_bytes()[..end];
            let expected = prefix.iter().filter(|&&b| (b as i8) >= -0x40).count();
            assert_eq!(
                count_chars(prefix),
                expected,
                "counting {end} bytes eight at a time agrees with counting one at a time"
            );
        }
        assert_eq!(
            index.to_char(s.len()),
            s.chars().count(),
            "the end maps to the char count"
        );
    }
}
