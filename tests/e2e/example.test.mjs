// The example report, end to end: elements, outline, figures, selection ↔ highlight, CSV export,
// the screenshot for the README, and nothing fetched from anywhere but the page's own origin.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXAMPLE, ROOT, foreign, openPage, paste, start, stop, waitAnalysed } from './harness.mjs';

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

test('the example report: elements, outline, figures, highlight, CSV', async () => {
  const { page, requests, errors, context } = await openPage(browser, site.url);
  const text = await readFile(EXAMPLE, 'utf8');
  await paste(page, text);

  const meta = await page.textContent('#meta');
  assert.ok(meta.includes('海东市平安区人民政府'), `elements card should show the issuer, got: ${meta}`);
  assert.ok(meta.includes('2024-01-12'), `elements card should show the date 2024-01-12, got: ${meta}`);

  const outline = await page.locator('#outline button[data-h]').count();
  assert.equal(outline, 21, 'the outline should have 21 items');

  const rows = await page.locator('#figures tbody tr').count();
  assert.equal(rows, 18, 'the figures table should have 18 rows');

  const row = page.locator('#figures tbody tr', { hasText: '1588.75' });
  assert.equal(await row.count(), 1, 'exactly one row should hold 1588.75');
  await row.click();
  const highlighted = await page.$$eval('#text mark.selected', (ms) => ms.map((m) => m.textContent).join(''));
  assert.equal(highlighted, '1588.75万元', 'clicking the row should highlight exactly 1588.75万元 in the text');
  await page.hover('#text mark.selected');
  const hover = await page.textContent('#popover:not([hidden])');
  assert.ok(hover.includes('15887500元'), `hovering the figure should show the plain value, got: ${hover}`);
  assert.ok(hover.includes('经济损失'), `hovering the figure should show its subject, got: ${hover}`);
  const selectedRow = await page.locator('#figures tbody tr[aria-selected="true"]').textContent();
  assert.ok(selectedRow.includes('1588.75'), 'the clicked row should be marked selected');

  const checks = await page.textContent('#checks');
  assert.ok(checks.includes('✓') && checks.includes('780件'), `the checks panel should show the 780件 breakdown as holding, got: ${checks}`);
  assert.ok(checks.includes('分项合计：780件 = 601件 + 179件'), `the check should read in Chinese, got: ${checks}`);
  assert.ok(checks.includes('受理法律援助案件780件，其中'), `the check should show the sentence it read, got: ${checks}`);
  await page.locator('#checks button', { hasText: '780件' }).click();
  const chosen = await page.$$eval('#text mark.selected', (ms) => ms.map((m) => m.textContent.replace(/\s/g, '')));
  assert.deepEqual(chosen, ['780件', '601件', '179件'], 'choosing the check should highlight its total and both parts');
  await row.click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-csv')]);
  const csv = await readFile(await download.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV should start with the UTF-8 BOM');
  assert.ok(csv.toString('utf8').includes('15887500'), 'the CSV should hold the plain value 15887500');

  assert.deepEqual(foreign(requests, site.origin), [], 'no request should leave the page origin');
  assert.deepEqual(errors, [], 'the page should raise no errors');
  await context.close();
});

test('clicking a highlighted figure selects its table row', async () => {
  const { page, context } = await openPage(browser, site.url);
  await paste(page, await readFile(EXAMPLE, 'utf8'));
  const mark = page.locator('#text mark[data-f]').first();
  assert.ok((await mark.count()) > 0, 'the text should have highlighted figures');
  const f = await mark.getAttribute('data-f');
  await mark.click();
  const selected = await page.getAttribute('#figures tbody tr[aria-selected="true"]', 'data-f');
  assert.equal(selected, f, 'the row of the clicked figure should be selected');
  await context.close();
});

test('the 示例 button loads the example and the screenshot is written', async () => {
  const { page, requests, context } = await openPage(browser, site.url, { viewport: { width: 1440, height: 1100 } });
  await page.click('#btn-example');
  const text = await readFile(EXAMPLE, 'utf8');
  await waitAnalysed(page, text.length);
  const value = await page.inputValue('#input');
  assert.equal(value.length, text.length, 'the example should fill the text area');
  await page.locator('#figures tbody tr', { hasText: '1588.75' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot.png') });
  assert.deepEqual(foreign(requests, site.origin), [], 'no request should leave the page origin');
  await context.close();
});

test('an element in the card scrolls the text to where it was read', async () => {
  const { page, context } = await openPage(browser, site.url);
  await paste(page, await readFile(EXAMPLE, 'utf8'));
  await page.click('#meta dd[data-key="date"] button');
  const flashed = await page.$$eval('#text .flash', (els) => els.map((e) => e.textContent));
  assert.equal(flashed.length, 1, 'one paragraph should be marked');
  assert.ok(flashed[0].includes('2024年1月12日'), `the 成文日期 line should be marked, got: ${flashed[0]}`);
  await context.close();
});

test('the outline scrolls the text to a heading', async () => {
  const { page, context } = await openPage(browser, site.url);
  await paste(page, await readFile(EXAMPLE, 'utf8'));
  const buttons = page.locator('#outline button[data-h]');
  const n = await buttons.count();
  assert.ok(n > 0, 'the outline should have items');
  const last = buttons.nth(n - 1);
  const h = await last.getAttribute('data-h');
  await last.click();
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert.equal(focused, `h-${h}`, 'the chosen heading should receive focus in the text');
  const visible = await page.evaluate((id) => {
    const el = document.getElementById(id);
    const box = el.getBoundingClientRect();
    const pane = document.getElementById('text').getBoundingClientRect();
    return box.top >= pane.top - 1 && box.top < pane.bottom;
  }, `h-${h}`);
  assert.ok(visible, 'the chosen heading should be scrolled into view');
  await context.close();
});
