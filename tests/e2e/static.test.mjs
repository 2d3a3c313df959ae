// Rules the page's source keeps (no browser needed): relative URLs only, so it works under any
// sub-path; report text never reaches an HTML parser; no inline script or style for the CSP.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WWW } from './harness.mjs';

async function sources() {
  const names = (await readdir(WWW)).filter((n) => /\.(js|html|css)$/.test(n));
  return Promise.all(names.map(async (n) => [n, await readFile(join(WWW, n), 'utf8')]));
}

test('the page uses relative URLs only', async () => {
  for (const [name, src] of await sources()) {
    const absolute = src.match(/(?:src|href)="\/[^"]*"|(?:fetch|import|new URL)\(\s*['"`]\/[^'"`]*|url\(\s*['"]?\//g);
    assert.equal(absolute, null, `${name} should use relative URLs only, found ${absolute}`);
    const remote = src.match(/(?:src|href)="https?:[^"]*"|fetch\(\s*['"`]https?:/g);
    assert.equal(remote, null, `${name} should load nothing from another origin, found ${remote}`);
  }
});

test('no HTML parsing of strings, no eval, no inline script or style', async () => {
  for (const [name, src] of await sources()) {
    if (name.endsWith('.js')) {
      const risky = src.match(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|createContextualFragment/g);
      assert.equal(risky, null, `${name} should never parse strings as HTML or code, found ${risky}`);
    }
    if (name.endsWith('.html')) {
      assert.equal(src.match(/<script(?![^>]*\bsrc=)[^>]*>/g), null, `${name} should have no inline script`);
      assert.equal(src.match(/\son[a-z]+=/g), null, `${name} should have no inline event handlers`);
      assert.equal(src.match(/\sstyle=|<style/g), null, `${name} should have no inline style`);
    }
  }
});

test('the example report is the corpus file, one click away', async () => {
  const html = await readFile(join(WWW, 'index.html'), 'utf8');
  assert.ok(html.includes('id="btn-example"') && html.includes('>示例<'), 'the page should have a 示例 button');
  const shipped = await readFile(join(WWW, 'examples', 'pingan-2023-fazhi.txt'), 'utf8');
  assert.ok(shipped.startsWith(' 海东市平安区人民政府'), 'the example should be the Ping’an report as copied');
});
