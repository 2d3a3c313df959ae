// The page: input (paste, open, drop one file or many), storage, the analysis worker, and the
// views kept in step.
//
// The page holds documents: one when a text is pasted or a file opened, many when several files
// or a folder are opened. One document is viewed (text, elements, outline, checks); the figures
// table and the exports cover every document. Offsets count code points of the document's text
// as analysed: a file's text as decoded (a UTF-8 BOM and CR LF line ends kept, as the CLI reads
// it) until it is edited, then the text as edited (the text area holds LF line ends). An edit that
// leaves the text area as it was restores the file's text, so it changes no offset.

import { applyStatic, language, setLanguage, t } from './i18n.js';
import { decodeBytes } from './decode.js';
import { isDocument, readDocument } from './files.js';
import { openStore } from './storage.js';
import { TextView } from './textview.js';
import { FigureTable } from './table.js';
import { renderChecks, renderMeta, renderOutline } from './panels.js';
import { renderDocs } from './docs.js';
import { Popover } from './popover.js';
import { wireTabs } from './tabs.js';
import { setupCompare } from './compare.js';

const EXAMPLE = 'examples/pingan-2023-fazhi.txt';
// The files a folder is read for, as the CLI reads a folder.
const REPORT_FILE = /\.(txt|html?|pdf|docx|ofd|doc|wps)$/i;
// A text area holding millions of characters freezes the page for seconds on every layout, so a
// text longer than this is analysed in full but only its beginning is shown in the text area.
const LARGE = 200_000;
const PREVIEW = 20_000;
// Documents of a batch go to the worker this many at a time, so a document being edited never
// waits behind the whole batch.
const BATCH = 16;
const $ = (id) => document.getElementById(id);

const store = openStore('reportlens.');
const state = {
  docs: [], // every open document, in the order opened (see newDoc)
  current: null, // the document viewed and edited
  result: null, // { doc, text, report, u16 } on view
  selected: -1,
  status: { kind: 'idle' },
  large: false,
  storage: store.available ? 'ok' : 'off',
  reading: null, // { done, total } while files are read
};
let nextDoc = 0;

/**
 * A document: `source` is its text as opened (decoded file or pasted text), `text` the text
 * analysed (the source until an edit), `name` what exports and the CSV's file column call it.
 */
function newDoc(name, source, { file = false, encoding = '' } = {}) {
  return {
    id: nextDoc++,
    name,
    file,
    encoding,
    source,
    sourceShown: lineEnds(source),
    text: source,
    edited: false,
    state: 'waiting',
    figures: [],
    title: '',
    digest: undefined,
    timing: null,
  };
}

/** What a text area makes of `text`: every CR LF and lone CR becomes LF. */
function lineEnds(text) {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const input = $('input');
const popover = new Popover($('popover'));
const textView = new TextView($('text'), {
  onFigure: (i) => selectFigure(state.current && state.current.id, i, 'text'),
  popover,
});
const table = new FigureTable(
  {
    table: $('figures'),
    header: $('figures-header'),
    count: $('fig-count'),
    filterText: $('filter-text'),
    filterUnit: $('filter-unit'),
    filterSection: $('filter-section'),
    filterKind: $('filter-kind'),
    moreBox: $('table-more'),
    shown: $('table-shown'),
    more: $('btn-more'),
    wrap: $('table-wrap'),
    cue: $('table-cue'),
  },
  { onSelect: (doc, i) => selectFigure(doc, i, 'table') },
);
const compare = setupCompare({
  button: $('btn-compare'),
  panel: $('compare-panel'),
  // This year's report is the document in view, as analysed.
  getText: () => (state.result ? state.result.text : ''),
  onSelectNew: (i) => state.result && state.result.doc && selectFigure(state.result.doc.id, i, 'compare'),
});

// ---- the worker -------------------------------------------------------------------------------

let worker = null;
let nextId = 1;
let inflight = null; // { id, doc, text }: the analysis of the viewed document in flight
let queued = null; // { doc, text }: the newest text waiting for it
const requests = new Map(); // id → { resolve, reject }, for 'show', 'export' and 'batch'
let broken = false; // the module cannot load: say so instead of waiting for it

function startWorker() {
  // The single-file build's worker is one classic script (a module worker from a blob: URL is
  // refused on a page opened from disk).
  worker = new Worker(workerUrl(), globalThis.REPORTLENS_WORKER ? {} : { type: 'module' });
  worker.onmessage = (event) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    failWorker(t('loadFailed'));
  };
}

