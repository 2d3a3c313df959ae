// The figures table: one document's figures, or every open document's with a document column.
// Sorts by any column, filters by text, unit and section (or document), and selects a figure
// (click, Enter or Space on a row) so the text highlights it. Only the first rows of a long
// table are built; "show more" adds more. On a narrow screen it scrolls sideways with a cue,
// the figure's number, subject and value staying in view.

import { t } from './i18n.js';

const PAGE = 500;
const COLUMNS = ['index', 'section', 'subject', 'value', 'unit', 'qualifier', 'base', 'kind'];
const NUMERIC = new Set(['index', 'value', 'base']);

export class FigureTable {
  /** `els`: the table's elements by id; `onSelect(doc, i)`: a row was chosen. */
  constructor(els, { onSelect }) {
    this.els = els;
    this.sets = [];
    this.rows = [];
    this.outline = [];
    this.sortKey = 'index';
    this.sortDir = 1;
    this.limit = PAGE;
    this.selected = null;
    const tbody = els.table.tBodies[0];
    const pick = (row) => onSelect(Number(row.dataset.d), Number(row.dataset.f));
    tbody.addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-f]');
      if (row) pick(row);
    });
    tbody.addEventListener('keydown', (event) => {
      const row = event.target.closest('tr[data-f]');
      if (!row) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        pick(row);
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
        if (next) next.focus();
      }
    });
    els.filterText.addEventListener('input', () => this.refilter());
    els.filterUnit.addEventListener('change', () => this.refilter());
    els.filterSection.addEventListener('change', () => this.refilter());
    if (els.filterKind) els.filterKind.addEventListener('change', () => this.refilter());
    els.more.addEventListener('click', () => {
      this.limit += PAGE;
      this.renderRows();
    });
    if (els.wrap) {
      const cue = () => this.updateCue();
      els.wrap.addEventListener('scroll', cue, { passive: true });
      window.addEventListener('resize', cue);
    }
  }

  /**
   * Shows the figures of `sets` (`[{ doc, name, figures }]`, one per document); several sets
   * make a combined table with a document column. `outline` is the viewed document's, for the
   * section filter of a single document.
   */
  show(sets, { outline = [] } = {}) {
    const changed = sets.length !== this.sets.length || sets.some((s, k) => s.doc !== this.sets[k].doc);
    this.sets = sets;
    this.many = sets.length > 1;
    this.outline = this.many ? [] : outline;
    this.rows = [];
    for (const s of sets) {
      s.figures.forEach((f, i) => this.rows.push({ doc: s.doc, name: s.name, i, f }));
    }
    if (changed) {
      this.limit = PAGE;
      this.selected = null;
    }
    // A document whose figures changed (it was edited) must show its new rows.
    const before = this.figuresOf || new Map();
    this.figuresOf = new Map(sets.map((s) => [s.doc, s.figures]));
    if (sets.some((s) => before.has(s.doc) && before.get(s.doc) !== s.figures)) this.shownKey = '';
    this.sectionEnd = sectionEnds(this.outline);
    const columns = this.columns().join();
    if (columns !== this.columnsShown) {
      this.columnsShown = columns;
      this.renderHeader();
    }
    this.fillFilters();
    this.renderRows();
  }

  columns() {
    return this.many ? ['index', 'doc', ...COLUMNS.slice(1)] : COLUMNS;
  }

  /** Re-renders everything in the current language. */
  render() {
    this.renderHeader();
    this.fillFilters();
    this.renderRows();
  }

  renderHeader() {
    this.shownKey = ''; // a language switch or a new sort re-renders the rows
    const cells = this.columns().map((key) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = `c-${key}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('cols')[key];
      button.title = t('sortBy')(t('cols')[key]);
      button.addEventListener('click', () => this.sortBy(key));
      th.append(button);
      if (key === this.sortKey) th.setAttribute('aria-sort', this.sortDir > 0 ? 'ascending' : 'descending');
      if (NUMERIC.has(key)) th.classList.add('num');
      return th;
    });
    this.els.header.replaceChildren(...cells);
  }

  sortBy(key) {
    if (this.sortKey === key) this.sortDir = -this.sortDir;
    else {
      this.sortKey = key;
      this.sortDir = 1;
    }
    this.renderHeader();
    this.renderRows();
  }

  fillFilters() {
    const { filterUnit, filterSection } = this.els;
    const counts = new Map();
    for (const { f } of this.rows) counts.set(f.unit, (counts.get(f.unit) || 0) + 1);
    const units = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const keepUnit = filterUnit.value;
    filterUnit.replaceChildren(
      option('*', `${t('filterUnit')}: ${t('all')}`),
      ...units.slice(0, 400).map(([u, n]) => option(u, `${u || t('none')} (${n})`)),
    );
    filterUnit.value = counts.has(keepUnit) ? keepUnit : '*';
    const keepSection = filterSection.value;
    // One document: its sections. Several: the documents.
    const label = this.many ? t('filterDoc') : t('filterSection');
    const sections = [option('*', `${label}: ${t('all')}`)];
    if (this.many) {
      for (const s of this.sets.slice(0, 2000)) sections.push(option(`d${s.doc}`, short(s.name || t('exportUntitled'))));
    } else {
      this.outline.forEach((h, i) => {
        if (h.depth <= 2 && sections.length <= 400) {
          sections.push(option(String(i), short(`${h.depth > 1 ? '　' : ''}${h.marker}${h.title}`)));
        }
      });
    }
    filterSection.setAttribute('aria-label', label);
    filterSection.replaceChildren(...sections);
    filterSection.value = sections.some((o) => o.value === keepSection) ? keepSection : '*';
    const { filterKind } = this.els;
    if (filterKind) {
      const keepKind = filterKind.value;
      filterKind.replaceChildren(
        option('*', `${t('filterKind')}: ${t('all')}`),
        ...['target', 'actual', 'none'].map((k) => option(k, t('kinds')[k])),
      );
      filterKind.value = keepKind || '*';
    }
  }

  refilter() {
    this.limit = PAGE;
    this.renderRows();
  }

  /** The rows that pass the filters, in the current order. */
  visible() {
    const needle = this.els.filterText.value.trim().toLowerCase();
    const unit = this.els.filterUnit.value;
    const section = this.els.filterSection.value;
    const kind = this.els.filterKind ? this.els.filterKind.value : '*';
    const docFilter = section.startsWith('d') ? Number(section.slice(1)) : -1;
    const lo = section === '*' || docFilter >= 0 ? -1 : Number(section);
    const hi = lo < 0 ? -1 : this.sectionEnd[lo];
    const out = [];
    for (const row of this.rows) {
      const f = row.f;
      if (unit !== '*' && f.unit !== unit) continue;
      if (kind !== '*' && (f.kind || 'none') !== kind) continue;
      if (docFilter >= 0 && row.doc !== docFilter) continue;
      if (lo >= 0 && !(f.section >= lo && f.section < hi)) continue;
      if (needle && !haystack(row).includes(needle)) continue;
      out.push(row);
    }
    if (this.sortKey !== 'index') {
      const key = sortValue(this.sortKey);
      const dir = this.sortDir;
      const numeric = NUMERIC.has(this.sortKey);
      const collator = new Intl.Collator('zh-CN');
      const order = new Map(this.rows.map((r, k) => [r, k]));
      out.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const c = numeric ? x - y : collator.compare(x, y);
        return c * dir || order.get(a) - order.get(b);
      });
    } else if (this.sortDir < 0) out.reverse();
    return out;
  }

  renderRows() {
    const rows = this.visible();
    const shown = rows.slice(0, this.limit);
    const tbody = this.els.table.tBodies[0];
    // While a batch fills the table, later documents mostly land below the rows on show:
    // rebuild them only when they change.
    const key = shown.map((r) => `${r.doc}:${r.i}`).join(',') + this.columns().join();
    if (key !== this.shownKey || tbody.rows.length !== shown.length) {
      tbody.replaceChildren(...shown.map((r) => this.row(r)));
      this.shownKey = key;
      this.updateCue();
    }
    this.els.count.textContent = this.many
      ? t('figureCountMany')(this.rows.length, this.sets.length)
      : t('figureCount')(this.rows.length);
    this.els.moreBox.hidden = rows.length <= shown.length && rows.length === this.rows.length;
    this.els.shown.textContent = t('showing')(shown.length, rows.length);
    this.els.more.hidden = rows.length <= shown.length;
  }

  row({ doc, name, i, f }) {
    const tr = document.createElement('tr');
    tr.dataset.d = doc;
    tr.dataset.f = i;
    tr.tabIndex = 0;
    if (this.selected && this.selected.doc === doc && this.selected.i === i) tr.setAttribute('aria-selected', 'true');
    const value = f.value_max !== undefined ? `${f.value}–${f.value_max}` : String(f.value);
    const base = f.base_value !== undefined ? `${f.base_value}${f.base_unit || ''}` : '';
    const cells = {
      index: String(i + 1),
      doc: name,
      section: f.section_path || '',
      subject: f.subject || '',
      value,
      unit: f.unit,
      qualifier: f.qualifier || '',
      base,
      kind: f.kind ? t('kinds')[f.kind] + (f.period ? ` · ${f.period}` : '') : f.period || '',
    };
    for (const key of this.columns()) {
      const td = document.createElement('td');
      td.textContent = cells[key];
      td.className = `c-${key}`;
      if (NUMERIC.has(key)) td.classList.add('num');
      tr.append(td);
    }
    if (f.parent !== undefined) tr.classList.add('part');
    return tr;
  }

  /** Marks figure `i` of document `doc` as selected, scrolling its row into view when `scroll`. */
  setSelected(doc, i, scroll) {
    this.selected = { doc, i };
    const tbody = this.els.table.tBodies[0];
    for (const r of tbody.querySelectorAll('tr[aria-selected]')) r.removeAttribute('aria-selected');
    const row = tbody.querySelector(`tr[data-d="${doc}"][data-f="${i}"]`);
    if (!row) return;
    row.setAttribute('aria-selected', 'true');
    if (scroll) row.scrollIntoView({ block: 'nearest' });
  }

  /** Shows the sideways-scroll cue while columns are hidden to the right (measured in the next
   *  frame, so a render never forces a layout of its own). */
  updateCue() {
    if (this.cueFrame) return;
    this.cueFrame = requestAnimationFrame(() => {
      this.cueFrame = 0;
      this.measureCue();
    });
  }

  measureCue() {
    const wrap = this.els.wrap;
    if (!wrap) return;
    const more = wrap.scrollWidth - wrap.clientWidth - wrap.scrollLeft > 2;
    wrap.classList.toggle('more-right', more);
    wrap.classList.toggle('more-left', wrap.scrollLeft > 2);
    if (this.els.cue) this.els.cue.hidden = !more;
  }
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function short(label) {
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

function haystack({ f, name }) {
  return [f.text, f.subject, f.section_path, f.unit, f.qualifier, f.period, name].filter(Boolean).join('\u0001').toLowerCase();
}

function sortValue(key) {
  switch (key) {
    case 'doc':
      return (r) => r.name || '';
    case 'section':
      return (r) => r.f.section_path || '';
    case 'subject':
      return (r) => r.f.subject || '';
    case 'value':
      return (r) => Number(r.f.value);
    case 'unit':
      return (r) => r.f.unit;
    case 'qualifier':
      return (r) => r.f.qualifier || '';
    case 'kind':
      return (r) => `${r.f.kind || ''}${r.f.period || ''}`;
    default:
      return (r) => Number(r.f.base_value !== undefined ? r.f.base_value : r.f.value);
  }
}

/** For each heading, one past the index of its last descendant in `outline`. */
export function sectionEnds(outline) {
  const end = new Array(outline.length);
  const stack = [];
  outline.forEach((h, i) => {
    while (stack.length && outline[stack[stack.length - 1]].depth >= h.depth) end[stack.pop()] = i;
    stack.push(i);
  });
  while (stack.length) end[stack.pop()] = outline.length;
  return end;
}
