/**
 * npm run extract -- ARTICLE [--date YYYY-MM-DD] [--publisher NAME] [--title TITLE] [--out FILE]
 * Reads an article (.txt, .md or .html), proposes its figures, actors, places and events, and writes the data
 * pack as JSON (to stdout without --out). Review it, mark items accepted, then `npm run import -- PACK`.
 * Exit codes: 0 written; 1 the article could not be read or the pack is invalid; 2 wrong usage.
 */
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { checkArticleInput } from '../src/extract/check-input';
import { extractPack } from '../src/extract/extract-pack';
import { parseGazetteer } from '../src/extract/gazetteer';
import { readableText } from '../src/extract/html';
import { markdownToText } from '../src/extract/markdown';
import { PackSchema } from '../src/model/pack/pack-schema';
import { parseDataset, type RawDataset } from '../src/model/dataset/load-dataset';
import { DATA_FILES, type DataFileName } from '../src/model/dataset/schema';

const ROOT = resolve(import.meta.dirname, '..');

/** jsdom (a dev dependency without bundled types): only the part used here. */
interface Jsdom {
  window: { document: Document; close(): void };
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => Jsdom };
const USAGE =
  'Usage: npm run extract -- ARTICLE [--date YYYY-MM-DD] [--publisher NAME] [--title TITLE] [--out FILE]\n' +
  '  ARTICLE  a .txt, .md or .html file\n' +
  '  --date   publication date (relative dates such as "last month" are read against it); default: today\n' +
  '  --publisher, --title  default: "Unknown publisher" and the title found in the file or its name\n' +
  '  --out    where to write the pack; default: standard output';

class UsageError extends Error {}

function fail(message: string, code: number): never {
  console.error(`extract: ${message}`);
  process.exit(code);
}

function loadDataset() {
  const dir = resolve(process.env['GEOBRIEF_DATA_DIR'] ?? join(ROOT, 'data'));
  const files = Object.keys(DATA_FILES) as DataFileName[];
  const raw = Object.fromEntries(
    files.map((name) => [name, JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as unknown]),
  ) as RawDataset;
  const result = parseDataset(raw);
  if (!result.ok) throw new Error(`the dataset in ${dir} is invalid:\n${result.errors.join('\n')}`);
  return result.dataset;
}

function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        publisher: { type: 'string' },
        title: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (args.values.help) {
    console.log(USAGE);
    return;
  }
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError('name the article file');
  if (extra.length) throw new UsageError(`one article at a time (also given: ${extra.join(', ')})`);
  const date = args.values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new UsageError(`--date must be a date such as 2025-02-14 (got "${date}")`);
  }

  const path = resolve(file);
  if (!existsSync(path)) fail(`file not found: ${path}`, 1);
  if (!statSync(path).isFile()) fail(`not a file: ${path}`, 1);
  const size = statSync(path).size;
  const bytes = size > 5 * 1024 * 1024 ? undefined : new Uint8Array(readFileSync(path));
  const fileName = basename(path);
  const check = checkArticleInput({ ...(bytes ? { bytes } : {}), fileName, size });
  if (!check.ok) fail(check.message, 1);
  const raw = new TextDecoder('utf-8').decode(bytes);

  let text: string;
  let foundTitle: string | undefined;
  if (check.from === 'html') {
    // jsdom parses without running scripts or loading anything (no `runScripts`, no resources).
    const dom = new JSDOM(raw);
    const readable = readableText(dom.window.document);
    dom.window.close();
    text = readable.text;
    foundTitle = readable.title;
  } else if (check.from === 'markdown') {
    text = markdownToText(raw);
    foundTitle = /^\s{0,3}#\s+(.+)$/m.exec(raw)?.[1]?.trim();
  } else {
    text = raw.replace(/\r\n?/g, '\n');
  }
  if (text.trim().length === 0) fail(`${fileName} holds no readable text`, 1);

  const dataset = loadDataset();
  const gazetteerPath = join(ROOT, 'public', 'gazetteer', 'places.json');
  if (!existsSync(gazetteerPath)) fail(`the gazetteer is missing: ${gazetteerPath} (npm run build:gazetteer)`, 1);
  const gazetteer = parseGazetteer(JSON.parse(readFileSync(gazetteerPath, 'utf8')));

  const pack = extractPack(
    {
      text,
      from: check.from,
      published: date,
      publisher: args.values.publisher ?? 'Unknown publisher',
      title: args.values.title ?? foundTitle ?? fileName.replace(/\.[^.]+$/, ''),
      fileName,
    },
    { dataset, gazetteer },
  );
  const valid = PackSchema.safeParse(pack);
  if (!valid.success) {
    fail(
      `the pack is not valid (a bug in the engine):\n${valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}`,
      1,
    );
  }
  const json = `${JSON.stringify(pack, null, 2)}\n`;
  if (args.values.out) {
    writeFileSync(resolve(args.values.out), json);
    console.error(
      `extract: ${pack.figures.length} figures, ${pack.actors.length} new actors, ${pack.statements.length} statements, ` +
        `${pack.events.length} events, ${pack.places.length} places → ${resolve(args.values.out)}`,
    );
    for (const note of pack.notes) console.error(`  note: ${note}`);
  } else {
    process.stdout.write(json);
  }
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`extract: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  fail(error instanceof Error ? error.message : String(error), 1);
}
