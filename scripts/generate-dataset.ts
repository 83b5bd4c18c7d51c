/**
 * npm run generate:dataset [-- <file>] [--articles=N]
 *   A team's two years (scripts/lib/team-dataset.ts): 5,000 articles, 100,000 figures, 2,000 actors, 20,000
 *   events, corrections, measures, merges and saved briefings, as a data file ("geobrief-data": what "Your data →
 *   Import" reads) — test-results/team-data.json by default. Checked as an import checks it before it is written.
 * npm run generate:dataset -- --build <folder> [figures] [actors] [events]
 *   A large dataset for a build (GEOBRIEF_DATA_DIR): default 10,000 figures, 2,000 actors, 5,000 events.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDataset, parseDataset, type RawDataset } from '../src/model/dataset/load-dataset';
import { DATA_FILES, type DataFileName } from '../src/model/dataset/schema';
import { parseDataFile } from '../src/model/pack/pack';
import { generateDataset } from './lib/generate-dataset';
import { generateTeamData, TEAM_TWO_YEARS } from './lib/team-dataset';

const ROOT = resolve(import.meta.dirname, '..');
const dataDir = join(ROOT, 'data');
const files = Object.keys(DATA_FILES) as DataFileName[];
const raw = Object.fromEntries(
  files.map((n) => [n, JSON.parse(readFileSync(join(dataDir, `${n}.json`), 'utf8'))]),
) as RawDataset;
const base = loadDataset(raw);
const args = process.argv.slice(2);
const CHECKED = 200;

if (args[0] === '--build') {
  const [, out = 'test-results/bench-data', f = '10000', a = '2000', e = '5000'] = args;
  const data = generateDataset(base, { figures: Number(f), actors: Number(a), events: Number(e) });
  const check = parseDataset(JSON.parse(JSON.stringify(data)) as RawDataset);
  if (!check.ok) {
    console.error(`The generated dataset is invalid:\n${check.errors.slice(0, 20).join('\n')}`);
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  for (const name of files) writeFileSync(join(out, `${name}.json`), JSON.stringify(data[name]));
  console.log(
    `Wrote ${data.figures.length} figures, ${data.actors.length} actors, ${data.events.length} events to ${out}`,
  );
} else {
  const articles = Number(args.find((a) => a.startsWith('--articles='))?.slice(11) ?? TEAM_TWO_YEARS.articles);
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles= takes a whole number of articles');
  const scale = articles / TEAM_TWO_YEARS.articles;
  const options = {
    ...TEAM_TWO_YEARS,
    articles,
    actors: Math.round(TEAM_TWO_YEARS.actors * scale),
    corrections: Math.round(TEAM_TWO_YEARS.corrections * scale),
  };
  const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'test-results', 'team-data.json'));
  let t0 = performance.now();
  const file = generateTeamData(base, options);
  const text = JSON.stringify(file);
  const made = performance.now() - t0;
  // Checked as an import checks it: the file's shape, its briefings and edits, and its first CHECKED articles
  // pack by pack (each against the dashboard with the ones before it merged in; all 5,000 would take hours, as an
  // import of them would: that check grows with the square of the packs, README "Performance").
  t0 = performance.now();
  const check = parseDataFile(JSON.stringify({ ...file, packs: file.packs.slice(0, CHECKED) }), base);
  const checked = performance.now() - t0;
  if (check.errors.length > 0) {
    console.error(`The generated data file is invalid:\n${check.errors.slice(0, 20).join('\n')}`);
    process.exit(1);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const figures = file.packs.reduce<number>((n, p) => n + (p as { figures: unknown[] }).figures.length, 0);
  console.log(
    `Wrote ${file.packs.length.toLocaleString('en-US')} articles with ${figures.toLocaleString('en-US')} figures, ` +
      `${file.edits?.corrections.length ?? 0} corrections, ${file.edits?.measures.length ?? 0} measures, ` +
      `${file.briefings.length} saved briefings to ${out} (${(text.length / 1e6).toFixed(1)} MB; made in ` +
      `${Math.round(made)} ms, its first ${CHECKED} articles checked as an import in ${Math.round(checked)} ms)`,
  );
}
