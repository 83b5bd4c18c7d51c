/** The shipped dataset, checked at build time by scripts/lib/data-plugin.ts (see src/model/dataset/dataset.ts). */
declare module 'virtual:geobrief-dataset' {
  /** Inline builds only (dev server, Vitest, the prerender): the page's production build fetches the data. */
  export const loaded: import('./load-dataset').LoadResult;
  export function loadDataset(): Promise<import('./load-dataset').LoadResult>;
}
