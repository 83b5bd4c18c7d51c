/**
 * npm run verify:sources [-- <folder of seed files>] [--data DIR]
 * Checks every quote in data/ (or DIR) against the article texts kept in data/articles/ (the nine seed
 * stories and the articles brought in with `npm run import`), and every figure's number against its quote.
 * Given the folder of the two seed files (../shared/seeds), it also checks that each kept seed story is
 * its seed file's story word for word. Prints every failure and exits 1 on any.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifySources, type VerifyInput } from './lib/verify-sources';

const usage = 'Usage: npm run verify:sources [-- <folder of seed files>] [--data DIR]   (e.g. ../shared/seeds)';
let folder: string | undefined;
let dataOption: string | undefined;
try {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { data: { type: 'string' } } });
  folder = positionals[0];
  dataOption = values.data;
} catch (error) {
  console.error(`verify:sources: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const dir = folder === undefined ? undefined : resolve(folder);
if (dir !== undefined && !existsSync(dir)) {
  console.error(`verify:sources: folder not found: ${dir}`);
  process.exit(2);
}

const dataDir = resolve(dataOption ?? join(import.meta.dirname, '..', 'data'));
const read = (name: string): unknown => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
const textsIn = (folderPath: string): Record<string, string> => {
  const texts: Record<string, string> = {};
  if (!existsSync(folderPath)) return texts;
  for (const name of readdirSync(folderPath)) {
    if (name.endsWith('.txt')) texts[name] = readFileSync(join(folderPath, name), 'utf8');
  }
  return texts;
};

const input = {
  sources: read('sources.json'),
  figures: read('figures.json'),
  actors: read('actors.json'),
  seeds: dir === undefined ? {} : textsIn(dir),
  articles: textsIn(join(dataDir, 'articles')),
} as VerifyInput;

const errors = verifySources(input);
const quotes = input.figures.length + input.actors.reduce((n, a) => n + a.statements.length, 0);
if (errors.length > 0) {
  for (const error of errors) console.error(`✗ ${error}`);
  console.error(`verify:sources: ${errors.length} failure(s) in ${quotes} quotes.`);
  process.exit(1);
}
console.log(
  `verify:sources: all ${quotes} quotes stand verbatim in their stories and ${input.figures.length} figures match their stated numbers` +
    (dir === undefined ? '.' : `; the seed stories in data/articles/ are those of ${folder}.`),
);
