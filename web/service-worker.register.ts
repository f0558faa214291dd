/// <reference types="vite/client" />
/** Installs the service worker (web/service-worker.js) once the page has loaded, so it never competes with the
 * page's first scripts; only in a build (the dev server, which has hot reload, has no worker). Not by
 * import.meta.env.PROD, which follows NODE_ENV and is false in a build made under the tests. */
export function registerServiceWorker(): void {
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
      // The app works without it, only slower on the next visit.
      console.warn('Service worker not registered', err);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
