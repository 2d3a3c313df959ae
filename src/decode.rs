//! Bytes of a text file → text, for the command line (the page decodes in the browser).
//!
//! Chinese reports come as UTF-8 (with or without a byte-order mark), as GBK/GB18030 (what
//! Chinese Windows writes by default), or as UTF-16 with a BOM (Notepad's "Unicode"). Anything
//! else — a PDF, a Word file, an image, bytes that decode in no supported encoding — is refused
//! with a message that says what the file looks like, rather than analysed as mojibake.

use std::fmt;

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// The encoding a text was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030, which includes GBK and GB2312.
    Gb18030,
    /// UTF-16 (either byte order) announced by a byte-order mark.
    Utf16,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030/GBK",
            Encoding::Utf16 => "UTF-16",
        })
    }
}

/// Why bytes were not read as text. `Display` gives one readable sentence (without the file
/// name, which the caller adds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A known non-text format (`"PDF"`, `"Word (.doc)"` …) recognised by its first bytes.
    Document(&'static str),
    /// Too many control characters (NUL …) for text: `controls` of `chars`.
    Binary {
        /// Control characters seen.
        controls: usize,
        /// Characters seen.
        chars: usize,
    },
    /// Neither UTF-8 nor GB18030; `offset` is the first byte that is not valid UTF-8.
    Undecodable {
        /// Byte offset of the first invalid UTF-8 sequence.
        offset: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Document(kind) => {
                write!(f, "this is a {kind} file, not text; copy its text into a .txt file first")
            }
            DecodeError::Binary { controls, chars } => write!(
                f,
                "this looks like a binary file, not text ({controls} control characters such as NUL in {chars} characters)"
            ),
            DecodeError::Undecodable { offset } => write!(
                f,
                "not text in UTF-8, GBK/GB18030 or UTF-16 (invalid byte at offset {offset}); save it as UTF-8 and try again"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a text file's bytes; see the module docs for what is accepted.
///
/// ```
/// use reportlens::decode;
/// assert_eq!(decode("报告".as_bytes()).unwrap(), "报告");
/// assert_eq!(decode(b"\xb1\xa8\xb8\xe6").unwrap(), "报告"); // GBK
/// assert!(decode(b"%PDF-1.7\n...").unwrap_err().to_string().contains("PDF"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_detected(bytes).map(|(text, _)| text)
}

/// Decodes a text file's bytes and says which encoding they were in.
pub fn decode_detected(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(kind) = document_kind(bytes) {
        return Err(DecodeError::Document(kind));
    }
    let (text, encoding) = if bytes.starts_with(b"\xEF\xBB\xBF") {
        // The BOM says UTF-8, so no other encoding is tried. It is kept as the text's first
        // character (the analysis skips it), so offsets count it as Python's "utf-8" does.
        let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::Undecodable {
            offset: e.valid_up_to(),
        })?;
        (text.to_owned(), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(UTF_16LE, rest, 2)?, Encoding::Utf16)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(UTF_16BE, rest, 2)?, Encoding::Utf16)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), Encoding::Utf8),
            Err(e) => {
                let offset = e.valid_up_to();
                let text = GB18030
                    .decode_without_bom_handling_and_without_replacement(bytes)
                    .ok_or(DecodeError::Undecodable { offset })?;
                (text.into_owned(), Encoding::Gb18030)
            }
        }
    };
    check_text(&text)?;
    Ok((text, encoding))
}

fn utf16(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
    bom: usize,
) -> Result<String, DecodeError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
        .ok_or(DecodeError::Undecodable { offset: bom })
}

