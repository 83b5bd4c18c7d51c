/**
 * `npm run import -- PACK`: brings the accepted items of a reviewed data pack (or of every pack of a
 * geobrief data file) into data/*.json. The pack is checked like the app checks it (`parseDataFile`) against
 * the data already there; on any error nothing is written. Items go in as shipped data: no review status and
 * no date added; each source gets `articleFile` and its article's text is kept in data/articles/, so that
 * `verify:sources` checks its quotes too. Existing text of the data files is kept as it is: new items are
 * appended, and only actors that gain statements are rewritten.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { mergeDataset } from '../../src/model/pack/merge';
import { acceptedItems } from '../../src/model/pack/lifecycle';
import { parseDataFile } from '../../src/model/pack/pack';
import type { Pack } from '../../src/model/pack/pack-schema';
import { parseDataset, type RawDataset } from '../../src/model/dataset/load-dataset';
import { DATA_FILES, type DataFileName, type Dataset, type Source } from '../../src/model/dataset/schema';

export interface ImportReport {
  ok: boolean;
  /** Problems by item and field; when there are any, nothing was written. */
  errors: string[];
  /** What was added, one line per kind ("figures: a, b"). */
  added: string[];
  /** What was not added and why: duplicates and items already there (named), items not accepted. */
  skipped: string[];
  /** Files written, relative to the data folder. */
  written: string[];
}

const FILES = Object.keys(DATA_FILES) as DataFileName[];

/** Drops the review fields: in data/ every item is accepted, and shipped. */
function asShipped<T extends { status?: unknown; addedAt?: unknown; doubts?: unknown; measureSuggestion?: unknown }>(
  item: T,
): Omit<T, 'status' | 'addedAt' | 'doubts' | 'measureSuggestion'> {
  const { status: _status, addedAt: _addedAt, doubts: _doubts, measureSuggestion: _suggestion, ...rest } = item;
  return rest;
}

function shippedSource(source: Source): Source {
  const { seedFile: _seedFile, seedStart: _seedStart, ...rest } = asShipped(source);
  return { ...rest, articleFile: `${source.id}.txt` };
}

/** The accepted items of a pack, as they are written to data/. */
function forData(pack: Pack): Pack {
  const accepted = acceptedItems(pack);
  return {
    ...accepted,
    source: shippedSource(accepted.source),
    figures: accepted.figures.map(asShipped),
    actors: accepted.actors.map(asShipped),
    events: accepted.events.map(asShipped),
    places: accepted.places.map(asShipped),
    countries: accepted.countries.map(asShipped),
    statements: accepted.statements.map(asShipped),
  };
}

/** Items of the pack left out because they are not accepted, named. */
function notAccepted(pack: Pack): string[] {
  const lines: string[] = [];
  for (const kind of ['figures', 'actors', 'events', 'places'] as const) {
    for (const item of pack[kind]) {
      if (item.status === 'proposed' || item.status === 'rejected') {
        lines.push(`${kind} "${item.id}": not accepted (${item.status})`);
      }
    }
  }
  pack.statements.forEach((s) => {
    if (s.status === 'proposed' || s.status === 'rejected') {
      lines.push(`statement of "${s.actorId}" ("${s.quote}"): not accepted (${s.status})`);
    }
  });
  return lines;
}

// --- Editing a data file's text: keep what is there, append or replace whole items. -------------------------

/** Where each element of the top-level JSON array in `text` starts and ends (end exclusive). */
function elementSpans(text: string): { open: number; close: number; spans: [number, number][] } | null {
  const open = text.indexOf('[');
  if (open < 0 || text.slice(0, open).trim() !== '') return null;
  const spans: [number, number][] = [];
  let depth = 0;
  let start = -1;
  let lastSignificant = -1;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      if (depth === 1 && start < 0) start = i;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      lastSignificant = i;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === '[' || c === '{') {
      depth++;
      if (depth === 2 && start < 0) start = i;
      if (depth > 1) lastSignificant = i;
      continue;
    }
    if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        if (start >= 0) spans.push([start, lastSignificant + 1]);
        return { open, close: i, spans };
      }
      lastSignificant = i;
      continue;
    }
    if (c === ',' && depth === 1) {
      if (start >= 0) spans.push([start, lastSignificant + 1]);
      start = -1;
      continue;
    }
    if (depth === 1 && start < 0) start = i;
    lastSignificant = i;
  }
  return null;
}

/** `{ "id": "PL", "name": "Poland" }`: how files whose items each sit on one line write them. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0
      ? '{}'
      : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/**
 * The file's text with items replaced and appended, written like the items around them (two-space JSON, or
 * one line each where the file has them so). Falls back to plain two-space JSON if the text cannot be edited.
 */
export function editJsonArray(
  text: string,
  replace: ReadonlyMap<number, unknown>,
  append: readonly unknown[],
  whole: readonly unknown[],
): string {
  const plain = `${JSON.stringify(whole, null, 2)}\n`;
  const found = elementSpans(text);
  if (found === null) return plain;
  const { close, spans } = found;
  const oneLine = spans.length > 0 && spans.every(([s, e]) => !text.slice(s, e).includes('\n'));
  const format = (item: unknown) => (oneLine ? inline(item) : JSON.stringify(item, null, 2).replace(/\n/g, '\n  '));

  let out = text;
  if (append.length > 0) {
    const items = append.map((item) => `  ${format(item)}`).join(',\n');
    const last = spans.at(-1);
    out =
      last === undefined
        ? `${out.slice(0, found.open + 1)}\n${items}\n${out.slice(close)}`
        : `${out.slice(0, last[1])},\n${items}${out.slice(last[1])}`;
  }
  const replacements = [...replace].sort((a, b) => b[0] - a[0]);
  for (const [index, item] of replacements) {
    const span = spans[index];
    if (span === undefined) return plain;
    out = `${out.slice(0, span[0])}${format(item)}${out.slice(span[1])}`;
  }
  try {
    return JSON.stringify(JSON.parse(out)) === JSON.stringify(whole) ? out : plain;
  } catch {
    return plain;
  }
}

