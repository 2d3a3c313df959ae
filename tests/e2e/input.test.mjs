// Getting text in and keeping it: offsets past emoji and CJK Extension B, reload, files in UTF-8,
// GBK and GB18030, binary files refused, "clear" asks first, storage unavailable or full.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EXAMPLE, dropFile, openPage, paste, start, stop, waitAnalysed } from './harness.mjs';

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

/** The text of the marks of the figure whose marks contain `needle`. */
async function markText(page, needle) {
  return page.evaluate((needle) => {
    const mark = [...document.querySelectorAll('#text mark[data-f]')].find((m) => m.textContent.includes(needle));
    if (!mark) return null;
    const all = document.querySelectorAll(`#text mark[data-f="${mark.dataset.f}"]`);
    return [...all].map((m) => m.textContent).join('');
  }, needle);
}

test('an emoji and a CJK Extension B character before a figure do not shift its highlight', async () => {
  const { page, context } = await openPage(browser, site.url);
  const text = '一、工作开展情况\n😀𠀀𪚥共受理行政复议案件 15件，办结 12件。\n二、存在问题\n🎉🎉 调解纠纷 298人次。';
  await paste(page, text);
  assert.equal(await markText(page, '15'), '15件', 'the figure after 😀𠀀𪚥 should highlight exactly 15件');
  assert.equal(await markText(page, '12'), '12件', 'the second figure on that line should highlight exactly 12件');
  assert.equal(await markText(page, '298'), '298人次', 'the figure after two emoji should highlight exactly 298人次');
  const row = page.locator('#figures tbody tr', { hasText: '298' });
  await row.first().click();
  const selected = await page.$$eval('#text mark.selected', (ms) => ms.map((m) => m.textContent).join(''));
  assert.equal(selected, '298人次', 'selecting the row should highlight exactly 298人次');
  await context.close();
});

test('the text survives a reload', async () => {
  const { page, context } = await openPage(browser, site.url);
  const text = (await readFile(EXAMPLE, 'utf8')).slice(0, 3000) + '\n最后一行 😀𠀀';
  await paste(page, text);
  await page.reload();
  await page.waitForSelector('#status[data-state]');
  assert.equal(await page.inputValue('#input'), text, 'the text area should hold the same text after a reload');
  await waitAnalysed(page, text.length);
  assert.ok((await page.textContent('#text')).includes('最后一行'), 'the restored text should be analysed again');
  await context.close();
});

test('"clear" asks first and keeps the text when the answer is no', async () => {
  const session = await openPage(browser, site.url);
  const { page, context, dialogs } = session;
  await paste(page, '一、总体情况\n共办理案件 15件。');
  await page.click('#btn-clear');
  assert.equal(dialogs.length, 1, 'clear should ask for confirmation');
  assert.ok((await page.inputValue('#input')).includes('15件'), 'a declined clear should keep the text');
  session.answer = true;
  await page.click('#btn-clear');
  await waitAnalysed(page, 0);
  assert.equal(await page.inputValue('#input'), '', 'an accepted clear should empty the text area');
  await page.reload();
  await page.waitForSelector('#status[data-state]');
  assert.equal(await page.inputValue('#input'), '', 'a cleared text should stay cleared after a reload');
  await context.close();
});

test('files open in UTF-8, GBK and GB18030; binary files are refused with a message', async () => {
  const { page, context, errors } = await openPage(browser, site.url);
  const sample = '海东市平安区人民政府\n一、工作情况\n受理法律援助案件 780件，挽回经济损失 1588.75万元。𠀀';
  const gbk = execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], {
    input: sample,
  });
  assert.ok(!gbk.equals(Buffer.from(sample)), 'the GB18030 bytes should differ from UTF-8');

  await page.setInputFiles('#file-input', { name: 'utf8.txt', mimeType: 'text/plain', buffer: Buffer.from(sample) });
  await waitAnalysed(page, sample.length);
  assert.equal(await page.inputValue('#input'), sample, 'a UTF-8 file should open as written');

  await page.setInputFiles('#file-input', { name: 'gb.txt', mimeType: 'text/plain', buffer: gbk });
  await page.waitForFunction(() => document.getElementById('notice').textContent.includes('GB18030'));
  assert.equal(await page.inputValue('#input'), sample, 'a GB18030 file should decode to the same text');

  const plainGbk = execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gbk"))'], {
    input: '受理案件 15件。',
  });
  await dropFile(page, 'gbk.txt', plainGbk);
  await page.waitForFunction(() => document.getElementById('input').value === '受理案件 15件。');

  await dropFile(page, 'noise.bin', randomBytes(4096));
  await page.waitForFunction(() => document.getElementById('notice').textContent.includes('noise.bin'));
  const message = await page.textContent('#notice');
  assert.ok(message.includes('不是文本文件'), `random bytes should be refused with a clear message, got: ${message}`);
  assert.equal(await page.inputValue('#input'), '受理案件 15件。', 'a refused file should leave the text alone');

  await dropFile(page, 'report.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'));
  await page.waitForFunction(() => document.getElementById('notice').textContent.includes('已损坏'));

  for (let i = 0; i < 5; i++) await dropFile(page, `noise${i}.bin`, randomBytes(64 + i * 1000));
  await paste(page, '二、下一步打算\n新建公园 3个。');
  assert.ok((await page.textContent('#text')).includes('新建公园'), 'the page should keep working after binary drops');
  assert.deepEqual(errors, [], 'no page errors after bad files');
  await context.close();
});

test('localStorage throwing: the page works and says it cannot keep the text', async () => {
  const { page, context, errors } = await openPage(browser, site.url, {
    initScript: () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
  });
  const text = await readFile(EXAMPLE, 'utf8');
  await paste(page, text);
  assert.ok(await page.isVisible('#storage-note'), 'the page should say that it cannot keep the text');
  assert.ok((await page.textContent('#storage-note')).includes('不会在刷新后保留'), 'the note should say the text is not kept');
  assert.ok((await page.textContent('#text')).length > 1000, 'the analysis should still be shown');
  assert.deepEqual(errors, [], 'no page errors without storage');
  await context.close();
});

test('storage full: the page works and says the text is too large to keep', async () => {
  const { page, context, errors } = await openPage(browser, site.url, {
    initScript: () => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(value).length > 100) throw new DOMException('quota', 'QuotaExceededError');
        return real.call(this, key, value);
      };
    },
  });
  await paste(page, await readFile(EXAMPLE, 'utf8'));
  assert.ok(await page.isVisible('#storage-note'), 'the page should say that the text is not kept');
  assert.ok((await page.textContent('#storage-note')).includes('太大'), 'the note should say the text is too large');
  await paste(page, '短文本 3件。');
  assert.ok(await page.isHidden('#storage-note'), 'a text that fits should clear the note');
  assert.deepEqual(errors, [], 'no page errors with storage full');
  await context.close();
});
