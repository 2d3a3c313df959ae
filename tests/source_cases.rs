//! Reading messy input into paragraphs, case by case: each case in `tests/data/source/*.txt` is
//! an input and the paragraphs expected from it, one a line, as cleaned text.
//!
//! ```text
//! === name of the case
//! --- input
//! 一、总体情况\u{d}
//! --- expect
//! 一、总体情况
//! ```
//!
//! In inputs and expectations `\u{hex}` stands for a character that cannot be seen (a tab, a
//! carriage return, a no-break space, a zero-width mark, a space at either end of a line) and
//! `\\` for a backslash. Every case also checks that the paragraphs' pieces lie inside the
//! input, in order; a paragraph's text is the concatenation of its pieces.

#[path = "common/cases.rs"]
mod cases;

/// `text` with its `\u{hex}` and `\\` escapes read.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix('\\') {
            out.push('\\');
            rest = tail;
        } else if let Some((hex, tail)) = after.strip_prefix("u{").and_then(|a| a.split_once('}')) {
            let c = u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or_else(|| panic!("\\u{{{hex}}} is a character"));
            out.push(c);
            rest = tail;
        } else {
            out.push('\\');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn unescape_reads_both_escapes() {
    assert_eq!(
        unescape(r"a\u{3000}b\\c\u{d}"),
        "a\u{3000}b\\c\r",
        "\\u{{hex}} is the character, \\\\ a backslash"
    );
}

#[test]
fn source_cases() {
    let cases = cases::load("source");
    cases::check_all("source", &cases, 20, |case| {
        let input = unescape(&case.input);
        let name = format!("{} / {}", case.file, case.name);
        let report = reportlens::analyze(&input);
        // The report gives each paragraph as the input ranges (in code points) it was read
        // from; cleaning only deletes, so its text is their concatenation (that contract is
        // checked on the reader's own paragraphs in the crate's unit tests).
        let chars: Vec<char> = input.chars().collect();
        let mut failures = Vec::new();
        let mut got = Vec::new();
        let mut last_end = 0;
        for (i, par) in report.paragraphs.iter().enumerate() {
            let mut text = String::new();
            for &[start, end] in &par.pieces {
                let (start, end) = (start.get(), end.get());
                match chars.get(start..end) {
                    Some(piece) if start >= last_end => text.extend(piece),
                    _ => failures.push(format!(
                        "{name}: piece {start}..{end} of paragraph {i} should lie inside the \
                         input, after the piece before"
                    )),
                }
                last_end = end;
            }
            got.push(text);
        }
        let want: Vec<String> = case.expect.iter().map(|l| unescape(l)).collect();
        if got != want {
            failures.push(format!("{name}\n   want {want:?}\n    got {got:?}"));
        }
        failures
    });
}
