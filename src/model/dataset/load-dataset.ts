/**
 * Validates the raw JSON files and cross-checks their ids. Pure: no I/O, no React.
 * Every problem is reported as `file.json[index].field.path: message`, and all of them are
 * collected, so one run shows everything that is wrong with a data change.
 */
import { z } from './zod';
import { DATA_FILES, type DataFileName, type Dataset } from './schema.js';

export type RawDataset = Record<DataFileName, unknown>;

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

export class DatasetError extends Error {
  readonly errors: readonly string[];
  constructor(errors: readonly string[]) {
    super(`The dataset is invalid:\n${errors.map((e) => `- ${e}`).join('\n')}`);
    this.name = 'DatasetError';
    this.errors = errors;
  }
}

/** `pack`, `[3, "unit"]` → `pack[3].unit`: where a problem is, from a root name and a zod-style path. */
export function formatPathFrom(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

/** `figures.json`, `[12, "derived", "from", 0]` → `figures.json[12].derived.from[0]`. */
export function formatPath(file: string, path: readonly PropertyKey[]): string {
  return formatPathFrom(`${file}.json`, path);
}

/** One zod issue as `root.path: message`. */
export function formatIssue(root: string, issue: z.core.$ZodIssue): string {
  return `${formatPathFrom(root, issue.path)}: ${issue.message}`;
}

const FILE_ORDER = Object.keys(DATA_FILES) as DataFileName[];

function validateFiles(raw: RawDataset, errors: string[]): Partial<Dataset> {
  const parsed: Partial<Record<DataFileName, unknown[]>> = {};
  for (const file of FILE_ORDER) {
    const schema = z.array(DATA_FILES[file] as z.ZodMiniType);
    const input = raw[file];
    if (input === undefined) {
      errors.push(`${file}.json: the file is missing`);
      continue;
    }
    const result = schema.safeParse(input);
    if (result.success) parsed[file] = result.data;
    else errors.push(...result.error.issues.map((issue) => formatIssue(`${file}.json`, issue)));
  }
  return parsed as Partial<Dataset>;
}

interface Ref {
  at: string;
  value: string;
}

function crossCheck(data: Dataset, errors: string[]): void {
  const idsOf = (file: DataFileName, items: readonly { id: string }[]): Set<string> => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        errors.push(`${formatPath(file, [index, 'id'])}: duplicate id "${item.id}" (first used at [${first}])`);
      } else {
        seen.set(item.id, index);
      }
    });
    return new Set(seen.keys());
  };

  const ids = {
    sources: idsOf('sources', data.sources),
    topics: idsOf('topics', data.topics),
    countries: idsOf('countries', data.countries),
    units: idsOf('units', data.units),
    figures: idsOf('figures', data.figures),
    actors: idsOf('actors', data.actors),
    events: idsOf('events', data.events),
    places: idsOf('places', data.places),
    measures: idsOf('measures', data.measures),
  };

  const expect = (refs: Ref[], target: keyof typeof ids, what: string) => {
    for (const ref of refs) {
      if (!ids[target].has(ref.value)) {
        errors.push(`${ref.at}: unknown ${what} "${ref.value}" (not in ${target}.json)`);
      }
    }
  };
  const many = (file: DataFileName, index: number, field: string, values: readonly string[]): Ref[] =>
    values.map((value, i) => ({ at: formatPath(file, [index, field, i]), value }));
  const one = (file: DataFileName, index: number, field: string, value: string): Ref[] => [
    { at: formatPath(file, [index, field]), value },
  ];

  data.figures.forEach((f, i) => {
    expect(one('figures', i, 'sourceId', f.sourceId), 'sources', 'source');
    expect(one('figures', i, 'unit', f.unit), 'units', 'unit');
    expect(many('figures', i, 'topics', f.topics), 'topics', 'topic');
    expect(many('figures', i, 'actorIds', f.actorIds), 'actors', 'actor');
    expect(many('figures', i, 'countries', f.countries), 'countries', 'country');
    // A figure linked to a measure of measures.json is in a unit of the measure's dimension. (A figure whose
    // measure is not listed there, one brought in by `npm run import` and never linked, is a measure of its own.)
    const measure = data.measures.find((m) => m.id === f.measure);
    const unit = data.units.find((u) => u.id === f.unit);
    if (measure && unit && unit.dimension !== measure.dimension) {
      errors.push(
        `${formatPath('figures', [i, 'unit'])}: "${f.unit}" measures ${unit.dimension}, but the measure "${measure.id}" is ${measure.dimension}`,
      );
    }
    if (f.derived) {
      expect(
        f.derived.from.map((value, k) => ({ at: formatPath('figures', [i, 'derived', 'from', k]), value })),
        'figures',
        'figure',
      );
    }
  });
  const leads = new Map<number, number>();
  data.figures.forEach((f, i) => {
    if (f.lead === undefined) return;
    const first = leads.get(f.lead);
    if (first !== undefined) {
      errors.push(`${formatPath('figures', [i, 'lead'])}: lead rank ${f.lead} is already used at [${first}]`);
    } else leads.set(f.lead, i);
  });

  const dimensions = new Set(data.units.map((u) => u.dimension));
  data.measures.forEach((m, i) => {
    expect(many('measures', i, 'countries', m.countries), 'countries', 'country');
    if (m.actorId !== undefined) expect(one('measures', i, 'actorId', m.actorId), 'actors', 'actor');
    if (!dimensions.has(m.dimension)) {
      errors.push(`${formatPath('measures', [i, 'dimension'])}: no unit of units.json measures "${m.dimension}"`);
    }
  });

  data.actors.forEach((a, i) => {
    expect(many('actors', i, 'topics', a.topics), 'topics', 'topic');
    if (a.country !== null) expect(one('actors', i, 'country', a.country), 'countries', 'country');
    a.statements.forEach((s, k) =>
      expect([{ at: formatPath('actors', [i, 'statements', k, 'sourceId']), value: s.sourceId }], 'sources', 'source'),
    );
    if (a.memberOf) expect(many('actors', i, 'memberOf', a.memberOf), 'actors', 'actor');
  });

  data.events.forEach((e, i) => {
    expect(many('events', i, 'placeIds', e.placeIds), 'places', 'place');
    expect(many('events', i, 'actorIds', e.actorIds), 'actors', 'actor');
    expect(many('events', i, 'topics', e.topics), 'topics', 'topic');
    expect(many('events', i, 'sourceIds', e.sourceIds), 'sources', 'source');
    if (e.endDate !== undefined && e.endDate < e.date) {
      errors.push(`${formatPath('events', [i, 'endDate'])}: ends (${e.endDate}) before it starts (${e.date})`);
    }
  });

  data.places.forEach((p, i) => expect(one('places', i, 'country', p.country), 'countries', 'country'));
}

/** Validate every file, then cross-check ids. Never throws. */
export function parseDataset(raw: RawDataset): LoadResult {
  const errors: string[] = [];
  const parsed = validateFiles(raw, errors);
  if (errors.length > 0) return { ok: false, errors };
  const dataset = parsed as Dataset;
  crossCheck(dataset, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, dataset: deepFreeze(dataset) };
}

/** Like `parseDataset`, but throws a `DatasetError` listing every problem. */
export function loadDataset(raw: RawDataset): Dataset {
  const result = parseDataset(raw);
  if (!result.ok) throw new DatasetError(result.errors);
  return result.dataset;
}

/** Freezes a value and everything under it; stops at what is already frozen (shared, already-frozen parts). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
