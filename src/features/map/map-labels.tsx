/**
 * City and country names on the map (see map-labels.ts), and map behaviour that follows the page: fitting
 * the view to the selection, and keeping Leaflet's size in step with its box (the deck resizes it).
 */
import type L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { CircleMarker, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { labelGap, labelOffset, labelsAtZoom } from './label-placement';
import type { LatLngBoundsTuple } from './geo-layers';

/**
 * Names sit in their own pane, under the front line's (see map-panel): where a name cannot stay clear of
 * the outline (Donetsk and Luhansk lie between the front and the border), the line is drawn over it.
 */
export const LABEL_PANE = 'map-labels';

const CITY_DOT: L.PathOptions = { color: '#1b1d21', weight: 1.5, fillColor: '#ffffff', fillOpacity: 1 };
const NO_DOT: L.PathOptions = { stroke: false, fill: false };

export function MapLabels({ marked }: { marked: readonly { lat: number; lon: number }[] }) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  useEffect(() => {
    // Leaflet gives every label role=tooltip, which a screen reader would read as a name-less pop-up
    // (and axe flags a label clipped out of the map's box as one). The names are drawing, not text:
    // "Describe map" says in words what the map shows.
    map.getPane(LABEL_PANE)?.setAttribute('aria-hidden', 'true');
  }, [map]);
  const { cities, countries } = labelsAtZoom(zoom);
  return (
    <>
      {countries.map((c) => (
        <CircleMarker
          key={`country-${c.a3}`}
          center={[c.lat, c.lon]}
          radius={0}
          pathOptions={NO_DOT}
          interactive={false}
        >
          <Tooltip
            permanent
            pane={LABEL_PANE}
            direction="center"
            className="map-label map-label--country"
            interactive={false}
          >
            {c.name}
          </Tooltip>
        </CircleMarker>
      ))}
      {cities.map((c) => (
        <CircleMarker
          key={`city-${c.name}`}
          center={[c.lat, c.lon]}
          radius={c.capital ? 4 : 3}
          pathOptions={CITY_DOT}
          interactive={false}
        >
          <Tooltip
            permanent
            pane={LABEL_PANE}
            direction={c.side}
            offset={labelOffset(c.side, labelGap(c, marked))}
            className={`map-label map-label--city${c.capital ? ' map-label--capital' : ''}`}
            interactive={false}
          >
            {c.name}
          </Tooltip>
        </CircleMarker>
      ))}
    </>
  );
}

const CALLOUT: L.PathOptions = { color: '#08306b', weight: 2.5, dashArray: '5 3', fill: false };
const CALLOUT_RADIUS = 21;
/** From this zoom the salient is large enough to see: no ring, the name above it. */
const CALLOUT_MAX_ZOOM = 7;
/** Below this zoom (a phone's Front view) the name is shortened to its first line. */
const CALLOUT_SHORT_ZOOM = 5;
/** Below this zoom (Europe, World) there is no callout. */
const CALLOUT_MIN_ZOOM = 4.5;

/**
 * A ring around a small area with its name beside it (the Kursk salient, about 20 px across at Front zoom,
 * where an event marker may sit on it): the ring stays visible around the marker.
 */