/** The worker's script: beside this module, or (single-file build) the one it provides. */
function workerUrl() {
  return globalThis.REPORTLENS_WORKER || new URL('./worker.js', import.meta.url);
}

/** Starts a fresh worker (after a trap): its held reports are lost, so every document is sent
 *  again. */
function restartWorker() {
  if (worker) worker.terminate();
  for (const { reject } of requests.values()) reject(new Error(t('loadFailed')));
  requests.clear();
  inflight = null;
  startWorker();
  const others = state.docs.filter((d) => d !== state.current && d.state !== 'error');
  for (const d of others) d.state = 'waiting';
  sendBatch(others);
  if (state.current) analyze(state.current);
}

function failWorker(message) {
  broken = true;
  inflight = null;
  queued = null;
  for (const { reject } of requests.values()) reject(new Error(message));
  requests.clear();
  setStatus({ kind: 'error', message });
}

function request(msg) {
  return new Promise((resolve, reject) => {
    if (broken) {
      reject(new Error(t('loadFailed')));
      return;
    }
    const id = nextId++;
    requests.set(id, { resolve, reject });
    worker.postMessage({ ...msg, id });
  });
}

function onWorkerMessage(msg) {
  if (msg.type === 'fatal') {
    failWorker(t('loadFailed'));
    return;
  }
  if (msg.type === 'digests') {
    msg.ids.forEach((id, k) => {
      const d = docById(id);
      if (d) d.digest = msg.digests[k];
    });
    return;
  }
  if (msg.type === 'done') {
    onBatchDone(msg);
    return;
  }
  if (requests.has(msg.id)) {
    const { resolve, reject } = requests.get(msg.id);
    requests.delete(msg.id);
    if (msg.type === 'error') {
      reject(new Error(msg.message));
      restartWorker();
    } else resolve(msg);
    return;
  }
  if (!inflight || msg.id !== inflight.id) return;
  const done = inflight;
  inflight = null;
  const doc = docById(done.doc);
  if (msg.type === 'error') {
    // A trap may have left the module's memory unusable: start afresh.
    setStatus({ kind: 'error', message: t('analysisFailed')(msg.message) });
    restartWorker();
    return;
  }
  if (doc) {
    doc.state = 'done';
    doc.analysed = true;
    doc.figures = msg.report.figures;
    doc.title = titleOf(msg.report);
    doc.digest = msg.digest;
    doc.timing = msg.timing;
  }
  if (queued === null && doc && doc === state.current && doc.text === done.text) {
    show(doc, done.text, msg);
    setStatus({ kind: 'done', chars: done.text.length, ms: msg.timing.total, timing: msg.timing });
  }
  if (msg.version) {
    state.version = msg.version;
    $('version').textContent = t('version')(msg.version);
  }
  refreshDocs();
  if (queued !== null) {
    const next = queued;
    queued = null;
    analyze(next.doc, next.text);
  }
}

/** Sends the viewed document's text to the worker, or queues it behind the analysis in flight
 *  (newest wins). */
function analyze(doc, text = doc.text) {
  if (inflight) {
    queued = { doc, text };
    return;
  }
  if (broken) {
    setStatus({ kind: 'error', message: t('loadFailed') });
    return;
  }
  inflight = { id: nextId++, doc: doc.id, text };
  setStatus({ kind: 'busy' });
  worker.postMessage({ id: inflight.id, type: 'analyze', doc: doc.id, text });
}

