/**
 * Places named in a text, matched to the gazetteer (and to the dashboard's own places first): capitalised exact
 * names or journalists' spellings ("Kiev"), never part of a longer name ("Washington Post", "Lloyd Austin").
 * On a name shared by several places, a place in a country the article names wins, then the biggest.
 */
import type { Place } from '../model/dataset/schema';
import type { Gazetteer, GazetteerPlace } from './gazetteer';
import { countryIndex, isPartOfLongerName } from './entities-countries';
import { PhraseIndex, tokenize } from './entities-text';

export type PlaceRef = { kind: 'known'; place: Place } | { kind: 'gazetteer'; place: GazetteerPlace };

export interface PlaceMatch {
  text: string;
  start: number;
  end: number;
  ref: PlaceRef;
  /** Other places of the gazetteer share the name: the article's countries chose this one. */
  ambiguous?: boolean;
}

/** A facility named after a town is not the town: "the Druzhba pipeline", "the Zaporizhzhia power plant". */
const FACILITY =
  /^\s+(?:oil\s+|gas\s+|nuclear\s+|power\s+|coal\s+|hydroelectric\s+|thermal\s+|steel\s+|air\s+|naval\s+|military\s+)?(?:pipelines?|fields?|oilfields?|gasfields?|plants?|stations?|refinery|refineries|terminals?|ports?|dam|mines?|bridge|airport|air\s+base|bases?|reactors?|works|facility|facilities|project|deposit|basin|strait|canal|offensive|agreement|accords?|format|process|talks|summit|declaration|memorandum|protocol|group|club|university|council)\b/i;

const indexes = new WeakMap<Gazetteer, WeakMap<readonly Place[], PhraseIndex<PlaceRef>>>();

/** "Brussels (NATO headquarters)" → "Brussels"; "Washington, D.C." stays. */
export const baseName = (name: string): string => name.replace(/\s*\(.*\)\s*$/, '').trim();

function placeIndex(gaz: Gazetteer, known: readonly Place[]): PhraseIndex<PlaceRef> {
  let byKnown = indexes.get(gaz);
  if (byKnown === undefined) {
    byKnown = new WeakMap();
    indexes.set(gaz, byKnown);
  }
  const cached = byKnown.get(known);
  if (cached !== undefined) return cached;
  const index = new PhraseIndex<PlaceRef>();
  for (const place of known) index.add(baseName(place.name), { kind: 'known', place });
  for (const place of gaz.places) {
    for (const name of [place.name, ...(place.alt ?? [])]) index.add(name, { kind: 'gazetteer', place });
  }
  byKnown.set(known, index);
  return index;
}

const placeNames = new WeakMap<Gazetteer, Set<string>>();

/** Is this exactly the name of a gazetteer place ("Virginia Beach", "San Francisco")? */
export function isPlaceName(name: string, gaz: Gazetteer): boolean {
  let names = placeNames.get(gaz);
  if (names === undefined) {
    names = new Set(gaz.places.flatMap((p) => [p.name, ...(p.alt ?? [])]));
    placeNames.set(gaz, names);
  }
  return names.has(name);
}

/** Distance in km between two points (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The dashboard's place for a gazetteer place: same name, or within 10 km. */
export function knownPlaceFor(place: GazetteerPlace, known: readonly Place[]): Place | undefined {
  const names = new Set([place.name, ...(place.alt ?? [])]);
  return (
    known.find((k) => k.country === place.country && names.has(baseName(k.name))) ??
    known.find((k) => distanceKm(k, place) <= 10)
  );
}

/**
 * Places named in a text. `articleCountries` (ISO codes the whole article names) breaks ties between places of
 * the same name. Country names are not places ("Singapore" the country, not the city).
 */
export function placesIn(
  text: string,
  gaz: Gazetteer,
  known: readonly Place[],
  articleCountries: readonly string[],
): PlaceMatch[] {
  const tokens = tokenize(text);
  const countries = countryIndex(gaz);
  const out: PlaceMatch[] = [];
  for (const m of placeIndex(gaz, known).find(text, tokens)) {
    if (!/^\p{Lu}/u.test(m.text)) continue;
    if (isPartOfLongerName(text, tokens, m)) continue;
    if (FACILITY.test(text.slice(m.end))) continue;
    const knownRef = m.values.find((v) => v.kind === 'known');
    if (knownRef === undefined) {
      const asCountry = countries.find(m.text)[0];
      const isCountryName =
        asCountry !== undefined && asCountry.text === m.text && asCountry.values.some((v) => v.via !== 'city');
      if (isCountryName) continue;
    }
    const ref =
      knownRef ??
      m.values.find((v) => v.kind === 'gazetteer' && articleCountries.includes(v.place.country)) ??
      m.values[0];
    if (ref === undefined) continue;
    const gazetteerRefs = m.values.filter((v) => v.kind === 'gazetteer');
    const where = new Set(gazetteerRefs.map((v) => (v.kind === 'gazetteer' ? v.place.country : '')));
    out.push({
      text: m.text,
      start: m.start,
      end: m.end,
      ref,
      ...(knownRef === undefined && where.size > 1 ? { ambiguous: true } : {}),
    });
  }
  return out;
}
