import 'leaflet/dist/leaflet.css';
import './map.css';
import * as L from 'leaflet';
import { memo, use, useEffect, useMemo, useRef, useState } from 'react';
import {
  GeoJSON,
  LayerGroup,
  LayersControl,
  MapContainer,
  Marker,
  Pane,
  Popup,
  TileLayer,
  useMap,
  useMapEvents,
} from 'react-leaflet';
import type { Feature } from 'geojson';
import type { Dataset } from '../../model/dataset/schema';
import type { Filters } from '../../model/dataset/selectors';
import { asOfDate, formatDate, formatEventDate } from '../../model/format/format';
import { selectPlaceEvents, type PlaceEvents } from '../../model/dataset/event-selectors';
import { useChoices } from '../../state/store';
import { useDeferredFilters } from '../../state/use-filters';
import { loadGeoData } from './geo-data';
import { composeSvg, download, standaloneSvg, svgToPng, themeColours } from '../../components/export-image';
import { registerSnapshot } from '../../components/snapshots';
import {
  boundsOf,
  boundsOfPoints,
  EUROPE_BOUNDS,
  formatArea,
  FRONT_LINE_AS_OF,
  WORLD_BOUNDS,
  type FrontLineLayer,
  type LatLngBoundsTuple,
} from './geo-layers';
import { FrontlineControl } from './frontline/frontline-control';
import { FrontlineLayers, HATCH_ID, HatchDefs } from './frontline/frontline-layers';
import { attributionFor, comparisonRows, describeFrontline, NOISE_NOTE } from './frontline/frontline-text';
import { kurskLabelPoint, kurskViewBounds } from './label-placement';
import { CalloutLabel, FitToSelection, fitView, LABEL_PANE, MapLabels, TrackSize } from './map-labels';
import { useFrontline, type FrontlineState } from './frontline/use-frontline';
import { km2ToSqMi } from '../../model/frontline/frontline';

// Room on the right for the layer list's button.
const FIT_OPTIONS: L.FitBoundsOptions = { paddingTopLeft: [12, 12], paddingBottomRight: [56, 12] };
const NARROW_FIT_OPTIONS: L.FitBoundsOptions = { padding: [12, 12] };
const OUTLINES = 'Oblast outlines';
// Styles are constants: react-leaflet restyles every polygon when a style object changes identity.
const COUNTRY_STYLE: L.PathOptions = { color: '#8c8c8c', weight: 0.6, fillColor: '#f2efe6', fillOpacity: 1 };
const OBLAST_STYLE: L.PathOptions = { color: '#6b6b6b', weight: 0.7, fill: false };
const BORDER_OBLAST_STYLE: L.PathOptions = { ...OBLAST_STYLE, dashArray: '2 3' };
const PLACES = 'Event places';
const OFFLINE_BASE = 'Offline map (no network needed)';
const ONLINE_BASE = 'OpenStreetMap tiles (online: needs a network)';

const layerTitle = (layer: FrontLineLayer) => `${layer.name} (${formatArea(layer.areaKm2)})`;

/** Leaflet sets tooltip strings as HTML; data go in as text. */
function textElement(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** A popup lists at most this many events (only very large datasets reach it). */
const POPUP_EVENTS = 25;

const icons = new Map<number, L.DivIcon>();

/** One icon per count, reused: a new icon object would make react-leaflet rebuild the marker. */
function placeIcon(count: number): L.DivIcon {
  let icon = icons.get(count);
  if (!icon) {
    // The count is a number we compute, never data text, so it can go in as markup.
    const html = `<span class="place-marker__count" aria-hidden="true">${Math.trunc(count)}</span>`;
    icon = L.divIcon({
      className: 'place-marker',
      html,
      iconSize: [28, 28],
      iconAnchor: [14, 14],
      popupAnchor: [0, -12],
    });
    icons.set(count, icon);
  }
  return icon;
}

/** Keeps track of which overlays the user has on, for the legend and "Describe map". */
function OverlayTracker({ onChange }: { onChange: (name: string, on: boolean) => void }) {
  useMapEvents({
    overlayadd: (e) => onChange(e.name, true),
    overlayremove: (e) => onChange(e.name, false),
  });
  return null;
}

/** The front-line attribution stays in the map's attribution whatever layers are on. */
function Attribution({ frontLine }: { frontLine: string }) {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    control.setPrefix(false);
    const parts = [frontLine, 'Borders: Natural Earth', 'Places: GeoNames'];
    parts.forEach((p) => control.addAttribution(p));
    return () => parts.forEach((p) => control.removeAttribution(p));
  }, [map, frontLine]);
  return null;
}

