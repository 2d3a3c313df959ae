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
//! `\\` for a backslash. Every case also checks the contract of the reader: cleaning only
//! deletes, so each paragraph is the concatenation of its input pieces.

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
        let doc = reportlens::source::read(&input);
        let mut failures = Vec::new();
        for (i, par) in doc.paragraphs.iter().enumerate() {
            let joined: String = par.pieces().map(|r| &input[r]).collect();
            if joined != par.text {
                failures.push(format!(
                    "{name}: paragraph {i} should be exactly the concatenation of its input pieces"
                ));
            }
            if par.span().end > input.len() {
                failures.push(format!("{name}: paragraph {i} should lie inside the input"));
            }
        }
        let got: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let want: Vec<String> = case.expect.iter().map(|l| unescape(l)).collect();
        if got != want {
            failures.push(format!("{name}\n   want {want:?}\n    got {got:?}"));
        }
        failures
    });
}
