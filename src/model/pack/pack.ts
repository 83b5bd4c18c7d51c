/**
 * Checks a data pack (one article brought in by the analyst) before anything of it joins the dashboard:
 * the shared zod schemas, then what spans items: ids unique in the pack and not clashing with the dashboard's
 * data, references that resolve (dashboard ∪ pack), every quote verbatim in the pack's article, and items the
 * dashboard already has (skipped, with a warning naming them). Pure: no I/O. Never throws.
 *
 * Every error names the item and the field: `pack.figures[3].unit: unknown unit "x" (not in units.json)`.
 */
import { DATA_FORMAT, DataFileSchema, PACK_FORMAT, PACK_VERSION, PackSchema, type Pack } from './pack-schema';
import { formatIssue, formatPathFrom } from '../dataset/load-dataset';
import { mergeDataset } from './merge';
import { acceptedItems } from './lifecycle';
import { normaliseQuote, quoteIsVerbatim } from './verbatim';
import type { Actor, Dataset, Figure, Source, Statement } from '../dataset/schema';
import type { Briefing } from '../briefing/briefing';
import type { LeadPin } from '../measures/leads';
import type { Edits } from '../corrections/edits-schema';

export type PackCheck = { ok: true; pack: Pack; warnings: string[] } | { ok: false; errors: string[] };

export interface DataFileCheck {
  packs: Pack[];
  errors: string[];
  warnings: string[];
  /** Saved briefings in the file, checked whole (a file with a bad briefing brings in nothing). */
  briefings: Briefing[];
  /** The lead figures pinned in the file, when it has them. */
  leads?: LeadPin[];
  /** The analyst's corrections, measures and merges in the file, when it has them. */
  edits?: Edits;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

/** Text is read as JSON; anything else is taken as already parsed. */
function readJson(raw: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `This file is not JSON, so it is not a geobrief data pack (${reason})` };
  }
}

/** The one plain error for input that is not a version-1 pack at all, or null when it looks like one. */
function envelopeError(value: unknown): string | null {
  if (!isObject(value)) {
    return `This is not a geobrief data pack: expected a JSON object with "format": "${PACK_FORMAT}", got ${describe(value)}`;
  }
  if (value.format === DATA_FORMAT) {
    return `This is a geobrief data file (format is "${DATA_FORMAT}"), not a single pack: import it as a data file`;
  }
  if (value.format !== PACK_FORMAT) {
    return value.format === undefined
      ? `This is not a geobrief data pack (it has no "format"; a pack has "format": "${PACK_FORMAT}")`
      : `This is not a geobrief data pack (format is ${describe(value.format)})`;
  }
  return versionError(value.version, 'packs');
}

function versionError(version: unknown, what: 'packs' | 'data files'): string | null {
  if (version === PACK_VERSION) return null;
  if (typeof version === 'number') {
    return `version ${version} ${what} are not supported: this dashboard reads version ${PACK_VERSION}`;
  }
  return `"version" is ${describe(version)}: this dashboard reads ${what} of version ${PACK_VERSION}`;
}

const IGNORED_WHEN_COMPARING = new Set(['status', 'addedAt', 'doubts', 'measureSuggestion']);

/** Deep equality of JSON values, ignoring the listed keys of objects at any depth. */
function sameJson(a: unknown, b: unknown, ignore: ReadonlySet<string> = IGNORED_WHEN_COMPARING): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i], ignore))
    );
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = (o: JsonObject) =>
    Object.keys(o)
      .filter((k) => !ignore.has(k) && o[k] !== undefined)
      .sort();
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameJson(a[k], b[k], ignore));
}

/** Where an article's text is kept differs between the shipped data and a pack; the article is the same. */
const SOURCE_PLACEMENT = new Set([...IGNORED_WHEN_COMPARING, 'seedFile', 'seedStart', 'articleFile']);
const ACTOR_WITHOUT_STATEMENTS = new Set([...IGNORED_WHEN_COMPARING, 'statements']);

function sameArticle(a: Source, b: Source): boolean {
  return a.published === b.published && normaliseQuote(a.title) === normaliseQuote(b.title);
}

function sameNumber(a: Figure, b: Figure): boolean {
  return a.value === b.value && a.low === b.low && a.high === b.high;
}

/** The kinds of a pack's items that carry an id, which must be unique and may already be in the dashboard. */
type IdKind = 'figures' | 'actors' | 'events' | 'places' | 'countries';
const ID_KINDS: readonly IdKind[] = ['figures', 'actors', 'events', 'places', 'countries'];
const SINGULAR: Record<IdKind, string> = {
  figures: 'figure',
  actors: 'actor',
  events: 'event',
  places: 'place',
  countries: 'country',
};

