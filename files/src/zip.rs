//! Just enough of ZIP to read the parts of a .docx or .ofd: the central directory, stored and
//! deflated entries. A damaged archive is an error, never a panic; an entry that inflates past
//! a limit (a ZIP bomb) is refused.

use std::collections::HashMap;

/// The most one part may inflate to.
const PART_LIMIT: usize = 256 << 20;

/// An opened archive: entry names → where their data is.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: HashMap<String, Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    method: u16,
    flags: u16,
    compressed: usize,
    local: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

impl<'a> Archive<'a> {
    /// Reads the central directory; `Err` says what is wrong.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, String> {
        // The end-of-central-directory record is in the last 64 KB + 22 bytes.
        let from = bytes.len().saturating_sub(65_557);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06"))
            .ok_or("the archive's directory is missing (the file was cut short?)")?;
        let count = u16_at(bytes, eocd + 10).ok_or("bad directory")? as usize;
        let mut at = u32_at(bytes, eocd + 16).ok_or("bad directory")?;
        let mut entries = HashMap::new();
        for _ in 0..count {
            if bytes.get(at..at + 4) != Some(b"PK\x01\x02") {
                return Err("the archive's directory is damaged".into());
            }
            let field = |o| u16_at(bytes, at + o).ok_or("the archive's directory is damaged");
            let flags = field(8)?;
            let method = field(10)?;
            let compressed = u32_at(bytes, at + 20).ok_or("bad directory")?;
            let (name_len, extra_len, comment_len) = (
                field(28)? as usize,
                field(30)? as usize,
                field(32)? as usize,
            );
            let local = u32_at(bytes, at + 42).ok_or("bad directory")?;
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or("the archive's directory is damaged")?;
            let name = String::from_utf8_lossy(name).replace('\\', "/");
            entries.insert(
                name.trim_start_matches('/').to_string(),
                Entry {
                    method,
                    flags,
                    compressed,
                    local,
                },
            );
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    /// Whether the archive has an entry of this name (case as stored, or any case).
    pub fn find(&self, name: &str) -> Option<String> {
        let name = name.trim_start_matches('/');
        if self.entries.contains_key(name) {
            return Some(name.to_string());
        }
        self.entries
            .keys()
            .find(|k| k.eq_ignore_ascii_case(name))
            .cloned()
    }

    /// The names of all entries.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The bytes of an entry; `Ok(None)` when there is none of that name.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let Some(key) = self.find(name) else {
            return Ok(None);
        };
        let Some(&e) = self.entries.get(&key) else {
            return Ok(None);
        };
        if e.flags & 1 != 0 {
            return Err(format!("{key} is encrypted"));
        }
        let damaged = || format!("{key} is damaged");
        if self.bytes.get(e.local..e.local + 4) != Some(b"PK\x03\x04") {
            return Err(damaged());
        }
        let name_len = u16_at(self.bytes, e.local + 26).ok_or_else(damaged)? as usize;
        let extra_len = u16_at(self.bytes, e.local + 28).ok_or_else(damaged)? as usize;
        let start = e.local + 30 + name_len + extra_len;
        let data = self
            .bytes
            .get(start..start + e.compressed)
            .ok_or_else(damaged)?;
        match e.method {
            0 => Ok(Some(data.to_vec())),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, PART_LIMIT)
                .map(Some)
                .map_err(|_| damaged()),
            m => Err(format!(
                "{key} uses compression method {m}, which is not supported"
            )),
        }
    }

    /// An entry as text (UTF-8, a BOM skipped).
    pub fn text(&self, name: &str) -> Result<Option<String>, String> {
        Ok(self.read(name)?.map(|b| {
            let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&b);
            String::from_utf8_lossy(b).into_owned()
        }))
    }
}
