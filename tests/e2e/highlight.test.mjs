// Every highlight is exactly its figure: for each figure the page shows, the highlighted
// characters read the same as the figure's text. Run over the example in several manglings
// (emoji and CJK Extension B on every line, CRLF, full-width spaces) and over every report in
// ../shared/corpus (clean and re-extracted from PDF) where that folder is present.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EXAMPLE, ROOT, openPage, paste, start, stop, waitAnalysed } from './harness.mjs';

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

/** Figures whose highlighted text differs from their own text, as [shown, expected] pairs. */
async function mismatches(page) {
  return page.evaluate(() => {
    const byFigure = new Map();
    for (const m of document.querySelectorAll('#text mark[data-f]')) {
      const entry = byFigure.get(m.dataset.f) || { shown: '', expected: m.dataset.text };
      entry.shown += m.textContent;
      byFigure.set(m.dataset.f, entry);
    }
    return [...byFigure.values()].filter((e) => e.shown !== e.expected).map((e) => [e.shown, e.expected]);
  });
}

/** Pastes `text` (or opens it as a file, which keeps CR LF as written) and checks each highlight. */
async function check(page, name, text, { asFile = false } = {}) {
  if (asFile) {
    await page.setInputFiles('#file-input', { name: `${name}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await waitAnalysed(page, text.length);
  } else {
    await paste(page, text);
  }
  const figures = Number((await page.textContent('#fig-count')).replace(/\D/g, ''));
  const marked = await page.$$eval('#text mark[data-f]', (ms) => new Set(ms.map((m) => m.dataset.f)).size);
  assert.equal(marked, figures, `${name}: every figure should be highlighted in the text`);
  assert.deepEqual(await mismatches(page), [], `${name}: each highlight should read exactly as its figure`);
}

test('highlights are exact in the example, however it is mangled', async () => {
  const { page, context } = await openPage(browser, site.url);
  const text = await readFile(EXAMPLE, 'utf8');
  await check(page, 'example', text);
  await check(page, 'emoji and Extension B on every line', text.split('\n').map((l) => `😀𠀀${l}`).join('\n'));
  await check(page, 'CRLF', text.replace(/\n/g, '\r\n'), { asFile: true });
  await check(page, 'CRLF with emoji', text.replace(/\n/g, '\r\n🎉'), { asFile: true });
  await check(page, 'full-width spaces', text.replace(/ /g, '\u3000'));
  await context.close();
});

test('highlights are exact over the shared corpus', async (t) => {
  const dirs = [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', 'shared', 'corpus', 'pdf')].filter(existsSync);
  if (dirs.length === 0) {
    t.diagnostic('../shared/corpus is not beside this checkout; only the example was checked');
    return;
  }
  const { page, context } = await openPage(browser, site.url);
  for (const dir of dirs) {
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
      await check(page, name, await readFile(join(dir, name), 'utf8'), { asFile: true });
    }
  }
  await context.close();
});