/** Memoised: it re-renders only when the places or their events change. */
const PlaceMarkers = memo(function PlaceMarkers({ placeEvents }: { placeEvents: readonly PlaceEvents[] }) {
  const openEvent = useChoices((s) => s.openEvent);
  return (
    <>
      {placeEvents.map(({ place, events }) => {
        const title = `${place.name}: ${events.length} ${events.length === 1 ? 'event' : 'events'}`;
        return (
          <Marker
            key={place.id}
            position={[place.lat, place.lon]}
            icon={placeIcon(events.length)}
            title={title}
            keyboard
          >
            <Popup>
              <div className="place-popup" data-place-id={place.id}>
                <h3>{place.name}</h3>
                <ul>
                  {events.slice(0, POPUP_EVENTS).map((event) => (
                    <li key={event.id}>
                      <button type="button" className="link-button" onClick={() => openEvent(event.id)}>
                        <time dateTime={event.date}>{formatEventDate(event)}</time>: {event.title}
                      </button>
                    </li>
                  ))}
                </ul>
                {events.length > POPUP_EVENTS && (
                  <p>and {events.length - POPUP_EVENTS} more: narrow the filters, or see them all in the timeline.</p>
                )}
              </div>
            </Popup>
          </Marker>
        );
      })}
    </>
  );
});

