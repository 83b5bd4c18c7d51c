/**
 * Views that can draw themselves as one standalone SVG (the map) register here under the element they draw,
 * so that an export that walks the page (the deck's PowerPoint) can find the drawing without importing the
 * view's feature. Keyed weakly by element: an unmounted view leaves nothing behind.
 */

export type Snapshot = () => SVGSVGElement;

const snapshots = new WeakMap<Element, Snapshot>();

/** Say that `element` can be drawn by `snapshot`; returns the function that takes it back. */
export function registerSnapshot(element: Element, snapshot: Snapshot): () => void {
  snapshots.set(element, snapshot);
  return () => {
    if (snapshots.get(element) === snapshot) snapshots.delete(element);
  };
}

/** The drawing registered for this very element, if any. */
export function snapshotOf(element: Element): Snapshot | undefined {
  return snapshots.get(element);
}
