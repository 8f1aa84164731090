// Offline support: after the first visit the app and the gazetteer come from this cache when
// the network is away. Network first, so a new version is never mixed with an old one.
const CACHE = 'casualty-lens-v2';
const CORE = [
  './', './index.html', './boot.js', './helpers.js', './worker.js', './style.css',
  './favicon.svg', './map.css', './casualty-lens.js', './casualty-lens_bg.wasm',
];
const OPTIONAL = ['./gazetteer.bin', './basemap/countries-110m.json'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(CORE);
    await Promise.all(OPTIONAL.map((u) => cache.add(u).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok) cache.put(req, res.clone()).catch(() => {});
      return res;
    } catch (e) {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      throw e;
    }
  })());
});