function ViewButtons({
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

function FrontlineLegend({ fl, detail }: { fl: FrontlineState; detail: boolean }) {
  const drawn = fl.drawn;
  const comparison = fl.comparison;
  const rows = comparison ? comparisonRows(comparison.diff, comparison.earlier, comparison.later) : null;
  return (
    <>
      {drawn && (
        <li>
          <span className="map-legend__swatch map-legend__swatch--line" aria-hidden="true" />
          Front line: edge of the occupied area, situation {formatDate(drawn.situation.date)} (outline simplified)
        </li>
      )}
      {drawn && !detail && (
        <li>
          <span className="map-legend__swatch map-legend__swatch--occupied" aria-hidden="true" />
          Occupied area, {formatDate(drawn.situation.date)}: {formatArea(drawn.situation.areaKm2)} (
          {formatArea(km2ToSqMi(drawn.situation.areaKm2)).replace('km²', 'sq mi')})
        </li>
      )}
      {drawn && !detail && (
        <li className="map-legend__off">
          The Ukrainian-held area in Russia’s Kursk region is mapped for 13 Feb 2025 only.
        </li>
      )}
      {comparison && rows && (
        <>
          <li className="map-legend__compare-head">
            Changes from {formatDate(comparison.earlier.date)} to {formatDate(comparison.later.date)}:
          </li>
          <li data-change="taken">
            <span className="map-legend__swatch map-legend__swatch--taken" aria-hidden="true" />
            Taken by Russia: {rows.taken}
          </li>
          <li data-change="retaken">
            <span className="map-legend__swatch map-legend__swatch--retaken" aria-hidden="true" />
            Retaken by Ukraine: {rows.retaken}
          </li>
          <li data-change="net">
            Net change: {rows.netDrawn} on the outlines drawn; {rows.netFull} on DeepState’s full outlines
          </li>
          <li className="map-legend__note">{NOISE_NOTE}</li>
        </>
      )}
    </>
  );
}

function Legend({
  visible,
  layers,
  detail,
  fl,
}: {
  visible: ReadonlySet<string>;
  layers: readonly FrontLineLayer[];
  detail: boolean;
  fl: FrontlineState;
}) {
  return (
    <ul className="map-legend" aria-label="Legend">
      {detail &&
        layers.map((layer) => (
          <li key={layer.id} className={visible.has(layerTitle(layer)) ? '' : 'map-legend__off'}>
            <span
              className="map-legend__swatch"
              aria-hidden="true"
              style={{
                background: layer.style.fillColor,
                opacity: 0.4 + layer.style.fillOpacity,
                borderColor: layer.style.color,
                borderStyle: layer.style.dashArray ? 'dashed' : 'solid',
              }}
            />
            {layer.name}: {formatArea(layer.areaKm2)}
            {visible.has(layerTitle(layer)) ? '' : ' (hidden)'}
          </li>
        ))}
      <FrontlineLegend fl={fl} detail={detail} />
      <li>
        <span className="map-legend__swatch map-legend__swatch--place" aria-hidden="true" />
        Place of events (number of matching events)
      </li>
    </ul>
  );
}

function DescribeMap({
  visible,
  placeEvents,
  layers,
  detail,
  fl,
}: {
  visible: ReadonlySet<string>;
  placeEvents: readonly PlaceEvents[];
  layers: readonly FrontLineLayer[];
  detail: boolean;
  fl: FrontlineState;
}) {
  const shownLayers = detail ? layers.filter((l) => visible.has(layerTitle(l))) : [];
  const placesOn = visible.has(PLACES);
  const frontline = fl.drawn
    ? describeFrontline({
        shown: fl.drawn.situation,
        ...(fl.compareWith ? { earlier: fl.compareWith } : {}),
        ...(fl.comparison ? { diff: fl.comparison.diff } : {}),
      })
    : ['The front line is loading.'];
  return (
    <div className="map-description">
      <h3>Front line</h3>
      <ul>
        {frontline.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>Layers shown</h3>
      {shownLayers.length === 0 ? (
        <p>
          {detail
            ? 'No front-line layer is switched on.'
            : 'The detailed layers (periods of occupation, grey zone, Kursk) exist for 13 Feb 2025 only.'}
        </p>
      ) : (
        <ul>
          {shownLayers.map((l) => (
            <li key={l.id}>
              {l.name}: {formatArea(l.areaKm2)}. Source label: “{l.label}”.
            </li>
          ))}
        </ul>
      )}
      <h3>Places shown</h3>
      {!placesOn ? (
        <p>The event places layer is switched off.</p>
      ) : placeEvents.length === 0 ? (
        <p>No place has an event that matches the filters.</p>
      ) : (
        <ul>
          {placeEvents.map(({ place, events }) => (
            <li key={place.id}>
              {place.name}:{' '}
              {events.slice(0, POPUP_EVENTS).map((e, i) => (
                <span key={e.id}>
                  {i > 0 ? '; ' : ''}
                  {formatEventDate(e)}, {e.title}
                </span>
              ))}
              {events.length > POPUP_EVENTS ? `; and ${events.length - POPUP_EVENTS} more` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The z-index of the Leaflet pane an element is in (panes stack by it, not by document order). */
function paneZ(el: Element): number {
  const pane = el.closest('.leaflet-pane:not(.leaflet-map-pane)');
  return pane ? Number(getComputedStyle(pane).zIndex) || 0 : 0;
}

/**
 * The map as drawn now, as one SVG the size of its container: the vector layers (offline base, outlines,
 * front line, changes), the names and the place markers. Online tiles are pictures from elsewhere and are
 * never included.
 */
function mapDrawing(map: L.Map): { svg: SVGSVGElement; box: DOMRect } {
  const container = map.getContainer();
  const box = container.getBoundingClientRect();
  // The map may be drawn scaled (on a slide): sizes read from styles are scaled like the positions.
  const k = container.offsetWidth > 0 ? box.width / container.offsetWidth : 1;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  const hatch = document.getElementById(HATCH_ID)?.parentElement;
  if (hatch) svg.append(hatch.cloneNode(true));
  const sea = document.createElementNS(SVG_NS, 'rect');
  sea.setAttribute('width', String(box.width));
  sea.setAttribute('height', String(box.height));
  sea.setAttribute('fill', getComputedStyle(container).backgroundColor || '#cfe0ee');
  svg.append(sea);
  const layers = [...container.querySelectorAll<SVGSVGElement>('.leaflet-map-pane svg.leaflet-zoom-animated')].sort(
    (a, b) => paneZ(a) - paneZ(b),
  );
  for (const overlay of layers) {
    const r = overlay.getBoundingClientRect();
    const clone = standaloneSvg(overlay);
    clone.setAttribute('x', String(r.left - box.left));
    clone.setAttribute('y', String(r.top - box.top));
    clone.setAttribute('width', String(r.width));
    clone.setAttribute('height', String(r.height));
    svg.append(clone);
  }
  for (const label of container.querySelectorAll<HTMLElement>('.map-label')) {
    const r = label.getBoundingClientRect();
    const x = r.left - box.left + r.width / 2;
    const y = r.top - box.top + r.height / 2 + 4;
    if (x < 0 || y < 0 || x > box.width || y > box.height) continue;
    const name = document.createElementNS(SVG_NS, 'text');
    name.setAttribute('x', String(x));
    name.setAttribute('y', String(y));
    name.setAttribute('text-anchor', 'middle');
    name.setAttribute('font-size', String((parseFloat(getComputedStyle(label).fontSize) || 12) * k));
    name.setAttribute('font-weight', label.classList.contains('map-label--country') ? '600' : '700');
    name.setAttribute('font-family', 'system-ui, sans-serif');
    name.setAttribute('fill', '#1b1d21');
    name.setAttribute('stroke', '#ffffff');
    name.setAttribute('stroke-width', '3');
    name.setAttribute('paint-order', 'stroke');
    name.textContent = label.textContent;
    svg.append(name);
  }
  for (const marker of container.querySelectorAll<HTMLElement>('.leaflet-marker-icon.place-marker')) {
    const r = marker.getBoundingClientRect();
    const cx = r.left - box.left + r.width / 2;
    const cy = r.top - box.top + r.height / 2;
    if (cx < 0 || cy < 0 || cx > box.width || cy > box.height) continue;
    const dot = document.createElementNS(SVG_NS, 'circle');
    dot.setAttribute('cx', String(cx));
    dot.setAttribute('cy', String(cy));
    dot.setAttribute('r', String(12 * k));
    dot.setAttribute('fill', '#1b1d21');
    dot.setAttribute('stroke', '#ffffff');
    dot.setAttribute('stroke-width', '2');
    const count = document.createElementNS(SVG_NS, 'text');
    count.setAttribute('x', String(cx));
    count.setAttribute('y', String(cy + 4 * k));
    count.setAttribute('text-anchor', 'middle');
    count.setAttribute('font-size', String(11 * k));
    count.setAttribute('font-weight', 'bold');
    count.setAttribute('font-family', 'system-ui, sans-serif');
    count.setAttribute('fill', '#ffffff');
    count.textContent = marker.textContent;
    svg.append(dot, count);
  }
  return { svg, box };
}

/** The map as a file: its drawing under a title, with the situation and the attribution. */
function mapSnapshot(map: L.Map, title: { subtitle: string; attribution: string }): SVGSVGElement {
  const { svg, box } = mapDrawing(map);
  const { background, text, muted } = themeColours();
  return composeSvg({
    title: 'Front line and places of the events',
    subtitle: `${title.subtitle} · offline layers only`,
    footer: [
      `${title.attribution} (© DEEPSTATEUATECH LLC). Borders: Natural Earth. Places: GeoNames.`,
      'Markers: places named in the articles; numbers are events that match the filters.',
    ],
    background,
    text,
    muted,
    width: box.width,
    parts: [{ svg, width: box.width, height: box.height }],
  });
}

/**
 * The map as its frame shows it, for a slide exported elsewhere (the deck's PowerPoint): the drawing with the
 * stamp that sits on it (the situation date and DeepStateMap.live, and the comparison), where it sits.
 */
function framedMapSnapshot(map: L.Map, frame: HTMLElement): SVGSVGElement {
  const { svg, box } = mapDrawing(map);
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(box.width));
  svg.setAttribute('height', String(box.height));
  for (const stamp of frame.querySelectorAll<HTMLElement>('.map-stamp')) {
    const r = stamp.getBoundingClientRect();
    const style = getComputedStyle(stamp);
    const k = stamp.offsetWidth > 0 ? r.width / stamp.offsetWidth : 1;
    const size = (parseFloat(style.fontSize) || 16) * k;
    const plate = document.createElementNS(SVG_NS, 'rect');
    plate.setAttribute('x', String(r.left - box.left));
    plate.setAttribute('y', String(r.top - box.top));
    plate.setAttribute('width', String(r.width));
    plate.setAttribute('height', String(r.height));
    plate.setAttribute('rx', String(r.height / 2));
    plate.setAttribute('fill', style.backgroundColor || '#ffffff');
    plate.setAttribute('stroke', style.borderTopColor || '#8c8c8c');
    const words = document.createElementNS(SVG_NS, 'text');
    words.setAttribute('x', String(r.left - box.left + (parseFloat(style.paddingLeft) || 0) * k));
    words.setAttribute('y', String(r.top - box.top + r.height / 2 + size * 0.35));
    words.setAttribute('font-size', String(size));
    words.setAttribute('font-weight', style.fontWeight);
    words.setAttribute('font-family', style.fontFamily || 'system-ui, sans-serif');
    words.setAttribute('fill', style.color || '#1b1d21');
    words.textContent = stamp.textContent;
    svg.append(plate, words);
  }
  return svg;
}

/** Below 700 px wide (a phone, a narrow window). jsdom has no matchMedia: wide there. */
function narrowScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 699.98px)').matches;
}

/** The situation date and the attribution, on the map itself (never scrolled away from it). */
function MapStamp({ fl, drawnDate }: { fl: FrontlineState; drawnDate: string | null }) {
  return (
    <div className="map-overlay-stamp">
      <p className="map-stamp">
        {drawnDate ? (
          <>
            Front line as of <time dateTime={drawnDate}>{formatDate(drawnDate)}</time> · DeepStateMap.live
          </>
        ) : (
          'Loading the front line…'
        )}
      </p>
      {fl.comparison && (
        <p className="map-stamp map-stamp--compare">
          Changes since <time dateTime={fl.comparison.earlier.date}>{formatDate(fl.comparison.earlier.date)}</time>
        </p>
      )}
    </div>
  );
}

function FrontlineStatus({ fl }: { fl: FrontlineState }) {
  const busy =
    fl.loading && fl.target
      ? `Loading the front line of ${formatDate(fl.target.date)}…`
      : fl.comparing && fl.compareWith
        ? `Comparing with ${formatDate(fl.compareWith.date)}…`
        : '';
  const problems = [
    fl.indexError && `The list of front-line dates could not be loaded: ${fl.indexError}.`,
    fl.error,
    fl.compareError,
  ].filter((p): p is string => Boolean(p));
  return (
    <>
      <p className="map-status" role="status">
        {busy}
      </p>
      {problems.length > 0 && (
        <div className="map-problem" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <button type="button" className="button button--quiet" onClick={fl.retry}>
            Try again
          </button>
        </div>
      )}
    </>
  );
}

/**
 * The front-line map: offline base, DeepState layers by date, names, event places that follow the filters.
 * It follows the filters in a deferred render: a filter click re-renders only this wrapper (its busy flag);
 * the map itself, a memoised child, catches up after the click has painted.
 */
export default function MapPanel({ dataset }: { dataset: Dataset }) {
  const { filters, pending } = useDeferredFilters();
  return (
    <div className="map-panel" aria-busy={pending} data-pending={pending || undefined}>
      <MapPanelBody dataset={dataset} filters={filters} />
    </div>
  );
}

/** Everything the map draws, for the filters it is given (the deferred ones). */
const MapPanelBody = memo(function MapPanelBody({ dataset, filters }: { dataset: Dataset; filters: Filters }) {
  const { countries, oblasts, layers, kursk } = use(loadGeoData());
  const front = useMemo(() => boundsOf([oblasts.ukraine, oblasts.russiaBorder]), [oblasts]);
  const kurskView = useMemo(() => kurskViewBounds(kursk), [kursk]);
  const kurskLabel = useMemo(
    () =>
      kurskLabelPoint({
        type: 'FeatureCollection',
        features: kursk.features.filter((f) => f.properties?.['status'] === 'ua_controlled'),
      }),
    [kursk],
  );
  const placeEvents = useMemo(() => selectPlaceEvents(dataset, filters), [dataset, filters]);
  const selection = useMemo(() => boundsOfPoints(placeEvents.map((pe) => pe.place)), [placeEvents]);
  const marked = useMemo(() => placeEvents.map((pe) => pe.place), [placeEvents]);
  const asOf = useMemo(() => asOfDate(dataset.sources), [dataset.sources]);
  const fl = useFrontline(asOf);
  // What is drawn: the loaded situation; before the first one loads, the date asked for.
  const shownDate = fl.drawn?.situation.date ?? fl.target?.date ?? fl.requested;
  // The detailed layers (periods, grey zone, Kursk) exist for the as-of date only.
  const detail = shownDate === FRONT_LINE_AS_OF;
  const attribution = attributionFor(shownDate);
  const [map, setMap] = useState<L.Map | null>(null);
  const [visible, setVisible] = useState<ReadonlySet<string>>(
    () => new Set([OUTLINES, PLACES, ...layers.map(layerTitle)]),
  );
  const [describe, setDescribe] = useState(false);
  // The layer list starts as its button on every screen: open, it covered a third of a laptop's map.
  // Read once, as the map's props are fixed after mount: a phone needs to zoom further out for the world
  // view to fit its width.
  const [narrow] = useState(() => narrowScreen());
  const minZoom = narrow ? 0 : 2;
  const fitOptions = narrow ? NARROW_FIT_OPTIONS : FIT_OPTIONS;
  const [exportError, setExportError] = useState<string | null>(null);
  // On paper the map is framed on the front line (the occupied area drawn, with a margin), whatever view the
  // screen shows; the screen's view comes back after printing.
  const printBounds = useMemo(() => (fl.drawn ? boundsOf([fl.drawn.geometry]) : front), [fl.drawn, front]);
  useEffect(() => {
    if (!map) return;
    let saved: { center: L.LatLng; zoom: number } | null = null;
    const before = () => {
      saved = { center: map.getCenter(), zoom: map.getZoom() };
      map.fitBounds(L.latLngBounds(printBounds).pad(0.12), { animate: false, padding: [8, 8] });
    };
    const after = () => {
      if (saved) map.setView(saved.center, saved.zoom, { animate: false });
      saved = null;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [map, printBounds]);
  // The deck's PowerPoint finds the map through its frame (features do not import each other).
  const frameRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = frameRef.current;
    if (!map || !frame) return;
    return registerSnapshot(frame, () => framedMapSnapshot(map, frame));
  }, [map]);
  const exportPng = async () => {
    if (!map) return;
    setExportError(null);
    try {
      const subtitle = fl.comparison
        ? `Situation ${formatDate(shownDate)}, changes since ${formatDate(fl.comparison.earlier.date)}`
        : `Situation ${formatDate(shownDate)}`;
      download(await svgToPng(mapSnapshot(map, { subtitle, attribution })), 'front-line-map.png');
    } catch (error) {
      setExportError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const onOverlay = (name: string, on: boolean) =>
    setVisible((prev) => {
      const next = new Set(prev);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  const tooltipFor = (layer: FrontLineLayer) => (feature: Feature, leafletLayer: L.Layer) => {
    const area = Number((feature.properties as Record<string, unknown> | null)?.['area_km2'] ?? 0);
    leafletLayer.bindTooltip(
      textElement(`${layer.label}: ${formatArea(area)} (as of ${formatDate(FRONT_LINE_AS_OF)})`),
      {
        sticky: true,
      },
    );
  };

  return (
    <>
      <HatchDefs />
      <div className="map-toolbar">
        <ViewButtons map={map} selection={selection} front={front} kursk={kurskView} fitOptions={fitOptions} />
      </div>
      <div className="map-frame" ref={frameRef}>
        <MapContainer
          ref={setMap}
          bounds={front}
          boundsOptions={fitOptions}
          className="map-canvas"
          worldCopyJump={false}
          minZoom={minZoom}
          maxZoom={12}
          zoomSnap={0.25}
          aria-label="Map of the front line (DeepStateMap.live), the places of the events, and the main cities"
        >
          <Attribution frontLine={attribution} />
          <TrackSize initial={front} options={fitOptions} />
          <FitToSelection countries={filters.countries} selection={selection} front={front} options={fitOptions} />
          <OverlayTracker onChange={onOverlay} />
          <LayersControl position="topright" collapsed>
            <LayersControl.BaseLayer checked name={OFFLINE_BASE}>
              <GeoJSON data={countries} style={COUNTRY_STYLE} interactive={false} />
            </LayersControl.BaseLayer>
            <LayersControl.BaseLayer name={ONLINE_BASE}>
              <TileLayer
                url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
                attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
                maxZoom={19}
              />
            </LayersControl.BaseLayer>
            <LayersControl.Overlay checked name={OUTLINES}>
              <LayerGroup>
                <GeoJSON data={oblasts.ukraine} style={OBLAST_STYLE} interactive={false} />
                <GeoJSON data={oblasts.russiaBorder} style={BORDER_OBLAST_STYLE} interactive={false} />
              </LayerGroup>
            </LayersControl.Overlay>
            {detail &&
              layers.map((layer) => (
                <LayersControl.Overlay checked={visible.has(layerTitle(layer))} name={layerTitle(layer)} key={layer.id}>
                  <GeoJSON data={layer.data} style={layer.style} onEachFeature={tooltipFor(layer)} />
                </LayersControl.Overlay>
              ))}
            <LayersControl.Overlay checked name={PLACES}>
              <LayerGroup>
                <PlaceMarkers placeEvents={placeEvents} />
              </LayerGroup>
            </LayersControl.Overlay>
          </LayersControl>
          {fl.drawn && <FrontlineLayers drawn={fl.drawn} fill={!detail} comparison={fl.comparison} />}
          {/* Names under the front line (430), above the fills and changes; event markers stay on top. */}
          <Pane name={LABEL_PANE} style={{ zIndex: 425, pointerEvents: 'none' }}>
            <Pane name="map-label-dots" style={{ zIndex: 1 }}>
              <MapLabels marked={marked} />
              {detail && kurskLabel && (
                <CalloutLabel
                  at={kurskLabel.centre}
                  north={kurskLabel.north}
                  lines={['Kursk salient', 'held by Ukraine, 13 Feb 2025']}
                />
              )}
            </Pane>
          </Pane>
        </MapContainer>
        <MapStamp fl={fl} drawnDate={fl.drawn || detail ? shownDate : null} />
      </div>
      {/* The front line over time, under the map like a player's controls. */}
      <div className="map-timebar">
        <FrontlineControl state={fl} />
      </div>
      <FrontlineStatus fl={fl} />
      {fl.latestDate && asOf > fl.latestDate && (
        <p className="map-note map-note--latest">
          Latest front-line data: <time dateTime={fl.latestDate}>{formatDate(fl.latestDate)}</time> (the articles run to{' '}
          {formatDate(asOf)}).
        </p>
      )}
      <Legend visible={visible} layers={layers} detail={detail} fl={fl} />
      <p className="map-note">
        {attribution} (© DEEPSTATEUATECH LLC; not openly licensed, see data/geo/history/SOURCES.md). Areas are
        DeepState’s, measured on its polygons. Names of cities: GeoNames (CC BY 4.0). Markers stand for the places the
        articles name; a country or region named without a city is marked at its capital or main city.
      </p>
      <div className="map-actions">
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={describe}
          onClick={() => setDescribe((v) => !v)}
        >
          {describe ? 'Hide description' : 'Describe map'}
        </button>
        <button type="button" className="button button--quiet" onClick={exportPng} disabled={!map}>
          Download map PNG (offline layers)
        </button>
      </div>
      {exportError && <p role="alert">{exportError}</p>}
      {describe && <DescribeMap visible={visible} placeEvents={placeEvents} layers={layers} detail={detail} fl={fl} />}
    </>
  );
});