/** Sends documents to the worker's batch loop, BATCH at a time. */
function sendBatch(docs) {
  for (let k = 0; k < docs.length; k += BATCH) {
    const part = docs.slice(k, k + BATCH);
    request({ type: 'batch', ids: part.map((d) => d.id), texts: part.map((d) => d.text) }).catch(() => {});
  }
}

function onBatchDone(msg) {
  const doc = docById(msg.id);
  if (!doc) return;
  // Edited before its turn in the batch came: the batch analysed the text as opened, so the
  // worker holds a stale report. Analyse the text as it is now again.
  if (doc.analysed) {
    analyze(doc);
    return;
  }
  doc.state = 'done';
  doc.figures = msg.figures;
  doc.title = msg.title || '';
  doc.timing = msg.timing;
  doc.headings = msg.headings;
  doc.failed = msg.failed_checks;
  if (!state.result && state.current === doc) view(doc);
  refreshDocs();
}

function docById(id) {
  return state.docs.find((d) => d.id === id) || null;
}

// ---- showing a result -------------------------------------------------------------------------

function show(doc, text, { report, u16 }) {
  state.result = { doc, text, report, u16 };
  state.selected = -1;
  renderPanels();
  textView.show(text, report, u16);
  refreshTable();
  updateExports();
}

function renderPanels() {
  const { report } = state.result;
  renderMeta($('meta'), report.meta, (key) => {
    const m = report.meta.spans.findIndex((span) => span.key === key);
    if (m >= 0) textView.revealElement(m);
  });
  renderOutline($('outline'), report.outline, report.figures, revealHeading);
  renderChecks($('checks'), $('notes-title'), $('notes'), report, {
    onFigures: (list) => selectBreakdown(state.current.id, list),
    onHeading: revealHeading,
  });
}

function showEmpty() {
  const report = { meta: {}, outline: [], figures: [], dates: [], checks: [], paragraphs: [], diagnostics: [] };
  const u16 = { figures: [], outline: [], dates: [], paragraphs: [], meta: [], pieces: [], pieceStart: [0] };
  state.result = { doc: null, text: '', report, u16 };
  renderPanels();
  textView.show('', report, u16);
  state.result = null;
  state.selected = -1;
  refreshTable();
  updateExports();
  setStatus({ kind: 'idle' });
}

let refreshTimer = 0;

/** Re-renders the document list and the combined table, at most a few times a second while a
 *  batch fills them. */
function refreshDocs() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = 0;
    renderDocs($('docs-panel'), state.docs, state.current, state.reading, { onOpen: view });
    if (state.docs.length > 1) refreshTable();
    updateExports();
  }, state.docs.length > 1 ? 300 : 0);
}

/** The table: the viewed document's figures, or every document's when there are several. */
function refreshTable() {
  if (state.docs.length > 1) {
    table.show(
      state.docs.map((d) => ({ doc: d.id, name: d.name, figures: d.figures })),
      { current: state.current && state.current.id, outline: state.result ? state.result.report.outline : [] },
    );
  } else {
    const r = state.result;
    table.show(r ? [{ doc: r.doc.id, name: r.doc.name, figures: r.report.figures }] : [], {
      current: r && r.doc.id,
      outline: r ? r.report.outline : [],
    });
  }
}

/** Views document `doc`: its text in the text area, its report from the worker. */
async function view(doc) {
  if (!doc) return;
  state.current = doc;
  showInInput(doc.text);
  if (doc.state !== 'done') {
    refreshDocs();
    return;
  }
  try {
    const msg = await request({ type: 'show', doc: doc.id, text: doc.text });
    if (state.current === doc) {
      show(doc, doc.text, msg);
      setStatus({ kind: 'done', chars: doc.text.length, ms: doc.timing ? doc.timing.total : 0, timing: doc.timing });
    }
  } catch (err) {
    notice(t('analysisFailed')(err.message));
  }
  refreshDocs();
}

