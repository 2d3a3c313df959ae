// Document files in the page: PDF (pdf.js), Word .docx and OFD (the readers' Wasm module), opened
// with the file picker and by drag and drop. The page must read the same text as the CLI
// (`reportlens analyze --format source`), load no reader before a document is opened, send no
// request beyond its origin, and refuse scans, password-protected PDFs, damaged archives and
// legacy .doc/.wps with a clear message that leaves the text area as it was.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, dropFile, openPage, paste, start, stop, waitAnalysed } from './harness.mjs';

const FILES = join(ROOT, 'tests', 'data', 'files');
const CLI = join(ROOT, 'target', 'release', 'reportlens');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await stop(env);
});

/** The text the CLI reads from a test file. */
function cliText(name) {
  return execFileSync(CLI, ['analyze', '--format', 'source', join(FILES, name)], { encoding: 'utf8' });
}

async function open(page, name, how) {
  const buffer = readFileSync(join(FILES, name));
  if (how === 'picker') {
    await page.setInputFiles('#file-input', { name, mimeType: 'application/octet-stream', buffer });
  } else {
    await dropFile(page, name, buffer);
  }
}

const READERS = /vendor\/pdfjs|pkg-files/;

test('PDF, Word and OFD files open with the picker and by drop, read as the CLI reads them', async () => {
  const { page, context, requests, errors } = await openPage(env.browser, env.site.url);
  await waitAnalysed(page, 0).catch(() => {});
  assert.deepEqual(
    requests.filter((u) => READERS.test(u)),
    [],
    'the first page load transfers no PDF code and no file reader',
  );
  const cases = [
    ['pingan-2023-fazhi.pdf', 'picker', 'PDF'],
    ['shanghai-2024-zhuanfa-tongzhi.pdf', 'drop', 'PDF'],
    ['pingan-2023-fazhi.docx', 'drop', 'Word'],
    ['shanghai-2024-zhuanfa-tongzhi.docx', 'picker', 'Word'],
    ['pingan-2023-fazhi.ofd', 'picker', 'OFD'],
    ['shanghai-2024-zhuanfa-tongzhi.ofd', 'drop', 'OFD'],
    ['shanghai-2024-zhuanfa-tongzhi.lo.pdf', 'picker', 'PDF'],
  ];
  for (const [name, how, format] of cases) {
    await open(page, name, how);
    await page.waitForFunction(
      ([n, f]) => document.getElementById('notice').textContent.includes(n) && document.getElementById('notice').textContent.includes(f),
      [name, format],
      { timeout: 60_000 },
    );
    const text = await page.inputValue('#input');
    assert.equal(text, cliText(name), `${name} (${how}): the page reads the same text as the CLI`);
    await waitAnalysed(page, text.length);
    assert.ok((await page.textContent('#text')).length > 100, `${name} (${how}): the text is analysed and shown`);
  }
  assert.ok(requests.some((u) => u.includes('vendor/pdfjs/pdf.min.mjs')), 'pdf.js is loaded once a PDF is opened');
  assert.deepEqual(errors, [], 'no page errors');
  await context.close();
});

test('scans, passwords, damaged archives and legacy files are refused and the text stays', async () => {
  const { page, context, errors } = await openPage(env.browser, env.site.url);
  const kept = '一、总体情况\n全年受理案件15件。';
  await paste(page, kept);
  const cases = [
    ['scanned.pdf', 'picker', '没有文字层'],
    ['password.pdf', 'drop', '密码保护'],
    ['corrupt.docx', 'picker', '已损坏'],
    ['legacy.doc', 'drop', '另存为 .docx'],
    ['legacy.wps', 'picker', '旧版 Word/WPS'],
  ];
  for (const [name, how, message] of cases) {
    await open(page, name, how);
    await page.waitForFunction(
      ([n, m]) => document.getElementById('notice').textContent.includes(n) && document.getElementById('notice').textContent.includes(m),
      [name, message],
      { timeout: 60_000 },
    );
    assert.equal(await page.inputValue('#input'), kept, `${name}: the text area keeps its text`);
  }
  assert.deepEqual(errors, [], 'no page errors');
  await context.close();
});
