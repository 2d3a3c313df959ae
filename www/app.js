// The page: input (paste, open, drop), storage, the analysis worker, and the views kept in step.

import { applyStatic, language, setLanguage, t } from './i18n.js';
import { decodeBytes } from './decode.js';
import { openStore } from './storage.js';
import { TextView } from './textview.js';
import { FigureTable } from './table.js';
import { renderChecks, renderMeta, renderOutline } from './panels.js';

const EXAMPLE = 'examples/pingan-2023-fazhi.txt';
// A text area holding millions of characters freezes the page for seconds on every layout, so a
// text longer than this is analysed in full but only its beginning is shown in the text area.
const LARGE = 200_000;
const PREVIEW = 20_000;
const $ = (id) => document.getElementById(id);

const store = openStore('reportlens.');
const state = {
  text: '',
  name: 'report',
  result: null,
  selected: -1,
  status: { kind: 'idle' },
  large: false,
  storage: store.available ? 'ok' : 'off',
};

const input = $('input');
const textView = new TextView($('text'), { onFigure: (i) => selectFigure(i, 'text') });
const table = new FigureTable(
  {
    table: $('figures'),
    header: $('figures-header'),
    count: $('fig-count'),
    filterText: $('filter-text'),
    filterUnit: $('filter-unit'),
    filterSection: $('filter-section'),
    moreBox: $('table-more'),
    shown: $('table-shown'),
    more: $('btn-more'),
  },
  { onSelect: (i) => selectFigure(i, 'table') },
);

// ---- the worker -------------------------------------------------------------------------------

let worker = null;
let nextId = 1;
let inflight = null; // { id, text }
let queued = null; // the newest text waiting for the worker
const exports = new Map(); // id → { resolve, reject }

function startWorker() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    failWorker(t('loadFailed'));
  };
}

let broken = false; // the module cannot load: say so instead of waiting for it

/** Starts a fresh worker (after a trap), re-sending the analysis that was in flight. */
function restartWorker() {
  if (worker) worker.terminate();
  for (const { reject } of exports.values()) reject(new Error(t('loadFailed')));
  exports.clear();
  const pending = inflight;
  inflight = null;
  startWorker();
  if (pending) analyze(pending.text);
}

function failWorker(message) {
  broken = true;
  inflight = null;
  queued = null;
  for (const { reject } of exports.values()) reject(new Error(message));
  exports.clear();
  setStatus({ kind: 'error', message });
}

function onWorkerMessage(msg) {
  if (msg.type === 'fatal') {
    failWorker(t('loadFailed'));
    return;
  }
  if (msg.type === 'export') {
    const pending = exports.get(msg.id);
    exports.delete(msg.id);
    if (pending) pending.resolve(msg.content);
    return;
  }
  if (msg.type === 'error' && exports.has(msg.id)) {
    const { reject } = exports.get(msg.id);
    exports.delete(msg.id);
    reject(new Error(msg.message));
    restartWorker();
    return;
  }
  if (!inflight || msg.id !== inflight.id) return;
  const done = inflight;
  inflight = null;
  if (msg.type === 'error') {
    // A trap may have left the module's memory unusable: start afresh.
    setStatus({ kind: 'error', message: t('analysisFailed')(msg.message) });
    restartWorker();
  } else if (queued === null) {
    show(done.text, msg);
    setStatus({ kind: 'done', chars: done.text.length, ms: msg.ms });
    if (msg.version) {
      state.version = msg.version;
      $('version').textContent = t('version')(msg.version);
    }
  }
  if (queued !== null) {
    const text = queued;
    queued = null;
    analyze(text);
  }
}

/** Sends `text` to the worker, or queues it behind the analysis in flight (newest wins). */
function analyze(text) {
  if (inflight) {
    queued = text;
    return;
  }
  if (text.length === 0) {
    showEmpty();
    return;
  }
  if (broken) {
    setStatus({ kind: 'error', message: t('loadFailed') });
    return;
  }
  inflight = { id: nextId++, text };
  setStatus({ kind: 'busy' });
  worker.postMessage({ id: inflight.id, type: 'analyze', text });
}

