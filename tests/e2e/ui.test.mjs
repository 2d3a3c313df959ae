// Using the page: from the keyboard alone, in English, at phone width; exports and the clipboard.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { EXAMPLE, openPage, paste, start, stop } from './harness.mjs';

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

test('the keyboard alone reaches the example, the outline and a figure', async () => {
  const { page, context } = await openPage(browser, site.url);
  // Tab from the start of the page to the 示例 button and press Enter.
  let reached = false;
  for (let i = 0; i < 5 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.id === 'btn-example');
  }
  assert.ok(reached, 'Tab should reach the 示例 button within a few presses');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'done');
  await page.focus('#outline button[data-h]');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.match(focused, /^h-\d+$/, 'Enter on an outline node should move focus to its heading in the text');
  const row = page.locator('#figures tbody tr').nth(1);
  await row.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const f = await page.evaluate(() => document.activeElement.dataset.f);
  const selected = await page.$$eval(`#text mark.selected`, (ms) => [...new Set(ms.map((m) => m.dataset.f))]);
  assert.deepEqual(selected, [f], 'Enter on a row should highlight its figure');
  const sortButton = page.locator('#figures th button').nth(3);
  await sortButton.focus();
  await page.keyboard.press('Enter');
  const sort = await page.getAttribute('#figures th:nth-child(4)', 'aria-sort');
  assert.equal(sort, 'ascending', 'Enter on a column header should sort by it');
  const values = await page.$$eval('#figures tbody tr td:nth-child(4)', (tds) => tds.map((td) => parseFloat(td.textContent)));
  assert.deepEqual(values, [...values].sort((a, b) => a - b), 'the value column should be in ascending order');
  await context.close();
});

test('the English switch translates the interface, not the report', async () => {
  const { page, context } = await openPage(browser, site.url);
  await paste(page, await readFile(EXAMPLE, 'utf8'));
  await page.click('#btn-lang');
  assert.equal(await page.textContent('#btn-example'), 'Example', 'the example button should be in English');
  assert.ok((await page.textContent('#meta')).includes('Issuer'), 'element names should be in English');
  assert.ok((await page.textContent('#meta')).includes('海东市平安区人民政府'), 'element values stay as written');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the document language should follow');
  assert.ok((await page.textContent('#version')).startsWith('core'), 'the footer should switch too');
  assert.ok((await page.textContent('#figures thead')).includes('Plain value'), 'the table header should switch');
  assert.ok((await page.textContent('#checks')).includes('Parts add up: 780件 = 601件 + 179件'), 'the checks should read in English');
  await page.reload();
  await page.waitForSelector('#status[data-state]');
  assert.equal(await page.textContent('#btn-example'), 'Example', 'the language choice should survive a reload');
  await page.click('#btn-lang');
  assert.equal(await page.textContent('#btn-example'), '示例', 'switching back should restore Chinese');
  await context.close();
});

test('filters narrow the table by text, unit and section', async () => {
  const { page, context } = await openPage(browser, site.url);
  await paste(page, await readFile(EXAMPLE, 'utf8'));
  const all = await page.locator('#figures tbody tr').count();
  await page.fill('#filter-text', '法律援助');
  const byText = await page.$$eval('#figures tbody tr', (rs) => rs.map((r) => r.textContent));
  assert.ok(byText.length > 0 && byText.length < all, 'a text filter should narrow the table');
  assert.ok(byText.every((r) => r.includes('法律援助')), 'every remaining row should match the filter text');
  await page.fill('#filter-text', '');
  await page.selectOption('#filter-unit', '万元');
  const units = await page.$$eval('#figures tbody tr td:nth-child(5)', (tds) => tds.map((td) => td.textContent));
  assert.ok(units.length > 0 && units.every((u) => u === '万元'), 'the unit filter should keep only 万元 rows');
  await page.selectOption('#filter-unit', '*');
  const sections = await page.$$eval('#filter-section option', (os) => os.map((o) => o.value).filter((v) => v !== '*'));
  assert.ok(sections.length > 0, 'the section filter should list headings');
  await page.selectOption('#filter-section', sections[0]);
  const bySection = await page.locator('#figures tbody tr').count();
  assert.ok(bySection > 0 && bySection <= all, 'a section filter should keep that section’s figures');
  await context.close();
});

test('JSON and Markdown export, and copying the table', async () => {
  const { page, context } = await openPage(browser, site.url);
  await paste(page, await readFile(EXAMPLE, 'utf8'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#btn-json')]);
  const report = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(report.meta.issuer, '海东市平安区人民政府', 'the JSON export should be the report');
  assert.equal(report.figures.length, await page.locator('#figures tbody tr').count(), 'the JSON should hold every figure');
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('#btn-md')]);
  const table = await readFile(await md.path(), 'utf8');
  assert.ok(table.startsWith('| '), 'the Markdown export should be a table');
  assert.ok(table.includes('1588.75'), 'the Markdown table should hold the figures');
  await page.click('#btn-copy');
  await page.waitForFunction(() => document.getElementById('notice').textContent.length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, table, 'the clipboard should hold the Markdown table');
  await context.close();
});

test('phone width: one column, nothing wider than the screen', async () => {
  const { page, context } = await openPage(browser, site.url, { viewport: { width: 390, height: 844 } });
  await paste(page, await readFile(EXAMPLE, 'utf8'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page should not scroll sideways at 390 px (overflow ${overflow} px)`);
  const [input, text] = await Promise.all(['#input', '#text'].map((s) => page.locator(s).boundingBox()));
  assert.ok(text.y > input.y, 'the text should stack below the input at phone width');
  assert.ok(text.width > 300, 'the text should use the screen width');
  await context.close();
});

test('when the analyser cannot load, the page says so instead of spinning', async () => {
  const browserContext = await browser.newContext();
  await browserContext.route('**/reportlens_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await browserContext.newPage();
  await page.goto(site.url);
  await page.fill('#input', '一、总体情况\n共办理案件 15件。');
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'error', null, { timeout: 15_000 });
  const status = await page.textContent('#status');
  assert.ok(status.includes('加载失败'), `the status should say the analyser failed to load, got: ${status}`);
  assert.equal(await page.inputValue('#input'), '一、总体情况\n共办理案件 15件。', 'the text should stay in place');
  await browserContext.close();
});

test('typing is debounced: the analysis follows the text once typing pauses', async () => {
  const { page, context } = await openPage(browser, site.url);
  await page.evaluate(() => {
    window.__runs = 0;
    const s = document.getElementById('status');
    new MutationObserver(() => {
      if (s.dataset.state === 'busy') window.__runs++;
    }).observe(s, { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.focus('#input');
  await page.keyboard.type('一、总体情况\n共办理案件15件，', { delay: 30 });
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'done');
  await page.waitForFunction(() => [...document.querySelectorAll('#text mark')].some((m) => m.textContent === '15件'));
  const runs = await page.evaluate(() => window.__runs);
  assert.ok(runs >= 1 && runs <= 2, `about twenty keystrokes should start one or two analyses, started ${runs}`);
  await context.close();
});
