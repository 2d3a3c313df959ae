// The page for daily use, at a phone's size (390×844) and a laptop's (1366×900): tabs on a
// phone, the table's sideways scroll, the outline's scroll, figure details on hover, focus and
// tap, exports named after the document (disabled when there is nothing to export, the JSON
// with the version and the text's digest), and one set of offsets for a file, as the CLI has
// them, that a no-op edit does not change. Writes docs/laptop.png, docs/phone.png and
// docs/phone-figures.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE, ROOT, openPage, start, stop, waitAnalysed } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };
const CLI = join(ROOT, 'target', 'release', 'reportlens');

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

async function openExample(viewport, options = {}) {
  const session = await openPage(browser, site.url, { viewport, ...options });
  const text = await readFile(EXAMPLE, 'utf8');
  await session.page.click('#btn-example');
  await waitAnalysed(session.page, text.length);
  return session;
}

async function downloadOf(page, button) {
  // On a phone the exports sit in the 数据 tab.
  if (await page.locator('#tabs').isVisible()) await page.click('#tab-figures');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

const visible = (page, selector) => page.locator(selector).first().isVisible();

test('phone: the views are tabs, the table scrolls sideways with its figure and value in view', async () => {
  const { page, context, errors } = await openExample(PHONE);
  assert.ok(await visible(page, '#tabs'), 'the tab bar should show at phone width');
  assert.ok(await visible(page, '#input'), 'the 文本 tab should show the text area first');
  assert.ok(!(await visible(page, '#figures')), 'the table should wait behind its own tab');
  await page.screenshot({ path: join(ROOT, 'docs', 'phone.png') });

  await page.click('#tab-figures');
  assert.ok(await visible(page, '#figures'), 'the 数据 tab should show the table');
  assert.ok(!(await visible(page, '#text')), 'the 数据 tab should hide the text');
  const top = await page.$eval('#figures', (el) => el.getBoundingClientRect().top);
  assert.ok(top < PHONE.height, `the table should start on the first screen, not after the text (top ${top})`);

  const wrap = page.locator('#table-wrap');
  const sizes = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  assert.ok(sizes[0] > sizes[1], `the table should be wider than the phone, so it scrolls (${sizes})`);
  assert.ok(await visible(page, '#table-cue'), 'a cue should say the table scrolls sideways');
  assert.ok(await wrap.evaluate((el) => el.classList.contains('more-right')), 'the right edge should be shaded');
  await page.screenshot({ path: join(ROOT, 'docs', 'phone-figures.png') });
  const valueBefore = await page.$eval('#figures tbody td.c-value', (td) => td.getBoundingClientRect().left);
  await wrap.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    el.dispatchEvent(new Event('scroll'));
  });
  await page.waitForFunction(() => !document.getElementById('table-wrap').classList.contains('more-right'));
  const after = await page.$$eval('#figures tbody tr:first-child td', (tds) =>
    Object.fromEntries(tds.map((td) => [td.className.split(' ')[0], td.getBoundingClientRect().left])),
  );
  const box = await wrap.evaluate((el) => el.getBoundingClientRect().left);
  assert.ok(Math.abs(after['c-value'] - valueBefore) < 20, `the value column should stay in view while the table scrolls (${valueBefore} → ${after['c-value']})`);
  assert.ok(after['c-subject'] >= box - 1 && after['c-index'] >= box - 1, 'the number and subject should stay in view');
  assert.ok(!(await visible(page, '#table-cue')), 'the cue should go once the last column is in view');

  await page.click('#tab-structure');
  assert.ok(await visible(page, '#outline'), 'the 结构 tab should show the outline');
  const outline = await page.$eval('#outline', (el) => ({
    scrolls: el.scrollHeight > el.clientHeight,
    bar: el.offsetWidth - el.clientWidth,
    shade: getComputedStyle(el).backgroundImage,
  }));
  assert.ok(outline.scrolls, 'the example outline should be taller than its box on a phone');
  assert.ok(outline.bar > 0, 'the outline should keep a visible scroll bar');
  assert.match(outline.shade, /radial-gradient/, 'the outline should shade its edges that hold more');

  await page.click('#tab-checks');
  assert.ok(await visible(page, '#checks'), 'the 核对 tab should show the checks');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('#tab-figures', 'aria-selected'), 'true', 'arrow keys should move between tabs');
  assert.deepEqual(errors, [], 'the page should raise no errors');
  await context.close();
});

test('laptop: every view at once, no tabs', async () => {
  const { page, context } = await openExample(LAPTOP);
  assert.ok(!(await visible(page, '#tabs')), 'no tab bar on a laptop');
  for (const id of ['#input', '#outline', '#text', '#figures', '#checks']) {
    assert.ok(await visible(page, id), `${id} should show on a laptop`);
  }
  await page.screenshot({ path: join(ROOT, 'docs', 'laptop.png') });
  await context.close();
});

