import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { boundsOf, boundsOfPoints, formatArea, frontLineLayers, unwrapAntimeridian } from './geo-layers';
import { loadGeoData } from './geo-data';

const { countries, layers, oblasts } = await loadGeoData();

const polygon = (props: Record<string, unknown>, ring: number[][]): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const square = [
  [30, 50],
  [31, 50],
  [31, 51],
  [30, 50],
];

describe('frontLineLayers', () => {
  const result = frontLineLayers({
    occupiedByPeriod: fc(
      polygon({ period: 'crimea', label: 'Occupied Crimea', area_km2: 27115 }, square),
      polygon({ period: 'since_2022', label: 'Occupied since 2022', area_km2: 68097 }, square),
    ),
    greyZone: fc(polygon({ area_km2: 46.4 }, square), polygon({ area_km2: 26.1 }, square)),
    kursk: fc(
      polygon({ status: 'ua_controlled', area_km2: 421 }, square),
      polygon({ status: 'ua_controlled', area_km2: 11.3 }, square),
      polygon({ status: 'contested', area_km2: 165 }, square),
    ),
  });

  it('makes one layer per occupation period, the grey zone and the two Kursk statuses', () => {
    expect(result.map((l) => l.id)).toEqual([
      'occupied-crimea',
      'occupied-since-2022',
      'grey-zone',
      'kursk-ua-held',
      'kursk-contested',
    ]);
  });

  it('sums each layer’s area from its features and keeps the source’s label', () => {
    const byId = Object.fromEntries(result.map((l) => [l.id, l]));
    expect(byId['occupied-crimea']!.label).toBe('Occupied Crimea');
    expect(byId['grey-zone']!.areaKm2).toBeCloseTo(72.5);
    expect(byId['kursk-ua-held']!.areaKm2).toBeCloseTo(432.3);
    expect(byId['kursk-ua-held']!.data.features).toHaveLength(2);
    expect(byId['kursk-contested']!.areaKm2).toBe(165);
  });
});

describe('the shipped layers', () => {
  it('are the DeepState polygons with their published areas', () => {
    const area = Object.fromEntries(layers.map((l) => [l.id, Math.round(l.areaKm2)]));
    expect(area).toEqual({
      'occupied-crimea': 27115,
      'occupied-ordlo': 16755,
      'occupied-since-2022': 68097,
      'grey-zone': 748,
      'kursk-ua-held': 432,
      'kursk-contested': 175,
    });
  });

  it('draw Russia without crossing the map: every longitude east of −170°', () => {
    const russia = countries.features.find((f) => (f.properties as { name?: string }).name === 'Russia')!;
    const lons = JSON.stringify(russia.geometry)
      .match(/\[(-?\d+(\.\d+)?),/g)!
      .map((m) => Number(m.slice(1, -1)));
    expect(Math.min(...lons)).toBeGreaterThan(-170);
    expect(Math.max(...lons)).toBeGreaterThan(180);
  });

  it('have Crimea as part of Ukraine in the world base map', () => {
    const ukraine = countries.features.find((f) => (f.properties as { name?: string }).name === 'Ukraine')!;
    const [[south]] = boundsOf([fc(ukraine)]);
    expect(south).toBeLessThan(45);
  });

  it('frame the front view on Ukraine and the Russian border oblasts', () => {
    const [[s, w], [n, e]] = boundsOf([oblasts.ukraine, oblasts.russiaBorder]);
    expect([Math.round(s), Math.round(w), Math.round(n), Math.round(e)]).toEqual([44, 22, 54, 40]);
  });
});

describe('unwrapAntimeridian', () => {
  it('shifts the western parts of a shape that crosses ±180°', () => {
    const fiji = polygon({}, [
      [179, -17],
      [-179.5, -17],
      [-179.5, -16],
      [179, -17],
    ]);
    const out = unwrapAntimeridian(fiji);
    expect((out.geometry as { coordinates: number[][][] }).coordinates[0]!.map((p) => p[0])).toEqual([
      179, 180.5, 180.5, 179,
    ]);
  });

  it('leaves other shapes alone', () => {
    const f = polygon({}, square);
    expect(unwrapAntimeridian(f)).toBe(f);
  });
});

describe('bounds and areas', () => {
  it('pads point bounds and has none for no points', () => {
    expect(boundsOfPoints([{ lat: 50, lon: 30 }], 1)).toEqual([
      [49, 29],
      [51, 31],
    ]);
    expect(boundsOfPoints([])).toBeNull();
  });

  it('formats areas', () => {
    expect(formatArea(27115)).toBe('27,115 km²');
    expect(formatArea(11.34)).toBe('11.3 km²');
  });
});

describe('the front line sits where the source puts it', () => {
  const inside = (lon: number, lat: number, ring: number[][]) => {
    let hit = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > lat !== yj! > lat && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) hit = !hit;
    }
    return hit;
  };
  const layerAt = (lon: number, lat: number) =>
    layers
      .filter((l) =>
        l.data.features.some((f) => {
          const g = f.geometry;
          const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
          return polys.some((p) => inside(lon, lat, p[0]!) && !p.slice(1).some((hole) => inside(lon, lat, hole)));
        }),
      )
      .map((l) => l.id);

  it.each([
    ['Donetsk', 37.80224, 48.023, ['occupied-ordlo']],
    ['Sudzha', 35.271, 51.191, ['kursk-ua-held']],
    ['Kyiv', 30.5238, 50.45466, []],
    ['Zaporizhzhia', 35.11714, 47.85167, []],
    ['Kherson', 32.61458, 46.63695, []],
    ['Kursk', 36.18457, 51.72689, []],
  ])('%s (GeoNames) falls in %j', (_name, lon, lat, expected) => {
    expect(layerAt(lon, lat)).toEqual(expected);
  });
});
