//! The reader's contract on any input: cleaning only deletes, so each paragraph's text is exactly
//! the concatenation of its input pieces, and every piece is a range of the input on character
//! boundaries. (The report carries the pieces, not the text, so this is checked here.)

#![cfg(test)]

use proptest::prelude::*;

/// Pieces that copied reports are made of, and the ways copying mangles them (line breaks of
/// every kind, page numbers, indents, invisible marks, markup).
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一、".to_string()),
        Just("（一）".to_string()),
        Just("工作开展情况".to_string()),
        Just("共受理案件15件，".to_string()),
        Just("增长5.1%。".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just("— 3 —\n".to_string()),
        Just("3\n".to_string()),
        Just(" ".to_string()),
        Just("\u{3000}\u{3000}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{200b}".to_string()),
        Just("&nbsp;".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<br/>".to_string()),
        Just("<span>".to_string()),
        Just("[b]".to_string()),
        Just("[/b]".to_string()),
        Just("[align=center]".to_string()),
        Just("[/align]".to_string()),
        Just("[img]".to_string()),
        Just("[/img]".to_string()),
        Just("[*]".to_string()),
        Just("[1]".to_string()),
        Just("😀".to_string()),
        Just("---\n".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        "[\\PC]{0,8}".prop_map(|s| s),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

fn check_paragraphs(input: &str) -> Result<(), TestCaseError> {
    let doc = super::read(input);
    for (i, par) in doc.paragraphs.iter().enumerate() {
        let mut joined = String::new();
        for piece in par.pieces() {
            let slice = input.get(piece.clone());
            prop_assert!(
                slice.is_some(),
                "piece {:?} of paragraph {} is a range of the input on character boundaries",
                piece,
                i
            );
            joined.push_str(slice.unwrap_or(""));
        }
        prop_assert_eq!(
            &joined,
            &par.text,
            "paragraph {} is the concatenation of its pieces",
            i
        );
        prop_assert!(!par.text.is_empty(), "paragraph {} is not empty", i);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn cleaning_only_deletes(input in document()) {
        check_paragraphs(&input)?;
    }

    #[test]
    fn cleaning_any_string_only_deletes(input in any::<String>()) {
        check_paragraphs(&input)?;
    }
}
