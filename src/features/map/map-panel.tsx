import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { memo, use, useEffect, useMemo, useState } from 'react';
import {
  GeoJSON,
  LayerGroup,
  LayersControl,
  MapContainer,
  Marker,
  Popup,
  TileLayer,
  useMap,
  useMapEvents,
} from 'react-leaflet';
import type { Feature } from 'geojson';
import type { Dataset } from '../../model/schema';
import { formatDate, formatEventDate } from '../../model/format';
import { selectPlaceEvents, type PlaceEvents } from '../../model/event-selectors';
import { useChoices } from '../../state/store';
import { useDeferredFilters } from '../../state/use-filters';
import { loadGeoData } from './geo-data';
import { composeSvg, download, standaloneSvg, svgToPng, themeColours } from '../../components/export-image';
import {
  boundsOf,
  boundsOfPoints,
  EUROPE_BOUNDS,
  formatArea,
  FRONT_LINE_AS_OF,
  FRONT_LINE_ATTRIBUTION,
  WORLD_BOUNDS,
  type FrontLineLayer,
  type LatLngBoundsTuple,
} from './geo-layers';

/** Leave room on the right for the expanded layer control. */
// Room on the right for the open layer list; a narrow screen's list starts closed and needs none.
const FIT_OPTIONS: L.FitBoundsOptions = { paddingTopLeft: [12, 12], paddingBottomRight: [250, 12] };
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
function Attribution() {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    control.setPrefix(false);
    const parts = [FRONT_LINE_ATTRIBUTION, 'Borders: Natural Earth', 'Places: GeoNames'];
    parts.forEach((p) => control.addAttribution(p));
    return () => parts.forEach((p) => control.removeAttribution(p));
  }, [map]);
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
  placeEvents,
  front,
  fitOptions,
}: {
  map: L.Map | null;
  placeEvents: readonly PlaceEvents[];
  front: LatLngBoundsTuple;
  fitOptions: L.FitBoundsOptions;
}) {
  const selection = boundsOfPoints(placeEvents.map((pe) => pe.place));
  const fit = (bounds: LatLngBoundsTuple) => map?.fitBounds(bounds, fitOptions);
  return (
    <div className="map-views" role="group" aria-label="Map views">
      <button type="button" className="button button--quiet" onClick={() => fit(front)} disabled={!map}>
        Front
      </button>
      <button type="button" className="button button--quiet" onClick={() => fit(EUROPE_BOUNDS)} disabled={!map}>
        Europe
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

function Legend({ visible, layers }: { visible: ReadonlySet<string>; layers: readonly FrontLineLayer[] }) {
  return (
    <ul className="map-legend" aria-label="Legend">
      {layers.map((layer) => (
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
}: {
  visible: ReadonlySet<string>;
  placeEvents: readonly PlaceEvents[];
  layers: readonly FrontLineLayer[];
}) {
  const shownLayers = layers.filter((l) => visible.has(layerTitle(l)));
  const placesOn = visible.has(PLACES);
  return (
    <div className="map-description">
      <h3>Layers shown</h3>
      {shownLayers.length === 0 ? (
        <p>No front-line layer is switched on.</p>
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

/**
 * The map as drawn now, as one SVG: the vector layers (offline base, outlines, front line) and the
 * place markers. Online tiles are pictures from elsewhere and are never included.
 */
function mapSnapshot(map: L.Map): SVGSVGElement {
  const container = map.getContainer();
  const box = container.getBoundingClientRect();
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  const sea = document.createElementNS(SVG_NS, 'rect');
  sea.setAttribute('width', String(box.width));
  sea.setAttribute('height', String(box.height));
  sea.setAttribute('fill', getComputedStyle(container).backgroundColor || '#cfe0ee');
  svg.append(sea);
  const overlay = container.querySelector<SVGSVGElement>('.leaflet-overlay-pane svg');
  if (overlay) {
    const r = overlay.getBoundingClientRect();
    const clone = standaloneSvg(overlay);
    clone.setAttribute('x', String(r.left - box.left));
    clone.setAttribute('y', String(r.top - box.top));
    clone.setAttribute('width', String(r.width));
    clone.setAttribute('height', String(r.height));
    svg.append(clone);
  }
  for (const marker of container.querySelectorAll<HTMLElement>('.leaflet-marker-icon')) {
    const r = marker.getBoundingClientRect();
    const cx = r.left - box.left + r.width / 2;
    const cy = r.top - box.top + r.height / 2;
    if (cx < 0 || cy < 0 || cx > box.width || cy > box.height) continue;
    const dot = document.createElementNS(SVG_NS, 'circle');
    dot.setAttribute('cx', String(cx));
    dot.setAttribute('cy', String(cy));
    dot.setAttribute('r', '12');
    dot.setAttribute('fill', '#1b1d21');
    dot.setAttribute('stroke', '#ffffff');
    dot.setAttribute('stroke-width', '2');
    const count = document.createElementNS(SVG_NS, 'text');
    count.setAttribute('x', String(cx));
    count.setAttribute('y', String(cy + 4));
    count.setAttribute('text-anchor', 'middle');
    count.setAttribute('font-size', '11');
    count.setAttribute('font-weight', 'bold');
    count.setAttribute('font-family', 'system-ui, sans-serif');
    count.setAttribute('fill', '#ffffff');
    count.textContent = marker.textContent;
    svg.append(dot, count);
  }
  const { background, text, muted } = themeColours();
  return composeSvg({
    title: 'Front line and places of the events',
    subtitle: `Situation ${formatDate(FRONT_LINE_AS_OF)} · offline layers only`,
    footer: [
      `${FRONT_LINE_ATTRIBUTION} (© DEEPSTATEUATECH LLC). Borders: Natural Earth. Places: GeoNames.`,
      'Markers: places named in the articles; numbers are events that match the filters.',
    ],
    background,
    text,
    muted,
    width: box.width,
    parts: [{ svg, width: box.width, height: box.height }],
  });
}

/** The front-line map: offline base, DeepState layers, event places that follow the filters. */
/** Below 700 px wide (a phone, a narrow window). jsdom has no matchMedia: wide there. */
function narrowScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 699.98px)').matches;
}

export default function MapPanel({ dataset }: { dataset: Dataset }) {
  const { countries, oblasts, layers } = use(loadGeoData());
  const front = useMemo(() => boundsOf([oblasts.ukraine, oblasts.russiaBorder]), [oblasts]);
  const { filters, pending } = useDeferredFilters();
  const placeEvents = useMemo(() => selectPlaceEvents(dataset, filters), [dataset, filters]);
  const [map, setMap] = useState<L.Map | null>(null);
  const [visible, setVisible] = useState<ReadonlySet<string>>(
    () => new Set([OUTLINES, PLACES, ...layers.map(layerTitle)]),
  );
  const [describe, setDescribe] = useState(false);
  // On a narrow screen the open layer list would cover most of the map: it starts as its button.
  // Read once, as LayersControl's props are fixed after mount.
  const [collapseLayers] = useState(() => narrowScreen());
  // A phone needs to zoom further out for the world view to fit its width.
  const minZoom = collapseLayers ? 0 : 2;
  const fitOptions = collapseLayers ? NARROW_FIT_OPTIONS : FIT_OPTIONS;
  const [exportError, setExportError] = useState<string | null>(null);
  const exportPng = async () => {
    if (!map) return;
    setExportError(null);
    try {
      download(await svgToPng(mapSnapshot(map)), 'front-line-map.png');
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
    <div className="map-panel" aria-busy={pending} data-pending={pending || undefined}>
      <div className="map-toolbar">
        <ViewButtons map={map} placeEvents={placeEvents} front={front} fitOptions={fitOptions} />
        <p className="map-stamp">
          Front line as of <time dateTime={FRONT_LINE_AS_OF}>{formatDate(FRONT_LINE_AS_OF)}</time> · DeepStateMap.live
        </p>
      </div>
      <MapContainer
        ref={setMap}
        bounds={front}
        boundsOptions={fitOptions}
        className="map-canvas"
        worldCopyJump={false}
        minZoom={minZoom}
        maxZoom={12}
        zoomSnap={0.25}
        aria-label={`Map of the front line, ${FRONT_LINE_ATTRIBUTION}, and the places of the events`}
      >
        <Attribution />
        <OverlayTracker onChange={onOverlay} />
        <LayersControl position="topright" collapsed={collapseLayers}>
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
          {layers.map((layer) => (
            <LayersControl.Overlay checked name={layerTitle(layer)} key={layer.id}>
              <GeoJSON data={layer.data} style={layer.style} onEachFeature={tooltipFor(layer)} />
            </LayersControl.Overlay>
          ))}
          <LayersControl.Overlay checked name={PLACES}>
            <LayerGroup>
              <PlaceMarkers placeEvents={placeEvents} />
            </LayerGroup>
          </LayersControl.Overlay>
        </LayersControl>
      </MapContainer>
      <Legend visible={visible} layers={layers} />
      <p className="map-note">
        {FRONT_LINE_ATTRIBUTION} (© DEEPSTATEUATECH LLC; not openly licensed, see data/geo/SOURCES.md). Areas are
        DeepState’s, measured on its polygons. Markers stand for the places the articles name; a country or region named
        without a city is marked at its capital or main city.
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
      {describe && <DescribeMap visible={visible} placeEvents={placeEvents} layers={layers} />}
    </div>
  );
}
