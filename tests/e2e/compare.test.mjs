// Compare mode: two years of one report pasted in, the pairs shown, one chosen (both figures
// shown), the filters, the CSV export; the comparison module loads only when compare mode is
// used, and no request leaves the origin.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openPage, paste, start, stop } from './harness.mjs';

const DATA = join(ROOT, 'tests', 'data', 'compare');

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

test('two reports pasted in: pairs shown, one chosen, filtered and exported as CSV', async () => {
  const { page, context, requests, errors } = await openPage(browser, site.url);
  const newer = await readFile(join(DATA, 'national-2023.txt'), 'utf8');
  const older = await readFile(join(DATA, 'national-2022.txt'), 'utf8');
  await paste(page, newer);
  assert.ok(
    !requests.some((u) => u.includes('pkg-compare')),
    'the comparison module should not load before compare mode is used',
  );
  await page.click('#btn-compare');
  await page.fill('#compare-old', older);
  await page.click('#btn-compare-run');
  await page.waitForSelector('#compare-pairs tbody tr', { timeout: 60_000 });
  assert.ok(requests.some((u) => u.includes('pkg-compare')), 'compare mode should load its own module');
  const rows = await page.$$eval('#compare-pairs tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  const employment = rows.find((r) => r[2] === '1100万人以上' && r[3] === '1206万人');
  assert.ok(employment, `the employment target should be paired with its outcome: ${JSON.stringify(rows)}`);
  assert.equal(employment[5], '✓', '1100万人以上 against 1206万人 is met');
  const gdp = rows.find((r) => r[2] === '5.5%左右' && r[3] === '3%');
  assert.ok(gdp, 'the growth target should be paired with its outcome');
  assert.equal(gdp[5], '✗', '5.5%左右 against 3% is not met');

  // Choosing a pair shows both figures: the old one in its excerpt, the new one in the text.
  const index = rows.indexOf(employment);
  await page.click(`#compare-pairs tbody tr:nth-child(${index + 1})`);
  assert.equal(await page.textContent('#compare-old-excerpt mark'), '1100万人以上', 'the old figure is marked in its excerpt');
  assert.equal(await page.textContent('#compare-new-excerpt mark'), '1206万人', 'the new figure is marked in its excerpt');
  const selected = await page.$$eval('#text mark.selected', (ms) => ms.map((m) => m.textContent).join(''));
  assert.equal(selected, '1206万人', 'the new figure is selected in the main text');
  await page.locator('#compare-pairs').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, 'docs', 'compare.png') });

  // Filters.
  await page.check('#compare-only-targets');
  const targets = await page.$$eval('#compare-pairs tbody tr td:nth-child(6)', (tds) => tds.map((td) => td.textContent));
  assert.ok(targets.length >= 2 && targets.every((m) => m === '✓' || m === '✗'), 'only targets with a verdict remain');
  await page.uncheck('#compare-only-targets');

  // CSV export.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#btn-compare-csv')]);
  const content = await readFile(await csv.path(), 'utf8');
  assert.ok(content.startsWith('\uFEFFindicator,relation,old,new'), 'the CSV has a BOM and a header');
  assert.ok(content.includes('1100万人以上,1206万人'), 'the CSV holds the pairs');
  assert.deepEqual(errors, [], 'no page errors');
  await context.close();
});
