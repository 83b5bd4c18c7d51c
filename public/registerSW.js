/* global window, navigator, console */
// Registers the offline service worker (vite-plugin-pwa builds sw.js). A registration cut short, for example by a
// reload while it runs, is retried on the next load: it is reported as a warning, not an uncaught error.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error) => {
      console.warn('The offline copy could not be set up this time; it will be tried again on the next visit.', error);
    });
  });
}
