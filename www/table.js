// The figures table: sorts by any column, filters by text, unit and section, and selects a
// figure (click, Enter or Space on a row) so the text highlights it. Only the first rows of a
// long table are built; "show more" adds more.

import { t } from './i18n.js';

const PAGE = 500;
const COLUMNS = ['index', 'section', 'subject', 'value', 'unit', 'qualifier', 'base'];
const NUMERIC = new Set(['index', 'value', 'base']);

export class FigureTable {
  /** `els`: the table's elements by id; `onSelect(i)`: a row was chosen. */
  constructor(els, { onSelect }) {
    this.els = els;
    this.onSelect = onSelect;
    this.report = null;
    this.sortKey = 'index';
    this.sortDir = 1;
    this.limit = PAGE;
    this.selected = -1;
    const tbody = els.table.tBodies[0];
    tbody.addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-f]');
      if (row) onSelect(Number(row.dataset.f));
    });
    tbody.addEventListener('keydown', (event) => {
      const row = event.target.closest('tr[data-f]');
      if (!row) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect(Number(row.dataset.f));
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
        if (next) next.focus();
      }
    });
    els.filterText.addEventListener('input', () => this.refilter());
    els.filterUnit.addEventListener('change', () => this.refilter());
    els.filterSection.addEventListener('change', () => this.refilter());
    els.more.addEventListener('click', () => {
      this.limit += PAGE;
      this.renderRows();
    });
  }

  /** Shows the figures of a new report. */
  show(report) {
    this.report = report;
    this.limit = PAGE;
    this.selected = -1;
    this.sectionEnd = sectionEnds(report.outline);
    this.fillFilters();
    this.render();
  }

  /** Re-renders everything in the current language. */
  render() {
    this.renderHeader();
    if (this.report) {
      this.fillFilters();
      this.renderRows();
    }
  }

  renderHeader() {
    const cells = COLUMNS.map((key) => {
      const th = document.createElement('th');
      th.scope = 'col';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('cols')[key];
      button.title = t('sortBy')(t('cols')[key]);
      button.addEventListener('click', () => this.sortBy(key));
      th.append(button);
      if (key === this.sortKey) th.setAttribute('aria-sort', this.sortDir > 0 ? 'ascending' : 'descending');
      if (NUMERIC.has(key)) th.className = 'num';
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
    const figures = this.report ? this.report.figures : [];
    const outline = this.report ? this.report.outline : [];
    const counts = new Map();
    for (const f of figures) counts.set(f.unit, (counts.get(f.unit) || 0) + 1);
    const units = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const keepUnit = filterUnit.value;
    filterUnit.replaceChildren(
      option('*', `${t('filterUnit')}: ${t('all')}`),
      ...units.map(([u, n]) => option(u, `${u || t('none')} (${n})`)),
    );
    filterUnit.value = counts.has(keepUnit) ? keepUnit : '*';
    const keepSection = filterSection.value;
    const sections = [option('*', `${t('filterSection')}: ${t('all')}`)];
    outline.forEach((h, i) => {
      if (h.depth <= 2 && sections.length <= 400) {
        const label = `${h.depth > 1 ? '　' : ''}${h.marker}${h.title}`;
        sections.push(option(String(i), label.length > 40 ? `${label.slice(0, 39)}…` : label));
      }
    });
    filterSection.replaceChildren(...sections);
    filterSection.value = sections.some((o) => o.value === keepSection) ? keepSection : '*';
  }

  refilter() {
    this.limit = PAGE;
    this.renderRows();
  }

  /** Indices of the figures that pass the filters, in the current order. */
  visible() {
    const figures = this.report.figures;
    const needle = this.els.filterText.value.trim().toLowerCase();
    const unit = this.els.filterUnit.value;
    const section = this.els.filterSection.value;
    const lo = section === '*' ? -1 : Number(section);
    const hi = lo < 0 ? -1 : this.sectionEnd[lo];
    const out = [];
    figures.forEach((f, i) => {
      if (unit !== '*' && f.unit !== unit) return;
      if (lo >= 0 && !(f.section >= lo && f.section < hi)) return;
      if (needle && !haystack(f).includes(needle)) return;
      out.push(i);
    });
    if (this.sortKey !== 'index') {
      const key = sortValue(this.sortKey);
      const dir = this.sortDir;
      const numeric = NUMERIC.has(this.sortKey);
      const collator = new Intl.Collator('zh-CN');
      out.sort((a, b) => {
        const x = key(figures[a]);
        const y = key(figures[b]);
        const c = numeric ? x - y : collator.compare(x, y);
        return c * dir || a - b;
      });
    } else if (this.sortDir < 0) out.reverse();
    return out;
  }

  renderRows() {
    const figures = this.report.figures;
    const rows = this.visible();
    const shown = rows.slice(0, this.limit);
    const tbody = this.els.table.tBodies[0];
    tbody.replaceChildren(...shown.map((i) => this.row(figures[i], i)));
    this.els.count.textContent = t('figureCount')(figures.length);
    this.els.moreBox.hidden = rows.length <= shown.length && rows.length === figures.length;
    this.els.shown.textContent = t('showing')(shown.length, rows.length);
    this.els.more.hidden = rows.length <= shown.length;
  }

  row(f, i) {
    const tr = document.createElement('tr');
    tr.dataset.f = i;
    tr.tabIndex = 0;
    if (i === this.selected) tr.setAttribute('aria-selected', 'true');
    const value = f.value_max !== undefined ? `${f.value}–${f.value_max}` : String(f.value);
    const base = f.base_value !== undefined ? `${f.base_value}${f.base_unit || ''}` : '';
    const cells = [String(i + 1), f.section_path || '', f.subject || '', value, f.unit, f.qualifier || '', base];
    cells.forEach((text, k) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (NUMERIC.has(COLUMNS[k])) td.className = 'num';
      tr.append(td);
    });
    if (f.parent !== undefined) tr.classList.add('part');
    return tr;
  }

  /** Marks figure `i`'s row as selected, scrolling it into view when `scroll`. */
  setSelected(i, scroll) {
    this.selected = i;
    const tbody = this.els.table.tBodies[0];
    for (const r of tbody.querySelectorAll('tr[aria-selected]')) r.removeAttribute('aria-selected');
    const row = tbody.querySelector(`tr[data-f="${i}"]`);
    if (!row) return;
    row.setAttribute('aria-selected', 'true');
    if (scroll) row.scrollIntoView({ block: 'nearest' });
  }
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function haystack(f) {
  return [f.text, f.subject, f.section_path, f.unit, f.qualifier].filter(Boolean).join('\u0001').toLowerCase();
}

function sortValue(key) {
  switch (key) {
    case 'section':
      return (f) => f.section_path || '';
    case 'subject':
      return (f) => f.subject || '';
    case 'value':
      return (f) => Number(f.value);
    case 'unit':
      return (f) => f.unit;
    case 'qualifier':
      return (f) => f.qualifier || '';
    default:
      return (f) => Number(f.base_value !== undefined ? f.base_value : f.value);
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
