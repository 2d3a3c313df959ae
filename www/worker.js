// The analysis runs here, off the main thread, so typing never waits for it.
//
// Messages in: `{ id, type: 'analyze', text }` and `{ id, type: 'export', text, format }`.
// Messages out: `{ id, type: 'result', report, u16, ms, version }`, `{ id, type: 'export', content }`,
// `{ id, type: 'error', message }`, and `{ type: 'fatal', message }` when the module cannot load.
// After an error the page starts a fresh worker: a trap inside the module may have left its
// memory unusable.

import init, * as core from './pkg/reportlens.js';
import { reportToUtf16, transferables } from './offsets.js';

const ready = init();
ready.catch((err) => self.postMessage({ type: 'fatal', message: String((err && err.message) || err) }));

const EXPORTS = {
  csv: core.figures_csv,
  markdown: core.figures_markdown,
  // The report object already in hand, as JSON: the same data as the CLI's `--json` (a whole
  // number written with a decimal point, `1.0`, prints as `1`). Serialising here keeps a JSON
  // writer out of the Wasm module.
  json: (text) => JSON.stringify(core.analyze(text), null, 2),
};

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
    if (msg.type === 'analyze') {
      const t0 = performance.now();
      const report = core.analyze(msg.text);
      const ms = performance.now() - t0;
      const u16 = reportToUtf16(msg.text, report);
      self.postMessage(
        { id: msg.id, type: 'result', report, u16, ms, version: core.version() },
        transferables(u16),
      );
    } else if (msg.type === 'export') {
      const content = EXPORTS[msg.format](msg.text);
      self.postMessage({ id: msg.id, type: 'export', content });
    }
  } catch (err) {
    self.postMessage({ id: msg.id, type: 'error', message: String((err && err.message) || err) });
  }
};
