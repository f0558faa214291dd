import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_DIST } from '../server/app.ts';
import { useTestApp } from './app.ts';

// The web app is built by the test run's global setup.
describe('serving the web app', () => {
  const t = useTestApp({ serveWeb: true });
  const script = () => {
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    // The largest of the scripts the page names (its entry is a small one that imports the libraries' chunk).
    const src = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)]
      .map((m) => m[1]!)
      .sort((a, b) => fs.statSync(path.join(WEB_DIST, b)).size - fs.statSync(path.join(WEB_DIST, a)).size)[0];
    expect(src, 'index.html names its script').toBeDefined();
    return { url: src!, raw: fs.readFileSync(path.join(WEB_DIST, src!)) };
  };

  it('sends the script compressed to a browser that accepts it, kept a year by its hashed name', async () => {
    const { url, raw } = script();
    const br = await t().app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(raw.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);

    const gz = await t().app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(raw)).toBe(true);

    const plain = await t().app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(raw)).toBe(true);
  });

  it('asks again for the page itself every time, at any address of the app, and answers a missing script with a 404', async () => {
    const home = await t().app.inject({ url: '/' });
    expect(home.headers['cache-control']).toBe('no-cache');
    expect(home.body).toContain(script().url);
    const deep = await t().app.inject({ url: '/chuong-trinh-cong-tac' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toContain('text/html');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const missing = await t().app.inject({ url: '/assets/khong-co.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
