// The analysis runs here, off the main thread, so typing never waits for it. The core holds
// each document's report (by the page's document id), and exports are written from those held
// reports, never by analysing a text again.
//
// Messages in:
//   { id, type: 'analyze', doc, text }     analyse one document (the one being viewed or edited)
//   { id, type: 'batch', ids, texts }       analyse documents `ids` (one per text); the core posts
//                                          { type: 'done', id, done, total, figures, … } for each
//   { id, type: 'show', doc, text }         the held report of a document, to view it
//   { id, type: 'export', format, docs }    docs: [{ doc, name, sha256, edited }] → { content }
//   { type: 'forget', doc }
// Messages out: { id, type: 'result', doc, report, u16, timing, digest, version },
// { type: 'digests', ids, digests } before a batch's documents, { type: 'done', … } (see
// above), { id, type: 'batch-end' },
// { id, type: 'export', content }, { id, type: 'error', message }, and { type: 'fatal', message }
// when the module cannot load. After an error the page starts a fresh worker: a trap inside
// the module may have left its memory unusable.

import init, * as core from './pkg/reportlens.js';
import { reportToUtf16, transferables } from './offsets.js';

// The single-file build hands the module's bytes in; the hosted page fetches it beside this file.
const ready = init(self.REPORTLENS_WASM ? { module_or_path: self.REPORTLENS_WASM } : undefined);
ready.catch((err) => self.postMessage({ type: 'fatal', message: String((err && err.message) || err) }));

/** SHA-256 of the text's UTF-8 bytes, in hex (the same as `sha256sum` of a UTF-8 file). */
async function digest(text) {
  if (!self.crypto || !self.crypto.subtle) return undefined;
  const hash = await self.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function result(id, doc, text, report, extra) {
  const u16 = reportToUtf16(text, report);
  self.postMessage({ id, type: 'result', doc, report, u16, version: core.version(), ...extra }, transferables(u16));
}

const post = self.postMessage.bind(self);

/**
 * The JSON export, from the reports the core holds (serialised here, which keeps a JSON writer
 * out of the module): one document as one object, several as JSON Lines, one report a line,
 * as the CLI's `--json` writes them, with `file` (the document's name), `reportlens` (the
 * version), `sha256` (of the text's UTF-8 bytes) and `edited` (whether the text is the file's
 * or was edited in the page) first. A whole number written with a decimal point (`1.0`) prints
 * as `1`.
 */
function reportsJson(docs) {
  const one = (d) => ({ file: d.name, reportlens: core.version(), sha256: d.sha256, edited: d.edited, ...core.held_report(d.doc) });
  if (docs.length === 1) return `${JSON.stringify(one(docs[0]), null, 2)}\n`;
  return docs.map((d) => `${JSON.stringify(one(d))}\n`).join('');
}

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
    if (msg.type === 'analyze') {
      const sha = await digest(msg.text);
      const { report, timing } = core.analyze(msg.doc, msg.text);
      result(msg.id, msg.doc, msg.text, report, { timing, digest: sha });
    } else if (msg.type === 'batch') {
      post({ type: 'digests', ids: msg.ids, digests: await Promise.all(msg.texts.map(digest)) });
      core.analyze_batch(Uint32Array.from(msg.ids), msg.texts);
      post({ id: msg.id, type: 'batch-end' });
    } else if (msg.type === 'show') {
      const report = core.held_report(msg.doc);
      if (report) result(msg.id, msg.doc, msg.text, report, {});
      else post({ id: msg.id, type: 'error', message: 'not held' });
    } else if (msg.type === 'export') {
      const docs = msg.docs;
      const content =
        msg.format === 'json'
          ? reportsJson(docs)
          : core.figures_table(msg.format, Uint32Array.from(docs, (d) => d.doc), docs.map((d) => d.name));
      post({ id: msg.id, type: 'export', content });
    } else if (msg.type === 'forget') {
      core.forget(msg.doc);
    }
  } catch (err) {
    post({ id: msg.id, type: 'error', message: String((err && err.message) || err) });
  }
};

