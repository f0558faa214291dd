import { describe, expect, it } from 'vitest';
import { buildAccount } from '../factories.ts';
import { browserAvailable, useBrowserHarness } from './browser.ts';

type Manifest = { name?: string; short_name?: string; start_url?: string; display?: string; icons?: { src: string }[] };

describe.skipIf(!browserAvailable)('browser journey: the app installs on a phone and loads from it again', () => {
  // One account, so that the first page is the sign-in form (an empty database opens the first-time setup).
  const harness = useBrowserHarness((h) =>
    buildAccount(h.ctx, { username: 'tran.van.an', displayName: 'Trần Văn An' }),
  );

  it('links a valid manifest, registers its worker, serves a second visit from the cache, never an /api answer', async () => {
    const { newPage, baseUrl } = harness();
    const page = await newPage({ serviceWorkers: 'allow', width: 390, height: 844 });
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập, số điện thoại hoặc email').waitFor();

    // The manifest: linked from the page, served with its type, naming the app and icons that exist.
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const answer = await page.request.get(href!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await answer.json()) as Manifest;
    expect(manifest).toMatchObject({ short_name: 'Khối', start_url: '/', display: 'standalone' });
    expect(manifest.icons?.length).toBeGreaterThan(0);
    for (const icon of manifest.icons ?? []) expect((await page.request.get(icon.src)).status()).toBe(200);

    // The worker: at the root, asked again on every visit; registered and in control of the page's scope.
    const worker = await page.request.get('/sw.js');
    expect(worker.headers()['cache-control']).toBe('no-cache');
    expect(worker.headers()['content-type']).toContain('javascript');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${baseUrl}/`);

    // A second visit: the page, the hashed scripts and styles come from the worker's cache, the session answer from
    // the server.
    const second = await page.context().newPage();
    const seen: { url: string; fromWorker: boolean }[] = [];
    second.on('response', (r) => seen.push({ url: r.url(), fromWorker: r.fromServiceWorker() }));
    await second.goto('/');
    await second.getByLabel('Tên đăng nhập, số điện thoại hoặc email').waitFor();
    await expect.poll(() => second.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    expect(seen.find((r) => r.url === `${baseUrl}/`)?.fromWorker).toBe(true);
    const assets = seen.filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((r) => !r.fromWorker)).toEqual([]);
    const api = seen.filter((r) => new URL(r.url).pathname.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(0);
    expect(api.filter((r) => r.fromWorker)).toEqual([]);
    // Nor is any kept for later: the cache holds the built files and the page (one for every address of the app).
    const cached = await second.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    expect(cached).toContain('/');
    expect(cached.filter((p) => !p.startsWith('/assets/') && p !== '/')).toEqual([]);
  });
});
