// Offline: the single file (dist/reportlens.html, scripts/build-single.sh) opened from disk
// analyses the example with no request at all; the hosted page, once visited, works with the
// network off (its service worker), and offers a web app manifest.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLE, ROOT, launch, openPage, serve, waitAnalysed } from './harness.mjs';

const SINGLE = join(ROOT, 'dist', 'reportlens.html');

let site;
let browser;
before(async () => {
  site = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  test(`the single file opened from disk analyses the example with no request (${viewport.width}×${viewport.height})`, async () => {
    assert.ok((await stat(SINGLE)).size > 0, 'dist/reportlens.html should be built (scripts/build-single.sh)');
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const requests = [];
    const errors = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = pathToFileURL(SINGLE).href;
    await page.goto(url);
    await page.click('#btn-example');
    const text = await readFile(EXAMPLE, 'utf8');
    await waitAnalysed(page, text.length);
    assert.equal(await page.locator('#figures tbody tr').count(), 18, 'the example should give its 18 figures');
    // The worker runs from a blob: URL made in the page; nothing else may be asked for.
    const others = requests.filter((u) => u !== url && !u.startsWith('blob:'));
    assert.deepEqual(others, [], 'the single file should make no request');
    if (viewport.width < 900) await page.click('#tab-figures');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-csv')]);
    assert.equal(download.suggestedFilename(), 'pingan-2023-fazhi-数据.csv', 'exports should work from the single file');
    const json = JSON.parse(await readFile(await (await Promise.all([page.waitForEvent('download'), page.click('#btn-json')]))[0].path(), 'utf8'));
    assert.match(json.sha256 || '', /^[0-9a-f]{64}$/, 'the digest should be computed from disk too');
    assert.deepEqual(errors, [], 'the single file should raise no errors');
    await context.close();
  });
}

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  test(`after one visit, the service worker serves the page with the network off (${viewport.width}×${viewport.height})`, async () => {
    const { page, context, errors, requests } = await openPage(browser, site.url, { viewport });
    const manifest = await page.$eval('link[rel="manifest"]', (l) => l.href);
    const parsed = JSON.parse(await (await page.request.get(manifest)).text());
    assert.equal(parsed.start_url, './', 'the manifest should start at the page itself (any sub-path)');
    assert.ok(parsed.icons.length > 0, 'the manifest should name an icon');
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The page hands the worker the files it loaded; wait until they are all kept: the page
    // itself (served offline for the reload), every script it loaded, the module and the example.
    const scripts = [...new Set(requests.filter((u) => /\/app\/.*\.js$/.test(u) && !u.endsWith('/sw.js')))]
      .map((u) => u.slice(u.indexOf('/app/') + '/app/'.length));
    const needed = ['', 'style.css', 'pkg/reportlens_bg.wasm', 'examples/pingan-2023-fazhi.txt', ...scripts];
    await page.waitForFunction(async (files) => {
      const cache = await caches.open('reportlens-v1');
      const keys = (await cache.keys()).map((r) => r.url);
      return files.every((f) => keys.some((k) => k.endsWith(`/app/${f}`)));
    }, needed);
    // Once active, the worker controls the page from its next load on: load it once more.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#status[data-state]');
    await page.click('#btn-example');
    await waitAnalysed(page, (await readFile(EXAMPLE, 'utf8')).length);
    assert.equal(await page.locator('#figures tbody tr').count(), 18, 'offline, the example should still give its 18 figures');
    assert.deepEqual(errors, [], 'the page should raise no errors offline');
    await context.setOffline(false);
    await context.close();
  });
}