function exportAs(format) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    if (broken) {
      reject(new Error(t('loadFailed')));
      return;
    }
    exports.set(id, { resolve, reject });
    worker.postMessage({ id, type: 'export', text: state.text, format });
  });
}

// ---- showing a result -------------------------------------------------------------------------

function show(text, { report, u16 }) {
  state.result = { text, report, u16 };
  state.selected = -1;
  renderPanels();
  textView.show(text, report, u16);
  table.show(report);
}

function renderPanels() {
  const { report } = state.result;
  renderMeta($('meta'), report.meta, (key) => {
    const m = report.meta.spans.findIndex((span) => span.key === key);
    if (m >= 0) textView.revealElement(m);
  });
  renderOutline($('outline'), report.outline, report.figures, revealHeading);
  renderChecks($('checks'), $('notes-title'), $('notes'), report, {
    onFigure: (i) => selectFigure(i, 'checks'),
    onHeading: revealHeading,
  });
}

function showEmpty() {
  const report = { meta: {}, outline: [], figures: [], dates: [], checks: [], paragraphs: [], diagnostics: [] };
  const u16 = { figures: [], outline: [], dates: [], paragraphs: [], meta: [], pieces: [], pieceStart: [0] };
  show('', { report, u16 });
  setStatus({ kind: 'idle' });
}

function selectFigure(i, from) {
  state.selected = i;
  const mark = textView.select(i);
  if (mark && from !== 'text') mark.scrollIntoView({ block: 'center' });
  table.setSelected(i, from !== 'table');
}

function revealHeading(h) {
  textView.reveal(h);
}

let busyTimer = 0;

function setStatus(status) {
  if (status.kind === 'busy' && state.status.kind !== 'busy') status.since = performance.now();
  else if (status.kind === 'busy') status.since = state.status.since;
  state.status = status;
  clearInterval(busyTimer);
  // A long analysis shows how long it has been running, so the page never looks stuck.
  if (status.kind === 'busy') busyTimer = setInterval(() => setStatus(state.status), 1000);
  const el = $('status');
  if (el.dataset.state !== status.kind) el.dataset.state = status.kind;
  el.classList.toggle('busy', status.kind === 'busy');
  let text;
  switch (status.kind) {
    case 'busy': {
      const seconds = Math.floor((performance.now() - status.since) / 1000);
      text = seconds > 0 ? `${t('busy')} ${t('seconds')(seconds)}` : t('busy');
      break;
    }
    case 'done':
      text = t('analysed')(status.chars.toLocaleString(), Math.max(1, Math.round(status.ms)));
      el.dataset.ms = String(status.ms);
      el.dataset.chars = String(status.chars);
      break;
    case 'error':
      text = status.message;
      break;
    default:
      text = t('idle');
  }
  $('status-text').textContent = text;
}

function notice(message) {
  const el = $('notice');
  el.textContent = message;
  el.hidden = !message;
}

function showStorage() {
  const el = $('storage-note');
  el.hidden = state.storage === 'ok';
  el.textContent = state.storage === 'full' ? t('storageTooBig') : t('storageOff');
}

// ---- input ------------------------------------------------------------------------------------

let timer = 0;

/** Takes new text from the user: analyse after a pause in typing, and keep it. */
function onTextChanged(text, { now = false } = {}) {
  state.text = text;
  clearTimeout(timer);
  const run = () => {
    analyze(state.text);
    save();
  };
  if (now) run();
  else timer = setTimeout(run, text.length > 1_000_000 ? 600 : 250);
}

function setText(text, name = 'report') {
  state.name = name;
  state.text = text;
  showInInput(text);
  notice('');
  onTextChanged(text, { now: true });
}

/** Puts `text` in the text area, or, when it is large, its beginning (read-only). */
function showInInput(text) {
  state.large = text.length > LARGE;
  input.readOnly = state.large;
  input.value = state.large ? text.slice(0, PREVIEW) : text;
  showLarge();
}

function showLarge() {
  const el = $('large-note');
  el.hidden = !state.large;
  if (state.large) el.textContent = t('largeText')((state.text.length / 1e6).toFixed(1), PREVIEW.toLocaleString());
}

