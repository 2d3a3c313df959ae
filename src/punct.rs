//! Clause punctuation found by bytes: the scan that the outline (enumerations and headings that
//! open a sentence) and the breakdowns (sentence ends) share.

/// Calls `f(at, mark)` for each clause punctuation mark `，；：！？。,;:!?` (and any other
/// character led by the bytes E3 or EF), with `at` its byte offset, in text order. Only those
/// bytes are decoded; ideographs are passed over eight bytes at a time.
pub fn for_each_clause_mark(text: &str, mut f: impl FnMut(usize, char)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end = (i + 8).min(bytes.len());
        let word = &bytes[i..end];
        i = end;
        if word.len() == 8 && !may_hold_punctuation(word) {
            continue;
        }
        for (j, &b) in word.iter().enumerate() {
            let at = end - word.len() + j;
            // ASCII bytes and the lead bytes EF (`，；：！？`) and E3 (`。`) stand on character
            // boundaries.
            let mark = match b {
                b',' | b';' | b':' | b'!' | b'?' => b as char,
                0xE3 | 0xEF => match text.get(at..).and_then(|r| r.chars().next()) {
                    Some(c) => c,
                    None => continue,
                },
                _ => continue,
            };
            f(at, mark);
        }
    }
}

/// Whether eight bytes of text may hold clause punctuation: an ASCII byte, or the lead byte E3
/// or EF of CJK and full-width punctuation. Ideographs (lead bytes E4–E9 and continuation
/// bytes) are passed over eight bytes at a time.
fn may_hold_punctuation(word: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut eight = [0u8; 8];
    eight.copy_from_slice(word);
    let x = u64::from_le_bytes(eight);
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    !x & HIGH != 0 || has_zero(x ^ (0xE3 * ONES)) || has_zero(x ^ (0xEF * ONES))
}

#[cfg(test)]
mod tests {
    use super::for_each_clause_mark;

    #[test]
    fn finds_every_clause_mark_at_its_offset() {
        let text = "一、总则，甲；乙：丙。丁！戊？ab,c;d:e!f?中文中文中文中文";
        let mut found = Vec::new();
        for_each_clause_mark(text, |at, mark| found.push((at, mark)));
        let expected: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| "，；：。！？,;:!?、".contains(c))
            .collect();
        assert_eq!(
            found, expected,
            "every clause mark (and 、, also led by E3) is reported once, in order"
        );
    }
}
