// Many documents at once: several files, a folder, 200 reports. A list of documents, one
// combined figures table with a document column, progress while they are read and analysed,
// exports over all of them (the CSV exactly as the CLI writes it for the same files), and a
// page that stays responsive (the longest main-thread pause is printed, not asserted).
// Writes docs/batch.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE, ROOT, openPage, start, stop } from './harness.mjs';

const CLI = join(ROOT, 'target', 'release', 'reportlens');
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

/** `n` distinct reports: the example with its digits shifted (k-th: each digit + k mod 10). */
async function reports(n) {
  const one = await readFile(EXAMPLE, 'utf8');
  return Array.from({ length: n }, (_, k) => one.replace(/[0-9]/g, (d) => String((Number(d) + k) % 10)));
}

/** Waits until every open document is analysed (the list says so). */
async function allAnalysed(page, n, timeout = 120_000) {
  await page.waitForFunction(
    (n) => {
      const panel = document.getElementById('docs-panel');
      return panel.getAttribute('aria-busy') === 'false' && panel.querySelectorAll('.docs li').length === n;
    },
    n,
    { timeout },
  );
}

async function downloadOf(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

for (const [label, viewport] of [['laptop', LAPTOP], ['phone', PHONE]]) {
  test(`${label}: several files make a list and one table; the CSV is the CLI's`, async () => {
    const { page, context, errors } = await openPage(browser, site.url, { viewport });
    const texts = await reports(3);
    const names = ['a.txt', 'b.txt', 'c.txt'];
    const dir = await mkdtemp(join(tmpdir(), 'reportlens-batch-'));
    for (const [k, name] of names.entries()) await writeFile(join(dir, name), texts[k]);
    await page.setInputFiles(
      '#file-input',
      names.map((name, k) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(texts[k]) })),
    );
    await allAnalysed(page, 3);
    if (viewport === PHONE) await page.click('#tab-figures');
    assert.ok(await page.locator('#docs-panel').isVisible(), 'the list of documents should show');
    const listed = await page.$$eval('#docs-panel .docs .name', (els) => els.map((e) => e.textContent));
    assert.deepEqual(listed, names, 'the list should name every file, in order');
    const cli = execFileSync(CLI, ['analyze', '--format', 'csv', ...names], { cwd: dir });
    const rows = cli.toString('utf8').trim().split('\r\n').length - 1;
    assert.ok(rows > 0, 'the CLI should find figures in the files');
    assert.ok(await page.locator('#figures th.c-doc').isVisible(), 'the table should have a document column');
    assert.equal(await page.locator('#figures tbody tr').count(), rows, 'the table should hold every document\'s figures');
    const docs = await page.$$eval('#figures tbody td.c-doc', (tds) => [...new Set(tds.map((td) => td.textContent))]);
    assert.deepEqual(docs, names, 'every document should have rows');
    if (viewport === LAPTOP) {
      await page.$eval('#figures-panel', (el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(ROOT, 'docs', 'batch.png') });
    }

    const csv = await downloadOf(page, '#btn-csv');
    assert.equal(csv.name, '3份报告-数据.csv', 'an export over several documents should say how many');
    assert.ok(csv.bytes.equals(cli), 'the CSV should be byte for byte what the CLI writes for the same files');
    const jsonl = await downloadOf(page, '#btn-json');
    const lines = jsonl.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((r) => r.file), names, 'the JSON export should hold one report per document, named');

    // A row of another document shows that document.
    await page.locator('#figures tbody tr[data-d]').filter({ hasText: 'c.txt' }).first().click();
    if (viewport === PHONE) await page.click('#tab-text');
    await page.waitForFunction(() => document.querySelector('#docs-panel [aria-current="true"] .name').textContent === 'c.txt');
    const shown = await page.$eval('#input', (el) => el.value);
    assert.equal(shown, texts[2], 'choosing a row of c.txt should show c.txt');
    assert.ok(await page.locator('#text mark.selected').count() > 0, 'and highlight the figure');
    assert.deepEqual(errors, [], 'the page should raise no errors');
    await context.close();
  });
}

