//! Forum markup (BBCode) copied with a post: a forum's page or a post's source keeps it
//! (`[align=center][color=rgb(51, 51, 51)][size=3][b]2022年…公报[/b][/size][/color][/align]`).
//! Its tags are markup, never text, as HTML's are (see [`html`](super::html)).
//!
//! The input is read as BBCode only when it plainly is: it holds [`MIN_PAIRS`] well-formed
//! pairs of tags of known names, a closing `[/name]` after an opening `[name]` or
//! `[name=…]` ([`looks_like_bbcode`]). A report that writes `[1]`, `[注]` or `[A]` has no such
//! pair and is read as text, untouched.
//!
//! Markup becomes deleted runs, as HTML's does:
//! - a **block tag** (`[align=…]`, `[p=…]`, `[div]`, `[list]`, `[*]`, `[tr]`, `[td]`,
//!   `[quote]` …) ends a line;
//! - an **inline tag** (`[b]`, `[color=…]`, `[font=…]`, `[size=…]`, `[url=…]`) is dropped where
//!   it stands, the text it wraps kept;
//! - an **embedded object** (`[img]…[/img]`, `[attach]…[/attach]`, `[media]…[/media]`) is
//!   dropped with its content, an address or a number that is no text of the post.
//!
//! Only tags of known names are markup: a bracket that opens no known tag stays text. The
//! input is scanned once; the search for an embedded object's end is not repeated once it
//! failed, so the work is linear in the input's length.

use super::html::Markup;

/// How many pairs of tags make a text BBCode.
pub(super) const MIN_PAIRS: usize = 3;

/// Tags that end a line: they stand between blocks of text.
const BLOCK: &[&str] = &[
    "*", "align", "center", "code", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "indent",
    "justify", "left", "li", "list", "ol", "p", "quote", "right", "table", "td", "th", "tr", "ul",
];

/// Tags inside a line, dropped with nothing else.
const INLINE: &[&str] = &[
    "b",
    "backcolor",
    "bgcolor",
    "color",
    "del",
    "email",
    "em",
    "float",
    "font",
    "free",
    "hide",
    "highlight",
    "i",
    "s",
    "size",
    "spoiler",
    "strike",
    "strong",
    "sub",
    "sup",
    "u",
    "url",
];

/// Embedded objects: dropped with their content.
const EMBEDDED: &[&str] = &[
    "attach",
    "attachimg",
    "audio",
    "flash",
    "img",
    "media",
    "video",
];

/// The longest tag name looked at.
const MAX_NAME: usize = 10;
/// The longest attribute (`=rgb(51, 51, 51)`, `=https://…`): a longer run is no tag.
const MAX_ATTRIBUTE: usize = 240;

/// A tag read at a `[`.
struct Tag<'t> {
    name: &'t [u8],
    closing: bool,
    /// Its length in bytes, `[` to `]`.
    len: usize,
}

/// Reads the tag at the start of `bytes` (which starts with `[`): `[`, an optional `/`, a name
/// of ASCII letters and digits that opens with a letter (or `*`), then `]`, or for an opening
/// tag `=` or a space and an attribute of one line with no bracket, up to `]`.
fn tag(bytes: &[u8]) -> Option<Tag<'_>> {
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let first = *bytes.get(name_start)?;
    let name_len = if first == b'*' {
        1
    } else if first.is_ascii_alphabetic() {
        bytes
            .get(name_start..)?
            .iter()
            .take(MAX_NAME + 1)
            .position(|b| !b.is_ascii_alphanumeric())?
    } else {
        return None;
    };
    if name_len > MAX_NAME {
        return None;
    }
    let after = name_start + name_len;
    let len = match bytes.get(after)? {
        b']' => after + 1,
        b'=' | b' ' if !closing => {
            let rest = bytes.get(after + 1..)?;
            let end = rest
                .iter()
                .take(MAX_ATTRIBUTE + 1)
                .position(|&b| matches!(b, b']' | b'[' | b'\n' | b'\r'))?;
            if rest.get(end) != Some(&b']') {
                return None;
            }
            after + 1 + end + 1
        }
        _ => return None,
    };
    Some(Tag {
        name: bytes.get(name_start..after)?,
        closing,
        len,
    })
}

/// The index of `name` (any case) in the list of all known names: [`BLOCK`], [`INLINE`], then
/// [`EMBEDDED`].
fn known(name: &[u8]) -> Option<usize> {
    let mut first = 0;
    for list in [BLOCK, INLINE, EMBEDDED] {
        if let Some(k) = list
            .iter()
            .position(|n| n.as_bytes().eq_ignore_ascii_case(name))
        {
            return Some(first + k);
        }
        first += list.len();
    }
    None
}