async function selectFigure(docId, i, from) {
  if (state.current && docId !== state.current.id) {
    await view(docById(docId));
  }
  state.selected = i;
  const mark = textView.select(i);
  if (mark && from !== 'text') mark.scrollIntoView({ block: 'center' });
  table.setSelected(docId, i, from !== 'table');
}

/** Highlights a breakdown's total and every part; the table follows the total. */
function selectBreakdown(docId, list) {
  state.selected = list[0];
  const mark = textView.selectAll(list);
  if (mark) mark.scrollIntoView({ block: 'center' });
  table.setSelected(docId, list[0], true);
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
  let stages = '';
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
      if (status.timing) stages = stageText(status.timing);
      break;
    case 'error':
      text = status.message;
      break;
    default:
      text = t('idle');
  }
  $('status-text').textContent = text;
  $('timing').textContent = stages;
}

/** "reading 1.2 · elements 0.1 · …" in milliseconds, one decimal. */
function stageText(timing) {
  const names = t('stages');
  return timing.stages.map((ms, k) => `${names[k]} ${ms.toFixed(1)}`).join(' · ') + ` ${t('ms')}`;
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

/** Takes the text area's new value: the viewed document's text after a pause in typing. */
function onInput(value) {
  let doc = state.current;
  if (!doc) {
    if (!value) return;
    doc = newDoc('', value);
    state.docs = [doc];
    state.current = doc;
  }
  // A text area shows a file's CR LF as LF: while it still reads as the file did, the text is
  // the file's, so offsets stay those of the file (and of the CLI).
  const same = value === doc.sourceShown;
  doc.edited = !same;
  doc.text = same ? doc.source : value;
  clearTimeout(timer);
  timer = setTimeout(() => commit(doc), doc.text.length > 1_000_000 ? 600 : 250);
}

/** Analyses and keeps the viewed document's text now. */
function commit(doc) {
  clearTimeout(timer);
  if (doc !== state.current) return;
  if (doc.text.length === 0) {
    closeAll();
  } else {
    analyze(doc);
  }
  save();
}

/** Replaces every open document with one text. */
function setText(text, name = '', opts = {}) {
  closeAll();
  notice('');
  if (!text) {
    showInInput('');
    save();
    return;
  }
  const doc = newDoc(name, text, opts);
  state.docs = [doc];
  state.current = doc;
  showInInput(text);
  commit(doc);
}

function closeAll() {
  for (const d of state.docs) worker.postMessage({ type: 'forget', doc: d.id });
  state.docs = [];
  state.current = null;
  state.reading = null;
  queued = null;
  showEmpty();
  refreshDocs();
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
  if (state.large && state.current) {
    el.textContent = t('largeText')((state.current.text.length / 1e6).toFixed(1), PREVIEW.toLocaleString());
  }
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
  const doc = state.current;
  const text = doc ? doc.text : '';
  const outcome = text ? store.save('text', text) : (store.remove('text'), store.available ? 'ok' : 'off');
  if (text) store.save('name', doc.name);
  else store.remove('name');
  // A text too big for the quota is not the same as storage being off: the next, smaller text
  // may fit again.
  state.storage = outcome;
  showStorage();
}

const FILE_ERRORS = {
  pdf: 'filePdf',
  office: 'fileOffice',
  binary: 'fileBinary',
  encoding: 'fileEncoding',
  // From the document readers (files.js).
  legacy: 'fileLegacy',
  notext: 'fileNoText',
  encrypted: 'fileEncrypted',
  corrupt: 'fileDamaged',
  unknown: 'fileOffice',
  load: 'fileReaders',
};

/**
 * Reads one file into text: `{ text, encoding }`, or `{ error }` with `error` a message key's
 * short name (`pdf`, `office`, `binary`, `encoding`, `read`, or a document reader's: see
 * files.js). Every way of opening files (the
 * picker, a drop, a folder, many at once) comes through here.
 */
async function readFile(file) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { error: 'read' };
  }
  if (isDocument(bytes)) {
    // A PDF, Word or OFD file: the readers load now, for this file.
    const doc = await readDocument(bytes, file.name);
    return doc.error ? doc : { text: doc.text, encoding: doc.format };
  }
  return decodeBytes(bytes);
}