/** Checks one pack against the dashboard's data. */
export function parsePack(raw: unknown, base: Dataset, label = 'pack'): PackCheck {
  const plain = (message: string): PackCheck => ({
    ok: false,
    errors: [label === 'pack' ? message : `${label}: ${message}`],
  });
  const json = readJson(raw);
  if (!json.ok) return plain(json.error);
  const envelope = envelopeError(json.value);
  if (envelope !== null) return plain(envelope);

  const parsed = PackSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => formatIssue(label, issue)) };
  return crossCheck(parsed.data, base, label);
}

/**
 * The accepted items of a reviewed pack, checked as an imported pack is: what goes onto the dashboard when the
 * analyst adds an article. What the dashboard already has is skipped, with a warning; anything that would
 * not merge cleanly is an error.
 */
export function checkAccepted(pack: Pack, base: Dataset): PackCheck {
  return parsePack(acceptedItems(pack), base);
}

function crossCheck(pack: Pack, base: Dataset, label: string): PackCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const at = (...path: PropertyKey[]) => formatPathFrom(label, path);
  const sourceId = pack.source.id;

  // Ids: unique within the pack, and either new to the dashboard or naming the very same item.
  const inPack = {} as Record<IdKind, Set<string>>;
  for (const kind of ID_KINDS) {
    const first = new Map<string, number>();
    pack[kind].forEach((item, i) => {
      const seen = first.get(item.id);
      if (seen !== undefined) errors.push(`${at(kind, i, 'id')}: duplicate id "${item.id}" (first used at [${seen}])`);
      else first.set(item.id, i);
    });
    inPack[kind] = new Set(first.keys());
  }
  const baseById = {
    figures: new Map(base.figures.map((x) => [x.id, x])),
    actors: new Map(base.actors.map((x) => [x.id, x])),
    events: new Map(base.events.map((x) => [x.id, x])),
    places: new Map(base.places.map((x) => [x.id, x])),
    countries: new Map(base.countries.map((x) => [x.id, x])),
  };
  const baseSources = new Map(base.sources.map((s) => [s.id, s]));

  const knownSource = baseSources.get(sourceId);
  if (knownSource !== undefined && !sameJson(knownSource, pack.source, SOURCE_PLACEMENT)) {
    errors.push(
      `${at('source', 'id')}: "${sourceId}" is already used by another source in the dashboard's data ` +
        `("${knownSource.title}", ${knownSource.published})`,
    );
  }

  /** Items already in the dashboard under the same id, by kind: skipped, not errors. */
  const already = {} as Record<IdKind, Set<number>>;
  for (const kind of ID_KINDS) {
    already[kind] = new Set();
    pack[kind].forEach((item, i) => {
      const existing = baseById[kind].get(item.id);
      if (existing === undefined) return;
      const same =
        kind === 'countries' ||
        sameJson(existing, item, kind === 'actors' ? ACTOR_WITHOUT_STATEMENTS : IGNORED_WHEN_COMPARING);
      if (same) already[kind].add(i);
      else {
        errors.push(
          `${at(kind, i, 'id')}: "${item.id}" is already used by another ${SINGULAR[kind]} in the dashboard's data`,
        );
      }
    });
  }

  // References resolve against the dashboard's data and this pack.
  // A unit the pack brings must be new: one the dashboard has means something already.
  pack.units.forEach((u, i) => {
    const known = base.units.find((b) => b.id === u.id);
    if (known && !sameJson(known, u)) {
      errors.push(`${at('units', i, 'id')}: "${u.id}" is already a unit of the dashboard ("${known.label}")`);
    }
  });
  const ids = {
    units: new Set([...base.units.map((u) => u.id), ...pack.units.map((u) => u.id)]),
    topics: new Set(base.topics.map((t) => t.id)),
    countries: new Set([...baseById.countries.keys(), ...inPack.countries]),
    actors: new Set([...baseById.actors.keys(), ...inPack.actors]),
    places: new Set([...baseById.places.keys(), ...inPack.places]),
    figures: new Set([...baseById.figures.keys(), ...inPack.figures]),
    sources: new Set([...baseSources.keys(), sourceId]),
  };
  const where: Record<keyof typeof ids, string> = {
    units: 'units.json nor in pack.units',
    topics: 'topics.json',
    countries: 'countries.json nor in pack.countries',
    actors: 'actors.json nor in this pack',
    places: 'places.json nor in this pack',
    figures: 'figures.json nor in this pack',
    sources: "sources.json nor this pack's source",
  };
  const expect = (kind: keyof typeof ids, what: string, path: PropertyKey[], value: string) => {
    if (!ids[kind].has(value)) {
      const not = kind === 'units' || kind === 'topics' ? `not in ${where[kind]}` : `neither in ${where[kind]}`;
      errors.push(`${at(...path)}: unknown ${what} "${value}" (${not})`);
    }
  };
  const expectAll = (kind: keyof typeof ids, what: string, path: PropertyKey[], values: readonly string[]) =>
    values.forEach((value, k) => expect(kind, what, [...path, k], value));

  const verbatim = (path: PropertyKey[], quote: string) => {
    if (!quoteIsVerbatim(quote, pack.article.text)) {
      errors.push(`${at(...path)}: not found verbatim in the article text`);
    }
  };
  const ownSource = (path: PropertyKey[], value: string) => {
    if (value !== sourceId) errors.push(`${at(...path)}: "${value}" is not this pack's source ("${sourceId}")`);
  };

  pack.figures.forEach((f, i) => {
    verbatim(['figures', i, 'quote'], f.quote);
    ownSource(['figures', i, 'sourceId'], f.sourceId);
    expect('units', 'unit', ['figures', i, 'unit'], f.unit);
    expectAll('topics', 'topic', ['figures', i, 'topics'], f.topics);
    expectAll('countries', 'country', ['figures', i, 'countries'], f.countries);
    expectAll('actors', 'actor', ['figures', i, 'actorIds'], f.actorIds);
    if (f.derived) expectAll('figures', 'figure', ['figures', i, 'derived', 'from'], f.derived.from);
    if (f.lead !== undefined) {
      errors.push(`${at('figures', i, 'lead')}: lead ranks belong to the shipped data; a pack cannot set one`);
    }
  });
  pack.actors.forEach((a, i) => {
    expectAll('topics', 'topic', ['actors', i, 'topics'], a.topics);
    if (a.country !== null) expect('countries', 'country', ['actors', i, 'country'], a.country);
    if (a.memberOf) expectAll('actors', 'actor', ['actors', i, 'memberOf'], a.memberOf);
    a.statements.forEach((s, k) => {
      verbatim(['actors', i, 'statements', k, 'quote'], s.quote);
      ownSource(['actors', i, 'statements', k, 'sourceId'], s.sourceId);
    });
  });
  pack.statements.forEach((s, i) => {
    verbatim(['statements', i, 'quote'], s.quote);
    ownSource(['statements', i, 'sourceId'], s.sourceId);
    expect('actors', 'actor', ['statements', i, 'actorId'], s.actorId);
  });
  pack.events.forEach((e, i) => {
    expectAll('places', 'place', ['events', i, 'placeIds'], e.placeIds);
    expectAll('actors', 'actor', ['events', i, 'actorIds'], e.actorIds);
    expectAll('topics', 'topic', ['events', i, 'topics'], e.topics);
    expectAll('sources', 'source', ['events', i, 'sourceIds'], e.sourceIds);
    if (e.endDate !== undefined && e.endDate < e.date) {
      errors.push(`${at('events', i, 'endDate')}: ends (${e.endDate}) before it starts (${e.date})`);
    }
  });
  pack.places.forEach((p, i) => expect('countries', 'country', ['places', i, 'country'], p.country));

  if (errors.length > 0) return { ok: false, errors };

  // What the dashboard already has is skipped, and said so.
  const skip = (kind: IdKind, i: number, id: string, why: string) =>
    warnings.push(`${at(kind, i)} "${id}": skipped, ${why}`);
  for (const kind of ID_KINDS) {
    if (kind === 'countries') continue; // vocabulary, not an item the analyst reviewed
    for (const i of already[kind]) skip(kind, i, pack[kind][i]!.id, "already in the dashboard's data");
  }

  const sameSourceIds = new Set(base.sources.filter((s) => sameArticle(s, pack.source)).map((s) => s.id));
  sameSourceIds.add(sourceId);
  const duplicateFigures = new Set<number>();
  pack.figures.forEach((f, i) => {
    if (already.figures.has(i)) return;
    const quote = normaliseQuote(f.quote);
    const twin = base.figures.find(
      (b) => sameSourceIds.has(b.sourceId) && sameNumber(b, f) && normaliseQuote(b.quote) === quote,
    );
    if (twin !== undefined) {
      duplicateFigures.add(i);
      skip('figures', i, f.id, `a duplicate of "${twin.id}" (same quote, source and number)`);
    }
  });

  const hasStatement = (actor: Actor | undefined, s: Statement) =>
    actor?.statements.some(
      (t) => sameSourceIds.has(t.sourceId) && normaliseQuote(t.quote) === normaliseQuote(s.quote),
    ) ?? false;

  // Statements of an actor the dashboard already has join that actor, unless it already has them.
  const statements: Pack['statements'] = [];
  pack.actors.forEach((a, i) => {
    if (!already.actors.has(i)) return;
    a.statements.forEach((s) => {
      if (hasStatement(baseById.actors.get(a.id), s)) return;
      statements.push({ actorId: a.id, ...s, ...(a.status ? { status: a.status } : {}) });
    });
  });
  pack.statements.forEach((s, i) => {
    if (hasStatement(baseById.actors.get(s.actorId), s)) {
      warnings.push(`${at('statements', i)} (${s.actorId}): skipped, the dashboard already has this statement`);
    } else statements.push(s);
  });

  const kept = <T>(kind: IdKind, items: readonly T[], also: ReadonlySet<number> = new Set()) =>
    items.filter((_, i) => !already[kind].has(i) && !also.has(i));
  return {
    ok: true,
    warnings,
    pack: {
      ...pack,
      figures: kept('figures', pack.figures, duplicateFigures),
      actors: kept('actors', pack.actors),
      events: kept('events', pack.events),
      places: kept('places', pack.places),
      countries: kept('countries', pack.countries),
      units: pack.units.filter((u) => !base.units.some((b) => b.id === u.id)),
      statements,
    },
  };
}