/// How many names [`known`] knows.
const KNOWN: usize = BLOCK.len() + INLINE.len() + EMBEDDED.len();

/// Whether `input` is BBCode: it holds [`MIN_PAIRS`] closing tags of known names, each after
/// an opening tag of the same name. Only the `[` are looked at, each found by a fast search.
pub(super) fn looks_like_bbcode(input: &str) -> bool {
    let bytes = input.as_bytes();
    let mut opened = [false; KNOWN];
    let mut pairs = 0;
    let mut from = 0;
    while let Some(k) = input.get(from..).and_then(|rest| rest.find('[')) {
        let at = from + k;
        if let Some(t) = tag(bytes.get(at..).unwrap_or_default()) {
            if let Some(slot) = known(t.name).and_then(|n| opened.get_mut(n)) {
                if !t.closing {
                    *slot = true;
                } else if *slot {
                    pairs += 1;
                    if pairs >= MIN_PAIRS {
                        return true;
                    }
                }
            }
        }
        from = at + 1;
    }
    false
}

/// The offset in `bytes` of the first `[/name]` (any case) at or after `from`, and its length.
fn find_closing(bytes: &[u8], from: usize, name: &[u8]) -> Option<(usize, usize)> {
    let mut at = from;
    loop {
        let k = bytes.get(at..)?.windows(2).position(|w| w == b"[/")?;
        let start = at + k;
        let candidate = bytes.get(start + 2..start + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name))
            && bytes.get(start + 2 + name.len()) == Some(&b']')
        {
            return Some((start, name.len() + 3));
        }
        at = start + 2;
    }
}

/// Every tag of a known name in `input`, in order, an embedded object with its content (see the
/// module docs).
pub(super) fn scan(input: &str) -> Vec<Markup> {
    let bytes = input.as_bytes();
    let mut out = Vec::new();
    // Once the search for an object's end has failed, a later one would fail too.
    let mut embedded_close = [true; EMBEDDED.len()];
    let mut from = 0;
    while let Some(k) = input.get(from..).and_then(|rest| rest.find('[')) {
        let at = from + k;
        let found = tag(bytes.get(at..).unwrap_or_default()).and_then(|t| {
            let n = known(t.name)?;
            let object = n
                .checked_sub(BLOCK.len() + INLINE.len())
                .filter(|_| !t.closing);
            let element_len = object.and_then(|e| {
                let open = embedded_close.get_mut(e)?;
                let close = open
                    .then(|| find_closing(bytes, at + t.len, t.name))
                    .flatten();
                *open = close.is_some();
                close.map(|(start, len)| start + len - at)
            });
            Some(match element_len {
                Some(len) => (len, false),
                None => (t.len, n < BLOCK.len()),
            })
        });
        from = Markup::record(&mut out, at, found);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_with_their_attributes() {
        let t = tag(b"[color=rgb(51, 51, 51)]x").map(|t| (t.len, t.closing));
        assert_eq!(t, Some((23, false)), "an opening tag runs to its `]`");
        assert!(
            tag(b"[/SIZE]").is_some_and(|t| t.closing),
            "a closing tag in capitals"
        );
        assert!(tag(b"[*]").is_some(), "a list item mark is a tag");
        for text in ["[1]", "[注]", "[/b=1]", "[b", "[b=x[", "[b=x\n]", "[ b]"] {
            assert!(tag(text.as_bytes()).is_none(), "{text:?} is no tag");
        }
    }

    #[test]
    fn bbcode_is_told_by_its_pairs() {
        assert!(
            looks_like_bbcode("[b]一[/b][size=3]二[/size][color=red]三[/color]"),
            "three pairs of known tags make BBCode"
        );
        for text in [
            "[1]见文献[2][3]，[注]如下。",
            "[b]一[/b][b]二[/b]",
            "[/b][b][/size][size][/i][i]",
            "[x]一[/x][y]二[/y][z]三[/z]",
        ] {
            assert!(!looks_like_bbcode(text), "{text:?} is no BBCode");
        }
    }

    #[test]
    fn markup_is_found_once_in_order() {
        let input = "[align=center][b]标题[/b][/align][img]http://a/1.jpg[/img][1][url=http://x]链接[/url][attach]9";
        let found: Vec<(&str, bool)> = scan(input)
            .iter()
            .map(|m| (&input[m.range.clone()], m.block))
            .collect();
        assert_eq!(
            found,
            [
                ("[align=center]", true),
                ("[b]", false),
                ("[/b]", false),
                ("[/align]", true),
                ("[img]http://a/1.jpg[/img]", false),
                ("[url=http://x]", false),
                ("[/url]", false),
                ("[attach]", false),
            ],
            "known tags are markup, an image with its address; an object never closed is its tag"
        );
    }
}
