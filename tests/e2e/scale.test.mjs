// Size and scale: the gzipped Wasm stays under its bound; a 20 MB paste leaves the page
// responsive while the worker runs and the result arrives; Wasm throughput on 10 MB (printed).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, WWW, bigText, openPage, start, stop, waitAnalysed } from './harness.mjs';

/** The bound on the gzipped module: the 200 KB goal (measured: 170,389 bytes with zlib at level 9, built at opt-level "z").
 *  A change that grows the module past it must win the bytes back elsewhere. */
const MAX_GZIPPED = 200_000;

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

test('the Wasm module is small enough', async (t) => {
  const wasm = await readFile(join(WWW, 'pkg', 'reportlens_bg.wasm'));
  const gz = gzipSync(wasm, { level: 9 }).length;
  t.diagnostic(`wasm: ${wasm.length} bytes, ${gz} bytes gzipped`);
  console.log(`wasm size: ${wasm.length} bytes, ${gz} bytes gzipped`);
  assert.ok(gz <= MAX_GZIPPED, `the gzipped module should be at most ${MAX_GZIPPED} bytes, is ${gz}`);
});

/** Pastes `text` into the text area (a real paste event), recording main-thread pauses. */
async function pasteBig(page, text) {
  await page.evaluate((t) => {
    window.__gaps = [];
    let last = performance.now();
    window.__ticker = setInterval(() => {
      const now = performance.now();
      if (document.getElementById('status').dataset.state === 'busy') window.__gaps.push(now - last);
      last = now;
    }, 20);
    const input = document.getElementById('input');
    input.focus();
    input.select();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('a 20 MB paste: the page keeps accepting input and the result arrives', async (t) => {
  const { page, context, errors } = await openPage(browser, site.url);
  const text = await bigText(20_000_000);
  await pasteBig(page, text);
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'busy', null, { timeout: 30_000 });
  const typedWhileBusy = Date.now();
  await page.click('#filter-text');
  await page.keyboard.type('件数');
  const typing = Date.now() - typedWhileBusy;
  assert.equal(await page.inputValue('#filter-text'), '件数', 'typing should be accepted while the worker runs');
  assert.ok(await page.isVisible('#large-note'), 'the page should say that the text area shows only the beginning');
  await waitAnalysed(page, text.length, 180_000);
  const { gaps, ms } = await page.evaluate(() => {
    clearInterval(window.__ticker);
    return { gaps: window.__gaps, ms: Number(document.getElementById('status').dataset.ms) };
  });
  const worst = Math.max(0, ...gaps);
  t.diagnostic(`20 MB: analysis ${Math.round(ms)} ms; typing took ${typing} ms; longest main-thread pause while busy ${Math.round(worst)} ms`);
  console.log(`20 MB paste: analysis ${Math.round(ms)} ms, typing ${typing} ms, longest pause while busy ${Math.round(worst)} ms`);
  assert.ok(worst < 1000, `the main thread should never stall for a second while the worker runs (worst ${worst} ms)`);
  await page.fill('#filter-text', '');
  const rows = await page.locator('#figures tbody tr').count();
  const count = await page.textContent('#fig-count');
  assert.ok(/\d/.test(count), `the figure count should be shown after a 20 MB analysis, got ${count}`);
  assert.ok(rows <= 500, 'a long table should render only its first page of rows');
  assert.ok((await page.locator('#text [data-p]').count()) <= 1000, 'a long text should render in chunks');
  // The last figure is far beyond the rendered chunk: choosing it moves the window there.
  await page.click('#figures th:first-child button');
  const last = page.locator('#figures tbody tr').first();
  const f = await last.getAttribute('data-f');
  const t0 = Date.now();
  await last.click();
  const jump = Date.now() - t0;
  const marks = await page.$$eval('#text mark.selected', (ms) => ms.map((m) => m.dataset.f));
  assert.ok(marks.length > 0 && marks.every((m) => m === f), 'the last figure should be highlighted after the jump');
  assert.ok((await page.locator('#text [data-p]').count()) <= 1000, 'the jump should not render everything before it');
  t.diagnostic(`20 MB: selecting the last figure took ${jump} ms`);
  await page.click('#text .more button');
  assert.ok((await page.locator('#text [data-p]').count()) > 300, '"show earlier" should add the paragraphs before');
  assert.deepEqual(errors, [], 'no page errors with 20 MB');
  await context.close();
});

test('browser throughput on 10 MB (reported, not asserted)', async (t) => {
  const { page, context } = await openPage(browser, site.url);
  const text = await bigText(10_000_000);
  const bytes = Buffer.byteLength(text);
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const variant = i === 0 ? text : `${text}${' '.repeat(i)}`;
    await pasteBig(page, variant);
    await waitAnalysed(page, variant.length, 180_000);
    runs.push(Number(await page.getAttribute('#status', 'data-ms')));
  }
  const best = Math.min(...runs);
  const mbps = bytes / 1e6 / (best / 1000);
  const line = `browser (Wasm) throughput on ${(bytes / 1e6).toFixed(1)} MB: ${mbps.toFixed(1)} MB/s (best of ${runs.map((r) => Math.round(r)).join(', ')} ms, analysis + conversion to JS objects)`;
  t.diagnostic(line);
  console.log(line);
  // The same input through the native CLI, when it is built (scripts/test.sh builds it first).
  const cli = join(ROOT, 'target', 'release', 'reportlens');
  if (existsSync(cli)) {
    const file = join(tmpdir(), 'reportlens-10mb.txt');
    await writeFile(file, text);
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      execFileSync(cli, ['analyze', '--json', file], { maxBuffer: 1 << 30 });
      times.push(performance.now() - t0);
    }
    const native = bytes / 1e6 / (Math.min(...times) / 1000);
    const ratio = `native CLI (analyze --json) on the same input: ${native.toFixed(1)} MB/s; the page reaches ${Math.round((100 * mbps) / native)}% of it`;
    t.diagnostic(ratio);
    console.log(ratio);
  }
  await context.close();
});
