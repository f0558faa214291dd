// Khối's service worker: keeps the page, the built scripts, styles and icons on the phone, so a second visit over a
// slow mobile connection starts without waiting for the network. Hand-written rather than a generated one (Workbox):
// it does one thing, and a hundred lines that can be read whole are easier to trust than a library's defaults.
//
// - Files under /assets/ are served from the cache. Their names carry a hash of their content, so a cached copy is
//   never stale.
// - The page (index.html, the same for every address of the app) is answered from the cache too, and asked again
//   in the background for the next visit (stale-while-revalidate): a round trip less before anything can start, on
//   3G 0.15 s or more. It is this build's page, fetched when the worker installs, so it names files this worker
//   keeps. It holds no data: who is signed in is asked by the page from /api.
// - Everything else (/api answers, downloads, the manifest and icons) goes to the network as if there were no
//   worker: data is never answered from a cache.
// - Every build emits a new worker with its own list of files (ASSETS, written in by vite.config.ts). The browser
//   sees the changed worker, installs it with the new build's page, and it takes over at once: it keeps the cached
//   files the new build still names and drops the rest.

/* global ASSETS, BUILD */
const CACHE = `khoi-assets-${BUILD}`;
/** The cache's key for the page, whatever address it was asked for at. */
const PAGE = new URL('/', self.location.origin).href;

/** Fetches the page (`request`, or "/" by default) and keeps it when it is the app's page. */
async function refreshPage(cache, request = new Request(PAGE, { cache: 'no-cache' })) {
  const response = await fetch(request);
  if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html'))
    await cache.put(PAGE, response.clone());
  return response;
}

/** The app's own addresses, opened in the browser: not /api (downloads), not the built files, not a file of the
 * site's root (the worker, the manifest, icons), whose name has a dot. */
function isAppPage(request, url) {
  return (
    request.mode === 'navigate' &&
    url.origin === self.location.origin &&
    !url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/assets/') &&
    !url.pathname.slice(url.pathname.lastIndexOf('/')).includes('.')
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // The page of this build and the files it names, so that the page answered from the cache finds them here
      // (the browser's own cache has them from the visit that installs the worker). Without them when the network
      // fails: then the page is fetched on use.
      try {
        const cache = await caches.open(CACHE);
        const page = await (await refreshPage(cache)).text();
        const named = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
        await cache.addAll(named);
      } catch {
        // Not fatal: the worker still serves what it has.
      }
      await self.skipWaiting();
    })(),
  );
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
  if (event.request.method === 'GET' && isAppPage(event.request, url)) {
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        const cached = await cache.match(PAGE);
        if (!cached) return refreshPage(cache, event.request);
        event.waitUntil(refreshPage(cache).catch(() => undefined));
        return cached;
      })(),
    );
    return;
  }
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
