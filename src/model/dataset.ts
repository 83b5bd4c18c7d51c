/**
 * The shipped dataset: the JSON files under data/, validated and cross-checked when the app is BUILT
 * (scripts/lib/data-plugin.ts: the build fails naming each file, index and field at fault), and shipped
 * checked, so the page neither validates them again nor carries zod to read them. It is an immutable
 * module value, never store state. The folder is data/ unless GEOBRIEF_DATA_DIR names another one (the
 * benchmark's generated dataset).
 *
 * `{ ok: true, dataset }`; or, on the dev server only, `{ ok: false, errors }` so the page lists the problems.
 */
export { loaded } from 'virtual:geobrief-dataset';
