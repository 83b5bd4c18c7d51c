/**
 * Areas and differences of front-line situations: geodesic areas with @turf/area, differences with
 * polygon-clipping. Kept apart from `frontline.ts` so the page's charts do not load the geometry libraries;
 * the build does (scripts/lib/frontline-build.ts, scripts/lib/frontline-differences-plugin.ts).
 */
import { area as turfArea } from '@turf/area';
import type { Feature, FeatureCollection, Geometry, MultiPolygon as GeoMultiPolygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import type { MultiPolygon as ClipMultiPolygon, Pair, Polygon as ClipPolygon } from 'polygon-clipping';

/** A Polygon or MultiPolygon geometry, a Feature of one, or a FeatureCollection of them. */
export type AreaInput = Geometry | Feature | FeatureCollection;

const toPair = (p: Position): Pair => [p[0]!, p[1]!];

/** The polygons of any area input as one polygon-clipping MultiPolygon (lon/lat pairs; other geometries ignored). */
export function toClipMultiPolygon(input: AreaInput): ClipMultiPolygon {
  switch (input.type) {
    case 'FeatureCollection':
      return input.features.flatMap((f) => toClipMultiPolygon(f));
    case 'Feature':
      return input.geometry ? toClipMultiPolygon(input.geometry) : [];
    case 'Polygon':
      return [input.coordinates.map((ring) => ring.map(toPair))];
    case 'MultiPolygon':
      return input.coordinates.map((poly) => poly.map((ring) => ring.map(toPair)));
    case 'GeometryCollection':
      return input.geometries.flatMap((g) => toClipMultiPolygon(g));
    default:
      return [];
  }
}

export function toGeoMultiPolygon(mp: ClipMultiPolygon): GeoMultiPolygon {
  return { type: 'MultiPolygon', coordinates: mp.map((poly: ClipPolygon) => poly.map((ring) => ring.map(toPair))) };
}

/** Geodesic area in km² (@turf/area: spherical, R = 6,371,008.8 m; the method SOURCES.md used). */
export function occupiedAreaKm2(input: AreaInput): number {
  return turfArea(input) / 1e6;
}

export interface Difference {
  /** Occupied in b and not in a: ground taken by Russia between the two situations. */
  taken: GeoMultiPolygon;
  /** Occupied in a and not in b: ground retaken by Ukraine. */
  retaken: GeoMultiPolygon;
  takenKm2: number;
  retakenKm2: number;
}

/**
 * What changed from situation a (earlier) to situation b (later). Both are simplified outlines (about
 * 0.004–0.005°, see SOURCES.md), so each side carries some simplification noise: a few km² between two
 * days, tens of km² over months. The net (takenKm2 − retakenKm2) equals area(b) − area(a) of the drawn shapes.
 */
export function difference(a: AreaInput, b: AreaInput): Difference {
  const ma = toClipMultiPolygon(a);
  const mb = toClipMultiPolygon(b);
  const taken = toGeoMultiPolygon(polygonClipping.difference(mb, ma));
  const retaken = toGeoMultiPolygon(polygonClipping.difference(ma, mb));
  return { taken, retaken, takenKm2: occupiedAreaKm2(taken), retakenKm2: occupiedAreaKm2(retaken) };
}
