import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
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
import { useFilters } from '../../state/use-filters';
import { countries, layers, oblasts } from './geo-data';
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

const FRONT_BOUNDS: LatLngBoundsTuple = boundsOf([oblasts.ukraine, oblasts.russiaBorder]);
/** Leave room on the right for the expanded layer control. */
const FIT_OPTIONS: L.FitBoundsOptions = { paddingTopLeft: [12, 12], paddingBottomRight: [250, 12] };
const OUTLINES = 'Oblast outlines';
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

function placeIcon(count: number): L.DivIcon {
  const badge = document.createElement('span');
  badge.className = 'place-marker__count';
  badge.textContent = String(count);
  badge.setAttribute('aria-hidden', 'true');
  return L.divIcon({
    className: 'place-marker',
    html: badge,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -12],
  });
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

function PlaceMarkers({ placeEvents }: { placeEvents: readonly PlaceEvents[] }) {
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
                  {events.map((event) => (
                    <li key={event.id}>
                      <button type="button" className="link-button" onClick={() => openEvent(event.id)}>
                        <time dateTime={event.date}>{formatEventDate(event)}</time>: {event.title}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            </Popup>
          </Marker>
        );
      })}
    </>
  );
}

function ViewButtons({ map, placeEvents }: { map: L.Map | null; placeEvents: readonly PlaceEvents[] }) {
  const selection = boundsOfPoints(placeEvents.map((pe) => pe.place));
  const fit = (bounds: LatLngBoundsTuple) => map?.fitBounds(bounds, FIT_OPTIONS);
  return (
    <div className="map-views" role="group" aria-label="Map views">
      <button type="button" className="button button--quiet" onClick={() => fit(FRONT_BOUNDS)} disabled={!map}>
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

function Legend({ visible }: { visible: ReadonlySet<string> }) {
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

function DescribeMap({ visible, placeEvents }: { visible: ReadonlySet<string>; placeEvents: readonly PlaceEvents[] }) {
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
              {events.map((e, i) => (
                <span key={e.id}>
                  {i > 0 ? '; ' : ''}
                  {formatEventDate(e)}, {e.title}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The front-line map: offline base, DeepState layers, event places that follow the filters. */
export default function MapPanel({ dataset }: { dataset: Dataset }) {
  const filters = useFilters();
  const placeEvents = useMemo(() => selectPlaceEvents(dataset, filters), [dataset, filters]);
  const [map, setMap] = useState<L.Map | null>(null);
  const [visible, setVisible] = useState<ReadonlySet<string>>(
    () => new Set([OUTLINES, PLACES, ...layers.map(layerTitle)]),
  );
  const [describe, setDescribe] = useState(false);

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
    <div className="map-panel">
      <div className="map-toolbar">
        <ViewButtons map={map} placeEvents={placeEvents} />
        <p className="map-stamp">
          Front line as of <time dateTime={FRONT_LINE_AS_OF}>{formatDate(FRONT_LINE_AS_OF)}</time> · DeepStateMap.live
        </p>
      </div>
      <MapContainer
        ref={setMap}
        bounds={FRONT_BOUNDS}
        boundsOptions={FIT_OPTIONS}
        className="map-canvas"
        worldCopyJump={false}
        minZoom={2}
        maxZoom={12}
        zoomSnap={0.25}
        aria-label={`Map of the front line, ${FRONT_LINE_ATTRIBUTION}, and the places of the events`}
      >
        <Attribution />
        <OverlayTracker onChange={onOverlay} />
        <LayersControl position="topright" collapsed={false}>
          <LayersControl.BaseLayer checked name={OFFLINE_BASE}>
            <GeoJSON
              data={countries}
              style={{ color: '#8c8c8c', weight: 0.6, fillColor: '#f2efe6', fillOpacity: 1 }}
              interactive={false}
            />
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
              <GeoJSON
                data={oblasts.ukraine}
                style={{ color: '#6b6b6b', weight: 0.7, fill: false }}
                interactive={false}
              />
              <GeoJSON
                data={oblasts.russiaBorder}
                style={{ color: '#6b6b6b', weight: 0.7, fill: false, dashArray: '2 3' }}
                interactive={false}
              />
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
      <Legend visible={visible} />
      <p className="map-note">
        {FRONT_LINE_ATTRIBUTION} (© DEEPSTATEUATECH LLC; not openly licensed, see data/geo/SOURCES.md). Areas are
        DeepState’s, measured on its polygons. Markers stand for the places the articles name; a country or region named
        without a city is marked at its capital or main city.
      </p>
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={describe}
        onClick={() => setDescribe((v) => !v)}
      >
        {describe ? 'Hide description' : 'Describe map'}
      </button>
      {describe && <DescribeMap visible={visible} placeEvents={placeEvents} />}
    </div>
  );
}
