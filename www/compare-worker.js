// The comparison of two reports runs here, in its own Wasm module (www/pkg-compare/), which the
// page loads only when compare mode opens: the core module the page starts with stays small.
//
// Message in: `{ id, old, new }` (two texts). Out: `{ id, type: 'result', comparison, old, new,
// csv, markdown }` (the two reports as the core writes them) or `{ id, type: 'error', message }`.

import init, * as lens from './pkg-compare/reportlens.js';

const ready = init();

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
    const result = lens.compare(msg.old, msg.new);
    self.postMessage({ id: msg.id, type: 'result', ...result });
  } catch (err) {
    self.postMessage({ id: msg.id, type: 'error', message: String((err && err.message) || err) });
  }
};
