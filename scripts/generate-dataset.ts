/**
 * npm run generate:dataset -- <out folder> [figures] [actors] [events]
 * Writes a large synthetic dataset (default 10,000 figures, 2,000 actors, 5,000 events) valid against
 * the schema, for the benchmark.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, parseDataset, type RawDataset } from '../src/model/dataset/load-dataset';
import { DATA_FILES, type DataFileName } from '../src/model/dataset/schema';
import { generateDataset } from './lib/generate-dataset';

const [out = 'test-results/bench-data', f = '10000', a = '2000', e = '5000'] = process.argv.slice(2);
const dataDir = resolve(import.meta.dirname, '..', 'data');
const files = Object.keys(DATA_FILES) as DataFileName[];
const raw = Object.fromEntries(
  files.map((n) => [n, JSON.parse(readFileSync(join(dataDir, `${n}.json`), 'utf8'))]),
) as RawDataset;
const data = generateDataset(loadDataset(raw), { figures: Number(f), actors: Number(a), events: Number(e) });
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
