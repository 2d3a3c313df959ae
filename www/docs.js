// The list of open documents (shown when there are several): each one's name, its figure
// count or state, and progress while files are read and analysed. Names go in as text. Items
// are kept and updated in place, so a batch of hundreds refreshes the list cheaply.

import { t } from './i18n.js';

const CAP = 1000;

/**
 * Fills the documents card `panel` (hidden for one document or none). `reading` is
 * `{ done, total }` while files are being read; `onOpen(doc)` when a document is chosen.
 */
export function renderDocs(panel, docs, current, reading, { onOpen }) {
  panel.hidden = docs.length < 2 && !reading;
  if (panel.hidden) return;
  const analysed = docs.filter((d) => d.state === 'done').length;
  const total = reading ? reading.total : docs.length;
  const progress = panel.querySelector('progress');
  const busy = Boolean(reading) || analysed < docs.length;
  progress.hidden = !busy;
  progress.max = Math.max(1, 2 * total);
  progress.value = (reading ? reading.done : total) + analysed;
  panel.querySelector('.docs-status').textContent = reading
    ? t('docsReading')(reading.done, reading.total)
    : busy
      ? t('docsAnalysing')(analysed, docs.length)
      : t('docsDone')(docs.length, docs.reduce((n, d) => n + d.figures.length, 0));
  panel.setAttribute('aria-busy', String(busy));
  const list = panel.querySelector('ol');
  const shown = docs.slice(0, CAP);
  const items = (panel.items ||= new Map());
  const order = shown.map((d) => d.id).join();
  if (order !== panel.order) {
    for (const id of items.keys()) if (!shown.some((d) => d.id === id)) items.delete(id);
    list.replaceChildren(...shown.map((d) => item(items, d, onOpen).li));
    panel.order = order;
  }
  for (const d of shown) {
    const it = item(items, d, onOpen);
    const done = d.state === 'done';
    const count = done ? String(d.figures.length) : '…';
    if (it.count.textContent !== count) {
      it.count.textContent = count;
      it.count.title = done ? t('figureCount')(d.figures.length) : t('busy');
    }
    const name = d.name || d.title || t('exportUntitled');
    if (it.name.textContent !== name) it.name.textContent = name;
    if ((d === current) !== it.button.hasAttribute('aria-current')) {
      if (d === current) it.button.setAttribute('aria-current', 'true');
      else it.button.removeAttribute('aria-current');
    }
  }
}

function item(items, d, onOpen) {
  let it = items.get(d.id);
  if (it) return it;
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.doc = d.id;
  button.title = d.name;
  const name = document.createElement('span');
  name.className = 'name';
  const count = document.createElement('span');
  count.className = 'count';
  button.append(name, count);
  button.addEventListener('click', () => onOpen(d));
  li.append(button);
  it = { li, button, name, count };
  items.set(d.id, it);
  return it;
}
