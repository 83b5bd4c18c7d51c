/** The shipped dataset, checked at build time by scripts/lib/data-plugin.ts (see src/model/dataset.ts). */
declare module 'virtual:geobrief-dataset' {
  export const loaded: import('./load-dataset').LoadResult;
}
