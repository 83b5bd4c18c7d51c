import type { FrontLineLayer } from './geo-layers';
import { formatArea } from './geo-layers';

/** The layer list's names of the overlays that are always there (the legend and "Describe map" follow them). */
export const OUTLINES = 'Oblast outlines';
export const PLACES = 'Event places';

/** A popup lists at most this many events (only very large datasets reach it). */
export const POPUP_EVENTS = 25;

/** A detailed front-line layer's name in the layer list. */
export const layerTitle = (layer: FrontLineLayer) => `${layer.name} (${formatArea(layer.areaKm2)})`;
