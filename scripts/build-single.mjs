// The single-file page (see build-single.sh). The page and its worker are bundled by esbuild
// into classic scripts; the worker runs from a blob: URL made from its inlined source, and is
// handed the module's bytes, so nothing is fetched. The Content-Security-Policy allows exactly
// the inlined script and style (by their SHA-256), the blob: worker and data: images, and no
// connection at all.

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const www = new URL('../www/', import.meta.url);
const out = new URL('../dist/reportlens.html', import.meta.url);

async function bundle(entry) {
  const result = await build({
    entryPoints: [new URL(entry, www).pathname],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2020',
    logLevel: 'error',
    // import.meta.url only locates files beside the page, which this build inlines instead.
    define: { 'import.meta.url': '"about:blank"' },
  });
  return result.outputFiles[0].text;
}

/** `text` as a JavaScript string literal that cannot close the <script> it stands in. */
function literal(text) {
  return JSON.stringify(text).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const wasm = await readFile(new URL('pkg/reportlens_bg.wasm', www));
const worker =
  `self.REPORTLENS_WASM=Uint8Array.from(atob(${literal(wasm.toString('base64'))}),c=>c.charCodeAt(0));\n` +
  (await bundle('worker.js'));
const example = await readFile(new URL('examples/pingan-2023-fazhi.txt', www), 'utf8');
const script =
  `globalThis.REPORTLENS_WORKER=URL.createObjectURL(new Blob([${literal(worker)}],{type:'text/javascript'}));\n` +
  `globalThis.REPORTLENS_EXAMPLE=${literal(example)};\n` +
  (await bundle('app.js'));
const style = await readFile(new URL('style.css', www), 'utf8');
const icon = `data:image/svg+xml;base64,${(await readFile(new URL('favicon.svg', www))).toString('base64')}`;

const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(style)}`,
  'worker-src blob:',
  'img-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = await readFile(new URL('index.html', www), 'utf8');
const replace = (pattern, by) => {
  const next = html.replace(pattern, by);
  if (next === html) throw new Error(`build-single: index.html no longer has ${pattern}`);
  html = next;
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replace(/<link rel="icon" href="favicon.svg"[^>]*>/, () => `<link rel="icon" href="${icon}" type="image/svg+xml">`);
replace(/<link rel="manifest"[^>]*>\n?/, '');
replace(/<link rel="stylesheet" href="style.css">/, () => `<style>${style}</style>`);
replace(/<script type="module" src="app.js"><\/script>/, '');
// The page's script runs at the end of the body, where the elements it wires exist.
replace(/<\/body>/, () => `<script>${script}</script>\n</body>`);

await mkdir(new URL('.', out), { recursive: true });
await writeFile(out, html);
console.log(`dist/reportlens.html: ${html.length} bytes (module ${wasm.length} bytes inlined)`);