export function CalloutLabel({
  at,
  north,
  lines,
}: {
  at: [number, number];
  /** Where the name goes once the area is large enough to see (zoomed in): above this point. */
  north: [number, number];
  lines: readonly string[];
}) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  // At Europe zoom and wider the salient is a dot among the capitals: no callout.
  if (zoom < CALLOUT_MIN_ZOOM) return null;
  if (zoom < CALLOUT_SHORT_ZOOM) {
    // A phone's Front zoom: the ring and a short name above it.
    return (
      <CircleMarker center={at} radius={CALLOUT_RADIUS} pathOptions={CALLOUT} interactive={false}>
        <Tooltip
          permanent
          pane={LABEL_PANE}
          direction="top"
          offset={[0, -CALLOUT_RADIUS]}
          className="map-label map-label--area"
          interactive={false}
        >
          {lines[0]}
        </Tooltip>
      </CircleMarker>
    );
  }
  if (zoom >= CALLOUT_MAX_ZOOM) {
    return (
      <CircleMarker center={north} radius={0} pathOptions={NO_DOT} interactive={false}>
        <Tooltip
          permanent
          pane={LABEL_PANE}
          direction="top"
          offset={[0, -4]}
          className="map-label map-label--area"
          interactive={false}
        >
          {lines.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </Tooltip>
      </CircleMarker>
    );
  }
  return (
    <CircleMarker center={at} radius={CALLOUT_RADIUS} pathOptions={CALLOUT} interactive={false}>
      <Tooltip
        permanent
        pane={LABEL_PANE}
        direction="left"
        offset={[-CALLOUT_RADIUS - 2, 0]}
        className="map-label map-label--area"
        interactive={false}
      >
        {lines.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </Tooltip>
    </CircleMarker>
  );
}

/**
 * Fit the view to the selection when the country filter changes: a selection away from the front
 * (Taiwan, the United States) shows its places; none, or one with Ukraine or Russia, shows the front.
 * Only on a change of the filter (and on the first render), so that the user's own panning stays.
 */
export function FitToSelection({
  countries,
  selection,
  front,
  options,
}: {
  countries: readonly string[];
  selection: LatLngBoundsTuple | null;
  front: LatLngBoundsTuple;
  options: L.FitBoundsOptions;
}) {
  const map = useMap();
  const key = countries.join(',');
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (last.current === key) return;
    const awayFromFront = countries.length > 0 && !countries.includes('UA') && !countries.includes('RU');
    if (awayFromFront) {
      // Wait for the selection's places.
      if (!selection) return;
      fitView(map, selection, options);
    } else if (last.current !== null) fitView(map, front, options);
    last.current = key;
    // Runs when the filter (key) or its places change; the rest is fixed for the map's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, selection]);
  return null;
}

/** The view each map last fitted to (a view button, the selection), until the user moves the map. */
const lastFit = new WeakMap<L.Map, { bounds: LatLngBoundsTuple; options: L.FitBoundsOptions }>();

/** Fit the map to bounds, and keep them so that a change of the map's size fits them again. */
export function fitView(map: L.Map, bounds: LatLngBoundsTuple, options: L.FitBoundsOptions): void {
  lastFit.set(map, { bounds, options });
  map.fitBounds(bounds, options);
}

const MOVE_KEYS = new Set(['+', '-', '=', '_', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * Tell Leaflet when its box changes size (the deck's slide, a rotated phone). While the user has not
 * moved the map, the last fitted view (at first: the front) is fitted again to the new size.
 */
export function TrackSize({ initial, options }: { initial: LatLngBoundsTuple; options: L.FitBoundsOptions }) {
  const map = useMap();
  useEffect(() => {
    if (!lastFit.has(map)) lastFit.set(map, { bounds: initial, options });
    const container = map.getContainer();
    const forget = () => lastFit.delete(map);
    const onKey = (e: KeyboardEvent) => MOVE_KEYS.has(e.key) && forget();
    container.addEventListener('pointerdown', forget);
    container.addEventListener('wheel', forget, { passive: true });
    container.addEventListener('keydown', onKey);
    let observer: ResizeObserver | undefined;
    if (typeof ResizeObserver === 'function') {
      let size = `${container.clientWidth}x${container.clientHeight}`;
      observer = new ResizeObserver(() => {
        const now = `${container.clientWidth}x${container.clientHeight}`;
        if (now === size) return;
        size = now;
        map.invalidateSize({ pan: false });
        const view = lastFit.get(map);
        // At once: a zoom still animating when the map goes (a switch to the deck right after printing) would
        // end on a removed map.
        if (view && container.clientWidth > 0 && container.clientHeight > 0) {
          map.fitBounds(view.bounds, { ...view.options, animate: false });
        }
      });
      observer.observe(container);
    }
    return () => {
      observer?.disconnect();
      // Leaflet ends a zoom animation 250 ms after it starts, even on a map removed meanwhile, and then
      // throws reading the removed pane's position: the animation is over when the map goes.
      (map as unknown as { _animatingZoom?: boolean })._animatingZoom = false;
      container.removeEventListener('pointerdown', forget);
      container.removeEventListener('wheel', forget);
      container.removeEventListener('keydown', onKey);
    };
    // The initial view and options are fixed for the map's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map]);
  return null;
}
