/* global window, navigator, console */
// Registers the offline service worker (vite-plugin-pwa builds sw.js). A registration cut short, for example by a
// reload while it runs, is retried on the next load: it is reported as a warning, not an uncaught error.
// It waits until the page has loaded, drawn its panels (src/components/deferred.tsx draws them within 5 s) and the
// browser is idle: copying the app for offline use then takes nothing from the page's start-up.
if ('serviceWorker' in navigator) {
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error) => {
      console.warn('The offline copy could not be set up this time; it will be tried again on the next visit.', error);
    });
  };
  const whenIdle = window.requestIdleCallback
    ? (run) => window.requestIdleCallback(run, { timeout: 5000 })
    : (run) => window.setTimeout(run, 0);
  window.addEventListener('load', () => window.setTimeout(() => whenIdle(register), 6000));
}