/** A paste that would make the text large bypasses the text area (see LARGE). */
function onPaste(event) {
  const pasted = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
  if (!pasted) return;
  if (state.large) {
    event.preventDefault();
    setText(pasted);
    return;
  }
  const { selectionStart: a, selectionEnd: b, value } = input;
  if (value.length - (b - a) + pasted.length <= LARGE) return; // the browser inserts it
  event.preventDefault();
  setText(value.slice(0, a) + pasted + value.slice(b));
}

function save() {
  const outcome = state.text ? store.save('text', state.text) : (store.remove('text'), store.available ? 'ok' : 'off');
  // A text too big for the quota is not the same as storage being off: the next, smaller text
  // may fit again.
  state.storage = outcome;
  showStorage();
}

async function openFile(file) {
  if (!file) return;
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    notice(t('fileError')(file.name));
    return;
  }
  const decoded = decodeBytes(bytes);
  const messages = { pdf: 'filePdf', office: 'fileOffice', binary: 'fileBinary', encoding: 'fileEncoding' };
  if (decoded.error) {
    notice(t(messages[decoded.error])(file.name));
    return;
  }
  setText(decoded.text, file.name.replace(/\.[^.]*$/, '') || 'report');
  notice(t('fileRead')(file.name, decoded.encoding));
}

async function loadExample() {
  if (state.text.trim() && !window.confirm(t('confirmReplace'))) return;
  try {
    const response = await fetch(EXAMPLE);
    if (!response.ok) throw new Error(String(response.status));
    setText(await response.text(), 'pingan-2023-fazhi');
  } catch {
    notice(t('fileError')(EXAMPLE));
  }
}

function clearText() {
  if (state.text && !window.confirm(t('confirmClear'))) return;
  setText('');
  input.focus();
}

// ---- export -----------------------------------------------------------------------------------

async function download(format, extension, type) {
  try {
    const content = await exportAs(format);
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${state.name}-${format === 'json' ? 'report' : 'figures'}.${extension}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    notice(t('analysisFailed')(err.message));
  }
}

async function copyTable() {
  try {
    await navigator.clipboard.writeText(await exportAs('markdown'));
    notice(t('copied'));
  } catch {
    notice(t('copyFailed'));
  }
}

// ---- wiring -----------------------------------------------------------------------------------

function switchLanguage() {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  store.save('lang', language());
  applyStatic();
  setStatus(state.status);
  showStorage();
  showLarge();
  table.render();
  textView.relabel();
  if (state.version) $('version').textContent = t('version')(state.version);
  if (state.result) renderPanels();
}

function wire() {
  input.addEventListener('input', () => {
    if (!state.large) onTextChanged(input.value);
  });
  input.addEventListener('paste', onPaste);
  $('btn-example').addEventListener('click', loadExample);
  $('btn-open').addEventListener('click', () => $('file-input').click());
  $('file-input').addEventListener('change', (event) => {
    openFile(event.target.files[0]);
    event.target.value = '';
  });
  $('btn-clear').addEventListener('click', clearText);
  $('btn-lang').addEventListener('click', switchLanguage);
  $('btn-csv').addEventListener('click', () => download('csv', 'csv', 'text/csv;charset=utf-8'));
  $('btn-json').addEventListener('click', () => download('json', 'json', 'application/json'));
  $('btn-md').addEventListener('click', () => download('markdown', 'md', 'text/markdown;charset=utf-8'));
  $('btn-copy').addEventListener('click', copyTable);

  const overlay = $('drop-overlay');
  const hasFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  window.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    overlay.hidden = false;
  });
  window.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) overlay.hidden = true;
  });
  window.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    overlay.hidden = true;
    openFile(event.dataTransfer.files[0]);
  });
}

function start() {
  setLanguage(store.load('lang') || 'zh');
  applyStatic();
  table.render();
  wire();
  startWorker();
  showStorage();
  const saved = store.load('text');
  if (saved) {
    state.text = saved;
    showInInput(saved);
    onTextChanged(saved, { now: true });
    notice(t('restored'));
  } else {
    showEmpty();
    if (location.hash === '#example') loadExample();
  }
}

start();
