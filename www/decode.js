// A file's bytes → its text, or a clear reason why not.
//
// Reports come as UTF-8 (web pages, most editors), GBK/GB18030 (older Windows tools, many
// government sites) or UTF-16 with a byte-order mark (Windows Notepad's "Unicode"). Anything else
// — a PDF, an Office file, random bytes — is refused rather than shown as mojibake.

const SAMPLE = 64 * 1024;

/**
 * Decodes `bytes` (a Uint8Array). Returns `{ text, encoding }` or `{ error }` with `error` one of
 * `pdf`, `office`, `binary`, `encoding`.
 */
export function decodeBytes(bytes) {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { error: 'pdf' }; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { error: 'office' }; // zip container (docx, xlsx) or OLE (doc, xls)
  }
  // A UTF-8 BOM is kept as the text's first character, as the CLI keeps it, so offsets agree.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs(bytes, 'utf-8', 'UTF-8', true);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes.subarray(2), 'utf-16le', 'UTF-16');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes.subarray(2), 'utf-16be', 'UTF-16');
  if (looksBinary(bytes)) return { error: 'binary' };
  const utf8 = decodeAs(bytes, 'utf-8', 'UTF-8');
  if (!utf8.error) return utf8;
  const gb = decodeAs(bytes, 'gb18030', 'GB18030');
  return gb.error ? { error: 'encoding' } : gb;
}

function decodeAs(bytes, label, name, keepBom = false) {
  let text;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: keepBom }).decode(bytes);
  } catch {
    return { error: 'encoding' };
  }
  return looksBinaryText(text) ? { error: 'binary' } : { text, encoding: name };
}

function startsWith(bytes, prefix) {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** A NUL byte, or more than 1 in 100 control bytes other than tab, line breaks and form feed. */
function looksBinary(bytes) {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (isControl(b)) control++;
  }
  return control * 100 > n;
}

/** The same test on decoded text (UTF-16 files, and GB18030 that decoded without error). */
function looksBinaryText(text) {
  const n = Math.min(text.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x100 && isControl(c)) control++;
  }
  return control * 100 > n;
}

function isControl(b) {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f;
}
