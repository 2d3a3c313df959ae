//! Character classes, as small named functions (no Unicode tables needed), and the string
//! helpers built on them.

/// A CJK ideograph (URO, Extension A, compatibility, Extensions B–F).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '〇')
}

/// CJK and full-width punctuation, brackets and quotes.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '―' | '–')
}

/// Horizontal space of any kind that copying leaves inside or around a line, including the
/// ideographic space used for indents and the invisible marks that ride along with web text.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2000}'
            ..='\u{200B}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{FEFF}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2060}'
                | '\u{000B}'
                | '\u{000C}'
    )
}

/// Characters that are dropped wherever they stand: byte-order marks and zero-width marks
/// (they split numbers and words invisibly), and control characters other than line breaks.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | '\u{0000}'..='\u{0008}' | '\u{000E}'..='\u{001F}' | '\u{007F}')
}

/// ASCII or full-width decimal digit.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Punctuation that ends a sentence.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Display width in a monospaced CJK layout: 2 for wide characters, 1 otherwise.
pub fn width(c: char) -> usize {
    if is_cjk(c) || is_cjk_punct(c) || ('\u{FF01}'..='\u{FF60}').contains(&c) {
        2
    } else {
        1
    }
}

/// A closing quote or bracket, which may follow the punctuation that ends a sentence (`。”`).
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '）' | ')' | '」' | '』' | '》' | '】' | '"' | '\''
    )
}

/// The last `n` characters of `s`.
pub fn tail(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(s.len(), |(j, _)| j);
    &s[start..]
}