test('several files dropped at once open as documents, each with its digest', async () => {
  const { page, context } = await openPage(browser, site.url, { viewport: LAPTOP });
  const texts = await reports(3);
  await page.evaluate((texts) => {
    const data = new DataTransfer();
    texts.forEach((t, k) => data.items.add(new File([t], `d${k}.txt`, { type: 'text/plain' })));
    const target = document.getElementById('text');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  }, texts);
  await allAnalysed(page, 3);
  const jsonl = await downloadOf(page, '#btn-json');
  const lines = jsonl.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((r) => r.file), ['d0.txt', 'd1.txt', 'd2.txt'], 'every dropped file should be a document');
  for (const [k, r] of lines.entries()) {
    const sha = createHash('sha256').update(texts[k]).digest('hex');
    assert.equal(r.sha256, sha, `${r.file} should carry the digest of its own text`);
  }
  await context.close();
});

test('a folder opens as the CLI reads it', async () => {
  const { page, context } = await openPage(browser, site.url, { viewport: LAPTOP });
  const parent = await mkdtemp(join(tmpdir(), 'reportlens-folder-'));
  const dir = join(parent, 'reports');
  await mkdir(join(dir, 'sub'), { recursive: true });
  const texts = await reports(3);
  await writeFile(join(dir, 'one.txt'), texts[0]);
  await writeFile(join(dir, 'sub', 'two.txt'), texts[1]);
  await writeFile(join(dir, 'notes.md'), texts[2]);
  await page.setInputFiles('#folder-input', dir);
  await allAnalysed(page, 2);
  const cli = execFileSync(CLI, ['analyze', '--format', 'csv', 'reports'], { cwd: parent });
  const csv = await downloadOf(page, '#btn-csv');
  assert.ok(csv.bytes.equals(cli), 'the folder\'s CSV should be what the CLI writes for the folder');
  await context.close();
});

for (const [label, viewport] of [['laptop', LAPTOP], ['phone', PHONE]]) {
  test(`${label}: 200 reports at once: progress, a full table, and typing stays responsive`, async () => {
    const { page, context } = await openPage(browser, site.url, {
      viewport,
      initScript: () => {
        window.__pauses = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__pauses.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      },
    });
    const texts = await reports(200);
    const files = texts.map((t, k) => ({ name: `r${String(k).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(t) }));
    const t0 = Date.now();
    await page.evaluate(() => (window.__pauses.length = 0));
    if (viewport === PHONE) await page.click('#tab-figures');
    await page.setInputFiles('#file-input', files);
    // Progress shows while the files are read and analysed.
    await page.waitForFunction(() => {
      const p = document.querySelector('#docs-panel progress');
      return !p.hidden && p.value > 0;
    });
    // Typing in the filter box while the batch runs: each key's echo is timed.
    const echoes = [];
    for (const ch of '经济损失') {
      const before = Date.now();
      await page.type('#filter-text', ch);
      await page.waitForFunction((n) => document.getElementById('filter-text').value.length === n, echoes.length + 1);
      echoes.push(Date.now() - before);
    }
    await page.fill('#filter-text', '');
    await allAnalysed(page, 200, 300_000);
    const seconds = (Date.now() - t0) / 1000;
    const figures = await page.$eval('#fig-count', (el) => el.textContent);
    assert.match(figures, /200 份文档/, `the table should count all 200 documents, says: ${figures}`);
    assert.ok((await page.locator('#figures tbody tr').count()) >= 500, 'the table should fill (its first page of rows)');
    const pauses = await page.evaluate(() => window.__pauses);
    const longest = Math.round(Math.max(0, ...pauses));
    const message = `${label}: 200 reports (${(texts.join('').length / 1e6).toFixed(1)} M characters) in ${seconds.toFixed(1)} s; ` +
      `longest main-thread pause ${longest} ms over ${pauses.length} long tasks; key echo ${Math.max(...echoes)} ms at most`;
    console.log(message);
    await context.close();
  });
}
