/**
 * The presenter view is the same address with `#presenter`: the query keeps the filters and the slide
 * (the URL sync keeps the hash as it is), the hash says which window this is. The one place the deck
 * reads the address, since the store knows nothing of windows.
 */
export const PRESENTER_HASH = '#presenter';

/** Is this window the presenter view? */
export function isPresenterWindow(): boolean {
  return typeof window !== 'undefined' && window.location.hash === PRESENTER_HASH;
}

/** Open (or bring forward) the presenter view; false when the browser blocked the window. */
export function openPresenterWindow(): boolean {
  const { pathname, search } = window.location;
  const opened = window.open(
    `${pathname}${search}${PRESENTER_HASH}`,
    'geobrief-presenter',
    'popup,width=1280,height=800',
  );
  opened?.focus();
  return opened !== null;
}
