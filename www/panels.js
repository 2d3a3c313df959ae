// The side panels: document elements, the outline tree with figure counts, checks and notes.
// Every value from the report goes in with textContent.

import { language, t } from './i18n.js';

const META_KEYS = [
  'issuer', 'doc_number', 'title', 'addressees', 'signed_by', 'date',
  'body_title', 'printed_by', 'printed_date', 'cc', 'speaker',
];
const OUTLINE_CAP = 2000;
const CHECKS_CAP = 500;

/** Fills the elements card; `onElement(key)` when an element found in the text is chosen. */
export function renderMeta(dl, meta, onElement) {
  const located = new Set((meta && meta.spans ? meta.spans : []).map((s) => s.key));
  const rows = [];
  for (const key of META_KEYS) {
    const value = meta && meta[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const dt = document.createElement('dt');
    dt.textContent = t('meta')[key];
    const dd = document.createElement('dd');
    const shown = Array.isArray(value) ? value.join('、') : String(value);
    if (located.has(key)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = shown;
      button.addEventListener('click', () => onElement(key));
      dd.append(button);
    } else {
      dd.textContent = shown;
    }
    dd.dataset.key = key;
    rows.push(dt, dd);
  }
  if (rows.length === 0) {
    const dd = document.createElement('dd');
    dd.className = 'hint';
    dd.textContent = t('none');
    rows.push(dd);
  }
  dl.replaceChildren(...rows);
}

/** Builds the outline tree; `onHeading(h)` when a node is chosen. */
export function renderOutline(nav, outline, figures, onHeading) {
  const totals = figureTotals(outline, figures);
  const root = document.createElement('ul');
  root.className = 'tree';
  const stack = [{ depth: 0, list: root }];
  const shown = Math.min(outline.length, OUTLINE_CAP);
  for (let i = 0; i < shown; i++) {
    const h = outline[i];
    while (stack.length > 1 && stack[stack.length - 1].depth >= h.depth) stack.pop();
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.h = i;
    const marker = document.createElement('span');
    marker.className = 'marker';
    marker.textContent = h.marker;
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = h.title;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = totals[i] ? String(totals[i]) : '';
    count.title = t('figureCount')(totals[i]);
    button.append(marker, title, count);
    button.title = `${h.marker}${h.title}`;
    button.addEventListener('click', () => onHeading(i));
    li.append(button);
    stack[stack.length - 1].list.append(li);
    const sub = document.createElement('ul');
    li.append(sub);
    stack.push({ depth: h.depth, list: sub });
  }
  for (const ul of root.querySelectorAll('ul:empty')) ul.remove();
  const parts = [outline.length ? root : hint(t('none'))];
  if (outline.length > shown) parts.push(hint(t('showing')(shown, outline.length)));
  nav.replaceChildren(...parts);
}

/** How many figures stand under each heading, its descendants included. */
export function figureTotals(outline, figures) {
  const totals = new Array(outline.length).fill(0);
  for (const f of figures) {
    if (f.section !== undefined && f.section < totals.length) totals[f.section]++;
  }
  // Children come after their parent, so one backward pass adds each subtree up.
  for (let i = outline.length - 1; i >= 0; i--) {
    const p = outline[i].parent;
    if (p !== undefined && p < i) totals[p] += totals[i];
  }
  return totals;
}

/**
 * Lists the checks (✓/✗) in the page's language, each with the sentence it read, and the notes
 * about the input. Choosing a breakdown highlights its total and every part.
 */
export function renderChecks(ul, notesTitle, notesUl, report, { onFigures, onHeading }) {
  const items = report.checks.slice(0, CHECKS_CAP).map((c) => {
    const li = document.createElement('li');
    li.className = c.ok ? 'ok' : 'bad';
    const button = document.createElement('button');
    button.type = 'button';
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.textContent = c.ok ? t('checkOk') : t('checkBad');
    const message = document.createElement('span');
    // The core writes the mark into the message; the panel shows it in colour on its own.
    const text = (language() === 'en' && c.message_en) || c.message;
    message.textContent = text.replace(/^[✓✗]\s*/, '');
    button.append(mark, message);
    if (c.sentence) {
      const sentence = document.createElement('span');
      sentence.className = 'sentence';
      sentence.textContent = c.sentence.text;
      button.append(sentence);
    }
    button.addEventListener('click', () => {
      if (c.total !== undefined) onFigures([c.total, ...(c.parts || [])]);
      else if (c.headings && c.headings.length) onHeading(c.headings[c.headings.length - 1]);
    });
    li.append(button);
    return li;
  });
  if (report.checks.length > CHECKS_CAP) items.push(hint(t('showing')(CHECKS_CAP, report.checks.length), 'li'));
  ul.replaceChildren(...(items.length ? items : [hint(t('noChecks'), 'li')]));
  const notes = report.diagnostics.slice(0, CHECKS_CAP).map((d) => {
    const li = document.createElement('li');
    li.textContent = d.message;
    return li;
  });
  notesUl.replaceChildren(...notes);
  notesTitle.hidden = notesUl.hidden = notes.length === 0;
}

function hint(text, tag = 'p') {
  const el = document.createElement(tag);
  el.className = 'hint';
  el.textContent = text;
  return el;
}
