// Offline after the first visit. The page's files are fetched from the network when it is
// there (so a newly published version is used at once, and the copies kept here are renewed
// with it) and from the copies kept here when it is not. On install the service worker keeps
// the files the page and its worker need; the page adds every other file it loaded.

const CACHE = 'reportlens-v1';
const CORE = [
  './',
  'index.html',
  'style.css',
  'app.js',
  'worker.js',
  'offsets.js',
  'pkg/reportlens.js',
  'pkg/reportlens_bg.wasm',
  'examples/pingan-2023-fazhi.txt',
  'favicon.svg',
  'manifest.webmanifest',
];

self.addEventListener('install', (event) => {
  // One missing file must not stop the others from being kept.
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(CORE.map((url) => cache.add(url).catch(() => {})))).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page reports the files it loaded (its modules, styles, icons), so they are kept too.
self.addEventListener('message', (event) => {
  const urls = (event.data && event.data.type === 'keep' && event.data.urls) || [];
  const mine = urls.filter((u) => new URL(u, self.location.href).origin === self.location.origin);
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(mine.map((u) => cache.add(u).catch(() => {})))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() =>
        caches
          .match(request, { ignoreSearch: true })
          .then((hit) => hit || (request.mode === 'navigate' ? caches.match('./') : undefined))
          .then((hit) => hit || Response.error()),
      ),
  );
});
