// The report re-flowed into paragraphs: headings styled, every figure highlighted.
//
// Each paragraph is rebuilt from its pieces (input ranges whose concatenation is the cleaned
// text), so a figure split by a hard line break in the input (`1588.75⏎⏎万元`) reads as one and
// highlights as one. Text goes in as text nodes only, never as HTML. Paragraphs are rendered in
// a window of chunks that follows the reader, so a 20 MB report never builds millions of nodes.

import { t } from './i18n.js';

const CHUNK = 300;

export class TextView {
  /** `root`: the container; `onFigure(i)`: a highlighted figure was chosen (click, tap, Enter);
   *  `popover`: shows a figure's details on hover, focus and tap (see popover.js). */
  constructor(root, { onFigure, popover }) {
    this.root = root;
    this.data = null;
    const markOf = (event) => event.target.closest && event.target.closest('mark[data-f]');
    // How the details were opened decides what closes them: a hover by leaving, focus by
    // blurring, a tap (which has neither) by Escape or a tap elsewhere.
    let how = '';
    const pop = (mark, by) => {
      if (!popover || !mark || !this.data) return;
      if (by === 'hover' && how === 'tap' && popover.showing(mark)) return;
      how = by;
      popover.show(mark, this.data.report, Number(mark.dataset.f));
    };
    root.addEventListener('click', (event) => {
      const mark = markOf(event);
      if (!mark) return;
      onFigure(Number(mark.dataset.f));
      pop(mark, 'tap');
    });
    root.addEventListener('keydown', (event) => {
      const mark = markOf(event);
      if (mark && event.key === 'Enter') onFigure(Number(mark.dataset.f));
    });
    root.addEventListener('mouseover', (event) => pop(markOf(event), 'hover'));
    root.addEventListener('focusin', (event) => {
      // A tap focuses the highlight too: its details stay pinned as a tap's.
      if (how !== 'tap' || popover.el.hidden) pop(markOf(event), 'focus');
    });
    const leave = (by) => (event) => {
      const mark = markOf(event);
      if (!popover || !mark || how !== by) return;
      if (event.relatedTarget && mark.contains(event.relatedTarget)) return;
      popover.hide();
      how = '';
    };
    document.addEventListener('click', (event) => {
      if (popover && !markOf(event)) {
        popover.hide();
        how = '';
      }
    });
    root.addEventListener('mouseout', leave('hover'));
    root.addEventListener('focusout', leave('focus'));

    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.renderDown(0);
    });
  }

  /** Shows a new report of `text`; `u16` holds its spans in UTF-16 units (see offsets.js). */
  show(text, report, u16) {
    this.observer.disconnect();
    this.root.replaceChildren();
    const paragraphs = report.paragraphs || [];
    // The core says which paragraph each figure and heading stands in.
    this.data = {
      text,
      report,
      u16,
      figPara: Int32Array.from(report.figures, (f) => (f.paragraph === undefined ? -1 : f.paragraph)),
      headPara: Int32Array.from(report.outline, (h) => (h.paragraph === undefined ? -1 : h.paragraph)),
    };
    this.byPara = groupBy(this.data.figPara, paragraphs.length, u16.figures);
    this.headsByPara = groupBy(this.data.headPara, paragraphs.length, u16.outline);
    this.metaByPara = spread(u16.meta, u16.paragraphs);
    // The rendered paragraphs are the window [from, to); it grows down as the reader scrolls,
    // up on request, and jumps when a figure or heading far away is chosen.
    this.from = 0;
    this.to = 0;
    this.top = document.createElement('p');
    this.top.className = 'more';
    this.topButton = document.createElement('button');
    this.topButton.type = 'button';
    this.topButton.addEventListener('click', () => this.renderUp(this.from - CHUNK));
    this.top.append(this.topButton);
    this.bottom = document.createElement('p');
    this.bottom.className = 'more';
    if (paragraphs.length === 0) {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.textContent = t('emptyHint');
      this.root.append(hint);
      return;
    }
    this.root.append(this.top, this.bottom);
    this.renderDown(CHUNK - 1);
  }

  /** Makes paragraph `p` rendered, extending the window or moving it there. */
  ensure(p) {
    if (p >= this.from && p < this.to) return;
    if (p >= this.to && p < this.to + 2 * CHUNK) this.renderDown(p);
    else if (p < this.from && p >= this.from - 2 * CHUNK) this.renderUp(p);
    else {
      for (const el of this.root.querySelectorAll('[data-p]')) el.remove();
      this.from = this.to = Math.max(0, p - 5);
      this.renderDown(p + CHUNK - 5);
    }
  }

  /** Renders paragraphs after the window, through paragraph `upTo` (at least one chunk). */
  renderDown(upTo) {
    const total = this.data.report.paragraphs.length;
    const end = Math.min(total, Math.max(this.to + CHUNK, upTo + 1));
    if (end <= this.to) return;
    const frag = document.createDocumentFragment();
    for (let p = this.to; p < end; p++) frag.append(this.paragraph(p));
    this.bottom.before(frag);
    this.to = end;
    this.updateEdges();
  }

  /** Renders paragraphs before the window, from paragraph `downTo`. */
  renderUp(downTo) {
    const start = Math.max(0, Math.min(downTo, this.from - 1));
    if (start >= this.from) return;
    const frag = document.createDocumentFragment();
    for (let p = start; p < this.from; p++) frag.append(this.paragraph(p));
    this.top.after(frag);
    this.from = start;
    this.updateEdges();
  }

  /** Re-labels the "more" controls after a language switch. */
  relabel() {
    if (this.data && this.data.report.paragraphs.length) this.updateEdges();
  }

  updateEdges() {
    const total = this.data.report.paragraphs.length;
    this.top.hidden = this.from === 0;
    this.topButton.textContent = t('textBefore')(this.from);
    this.observer.disconnect();
    this.bottom.hidden = this.to >= total;
    if (this.to < total) {
      this.bottom.textContent = t('textCut')(total - this.to);
      this.observer.observe(this.bottom);
    }
  }

  paragraph(p) {
    const { text, report, u16 } = this.data;
    const para = report.paragraphs[p];
    const heads = this.headsByPara[p] || [];
    const figs = this.byPara[p] || [];
    const whole = para.heading !== undefined && covers(u16.outline, para.heading, u16.paragraphs, p);
    const depth = whole ? report.outline[para.heading].depth : 0;
    const el = document.createElement(whole ? `h${Math.min(3 + depth - 1, 6)}` : 'p');
    el.className = whole ? `hd d${depth}` : 'para';
    for (const m of this.metaByPara[p] || []) el.classList.add('el', `el-${report.meta.spans[m].key}`);
    el.dataset.p = p;

    // The item `list[k]` (an index into `spans`, [start, end) pairs) if it covers `pos`, else -1,
    // and where the run starting at `pos` must stop for it (at most `next`).
    const cover = (list, k, spans, pos, next) => {
      if (k >= list.length) return [-1, next];
      const s = spans[2 * list[k]];
      return s <= pos ? [list[k], Math.min(next, spans[2 * list[k] + 1])] : [-1, Math.min(next, s)];
    };
    let hk = 0;
    let fk = 0;
    let curH = -1;
    let curF = -1;
    let hEl = null;
    let fEl = null;
    const from = u16.pieceStart[p];
    const to = u16.pieceStart[p + 1];
    for (let k = from; k < to; k++) {
      const b = u16.pieces[2 * k + 1];
      let pos = u16.pieces[2 * k];
      while (pos < b) {
        while (hk < heads.length && u16.outline[2 * heads[hk] + 1] <= pos) hk++;
        while (fk < figs.length && u16.figures[2 * figs[fk] + 1] <= pos) fk++;
        const [h, afterH] = cover(heads, hk, u16.outline, pos, b);
        const [f, next] = cover(figs, fk, u16.figures, pos, afterH);
        if (h !== curH) {
          curH = h;
          hEl = h < 0 ? null : this.headingSpan(h);
          if (hEl) el.append(hEl);
          curF = -1;
        }
        if (f !== curF) {
          curF = f;
          fEl = f < 0 ? null : this.figureMark(f);
          if (fEl) (hEl || el).append(fEl);
        }
        (fEl || hEl || el).append(text.slice(pos, next));
        pos = next;
      }
    }
    return el;
  }

  headingSpan(h) {
    const span = document.createElement('span');
    span.className = `heading d${this.data.report.outline[h].depth}`;
    span.id = `h-${h}`;
    span.dataset.h = h;
    span.tabIndex = -1;
    return span;
  }

  figureMark(f) {
    const fig = this.data.report.figures[f];
    const mark = document.createElement('mark');
    mark.dataset.f = f;
    mark.dataset.text = fig.text;
    mark.tabIndex = 0;
    if (fig.parent !== undefined) mark.classList.add('part');
    return mark;
  }

  /** Highlights figure `i` as selected; returns its first element, or null. */
  select(i) {
    return this.selectAll([i]);
  }

  /** Highlights every figure in `list` (a breakdown's total and parts); returns the first
   * element of the first, or null. */
  selectAll(list) {
    for (const m of this.root.querySelectorAll('mark.selected')) m.classList.remove('selected');
    if (!this.data) return null;
    const shown = list.filter((i) => i >= 0 && this.data.figPara[i] >= 0);
    // Every paragraph first: rendering one may move the window and drop marks already set.
    for (const i of shown) this.ensure(this.data.figPara[i]);
    let first = null;
    for (const i of shown) {
      const marks = this.root.querySelectorAll(`mark[data-f="${i}"]`);
      for (const m of marks) m.classList.add('selected');
      first = first || marks[0] || null;
    }
    return first;
  }

  /** Scrolls the first paragraph of document element `m` (index in `meta.spans`) into view. */
  revealElement(m) {
    if (!this.data) return false;
    const { u16, report } = this.data;
    const p = paragraphAt(u16.paragraphs, u16.meta[2 * m]);
    if (p >= report.paragraphs.length) return false;
    this.ensure(p);
    const el = this.root.querySelector(`[data-p="${p}"]`);
    if (!el) return false;
    el.scrollIntoView({ block: 'center' });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    return true;
  }

  /** Scrolls heading `h` into view and focuses it; returns whether it was found. */
  reveal(h) {
    if (!this.data) return false;
    const p = this.data.headPara[h];
    if (p < 0) return false;
    this.ensure(p);
    const el = this.root.querySelector(`#h-${h}`);
    if (!el) return false;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    return true;
  }
}

