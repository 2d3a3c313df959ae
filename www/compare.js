// Compare mode: a second text (last year's report) against the one in the main view (this
// year's). Its own worker and Wasm module load on first use. The table lists the pairs of
// figures that measure one indicator; choosing one marks the old figure in an excerpt of the
// old text and selects the new one in the main view. Filters: only targets, only changed.
// Exports: CSV, JSON, Markdown.

import { language } from './i18n.js';
import { decodeBytes } from './decode.js';
import { codePointToUtf16 } from './offsets.js';

const WORDS = {
  zh: {
    title: '两年对比',
    oldLabel: '上一年的报告（粘贴或打开文件）；与上方本年报告对比',
    open: '打开文件',
    run: '对比',
    running: '对比中…',
    loading: '正在加载对比模块…',
    failed: (m) => `对比出错：${m}`,
    unavailable: '对比模块只能在网页服务器提供的页面中使用（单文件版不含对比模块）。',
    needBoth: '请先在上方输入本年报告，并在此粘贴上一年的报告。',
    onlyTargets: '只看目标完成情况',
    onlyChanged: '只看有变化的',
    count: (n, a, b) => `${n} 对（上年 ${a} 个数据，本年 ${b} 个）`,
    lonely: (a, b) => `未配对的主要数据：上年 ${a} 个，本年 ${b} 个`,
    cols: ['指标', '关系', '上年', '本年', '变化', '完成'],
    same: '同一指标',
    targetActual: '目标→实绩',
    oldExcerpt: '上年原文',
    newExcerpt: '本年原文',
  },
  en: {
    title: 'Compare two years',
    oldLabel: "Last year's report (paste or open a file), compared with this year's above",
    open: 'Open file',
    run: 'Compare',
    running: 'Comparing…',
    loading: 'Loading the comparison module…',
    failed: (m) => `Comparison failed: ${m}`,
    unavailable: 'The comparison module needs the served page (the single-file page does not carry it).',
    needBoth: "Enter this year's report above and paste last year's here first.",
    onlyTargets: 'Only targets and outcomes',
    onlyChanged: 'Only changed',
    count: (n, a, b) => `${n} pairs (${a} figures last year, ${b} this year)`,
    lonely: (a, b) => `Headline figures without a pair: ${a} last year, ${b} this year`,
    cols: ['Indicator', 'Relation', 'Old', 'New', 'Change', 'Met'],
    same: 'same',
    targetActual: 'target → actual',
    oldExcerpt: 'Last year',
    newExcerpt: 'This year',
  },
};

const w = (key) => WORDS[language() === 'en' ? 'en' : 'zh'][key];

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/**
 * Sets up compare mode. `button` opens it; `panel` (an empty section) holds it; `getText()` is
 * this year's text; `onSelectNew(j)` selects figure j of this year's report in the main view.
 */
