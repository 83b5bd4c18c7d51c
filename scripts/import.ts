/**
 * npm run import -- PACK [--data DIR]
 * Checks a reviewed data pack (or a geobrief data file exported from the app) against the data in DIR
 * (default data/) and merges its accepted items into DIR/*.json, keeping the article's text in
 * DIR/articles/. On any problem it prints each one by item and field, writes nothing and exits 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importPack } from './lib/import-pack';

const usage = 'Usage: npm run import -- PACK [--data DIR]   (PACK: a .json data pack or data file from the app)';
let packPath: string | undefined;
let dataOption: string | undefined;
try {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { data: { type: 'string' } } });
  packPath = positionals[0];
  dataOption = values.data;
} catch (error) {
  console.error(`import: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (!packPath) {
  console.error(usage);
  process.exit(2);
}
const path = resolve(packPath);
if (!existsSync(path)) {
  console.error(`import: file not found: ${path}`);
  process.exit(2);
}
const dataDir = resolve(dataOption ?? join(import.meta.dirname, '..', 'data'));
const shown = relative(process.cwd(), dataDir) || '.';

const report = await importPack(readFileSync(path, 'utf8'), dataDir);
if (!report.ok) {
  for (const error of report.errors) console.error(`✗ ${error}`);
  console.error(`import: ${report.errors.length} problem(s); nothing was written to ${shown}/.`);
  process.exit(1);
}
for (const line of report.added) console.log(`+ ${line}`);
for (const line of report.skipped) console.log(`- ${line}`);
if (report.written.length === 0) {
  console.log(
    report.added.length === 0 && report.skipped.some((line) => line.includes('not accepted'))
      ? `import: nothing to add: no new item of this pack is accepted; nothing changed in ${shown}/.`
      : `import: everything in this pack is already in ${shown}/; nothing changed.`,
  );
} else {
  console.log(`import: wrote ${report.written.map((file) => `${shown}/${file}`).join(', ')}.`);
  console.log('Check the quotes with: npm run verify:sources -- ../shared/seeds');
}
