// The list of open documents (shown when there are several): each one's name, its figure
// count or state, and progress while files are read and analysed. Names go in as text.

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
  const items = docs.slice(0, CAP).map((d) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.doc = d.id;
    if (d === current) button.setAttribute('aria-current', 'true');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = d.name || d.title || t('exportUntitled');
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = d.state === 'done' ? String(d.figures.length) : '…';
    count.title = d.state === 'done' ? t('figureCount')(d.figures.length) : t('busy');
    button.append(name, count);
    button.title = d.name;
    button.addEventListener('click', () => onOpen(d));
    li.append(button);
    return li;
  });
  list.replaceChildren(...items);
}
