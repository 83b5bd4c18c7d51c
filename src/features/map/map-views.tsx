import type * as L from 'leaflet';
import { EUROPE_BOUNDS, WORLD_BOUNDS, type LatLngBoundsTuple } from './geo-layers';
import { fitView } from './map-labels';

/** The buttons that frame the map on the front, Europe, Kursk, the world or the selection. */
export function ViewButtons({
  map,
  selection,
  front,
  kursk,
  fitOptions,
}: {
  map: L.Map | null;
  selection: LatLngBoundsTuple | null;
  front: LatLngBoundsTuple;
  kursk: LatLngBoundsTuple;
  fitOptions: L.FitBoundsOptions;
}) {
  const fit = (bounds: LatLngBoundsTuple) => map && fitView(map, bounds, fitOptions);
  return (
    <div className="map-views" role="group" aria-label="Map views">
      <button type="button" className="button button--quiet" onClick={() => fit(front)} disabled={!map}>
        Front
      </button>
      <button type="button" className="button button--quiet" onClick={() => fit(EUROPE_BOUNDS)} disabled={!map}>
        Europe
      </button>
      <button type="button" className="button button--quiet" onClick={() => fit(kursk)} disabled={!map}>
        Kursk
      </button>
      <button type="button" className="button button--quiet" onClick={() => fit(WORLD_BOUNDS)} disabled={!map}>
        World
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => selection && fit(selection)}
        disabled={!map || !selection}
      >
        Fit to selection
      </button>
    </div>
  );
}