/** The index of the paragraph holding UTF-16 offset `at` (or the next one), in `paras`. */
function paragraphAt(paras, at) {
  let lo = 0;
  let hi = paras.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paras[2 * mid + 1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Item indices grouped by paragraph (`place[i]`, -1 for none), each group sorted by start in
 *  `spans` ([start, end) pairs). */
function groupBy(place, count, spans) {
  const groups = new Array(count);
  for (let i = 0; i < place.length; i++) {
    const p = place[i];
    if (p >= 0) (groups[p] ||= []).push(i);
  }
  for (const g of groups) {
    if (g && g.length > 1) g.sort((a, b) => spans[2 * a] - spans[2 * b]);
  }
  return groups;
}

/** For each paragraph, the spans that overlap it (an element such as a title may run over
 *  several lines, each its own paragraph). */
function spread(spans, paras) {
  const groups = [];
  const pn = paras.length / 2;
  for (let i = 0; i < spans.length / 2; i++) {
    const s = spans[2 * i];
    const e = spans[2 * i + 1];
    let lo = 0;
    let hi = pn;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paras[2 * mid + 1] <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let p = lo; p < pn && paras[2 * p] < e; p++) (groups[p] ||= []).push(i);
  }
  return groups;
}

/** Whether heading `h` covers all of paragraph `p` (a heading on a line of its own). */
function covers(outline, h, paras, p) {
  return outline[2 * h] <= paras[2 * p] && outline[2 * h + 1] >= paras[2 * p + 1];
}
