import crypto from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Emits the service worker (web/service-worker.js) as /sw.js with this build's files written in: a new build is a
 * changed worker, which the browser installs, keeping the cached files the build still names. */
function serviceWorker(): Plugin {
  return {
    name: 'khoi-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/'))
        .sort()
        .map((name) => `/${name}`);
      const build = crypto.createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
      const source = fs.readFileSync(new URL('web/service-worker.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const BUILD = ${JSON.stringify(build)};\nconst ASSETS = ${JSON.stringify(assets)};\n${source}`,
      });
    },
  };
}

/** Adds web/first-sign-in.js, which draws the sign-in form before the app's scripts, after the body's markup: a
 * classic script, run as soon as it is parsed. In a build it is copied into assets/ under a name with its hash, so it
 * is kept a year and by the service worker, as the other files are. */
function firstSignIn(): Plugin {
  const source = fs.readFileSync(new URL('web/first-sign-in.js', import.meta.url), 'utf8');
  const built = `assets/first-sign-in-${crypto.createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
  let building = false;
  return {
    name: 'khoi-first-sign-in',
    configResolved(config) {
      building = config.command === 'build';
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'script', attrs: { src: building ? `/${built}` : '/first-sign-in.js' }, injectTo: 'body' },
      ],
    },
    generateBundle() {
      if (building) this.emitFile({ type: 'asset', fileName: built, source });
    },
  };
}

// The web app lives in web/ and is built into web/dist, which the server serves.
export default defineConfig(({ command }) => ({
  root: 'web',
  plugins: [react(), firstSignIn(), serviceWorker()],
  // A build is always a production build, even when started from a process whose NODE_ENV is "test"
  // (the server rebuilds web/dist on start, also under vitest). Otherwise React ships its development
  // build and antd's ids collapse to the constant 'test-id', breaking every aria-labelledby.
  // Both the libraries' NODE_ENV checks and the JSX transform are pinned, without touching process.env.
  ...(command === 'build'
    ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') }, oxc: { jsx: { development: false } } }
    : {}),
  // Pages, charts and the admin screens are chunks of their own, fetched when opened; the sign-in page's first
  // scripts stay small (bench/web.bench.ts measures them), so a chunk above 600 kB is worth a warning.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
}));
