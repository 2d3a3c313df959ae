//! Byte offsets (how Rust indexes a `str`) to code-point offsets (how the report counts).
//!
//! The two are different types. Inside the analysis an offset is a byte offset, a plain
//! `usize`, the unit every `str` slice takes. The report's offsets are [`CharOffset`]s, which
//! only [`CharIndex::to_char`] makes: a byte offset put in the report by mistake does not
//! compile.
//!
//! A two-level table keeps every conversion to a count over at most [`BLOCK`] bytes: the code
//! points before each [`SUPER`]-byte stretch (a `usize` each), and before each block within its
//! stretch (a `u16` each, as a stretch holds fewer than 2^16 bytes). The table costs 1/32 of the
//! input's size.

/// An offset in Unicode code points of the input as given, as the report counts (Python's
/// `text[start:end]`; `text.chars().skip(start)` in Rust). It serialises as a plain number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct CharOffset(usize);

impl CharOffset {
    /// The number of code points before this offset.
    pub fn get(self) -> usize {
        self.0
    }
}

impl From<CharOffset> for usize {
    fn from(offset: CharOffset) -> usize {
        offset.0
    }
}

/// The number of code points from `earlier` to `self` (`end - start` is a span's length).
impl std::ops::Sub for CharOffset {
    type Output = usize;
    fn sub(self, earlier: CharOffset) -> usize {
        self.0.saturating_sub(earlier.0)
    }
}

impl std::fmt::Display for CharOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Bytes per block: the longest stretch a conversion counts over.
const BLOCK: usize = 64;
/// Bytes per stretch: `u16` block counts stay exact within one.
const SUPER: usize = 1 << 16;

/// Converts byte offsets in one input to code-point offsets.
#[derive(Debug, Clone, Default)]
pub struct CharIndex<'a> {
    input: &'a str,
    /// The last conversion, `(byte, code point)`: most offsets are asked for in text order and
    /// close together (a figure's end after its start, a line after the line before), so the
    /// next one is counted from there when that is nearer than its block's start.
    last: std::cell::Cell<(usize, usize)>,
    /// Code points before each stretch.
    stretches: Vec<usize>,
    /// Code points before each block, counted from the start of its stretch.
    blocks: Vec<u16>,
}

impl<'a> CharIndex<'a> {
    /// Builds the index in one pass over `input`.
    pub fn new(input: &'a str) -> Self {
        let bytes = input.as_bytes();
        let mut stretches = Vec::with_capacity(bytes.len() / SUPER + 1);
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut total = 0;
        for stretch in bytes.chunks(SUPER) {
            stretches.push(total);
            let mut within = 0usize;
            for block in stretch.chunks(BLOCK) {
                // `within` < SUPER ≤ 2^16 here: fewer code points than bytes before the block.
                blocks.push(u16::try_from(within).unwrap_or(u16::MAX));
                within += count_chars(block);
            }
            total += within;
        }
        CharIndex {
            input,
            last: std::cell::Cell::new((0, 0)),
            stretches,
            blocks,
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the input; a byte inside a
    /// character counts as that character's start).
    pub fn to_char(&self, byte: usize) -> CharOffset {
        CharOffset(self.count(byte))
    }

    /// The code-point span of the byte range `bytes`.
    pub fn span(&self, bytes: std::ops::Range<usize>) -> [CharOffset; 2] {
        [self.to_char(bytes.start), self.to_char(bytes.end)]
    }

    /// The number of code points before byte offset `byte` (see [`CharIndex::to_char`]).
    fn count(&self, byte: usize) -> usize {
        let bytes = self.input.as_bytes();
        let byte = byte.min(bytes.len());
        // The end of an input whose length is a multiple of a block has no block of its own: it
        // is counted from the start of the last one.
        let block = (byte / BLOCK).min(self.blocks.len().saturating_sub(1));
        let start = block * BLOCK;
        let (Some(&stretch), Some(&within)) =
            (self.stretches.get(start / SUPER), self.blocks.get(block))
        else {
            return 0; // the empty input
        };
        let (last_byte, last_char) = self.last.get();
        let chars = if (start..=byte).contains(&last_byte) {
            last_char + count_chars(&bytes[last_byte..byte])
        } else {
            stretch + usize::from(within) + count_chars(&bytes[start..byte])
        };
        self.last.set((byte, chars));
        chars
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

    fn check(s: &str) {
        let index = CharIndex::new(s);
        for (chars, (byte, _)) in s.char_indices().enumerate() {
            assert_eq!(
                index.to_char(byte).get(),
                chars,
                "byte {byte} should be code point {chars}"
            );
        }
        // Asked for out of order too: backwards, and jumping back and forth, which the
        // remembered last conversion must not disturb.
        let all: Vec<(usize, usize)> = s.char_indices().map(|(b, _)| b).enumerate().collect();
        for &(chars, byte) in all.iter().rev() {
            assert_eq!(
                index.to_char(byte).get(),
                chars,
                "backwards: byte {byte} is {chars}"
            );
        }
        for (k, &(chars, byte)) in all.iter().enumerate().step_by(7) {
            let &(other_chars, other) = &all[(k * 31 + 5) % all.len()];
            assert_eq!(
                index.to_char(other).get(),
                other_chars,
                "jumping: byte {other}"
            );
            assert_eq!(
                index.to_char(byte).get(),
                chars,
                "jumping back: byte {byte}"
            );
        }
        assert_eq!(
            index.to_char(s.len()).get(),
            s.chars().count(),
            "the end maps to the char count"
        );
        assert_eq!(
            index.to_char(s.len() + 10).get(),
            s.chars().count(),
            "an offset past the end is clamped to the end"
        );
    }

    #[test]
    fn converts_bytes_to_code_points() {
        check("");
        check("a");
        check(&"a中😀b".repeat(200));
        // Lengths on and around block and stretch boundaries, with multi-byte characters
        // straddling them.
        for len in [63, 64, 65, 128, SUPER - 1, SUPER, SUPER + 1, 2 * SUPER + 3] {
            check(&"x".repeat(len));
            let mixed: String = "中a😀".chars().cycle().take(len).collect();
            check(&mixed);
        }
    }

    #[test]
    fn counts_eight_bytes_at_a_time_like_one_at_a_time() {
        let s = "a中😀b".repeat(200);
        for end in 0..=600 {
            let prefix = &s.as_bytes()[..end];
            let expected = prefix.iter().filter(|&&b| (b as i8) >= -0x40).count();
            assert_eq!(
                count_chars(prefix),
                expected,
                "counting {end} bytes eight at a time agrees with counting one at a time"
            );
        }
    }
}