function fileError(file, error) {
  return error === 'read' ? t('fileError')(file.name) : t(FILE_ERRORS[error])(file.name);
}

/** The name a file goes by in the list, the exports and the CSV's file column. */
function fileName(file) {
  return file.webkitRelativePath || file.name;
}

/** Opens one file or many (a drop, a folder): each becomes a document. */
async function openFiles(files) {
  files = [...files].filter(Boolean);
  if (files.length === 0) return;
  if (files.length === 1) {
    const file = files[0];
    const decoded = await readFile(file);
    if (decoded.error) {
      notice(fileError(file, decoded.error));
      return;
    }
    setText(decoded.text, fileName(file), { file: true, encoding: decoded.encoding });
    notice(t('fileRead')(file.name, decoded.encoding));
    return;
  }
  files.sort((a, b) => fileName(a).localeCompare(fileName(b)));
  closeAll();
  notice('');
  state.reading = { done: 0, total: files.length };
  const failures = [];
  let pending = [];
  for (const file of files) {
    const decoded = await readFile(file);
    state.reading.done++;
    if (decoded.error) {
      failures.push(fileError(file, decoded.error));
    } else {
      const doc = newDoc(fileName(file), decoded.text, { file: true, encoding: decoded.encoding });
      state.docs.push(doc);
      pending.push(doc);
      if (!state.current) {
        state.current = doc;
        showInInput(doc.text);
      }
      if (pending.length >= BATCH) {
        sendBatch(pending);
        pending = [];
      }
    }
    refreshDocs();
  }
  sendBatch(pending);
  state.reading = null;
  refreshDocs();
  save();
  if (failures.length) notice(failures.join(' '));
  else notice(t('filesRead')(state.docs.length));
}

async function loadExample() {
  if (state.current && state.current.text.trim() && !window.confirm(t('confirmReplace'))) return;
  try {
    const text = globalThis.REPORTLENS_EXAMPLE || (await fetchText(EXAMPLE));
    setText(text, 'pingan-2023-fazhi.txt', { file: true });
  } catch {
    notice(t('fileError')(EXAMPLE));
  }
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(String(response.status));
  return response.text();
}

function clearText() {
  if (state.current && state.current.text && !window.confirm(t('confirmClear'))) return;
  setText('');
  input.focus();
}

// ---- export -----------------------------------------------------------------------------------

/** The documents an export covers: all that are analysed. */
function exported() {
  return state.docs.filter((d) => d.state === 'done');
}

function updateExports() {
  const none = exported().length === 0;
  for (const id of ['btn-csv', 'btn-json', 'btn-md', 'btn-copy']) $(id).disabled = none;
}