export function setupCompare({ button, panel, getText, onSelectNew }) {
  let worker = null;
  let nextId = 1;
  let result = null;
  let built = false;
  const ui = {};

  function build() {
    built = true;
    ui.old = el('textarea', { id: 'compare-old', spellcheck: false });
    ui.file = el('input', { type: 'file', accept: '.txt,text/plain', hidden: true });
    ui.openBtn = el('button', { type: 'button', id: 'btn-compare-open' });
    ui.runBtn = el('button', { type: 'button', id: 'btn-compare-run' });
    ui.label = el('label', { htmlFor: 'compare-old' });
    ui.status = el('p', { id: 'compare-status', role: 'status' });
    ui.onlyTargets = el('input', { type: 'checkbox', id: 'compare-only-targets' });
    ui.onlyChanged = el('input', { type: 'checkbox', id: 'compare-only-changed' });
    ui.targetsLabel = el('label', { htmlFor: 'compare-only-targets' });
    ui.changedLabel = el('label', { htmlFor: 'compare-only-changed' });
    ui.csv = el('button', { type: 'button', id: 'btn-compare-csv', textContent: 'CSV' });
    ui.json = el('button', { type: 'button', id: 'btn-compare-json', textContent: 'JSON' });
    ui.md = el('button', { type: 'button', id: 'btn-compare-md', textContent: 'Markdown' });
    ui.head = el('tr');
    ui.body = el('tbody');
    ui.table = el('table', { id: 'compare-pairs' }, el('thead', {}, ui.head), ui.body);
    ui.lonely = el('p', { id: 'compare-lonely' });
    ui.oldTitle = el('h3');
    ui.newTitle = el('h3');
    ui.oldExcerpt = el('p', { id: 'compare-old-excerpt', className: 'excerpt' });
    ui.newExcerpt = el('p', { id: 'compare-new-excerpt', className: 'excerpt' });
    ui.title = el('h2', { id: 'compare-title' });
    panel.setAttribute('aria-labelledby', 'compare-title');
    panel.replaceChildren(
      ui.title,
      ui.label,
      ui.old,
      el('div', { className: 'actions' }, ui.openBtn, ui.file, ui.runBtn),
      ui.status,
      el('div', { className: 'filters' }, ui.onlyTargets, ui.targetsLabel, ui.onlyChanged, ui.changedLabel,
        el('span', { className: 'exports' }, ui.csv, ui.json, ui.md)),
      el('div', { className: 'table-wrap' }, ui.table),
      ui.lonely,
      el('div', { className: 'excerpts' }, el('div', {}, ui.oldTitle, ui.oldExcerpt), el('div', {}, ui.newTitle, ui.newExcerpt)),
    );
    ui.openBtn.addEventListener('click', () => ui.file.click());
    ui.file.addEventListener('change', async (event) => {
      const file = event.target.files[0];
      event.target.value = '';
      if (!file) return;
      const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
      if (decoded.error) ui.status.textContent = w('failed')(file.name);
      else ui.old.value = decoded.text;
    });
    ui.runBtn.addEventListener('click', run);
    ui.onlyTargets.addEventListener('change', renderRows);
    ui.onlyChanged.addEventListener('change', renderRows);
    ui.csv.addEventListener('click', () => save(result && result.csv, 'csv', 'text/csv;charset=utf-8'));
    ui.json.addEventListener('click', () => save(result && JSON.stringify(result.comparison, null, 2), 'json', 'application/json'));
    ui.md.addEventListener('click', () => save(result && result.markdown, 'md', 'text/markdown;charset=utf-8'));
    ui.body.addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-p]');
      if (row) select(Number(row.dataset.p));
    });
    ui.body.addEventListener('keydown', (event) => {
      const row = event.target.closest('tr[data-p]');
      if (row && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        select(Number(row.dataset.p));
      }
    });
    relabel();
  }

  function relabel() {
    if (!built) return;
    ui.title.textContent = w('title');
    ui.label.textContent = w('oldLabel');
    ui.openBtn.textContent = w('open');
    ui.runBtn.textContent = w('run');
    ui.targetsLabel.textContent = w('onlyTargets');
    ui.changedLabel.textContent = w('onlyChanged');
    ui.oldTitle.textContent = w('oldExcerpt');
    ui.newTitle.textContent = w('newExcerpt');
    ui.head.replaceChildren(...w('cols').map((c) => el('th', { scope: 'col', textContent: c })));
    renderRows();
  }

  function run() {
    const texts = { old: ui.old.value, new: getText() };
    if (!texts.old.trim() || !texts.new.trim()) {
      ui.status.textContent = w('needBoth');
      return;
    }
    if (!worker) {
      ui.status.textContent = w('loading');
      try {
        worker = new Worker(new URL('./compare-worker.js', import.meta.url), { type: 'module' });
      } catch {
        ui.status.textContent = w('unavailable');
        return;
      }
      worker.onmessage = (event) => {
        const msg = event.data;
        if (msg.id !== nextId - 1) return;
        if (msg.type === 'error') {
          ui.status.textContent = w('failed')(msg.message);
          return;
        }
        result = { ...msg, texts };
        ui.status.textContent = w('count')(msg.comparison.pairs.length, msg.old.figures.length, msg.new.figures.length);
        renderRows();
      };
    } else {
      ui.status.textContent = w('running');
    }
    worker.postMessage({ id: nextId++, old: texts.old, new: texts.new });
  }

  function renderRows() {
    if (!built) return;
    if (!result) {
      ui.body.replaceChildren();
      ui.lonely.textContent = '';
      return;
    }
    const { comparison, old, new: neu } = result;
    const rows = [];
    comparison.pairs.forEach((p, k) => {
      if (ui.onlyTargets.checked && p.relation !== 'target_actual') return;
      if (ui.onlyChanged.checked && !(p.change !== undefined && Number(p.change) !== 0)) return;
      const o = old.figures[p.old];
      const n = neu.figures[p.new];
      const change = p.change === undefined ? '' : `${Number(p.change) > 0 ? '+' : ''}${p.change}`
        + (p.change_pct !== undefined ? ` (${p.change_pct > 0 ? '+' : ''}${p.change_pct}%)` : '');
      const met = p.met === undefined ? '—' : p.met ? '✓' : '✗';
      const tr = el('tr', { tabIndex: 0 });
      tr.dataset.p = k;
      tr.append(
        el('td', { textContent: p.indicator }),
        el('td', { textContent: p.relation === 'target_actual' ? w('targetActual') : w('same') }),
        el('td', { textContent: o.text }),
        el('td', { textContent: n.text }),
        el('td', { className: 'num', textContent: change }),
        el('td', { className: 'met', textContent: met }),
      );
      rows.push(tr);
    });
    ui.body.replaceChildren(...rows);
    ui.lonely.textContent = w('lonely')(comparison.only_old.length, comparison.only_new.length);
  }

  function excerpt(target, text, figure) {
    const at = codePointToUtf16(text);
    const start = at(figure.start);
    const end = at(figure.end);
    const from = Math.max(0, start - 40);
    const to = Math.min(text.length, end + 40);
    target.replaceChildren(
      (from > 0 ? '…' : '') + text.slice(from, start),
      el('mark', { textContent: text.slice(start, end) }),
      text.slice(end, to) + (to < text.length ? '…' : ''),
    );
  }

  function select(k) {
    const p = result && result.comparison.pairs[k];
    if (!p) return;
    for (const r of ui.body.querySelectorAll('tr[aria-selected]')) r.removeAttribute('aria-selected');
    const row = ui.body.querySelector(`tr[data-p="${k}"]`);
    if (row) row.setAttribute('aria-selected', 'true');
    excerpt(ui.oldExcerpt, result.texts.old, result.old.figures[p.old]);
    excerpt(ui.newExcerpt, result.texts.new, result.new.figures[p.new]);
    if (result.texts.new === getText()) onSelectNew(p.new);
  }

  function save(content, extension, type) {
    if (!content) return;
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = el('a', { href: url, download: `comparison.${extension}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  button.addEventListener('click', () => {
    if (!built) build();
    panel.hidden = !panel.hidden;
    if (!panel.hidden) ui.old.focus();
  });

  return { relabel };
}
