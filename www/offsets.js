// Report offsets count Unicode code points of the input; JavaScript strings index UTF-16 units.
// A character outside the BMP (an emoji, a CJK Extension B character such as 𠀀) is one code
// point but two units, so every offset is converted before it slices a string. A lone surrogate
// counts as one code point, as the core sees it (it reaches Rust as U+FFFD).

const STEP = 64;

/**
 * Returns a function from a code-point offset in `text` to its UTF-16 offset (clamped to the
 * text). Built in one pass; each conversion then walks at most STEP code points.
 */
export function codePointToUtf16(text) {
  const n = text.length;
  if (!/[\uD800-\uDFFF]/.test(text)) {
    return (cp) => (cp < n ? cp : n);
  }
  const marks = new Uint32Array(Math.floor(n / STEP) + 2);
  let m = 0;
  let cp = 0;
  let i = 0;
  while (i < n) {
    if (cp % STEP === 0) marks[m++] = i;
    i += isPairAt(text, i) ? 2 : 1;
    cp++;
  }
  const total = cp;
  return (k) => {
    if (k >= total) return n;
    const block = Math.floor(k / STEP);
    let at = marks[block];
    for (let rem = k - block * STEP; rem > 0; rem--) {
      at += isPairAt(text, at) ? 2 : 1;
    }
    return at;
  };
}

function isPairAt(text, i) {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/**
 * Converts every span of a report to UTF-16 offsets of `text`, in typed arrays parallel to the
 * report's lists (the report itself stays as the core wrote it, for export):
 * `figures`, `outline`, `dates`: [start, end, start, end, …];
 * `paragraphs`: [start, end, …]; `pieces`: all paragraphs' pieces flattened, `pieceStart[p]` the
 * index in `pieces` (in pairs) where paragraph p's pieces begin; `meta`: [start, end, …] parallel
 * to `meta.spans`.
 */
export function reportToUtf16(text, report) {
  const conv = codePointToUtf16(text);
  const pairs = (items) => {
    const out = new Uint32Array(items.length * 2);
    items.forEach((it, k) => {
      out[2 * k] = conv(it.start);
      out[2 * k + 1] = conv(it.end);
    });
    return out;
  };
  const paragraphs = report.paragraphs || [];
  let pieceCount = 0;
  for (const p of paragraphs) pieceCount += p.pieces.length;
  const pieces = new Uint32Array(pieceCount * 2);
  const pieceStart = new Uint32Array(paragraphs.length + 1);
  let k = 0;
  paragraphs.forEach((p, i) => {
    pieceStart[i] = k;
    for (const [s, e] of p.pieces) {
      pieces[2 * k] = conv(s);
      pieces[2 * k + 1] = conv(e);
      k++;
    }
  });
  pieceStart[paragraphs.length] = k;
  return {
    figures: pairs(report.figures || []),
    outline: pairs(report.outline || []),
    dates: pairs(report.dates || []),
    paragraphs: pairs(paragraphs),
    meta: pairs((report.meta && report.meta.spans) || []),
    pieces,
    pieceStart,
  };
}

/** The typed arrays of a `reportToUtf16` result, for a zero-copy `postMessage`. */
export function transferables(u16) {
  return Object.values(u16).map((a) => a.buffer);
}
