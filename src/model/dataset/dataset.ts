/**
 * The shipped dataset: the JSON files under data/, validated and cross-checked when the app is BUILT
 * (scripts/lib/data-plugin.ts: the build fails naming each file, index and field at fault), and shipped
 * checked, so the page neither validates them again nor carries zod to read them. It is an immutable
 * module value, never store state. The folder is data/ unless GEOBRIEF_DATA_DIR names another one (the
 * benchmark's generated dataset).
 *
 * In the page's production build the data are a hashed JSON asset (assets/dataset-*.json, preloaded by
 * index.html, precached by the service worker) that `loadDataset()` fetches (once); the dev server,
 * Vitest and the prerender have them inline.
 *
 * `loadDataset()` resolves to `{ ok: true, dataset }`; or `{ ok: false, errors }` so the page lists the problems: on the dev server when the
 * data fail their checks, in the built page when the JSON cannot be fetched (`dataset.json: could not be loaded (…)`).
 */
export { loadDataset } from 'virtual:geobrief-dataset';