// --- The import. ------------------------------------------------------------------------------------------

function readData(dataDir: string, errors: string[]): { raw: RawDataset; texts: Record<DataFileName, string> } {
  const raw = {} as Record<DataFileName, unknown>;
  const texts = {} as Record<DataFileName, string>;
  for (const file of FILES) {
    const path = join(dataDir, `${file}.json`);
    if (!existsSync(path)) continue; // parseDataset names the missing file
    texts[file] = readFileSync(path, 'utf8');
    try {
      raw[file] = JSON.parse(texts[file]) as unknown;
    } catch (error) {
      errors.push(`${file}.json: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { raw, texts };
}

function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.import-tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * Files that Prettier has formatted (arrays on one line where they fit) stay so: the edited text goes through
 * Prettier with the project's settings, which leaves the untouched items as they are.
 */
async function keepStyle(original: string, edited: string): Promise<string> {
  const config = (await prettier.resolveConfig(join(import.meta.dirname, '..', '..', 'data', 'figures.json'))) ?? {};
  const options = { ...config, parser: 'json' };
  const formatted = await prettier.format(original, options).catch(() => null);
  return formatted === original ? prettier.format(edited, options) : edited;
}

/** Checks `packText` (a pack or a data file) against the data in `dataDir` and merges its accepted items. */
export async function importPack(packText: string, dataDir: string): Promise<ImportReport> {
  const report: ImportReport = { ok: false, errors: [], added: [], skipped: [], written: [] };
  const { raw, texts } = readData(dataDir, report.errors);
  if (report.errors.length > 0) return report;
  const loaded = parseDataset(raw);
  if (!loaded.ok) {
    report.errors.push(...loaded.errors.map((e) => `${dataDir}: ${e}`));
    return report;
  }
  const base = loaded.dataset;

  const check = parseDataFile(packText, base);
  report.skipped.push(...check.warnings);
  if (check.errors.length > 0) {
    report.errors.push(...check.errors);
    return report;
  }

  // The analyst's corrections, measures and merges stay the analyst's layer: the shipped data are never rewritten.
  if (check.edits) {
    const { corrections, measures, merges } = check.edits;
    const parts = [
      corrections.length > 0 && `${corrections.length} correction${corrections.length === 1 ? '' : 's'}`,
      measures.length > 0 && `${measures.length} measure${measures.length === 1 ? '' : 's'} made`,
      merges.length > 0 && `${merges.length} merge${merges.length === 1 ? '' : 's'} of measures`,
    ].filter(Boolean);
    if (parts.length > 0) {
      report.skipped.push(
        `The file's ${parts.join(', ')}: not written to data/ (they stay the analyst's layer; "Import data pack" in the app keeps them)`,
      );
    }
  }

  let merged: Dataset = base;
  const articles = new Map<string, string>();
  for (const pack of check.packs) {
    report.skipped.push(...notAccepted(pack));
    merged = mergeDataset(merged, [forData(pack)]);
    // Every article in data/ keeps its text beside it (written once, the same text on a re-import).
    const source = merged.sources.find((s) => s.id === pack.source.id);
    if (source?.articleFile !== undefined) articles.set(source.articleFile, pack.article.text);
  }

  // The article texts: new files, or the same text already there.
  const articlesDir = join(dataDir, 'articles');
  const articleWrites: [string, string][] = [];
  for (const [file, text] of articles) {
    const path = join(articlesDir, file);
    if (!existsSync(path)) articleWrites.push([file, text]);
    else if (readFileSync(path, 'utf8') !== text) {
      report.errors.push(`articles/${file}: already there with a different text; the quotes must stand in one text`);
    }
  }

  // What changed, file by file: appended items, and items replaced (actors that gained statements).
  const edits: [DataFileName, string][] = [];
  for (const file of FILES) {
    const now = merged[file] as readonly unknown[];
    const was = base[file] as readonly unknown[];
    if (now === was) continue;
    const replace = new Map<number, unknown>();
    was.forEach((item, i) => {
      if (now[i] !== item) replace.set(i, now[i]);
    });
    const append = now.slice(was.length);
    if (replace.size === 0 && append.length === 0) continue;
    edits.push([file, await keepStyle(texts[file], editJsonArray(texts[file], replace, append, now))]);

    const ids = (items: readonly unknown[]) => items.map((x) => (x as { id: string }).id).join(', ');
    if (append.length > 0) report.added.push(`${file}: ${ids(append)}`);
    if (file === 'actors') {
      for (const [i, item] of replace) {
        const gained = (item as Dataset['actors'][number]).statements.length - base.actors[i]!.statements.length;
        report.added.push(`statements: ${gained} by ${base.actors[i]!.id}`);
      }
    }
  }

  const again = parseDataset(JSON.parse(JSON.stringify(merged)) as RawDataset);
  if (!again.ok) report.errors.push(...again.errors.map((e) => `after the merge: ${e}`));
  if (report.errors.length > 0) {
    report.added = [];
    return report;
  }

  if (articleWrites.length > 0) mkdirSync(articlesDir, { recursive: true });
  for (const [file, text] of articleWrites) {
    writeAtomically(join(articlesDir, file), text);
    report.written.push(`articles/${file}`);
  }
  for (const [file, text] of edits) {
    writeAtomically(join(dataDir, `${file}.json`), text);
    report.written.push(`${file}.json`);
  }
  report.ok = true;
  return report;
}
