import 'leaflet/dist/leaflet.css';
import './map.css';
import * as L from 'leaflet';
import { memo, use, useEffect, useMemo, useRef, useState } from 'react';
import { GeoJSON, LayerGroup, LayersControl, MapContainer, Pane, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import type { Feature } from 'geojson';
import type { Dataset } from '../../model/dataset/schema';
import type { Filters } from '../../model/dataset/selectors';
import { asOfDate, formatDate } from '../../model/format/format';
import { selectPlaceEvents } from '../../model/dataset/event-selectors';
import { useDeferredFilters } from '../../state/use-filters';
import { loadGeoData } from './geo-data';
import { download, svgToPng } from '../../components/export-image';
import { registerSnapshot } from '../../components/snapshots';
import { boundsOf, boundsOfPoints, formatArea, FRONT_LINE_AS_OF, type FrontLineLayer } from './geo-layers';
import { FrontlineControl } from './frontline/frontline-control';
import { FrontlineLayers, HatchDefs } from './frontline/frontline-layers';
import { attributionFor } from './frontline/frontline-text';
import { kurskLabelPoint, kurskViewBounds } from './label-placement';
import { CalloutLabel, FitToSelection, LABEL_PANE, MapLabels, TrackSize } from './map-labels';
import { useFrontline } from './frontline/use-frontline';
import { DescribeMap } from './map-description';
import { Legend } from './map-legend';
import { layerTitle, OUTLINES, PLACES } from './map-overlays';
import { framedMapSnapshot, mapSnapshot } from './map-snapshot';
import { FrontlineStatus, MapStamp } from './map-status';
import { ViewButtons } from './map-views';
import { PlaceMarkers } from './place-markers';

// Room on the right for the layer list's button.
const FIT_OPTIONS: L.FitBoundsOptions = { paddingTopLeft: [12, 12], paddingBottomRight: [56, 12] };
const NARROW_FIT_OPTIONS: L.FitBoundsOptions = { padding: [12, 12] };
// Styles are constants: react-leaflet restyles every polygon when a style object changes identity.
const COUNTRY_STYLE: L.PathOptions = { color: '#8c8c8c', weight: 0.6, fillColor: '#f2efe6', fillOpacity: 1 };
const OBLAST_STYLE: L.PathOptions = { color: '#6b6b6b', weight: 0.7, fill: false };
const BORDER_OBLAST_STYLE: L.PathOptions = { ...OBLAST_STYLE, dashArray: '2 3' };
const OFFLINE_BASE = 'Offline map (no network needed)';
const ONLINE_BASE = 'OpenStreetMap tiles (online: needs a network)';

/** Leaflet sets tooltip strings as HTML; data go in as text. */
function textElement(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
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

/** Below 700 px wide (a phone, a narrow window). jsdom has no matchMedia: wide there. */
function narrowScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 699.98px)').matches;
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