for (const [label, viewport] of [['laptop', LAPTOP], ['phone', PHONE]]) {
  test(`${label}: a figure's details on hover, keyboard focus and tap`, async () => {
    const { page, context } = await openExample(viewport, { hasTouch: viewport === PHONE });
    const mark = page.locator('#text mark[data-text="1588.75万元"]');
    const popover = page.locator('#popover');
    if (viewport === PHONE) {
      await mark.tap();
    } else {
      await mark.hover();
    }
    assert.ok(await popover.isVisible(), 'the details should show');
    const shown = await popover.textContent();
    for (const part of ['15887500元', '经济损失', '一、（九）']) {
      assert.ok(shown.includes(part), `the details should name ${part}, got: ${shown}`);
    }
    assert.equal(await mark.first().getAttribute('aria-describedby'), 'popover', 'the highlight should point at its details');
    await page.keyboard.press('Escape');
    assert.ok(!(await popover.isVisible()), 'Escape should close the details');

    // By keyboard: Tab from the element before a highlight reaches it and shows its details.
    const total = page.locator('#text mark[data-text="780件"]');
    await total.evaluate((m) => {
      const before = document.createElement('button');
      before.id = 'probe';
      m.parentNode.insertBefore(before, m);
      before.focus();
    });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.text), '780件', 'Tab should reach the highlight');
    const focused = await popover.textContent();
    assert.ok(focused.includes('✓'), `the details of a breakdown total should show its check, got: ${focused}`);
    await context.close();
  });
}

for (const [label, viewport] of [['laptop', LAPTOP], ['phone', PHONE]]) {
  test(`${label}: exports disabled on an empty page, named after the document, JSON with version and digest`, async () => {
    const session = await openPage(browser, site.url, { viewport });
    const { page, context } = session;
    for (const id of ['#btn-csv', '#btn-json', '#btn-md', '#btn-copy']) {
      assert.ok(await page.isDisabled(id), `${id} should be disabled on an empty page`);
    }
    const text = await readFile(EXAMPLE, 'utf8');
    await page.setInputFiles('#file-input', { name: '平安区法治报告.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await waitAnalysed(page, text.length);
    assert.ok(!(await page.isDisabled('#btn-csv')), 'exports should be enabled once there is a report');
    const toText = async () => {
      if (await page.locator('#tabs').isVisible()) await page.click('#tab-text');
    };
    const csv = await downloadOf(page, '#btn-csv');
    assert.equal(csv.name, '平安区法治报告-数据.csv', 'the CSV should be named after the file');
    const json = await downloadOf(page, '#btn-json');
    assert.equal(json.name, '平安区法治报告-报告.json', 'the JSON should be named after the file');
    const report = JSON.parse(json.bytes.toString('utf8'));
    const sha = createHash('sha256').update(text).digest('hex');
    assert.equal(report.sha256, sha, 'the JSON should carry the SHA-256 of the text analysed');
    assert.match(report.reportlens, /^\d+\.\d+\.\d+/, 'the JSON should carry the version');
    assert.equal(report.edited, false, 'a file as opened is not edited');
    assert.equal(report.figures.length, 18, 'the JSON should hold the report');

    // A pasted text is named after its title.
    await toText();
    session.answer = true;
    await page.click('#btn-clear');
    session.answer = false;
    await page.evaluate((t) => {
      const input = document.getElementById('input');
      input.value = t;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await waitAnalysed(page, text.length);
    const pasted = await downloadOf(page, '#btn-md');
    assert.match(pasted.name, /^海东市平安区.*-数据\.md$/, `a pasted text's export should be named after its title, got ${pasted.name}`);
    await context.close();
  });
}

for (const [label, viewport] of [['laptop', LAPTOP], ['phone', PHONE]]) {
  test(`${label}: offsets of a CR LF file with a BOM are the CLI's, and a no-op edit changes none`, async () => {
    const { page, context } = await openPage(browser, site.url, { viewport });
    const toText = async () => {
      if (await page.locator('#tabs').isVisible()) await page.click('#tab-text');
    };
    const text = (await readFile(EXAMPLE, 'utf8')).replace(/\n/g, '\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const dir = await mkdtemp(join(tmpdir(), 'reportlens-'));
    await writeFile(join(dir, 'crlf.txt'), bytes);
    const cli = JSON.parse(execFileSync(CLI, ['analyze', '--json', join(dir, 'crlf.txt')], { encoding: 'utf8' }));
    const spans = (r) => r.figures.map((f) => [f.start, f.end]);

    await page.setInputFiles('#file-input', { name: 'crlf.txt', mimeType: 'text/plain', buffer: bytes });
    await waitAnalysed(page, text.length + 1);
    const opened = JSON.parse((await downloadOf(page, '#btn-json')).bytes.toString('utf8'));
    assert.deepEqual(spans(opened), spans(cli), 'the page should count offsets in the file as the CLI does (BOM and CR LF kept)');
    assert.equal(opened.sha256, createHash('sha256').update(bytes).digest('hex'), 'the digest should be that of the file');

    // Type a character and delete it: the text area holds LF, but the text is still the file's.
    await toText();
    await page.focus('#input');
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(400);
    await waitAnalysed(page, text.length + 1);
    const again = JSON.parse((await downloadOf(page, '#btn-json')).bytes.toString('utf8'));
    assert.deepEqual(spans(again), spans(cli), 'an edit that changes nothing should change no offset');
    assert.equal(again.edited, false, 'an edit that changes nothing leaves the file unedited');

    // A real edit: the text as edited (LF line ends), and the export says so.
    await toText();
    await page.focus('#input');
    await page.keyboard.press('End');
    await page.keyboard.type('新增1项。');
    const edited = await page.$eval('#input', (el) => el.value.length);
    await waitAnalysed(page, edited);
    const changed = JSON.parse((await downloadOf(page, '#btn-json')).bytes.toString('utf8'));
    assert.equal(changed.edited, true, 'after an edit the export should say the text was edited');
    assert.equal(changed.figures.length, cli.figures.length + 1, 'the edited text should be analysed');
    await context.close();
  });
}