/**
 * Reads a single pack or a geobrief data file (every pack the analyst kept, and saved briefings). Each pack
 * is checked against the dashboard's data with the packs before it merged in; a pack with errors is left
 * out and its errors say which pack (`packs[2].figures[0].quote: …`).
 */
/** "data", or for a problem inside a saved briefing, the briefing's name: `data (briefing “Monday”)`. */
function issueRoot(value: JsonObject, path: readonly PropertyKey[]): string {
  if (path[0] !== 'briefings' || typeof path[1] !== 'number' || !Array.isArray(value.briefings)) return 'data';
  const name = (value.briefings[path[1]] as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? `data (briefing “${name.trim().slice(0, 60)}”)` : 'data';
}

export function parseDataFile(raw: unknown, base: Dataset): DataFileCheck {
  const none = (error: string): DataFileCheck => ({ packs: [], errors: [error], warnings: [], briefings: [] });
  const json = readJson(raw);
  if (!json.ok) return none(json.error);
  const value = json.value;
  if (!isObject(value) || value.format !== DATA_FORMAT) {
    if (isObject(value) && value.format !== PACK_FORMAT && value.format !== undefined) {
      return none(`This is not a geobrief data pack or data file (format is ${describe(value.format)})`);
    }
    const single = parsePack(value, base);
    return single.ok
      ? { packs: [single.pack], errors: [], warnings: single.warnings, briefings: [] }
      : { packs: [], errors: single.errors, warnings: [], briefings: [] };
  }
  const version = versionError(value.version, 'data files');
  if (version !== null) return none(version);
  const file = DataFileSchema.safeParse(value);
  if (!file.success) {
    return { ...none(''), errors: file.error.issues.map((issue) => formatIssue(issueRoot(value, issue.path), issue)) };
  }

  const result: DataFileCheck = {
    packs: [],
    errors: [],
    warnings: [],
    briefings: file.data.briefings,
    ...(file.data.leads ? { leads: file.data.leads } : {}),
    ...(file.data.edits ? { edits: file.data.edits } : {}),
  };
  const sources = new Map<string, number>();
  let current = base;
  file.data.packs.forEach((rawPack, i) => {
    const label = `packs[${i}]`;
    const check = parsePack(rawPack, current, label);
    if (!check.ok) {
      result.errors.push(...check.errors);
      return;
    }
    const first = sources.get(check.pack.source.id);
    if (first !== undefined) {
      result.warnings.push(`${label}: skipped, the same article ("${check.pack.source.id}") as packs[${first}]`);
      return;
    }
    sources.set(check.pack.source.id, i);
    result.warnings.push(...check.warnings);
    result.packs.push(check.pack);
    current = mergeDataset(current, [check.pack]);
  });
  return result;
}

/**
 * The source id and title of each pack in a file (`index` is its place in a data file, null for a single
 * pack), read loosely, before the checks, to spot what is kept already.
 */
export function packHeads(raw: unknown): { index: number | null; id: string; title: string }[] {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  const head = (p: unknown, index: number | null) => {
    const source = (p as { source?: { id?: unknown; title?: unknown } } | null)?.source;
    return typeof source?.id === 'string'
      ? [{ index, id: source.id, title: typeof source.title === 'string' ? source.title : source.id }]
      : [];
  };
  const obj = value as { format?: unknown; packs?: unknown } | null;
  if (obj?.format === PACK_FORMAT) return head(obj, null);
  if (obj?.format === DATA_FORMAT && Array.isArray(obj.packs)) return obj.packs.flatMap((p, i) => head(p, i));
  return [];
}
