import { lazyWithRetry } from '../components/lazy-with-retry';

/** The map, Leaflet and the geometry load on demand, after the first paint; a failed load can be retried. */
export const mapPanel = lazyWithRetry(() => import('../features/map/map-panel'));
export const MapPanel = mapPanel.Lazy;