/// Formats that people drop on a text tool by mistake, by their first bytes.
fn document_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"PK\x03\x04", "ZIP (or Word .docx, WPS, Excel .xlsx)"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "Word (.doc) or other Office",
        ),
        (b"{\\rtf", "RTF"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x1F\x8B", "gzip"),
        (b"7z\xBC\xAF\x27\x1C", "7z"),
        (b"Rar!", "RAR"),
        (b"\x7FELF", "program (ELF)"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// Whether `c` is a control character that text files do not contain (NUL, BEL …); tab, line
/// breaks, form feed and escape occur in real text files and are let through.
fn is_binary_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{E}'..='\u{1A}' | '\u{1C}'..='\u{1F}' | '\u{7F}')
}

/// Refuses text in which more than 1 character in 100 is a binary control character: a
/// stray NUL in a report is kept (the analysis copes), a binary file is not.
fn check_text(text: &str) -> Result<(), DecodeError> {
    // The control characters are all ASCII, so a byte scan finds them (and is several times
    // faster than decoding characters); characters are only counted when some were found.
    let controls = text
        .bytes()
        .filter(|&b| b.is_ascii() && is_binary_control(char::from(b)))
        .count();
    if controls == 0 {
        return Ok(());
    }
    let chars = text.chars().count();
    if controls * 100 > chars {
        return Err(DecodeError::Binary { controls, chars });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("一、总体情况".as_bytes()),
            Ok("一、总体情况".into()),
            "plain UTF-8"
        );
        assert_eq!(
            decode("\u{FEFF}一、总体情况".as_bytes()),
            Ok("\u{FEFF}一、总体情况".into()),
            "the UTF-8 BOM should be kept as the first character, so offsets count it"
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBF\xB1\xA8"),
            Err(DecodeError::Undecodable { offset: 3 }),
            "after a UTF-8 BOM, bytes invalid in UTF-8 are not read as GBK"
        );
        assert_eq!(
            decode(b""),
            Ok(String::new()),
            "an empty file is empty text"
        );
    }

    #[test]
    fn gbk_and_gb18030() {
        let (gbk, _, _) =
            GB18030.encode("平安区人民政府关于2023年法治政府建设情况的报告，共15件。");
        assert_eq!(
            decode_detected(&gbk),
            Ok((
                "平安区人民政府关于2023年法治政府建设情况的报告，共15件。".into(),
                Encoding::Gb18030
            )),
            "GBK bytes should decode as GB18030"
        );
        // A CJK Extension B character has a four-byte GB18030 form.
        let (four, _, _) = GB18030.encode("𠀀字");
        assert_eq!(
            decode(&four),
            Ok("𠀀字".into()),
            "four-byte GB18030 sequences"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("报告 15件".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(
            decode_detected(&le),
            Ok(("报告 15件".into(), Encoding::Utf16)),
            "UTF-16LE"
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("报告".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be), Ok("报告".into()), "UTF-16BE");
    }

    #[test]
    fn known_documents_are_named() {
        let err = decode(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n").expect_err("a PDF is not text");
        assert_eq!(
            err,
            DecodeError::Document("PDF"),
            "a PDF should be recognised"
        );
        assert!(
            err.to_string().contains("PDF file"),
            "the message should say PDF: {err}"
        );
        let err = decode(b"PK\x03\x04\x14\x00").expect_err("a .docx is not text");
        assert!(
            err.to_string().contains("docx"),
            "the message should mention Word: {err}"
        );
    }

    #[test]
    fn binary_is_refused() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        let err = decode(&bytes).expect_err("every byte value is not text");
        assert!(
            matches!(
                err,
                DecodeError::Undecodable { .. } | DecodeError::Binary { .. }
            ),
            "random bytes should be refused: {err:?}"
        );
        let nul_heavy = b"a\0b\0c\0d\0".repeat(100);
        assert!(
            matches!(decode(&nul_heavy), Err(DecodeError::Binary { .. })),
            "valid UTF-8 that is mostly NUL should be refused as binary"
        );
    }

    #[test]
    fn a_stray_nul_is_kept() {
        let text = format!("{}\0{}", "受理案件15件。".repeat(20), "完");
        assert_eq!(
            decode(text.as_bytes()),
            Ok(text.clone()),
            "one NUL in real text is let through"
        );
    }

    #[test]
    fn undecodable_names_offset() {
        // 0x80 alone and 0xFF are invalid in both UTF-8 and GB18030.
        let err = decode(b"abc\xFF\xFF").expect_err("invalid in every encoding");
        assert_eq!(
            err,
            DecodeError::Undecodable { offset: 3 },
            "the first invalid byte"
        );
        assert!(
            err.to_string().contains("offset 3"),
            "the message gives the offset: {err}"
        );
        // 报 in GBK is B1 A8; a file cut after the lead byte of 告 (B8) is neither encoding.
        assert!(
            matches!(
                decode(b"\xb1\xa8\xb8"),
                Err(DecodeError::Undecodable { offset: 0 })
            ),
            "GBK cut inside a character should be refused, not guessed"
        );
    }
}
