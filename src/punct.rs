//! Clause punctuation found by bytes: the scan that the outline (enumerations and headings that
//! open a sentence) and the breakdowns (sentence ends) share.

/// Calls `f(at, mark)` for each clause punctuation mark `，；：！？。,;:!?`, with `at` its byte
/// offset, in text order.
///
/// The text is read eight bytes at a time: a mask marks the bytes that can begin a mark (an
/// ASCII byte, or the lead byte E3 of `。` or EF of the full-width marks), and only those are
/// looked at, by their bytes, without decoding characters. Ideographs (lead bytes E4–E9 and
/// continuation bytes) are passed over whole.
pub fn for_each_clause_mark(text: &str, mut f: impl FnMut(usize, char)) {
    let bytes = text.as_bytes();
    let mut check = |at: usize| {
        let mark = match bytes[at] {
            b @ (b',' | b';' | b':' | b'!' | b'?') => b as char,
            0xE3 => match bytes.get(at + 1..at + 3) {
                Some([0x80, 0x82]) => '。',
                _ => return,
            },
            0xEF => match bytes.get(at + 1..at + 3) {
                Some([0xBC, 0x8C]) => '，',
                Some([0xBC, 0x9B]) => '；',
                Some([0xBC, 0x9A]) => '：',
                Some([0xBC, 0x81]) => '！',
                Some([0xBC, 0x9F]) => '？',
                _ => return,
            },
            _ => return,
        };
        f(at, mark);
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for word in &mut chunks {
        let mut lanes = candidate_lanes(word);
        while lanes != 0 {
            check(base + (lanes.trailing_zeros() / 8) as usize);
            lanes &= lanes - 1;
        }
        base += 8;
    }
    for at in base..bytes.len() {
        check(at);
    }
}

/// The high bit of each byte of `word` (eight bytes, little-endian lanes) that may begin a clause
/// mark: an ASCII byte, E3 or EF. Exact, with no false lanes from carries, so the lanes can be
/// walked by their bits.
fn candidate_lanes(word: &[u8]) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut eight = [0u8; 8];
    eight.copy_from_slice(word);
    let x = u64::from_le_bytes(eight);
    // The high bit of each zero byte of `v`, computed lane by lane without borrows.
    let zero = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    (!x & HIGH) | zero(x ^ (0xE3 * ONES)) | zero(x ^ (0xEF * ONES))
}

#[cfg(test)]
mod tests {
    use super::for_each_clause_mark;

    /// Marks with their byte offsets.
    type Marks = Vec<(usize, char)>;

    /// The marks the scan reports, and the marks a plain walk over the characters finds.
    fn found_and_expected(text: &str) -> (Marks, Marks) {
        let mut found = Vec::new();
        for_each_clause_mark(text, |at, mark| found.push((at, mark)));
        let expected = text
            .char_indices()
            .filter(|&(_, c)| "，；：。！？,;:!?".contains(c))
            .collect();
        (found, expected)
    }

    #[test]
    fn finds_every_clause_mark_at_its_offset() {
        let (found, expected) =
            found_and_expected("一、总则，甲；乙：丙。丁！戊？ab,c;d:e!f?中文中文中文中文");
        assert_eq!(
            found, expected,
            "every clause mark is reported once, in order, and 、 (also led by E3) is not"
        );
    }

    #[test]
    fn finds_marks_at_every_alignment() {
        let body = "甲，乙。、「」（）a,b;；：！？．１２３，end。";
        for pad in 0..9 {
            let text = format!("{}{body}{}", "x".repeat(pad), "中".repeat(pad % 3));
            let (found, expected) = found_and_expected(&text);
            assert_eq!(
                found, expected,
                "the marks are found wherever they fall in the eight-byte words (padding {pad})"
            );
        }
    }
}
