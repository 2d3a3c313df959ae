// Shared set-up for the browser tests: a static server for www/ on a free port, Debian's
// Chromium driven by playwright-core, and a page that records every request, dialog and error.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const WWW = join(ROOT, 'www');
export const EXAMPLE = join(WWW, 'examples', 'pingan-2023-fazhi.txt');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves www/ (under `/app/`, to prove the page works below a sub-path) on a free port. */
export async function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith('/app/')) {
      res.writeHead(404).end();
      return;
    }
    let path = normalize(join(WWW, decodeURIComponent(url.pathname.slice('/app/'.length))));
    if (!path.startsWith(WWW)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/app/` };
}

/** Serves www/ and launches Chromium: what a test file needs in its `before`. */
export async function start() {
  return { site: await serve(), browser: await launch() };
}

/** Closes what `start` opened (either may be missing when `start` failed). */
export async function stop({ site, browser }) {
  await browser?.close();
  site?.server.close();
}

/** Launches headless Chromium with the flags this machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the page in a fresh context. Returns `{ context, page, requests, dialogs, errors, answer }`:
 * every request URL, every dialog's message, every uncaught page error. Dialogs are dismissed,
 * or accepted while the returned object's `answer` is true. Closing the context fails the test
 * if any request went to another origin (unless `allowForeign`, for the test that provokes them).
 */
export async function openPage(browser, url, { initScript, viewport, allowForeign = false, hasTouch = false } = {}) {
  const context = await browser.newContext({
    viewport: viewport || { width: 1440, height: 1000 },
    acceptDownloads: true,
    hasTouch,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const requests = [];
  const dialogs = [];
  const errors = [];
  const failed = [];
  const session = { context, page, requests, failed, dialogs, errors, answer: false };
  context.on('request', (r) => requests.push(r.url()));
  context.on('requestfailed', (r) => failed.push({ url: r.url(), error: r.failure()?.errorText }));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    (session.answer ? d.accept() : d.dismiss()).catch(() => {});
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const close = context.close.bind(context);
  context.close = async (...args) => {
    const escaped = allowForeign ? [] : foreign(requests, new URL(url).origin);
    await close(...args);
    if (escaped.length) throw new Error(`requests left the page origin: ${escaped.join(', ')}`);
  };
  await page.goto(url);
  await page.waitForSelector('#status[data-state]');
  return session;
}

/** Requests that went anywhere but `origin` (blob: URLs of this origin count as its own). */
export function foreign(requests, origin) {
  return requests.filter((u) => {
    if (u.startsWith('blob:')) u = u.slice(5);
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}

/** Puts `text` into the text area (as typing would) and waits for its analysis. A text area
 *  turns CR LF into LF, so the length waited for is the text area's. */
export async function paste(page, text) {
  const length = await page.evaluate((t) => {
    const input = document.getElementById('input');
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return input.value.length;
  }, text);
  await waitAnalysed(page, length);
}

/** Waits until the page shows the analysis of a text of `chars` UTF-16 units. */
export async function waitAnalysed(page, chars, timeout = 60_000) {
  await page.waitForFunction(
    (n) => {
      const s = document.getElementById('status');
      return n === 0 ? s.dataset.state === 'idle' : s.dataset.state === 'done' && s.dataset.chars === String(n);
    },
    chars,
    { timeout },
  );
}

/** A text of about `bytes` UTF-8 bytes: the example report repeated. */
export async function bigText(bytes) {
  const { readFile } = await import('node:fs/promises');
  const one = await readFile(EXAMPLE, 'utf8');
  const n = Math.ceil(bytes / Buffer.byteLength(one));
  return one.repeat(n);
}

/** Drops a file with `bytes` (an array of numbers) named `name` on the page, as a drag would. */
export async function dropFile(page, name, bytes) {
  await page.evaluate(
    ({ name, bytes }) => {
      const file = new File([new Uint8Array(bytes)], name, { type: 'text/plain' });
      const data = new DataTransfer();
      data.items.add(file);
      const target = document.getElementById('text');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    },
    { name, bytes: [...bytes] },
  );
}
