// Document files — PDF, Word (.docx), OFD — read into the text the analysis reads.
//
// Nothing here loads until a document is opened: the file readers are a WebAssembly module of
// their own (www/pkg-files/, built from the crate in files/, the same code the command line
// runs), and PDFs are read by pdf.js (self-hosted in www/vendor/pdfjs/, copied there by
// scripts/build-wasm.sh), whose positioned text items go to that module's compose function, so
// the page and the CLI rebuild lines, paragraphs and page furniture by the same rules.

const PDFJS = './vendor/pdfjs/';
// Held in a variable, so that a bundler leaves these imports to run time (the single-file
// build does not include the readers: there a document gets the `load` error).
const READERS = './pkg-files/reportlens_files.js';

/** Whether `bytes` are a document this module reads (or refuses with a reason): PDF, ZIP, OLE. */
export function isDocument(bytes) {
  const head = bytes.subarray(0, 1024);
  return (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) ||
    indexOf(head, [0x25, 0x50, 0x44, 0x46, 0x2d]) >= 0 // %PDF-
  );
}

/**
 * Reads a document's bytes. Resolves to `{ text, format }` or `{ error }`, with `error` one of
 * `legacy` (.doc/.wps), `notext` (a scan without a text layer), `encrypted`, `corrupt`,
 * `unknown` (a ZIP that is neither .docx nor OFD), `load` (a reader could not be loaded).
 */
export async function readDocument(bytes, name) {
  let readers;
  try {
    readers = await loadReaders();
  } catch {
    return { error: 'load' };
  }
  if (indexOf(bytes.subarray(0, 1024), [0x25, 0x50, 0x44, 0x46, 0x2d]) >= 0) return readPdf(bytes, readers);
  try {
    const { text, format } = readers.read_document(bytes, name);
    return { text, format };
  } catch (err) {
    return { error: errorCode(err) };
  }
}

let readersPromise = null;

/** The file readers' Wasm module, loaded once. */
function loadReaders() {
  if (!readersPromise) {
    readersPromise = import(READERS).then(async (mod) => {
      await mod.default();
      return mod;
    });
    readersPromise.catch(() => {
      readersPromise = null;
    });
  }
  return readersPromise;
}

let pdfjsPromise = null;

function loadPdfjs() {
  if (!pdfjsPromise) {
    pdfjsPromise = import(`${PDFJS}pdf.min.mjs`).then((pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = new URL(`${PDFJS}pdf.worker.min.mjs`, import.meta.url).href;
      return pdfjs;
    });
    pdfjsPromise.catch(() => {
      pdfjsPromise = null;
    });
  }
  return pdfjsPromise;
}

async function readPdf(bytes, readers) {
  let pdfjs;
  try {
    pdfjs = await loadPdfjs();
  } catch {
    return { error: 'load' };
  }
  let doc;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js takes the buffer over; it gets a copy, so the caller's bytes stay usable.
      data: bytes.slice(),
      cMapUrl: new URL(`${PDFJS}cmaps/`, import.meta.url).href,
      cMapPacked: true,
      standardFontDataUrl: new URL(`${PDFJS}standard_fonts/`, import.meta.url).href,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      stopAtErrors: false,
    }).promise;
  } catch (err) {
    const kind = err && err.name;
    return { error: kind === 'PasswordException' ? 'encrypted' : 'corrupt' };
  }
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (!item.str || !item.transform) continue;
        // The item's matrix in page space with y down from the top: [a b c d e f], baseline at (e, f).
        const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform);
        // Horizontal text only: rotated stamps and margin notes are not the document's lines.
        if (Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d)) continue;
        items.push({ text: item.str, x: e, y: f, width: item.width * viewport.scale, size: Math.hypot(c, d) });
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    return { text: readers.compose_pages(pages), format: 'PDF' };
  } catch (err) {
    return { error: errorCode(err) };
  } finally {
    doc.destroy();
  }
}

/** The reader's error names its kind before a colon (`notext: …`). */
function errorCode(err) {
  const message = String((err && err.message) || err);
  const code = message.split(':')[0];
  return ['legacy', 'notext', 'encrypted', 'corrupt', 'unknown'].includes(code) ? code : 'corrupt';
}

function startsWith(bytes, prefix) {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function indexOf(bytes, needle) {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
