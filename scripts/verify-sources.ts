/**
 * npm run verify:sources -- <folder of article texts>
 * Checks every quote in data/ against the article texts and every figure's number against its quote.
 * Prints every failure and exits 1 on any.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verifySources, type VerifyInput } from './lib/verify-sources';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run verify:sources -- <folder of article texts>   (e.g. ../shared/seeds)');
  process.exit(2);
}
const dir = resolve(folder);
if (!existsSync(dir)) {
  console.error(`verify:sources: folder not found: ${dir}`);
  process.exit(2);
}

const dataDir = resolve(import.meta.dirname, '..', 'data');
const read = (name: string): unknown => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
const seeds: Record<string, string> = {};
for (const name of readdirSync(dir)) {
  if (name.endsWith('.txt')) seeds[name] = readFileSync(join(dir, name), 'utf8');
}

const input = {
  sources: read('sources.json'),
  figures: read('figures.json'),
  actors: read('actors.json'),
  seeds,
} as VerifyInput;

const errors = verifySources(input);
const quotes = input.figures.length + input.actors.reduce((n, a) => n + a.statements.length, 0);
if (errors.length > 0) {
  for (const error of errors) console.error(`✗ ${error}`);
  console.error(`verify:sources: ${errors.length} failure(s) in ${quotes} quotes.`);
  process.exit(1);
}
console.log(
  `verify:sources: all ${quotes} quotes stand verbatim in their stories and ${input.figures.length} figures match their stated numbers.`,
);
