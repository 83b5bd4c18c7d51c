/**
 * The map's layers as data: the front line of 13 Feb 2025 exactly as DeepStateMap.live drew it,
 * oblast outlines and the world's countries. Pure functions; the map components only draw these.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export const FRONT_LINE_ATTRIBUTION = 'Front line: DeepStateMap.live, situation 13 Feb 2025';
export const FRONT_LINE_AS_OF = '2025-02-13';

export interface LayerStyle {
  color: string;
  fillColor: string;
  fillOpacity: number;
  weight: number;
  dashArray?: string;
}

export interface FrontLineLayer {
  id: string;
  /** Name in the layer control and legend. */
  name: string;
  /** The source's own label, shown in tooltips. */
  label: string;
  areaKm2: number;
  style: LayerStyle;
  data: FeatureCollection;
}

type Props = Record<string, unknown>;

function areaOf(features: readonly Feature[]): number {
  return features.reduce((sum, f) => sum + Number((f.properties as Props | null)?.['area_km2'] ?? 0), 0);
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

const OCCUPIED: Record<string, { name: string; style: LayerStyle }> = {
  crimea: {
    name: 'Occupied since 2014: Crimea',
    style: { color: '#7f2704', fillColor: '#a63603', fillOpacity: 0.55, weight: 1 },
  },
  ordlo: {
    name: 'Occupied before 24 Feb 2022: parts of Donetsk and Luhansk',
    style: { color: '#7f2704', fillColor: '#d94801', fillOpacity: 0.5, weight: 1 },
  },
  since_2022: {
    name: 'Occupied since 2022',
    style: { color: '#a63603', fillColor: '#fd8d3c', fillOpacity: 0.45, weight: 1 },
  },
};

/** Split the DeepState files into the layers the map shows, each with its total area. */
export function frontLineLayers(files: {
  occupiedByPeriod: FeatureCollection;
  greyZone: FeatureCollection;
  kursk: FeatureCollection;
}): FrontLineLayer[] {
  const layers: FrontLineLayer[] = [];
  for (const [period, def] of Object.entries(OCCUPIED)) {
    const features = files.occupiedByPeriod.features.filter((f) => (f.properties as Props)['period'] === period);
    if (features.length === 0) continue;
    layers.push({
      id: `occupied-${period.replace('_', '-')}`,
      name: def.name,
      label: String((features[0]!.properties as Props)['label']),
      areaKm2: areaOf(features),
      style: def.style,
      data: collection(features),
    });
  }
  layers.push({
    id: 'grey-zone',
    name: 'Grey zone (contested) in Ukraine',
    label: 'Contested / unknown status (DeepState grey zone)',
    areaKm2: areaOf(files.greyZone.features),
    style: { color: '#525252', fillColor: '#969696', fillOpacity: 0.55, weight: 0.8 },
    data: files.greyZone,
  });
  const held = files.kursk.features.filter((f) => (f.properties as Props)['status'] === 'ua_controlled');
  const contested = files.kursk.features.filter((f) => (f.properties as Props)['status'] === 'contested');
  layers.push({
    id: 'kursk-ua-held',
    name: 'Kursk region: held by Ukrainian forces',
    label: 'Area of Kursk oblast (Russia) held by Ukrainian forces',
    areaKm2: areaOf(held),
    style: { color: '#08306b', fillColor: '#2171b5', fillOpacity: 0.55, weight: 1 },
    data: collection(held),
  });
  layers.push({
    id: 'kursk-contested',
    name: 'Kursk region: contested',
    label: 'Contested / unknown status around the Ukrainian-held area',
    areaKm2: areaOf(contested),
    style: { color: '#08306b', fillColor: '#9ecae1', fillOpacity: 0.55, weight: 0.8, dashArray: '3 3' },
    data: collection(contested),
  });
  return layers;
}

const AREA_SMALL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const AREA_LARGE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "27,115 km²". */
export function formatArea(km2: number): string {
  return `${(km2 < 100 ? AREA_SMALL : AREA_LARGE).format(km2)} km²`;
}

function mapPositions(geometry: Geometry, fn: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: fn(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(fn) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(fn)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(fn))) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
  }
}

function longitudes(geometry: Geometry): number[] {
  const out: number[] = [];
  mapPositions(geometry, (p) => {
    out.push(p[0]!);
    return p;
  });
  return out;
}

/**
 * Shapes that cross ±180° (Russia's Chukotka, Fiji) have parts near both edges; Leaflet would draw
 * stripes across the world between them. Shift their western parts by +360° so they join in the east.
 */
export function unwrapAntimeridian(feature: Feature): Feature {
  if (!feature.geometry) return feature;
  const lons = longitudes(feature.geometry);
  const crosses = lons.some((x) => x > 170) && lons.some((x) => x < -170);
  if (!crosses) return feature;
  return {
    ...feature,
    geometry: mapPositions(feature.geometry, ([x, y, ...rest]) => [x! < 0 ? x! + 360 : x!, y!, ...rest]),
  };
}

export type LatLngBoundsTuple = [[number, number], [number, number]];

/** South-west and north-east corners of the features, as Leaflet wants them: [[lat, lon], [lat, lon]]. */
export function boundsOf(collections: readonly FeatureCollection[]): LatLngBoundsTuple {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const fc of collections) {
    for (const f of fc.features) {
      if (!f.geometry) continue;
      mapPositions(f.geometry, (p) => {
        minX = Math.min(minX, p[0]!);
        maxX = Math.max(maxX, p[0]!);
        minY = Math.min(minY, p[1]!);
        maxY = Math.max(maxY, p[1]!);
        return p;
      });
    }
  }
  return [
    [minY, minX],
    [maxY, maxX],
  ];
}

/** Bounds around points, padded so that a single point still gives a sensible view. */
export function boundsOfPoints(points: readonly { lat: number; lon: number }[], pad = 2): LatLngBoundsTuple | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  return [
    [Math.min(...lats) - pad, Math.min(...lons) - pad],
    [Math.max(...lats) + pad, Math.max(...lons) + pad],
  ];
}

export const EUROPE_BOUNDS: LatLngBoundsTuple = [
  [35, -11],
  [62, 45],
];

export const WORLD_BOUNDS: LatLngBoundsTuple = [
  [-50, -150],
  [72, 190],
];
