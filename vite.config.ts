import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/ and is built into web/dist, which the server serves.
export default defineConfig(({ command }) => ({
  root: 'web',
  plugins: [react()],
  // A build is always a production build, even when started from a process whose NODE_ENV is "test"
  // (the server rebuilds web/dist on start, also under vitest). Otherwise React ships its development
  // build and antd's ids collapse to the constant 'test-id', breaking every aria-labelledby.
  // Both the libraries' NODE_ENV checks and the JSX transform are pinned, without touching process.env.
  ...(command === 'build'
    ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') }, oxc: { jsx: { development: false } } }
    : {}),
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
}));
