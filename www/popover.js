// A figure's details beside its highlight, on hover, keyboard focus and tap: the value in plain
// units, what it counts, its qualifier, its section, its check, and its kind and period where
// the report has them. Everything goes in as text.

import { language, t } from './i18n.js';

export class Popover {
  /** `el`: the popover element (role tooltip, hidden). */
  constructor(el) {
    this.el = el;
    this.anchor = null;
    // A scroll (of the page or the text's box) carries the highlight along: follow it, or close
    // once it is out of sight.
    window.addEventListener('scroll', () => this.follow(), { passive: true, capture: true });
    window.addEventListener('resize', () => this.hide());
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
  }

  /** Shows figure `i` of `report` beside `anchor` (its highlight). */
  show(anchor, report, i) {
    const fig = report.figures[i];
    if (!fig) return;
    const rows = details(report, i);
    const dl = document.createElement('dl');
    for (const [label, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      dl.append(dt, dd);
    }
    const head = document.createElement('p');
    head.className = 'pop-text';
    head.textContent = fig.text;
    this.el.replaceChildren(head, dl);
    this.el.hidden = false;
    if (this.anchor && this.anchor !== anchor) this.anchor.removeAttribute('aria-describedby');
    this.anchor = anchor;
    anchor.setAttribute('aria-describedby', this.el.id);
    this.place(anchor);
  }

  place(anchor) {
    const r = anchor.getBoundingClientRect();
    const box = this.el.getBoundingClientRect();
    const below = r.bottom + 6 + box.height <= window.innerHeight || r.top - 6 - box.height < 0;
    const top = below ? r.bottom + 6 : r.top - 6 - box.height;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - box.width - 8));
    this.el.style.top = `${Math.round(top + window.scrollY)}px`;
    this.el.style.left = `${Math.round(left + window.scrollX)}px`;
  }

  follow() {
    if (this.el.hidden || !this.anchor) return;
    const r = this.anchor.getBoundingClientRect();
    if (!this.anchor.isConnected || r.bottom < 0 || r.top > window.innerHeight) this.hide();
    else this.place(this.anchor);
  }

  hide() {
    if (this.el.hidden) return;
    this.el.hidden = true;
    if (this.anchor) this.anchor.removeAttribute('aria-describedby');
    this.anchor = null;
  }

  /** Whether the popover shows the figure highlighted by `anchor`. */
  showing(anchor) {
    return !this.el.hidden && this.anchor === anchor;
  }
}

/** The popover's rows for figure `i`: [label, value] pairs, empty fields left out. */
export function details(report, i) {
  const fig = report.figures[i];
  const labels = t('pop');
  const rows = [];
  const value = fig.value_max !== undefined ? `${fig.value}–${fig.value_max}` : String(fig.value);
  if (fig.base_value !== undefined) rows.push([labels.plain, `${fig.base_value}${fig.base_unit || ''}`]);
  else rows.push([labels.value, `${value}${fig.unit}`]);
  if (fig.subject) rows.push([labels.subject, fig.subject]);
  if (fig.qualifier) rows.push([labels.qualifier, fig.qualifier]);
  if (fig.section !== undefined && report.outline[fig.section]) {
    const h = report.outline[fig.section];
    rows.push([labels.section, `${fig.section_path || h.marker} ${h.title}`.trim()]);
  }
  for (const c of report.checks || []) {
    if (c.total === i || (c.parts && c.parts.includes(i))) {
      // The message already opens with its ✓/✗, in the page's language.
      rows.push([labels.check, (language() === 'en' && c.message_en) || c.message]);
      break;
    }
  }
  if (fig.parent !== undefined && report.figures[fig.parent]) {
    rows.push([labels.parent, report.figures[fig.parent].text]);
  }
  if (fig.kind) rows.push([labels.kind, (labels.kinds && labels.kinds[fig.kind]) || String(fig.kind)]);
  if (fig.period) rows.push([labels.period, typeof fig.period === 'string' ? fig.period : JSON.stringify(fig.period)]);
  return rows;
}