/** A download's name: the document's (its title when it was pasted), or the count of several. */
function exportName(docs, kind, extension) {
  const suffix = t('exportSuffix')[kind];
  if (docs.length > 1) return `${t('exportMany')(docs.length)}-${suffix}.${extension}`;
  const d = docs[0];
  const base = (d.name ? d.name.replace(/^.*\//, '').replace(/\.[^.]*$/, '') : d.title) || t('exportUntitled');
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 80)}-${suffix}.${extension}`;
}

function exportRequest(format, docs) {
  return request({
    type: 'export',
    format,
    docs: docs.map((d) => ({
      doc: d.id,
      name: d.name || exportName([d], 'report', 'txt').replace(/-[^-]*\.txt$/, ''),
      sha256: d.digest,
      edited: d.edited,
    })),
  }).then((msg) => msg.content);
}

async function download(format, kind, extension, type) {
  const docs = exported();
  if (docs.length === 0) return;
  try {
    const content = await exportRequest(format, docs);
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportName(docs, kind, format === 'json' && docs.length > 1 ? 'jsonl' : extension);
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
    await navigator.clipboard.writeText(await exportRequest('markdown', exported()));
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
  compare.relabel();
  if (state.version) $('version').textContent = t('version')(state.version);
  if (state.result) renderPanels();
  refreshDocs();
}

function wire() {
  input.addEventListener('input', () => {
    if (!state.large) onInput(input.value);
  });
  input.addEventListener('paste', onPaste);
  $('btn-example').addEventListener('click', loadExample);
  $('btn-open').addEventListener('click', () => $('file-input').click());
  $('btn-folder').addEventListener('click', () => $('folder-input').click());
  for (const id of ['file-input', 'folder-input']) {
    $(id).addEventListener('change', (event) => {
      const files = [...event.target.files];
      event.target.value = '';
      // A folder holds other files too: read its text files, as the CLI's folder mode does.
      openFiles(id === 'folder-input' ? files.filter((f) => REPORT_FILE.test(f.name)) : files);
    });
  }
  // Browsers without folder picking hide the button.
  if (!('webkitdirectory' in $('folder-input'))) $('btn-folder').hidden = true;
  $('btn-clear').addEventListener('click', clearText);
  $('btn-lang').addEventListener('click', switchLanguage);
  $('btn-csv').addEventListener('click', () => download('csv', 'figures', 'csv', 'text/csv;charset=utf-8'));
  $('btn-json').addEventListener('click', () => download('json', 'report', 'json', 'application/json'));
  $('btn-md').addEventListener('click', () => download('markdown', 'figures', 'md', 'text/markdown;charset=utf-8'));
  $('btn-copy').addEventListener('click', copyTable);
  wireTabs($('tabs'), document.querySelector('.layout'));

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
  window.addEventListener('drop', async (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    overlay.hidden = true;
    openFiles(await droppedFiles(event.dataTransfer));
  });
}

/** The files of a drop, a dropped folder's text files included (where the browser allows). */
async function droppedFiles(data) {
  const entries = [...(data.items || [])].map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry());
  if (!entries.some((e) => e && e.isDirectory)) return [...data.files];
  const files = [];
  const walk = async (entry, path) => {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail));
      if (path === '' || REPORT_FILE.test(file.name)) {
        files.push(path ? new File([file], file.name, { type: file.type }) : file);
        if (path) Object.defineProperty(files[files.length - 1], 'webkitRelativePath', { value: path + file.name });
      }
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${path}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) if (entry) await walk(entry, '');
  return files;
}

/** A pasted text's title, for its exports' name. */
function titleOf(report) {
  return (report.meta && (report.meta.title || report.meta.body_title)) || '';
}

function start() {
  setLanguage(store.load('lang') || 'zh');
  applyStatic();
  table.render();
  wire();
  startWorker();
  showStorage();
  updateExports();
  const saved = store.load('text');
  if (saved) {
    const doc = newDoc(store.load('name') || '', saved);
    state.docs = [doc];
    state.current = doc;
    showInInput(saved);
    commit(doc);
    notice(t('restored'));
  } else {
    showEmpty();
    if (location.hash === '#example') loadExample();
  }
  keepOffline();
}

/** Registers the service worker that keeps the page working offline (a hosted page only: one
 *  opened from disk has no service worker, and the single-file build needs none), and hands it
 *  the files this page loaded. */
function keepOffline() {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http') || globalThis.REPORTLENS_WORKER) return;
  navigator.serviceWorker
    .register('sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const urls = [location.href.split('#')[0], ...performance.getEntriesByType('resource').map((e) => e.name)];
      if (registration.active) registration.active.postMessage({ type: 'keep', urls });
    })
    .catch(() => {});
}

start();
