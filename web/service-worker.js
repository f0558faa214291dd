// Khối's service worker: keeps the built scripts, styles and icons on the phone, so a second visit over a slow
// mobile connection loads only the page itself. Hand-written rather than a generated one (Workbox): it does one
// thing, and fifty lines that can be read whole are easier to trust than a library's defaults.
//
// - Only files under /assets/ are served from the cache. Their names carry a hash of their content, so a cached copy
//   is never stale. Everything else (the page, /api answers, downloads) goes to the network as if there were no
//   worker: data is never answered from a cache.
// - Every build emits a new worker with its own list of files (ASSETS, written in by vite.config.ts). The browser
//   sees the changed worker, installs it, and it takes over at once: it keeps the cached files the new build still
//   names and drops the rest. The page itself is never cached, so it always names the current build's files.

/* global ASSETS, BUILD */
const CACHE = `khoi-assets-${BUILD}`;

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = await caches.open(CACHE);
      const wanted = new Set(ASSETS.map((name) => new URL(name, self.location.origin).href));
      for (const name of await caches.keys()) {
        if (name === CACHE || !name.startsWith('khoi-assets-')) continue;
        // Files the new build shares with the previous one (the libraries, mostly) are kept, not fetched again.
        const previous = await caches.open(name);
        for (const request of await previous.keys()) {
          if (!wanted.has(request.url)) continue;
          const response = await previous.match(request);
          if (response) await current.put(request, response);
        }
        await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/assets/'))
    return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(event.request);
      if (cached) return cached;
      const response = await fetch(event.request);
      if (response.ok) await cache.put(event.request, response.clone());
      return response;
    })(),
  );
});
