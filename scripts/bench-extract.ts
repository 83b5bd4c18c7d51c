/**
 * npm run bench runs this too; alone: npx tsx scripts/bench-extract.ts [--json FILE] [--chromium] [--verbose]
 * The extraction engine on
 * - the development corpus (src/extract/fixtures/corpus/: 22 real texts annotated by hand, exhaustively):
 *   recall, precision, qualifier, claimant, date and label checks, per text and overall;
 * - the nine seed stories (data/articles/): recall of the 44 shipped figures, qualifier accuracy, share of
 *   proposals that are real figures;
 * and time per 1,000 words in Node — and, with --chromium, in the built app's Web Worker in Chromium.
 * --verbose prints every miss, every proposal that is not a figure and every wrong field.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { launchOptions } from './lib/browser-path';
import { extractPack } from '../src/extract/extract-pack';
import { parseGazetteer } from '../src/extract/gazetteer';
import { parseDataset, type RawDataset } from '../src/model/dataset/load-dataset';
import { DATA_FILES, type DataFileName, type Dataset } from '../src/model/dataset/schema';
import {
  formatExtractBench,
  runExtractBench,
  articleStories,
  readArticles,
  type BenchResult,
  type BenchStory,
  type Judgement,
} from './lib/extract-bench';
import { formatCorpusBench, readCorpus, runCorpusBench, unitFamily, type CorpusResult } from './lib/corpus-bench';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'src', 'extract', 'fixtures', 'corpus');

export interface ExtractBenchInput {
  dataset: Dataset;
  stories: BenchStory[];
  judgements: Judgement[];
  extract: (story: BenchStory) => ReturnType<typeof extractPack>;
}

/** Reads data/, the seed stories, the gazetteer and the judgements; `extract` runs the engine on one story. */
export function loadExtractBench(): ExtractBenchInput {
  const files = Object.keys(DATA_FILES) as DataFileName[];
  const raw = Object.fromEntries(
    files.map((n) => [n, JSON.parse(readFileSync(join(ROOT, 'data', `${n}.json`), 'utf8')) as unknown]),
  ) as RawDataset;
  const loaded = parseDataset(raw);
  if (!loaded.ok) throw new Error(`data/ is invalid: ${loaded.errors[0]}`);
  const dataset = loaded.dataset;
  const gazetteer = parseGazetteer(JSON.parse(readFileSync(join(ROOT, 'public', 'gazetteer', 'places.json'), 'utf8')));
  const judgements = JSON.parse(
    readFileSync(join(ROOT, 'src', 'extract', 'fixtures', 'seed-judgements.json'), 'utf8'),
  ) as Judgement[];
  // The engine sees the dashboard without the shipped figures, as if the seed articles were new.
  const context = { dataset: { ...dataset, figures: [] }, gazetteer };
  return {
    dataset,
    stories: articleStories(dataset.sources, readArticles(join(ROOT, 'data', 'articles'))),
    judgements,
    extract: (story) =>
      extractPack(
        { text: story.text, from: 'text', published: story.published, publisher: story.publisher, title: story.title },
        context,
      ),
  };
}

export function extractBench(): BenchResult {
  const input = loadExtractBench();
  return runExtractBench(
    input.stories,
    input.dataset.figures,
    (story) => input.extract(story).figures,
    input.judgements,
  );
}

/** The development corpus, scored (see scripts/lib/corpus-bench.ts). */
export function corpusBench(): CorpusResult {
  const { dataset } = loadExtractBench();
  const gazetteer = parseGazetteer(JSON.parse(readFileSync(join(ROOT, 'public', 'gazetteer', 'places.json'), 'utf8')));
  const context = { dataset: { ...dataset, figures: [] }, gazetteer };
  const texts = readCorpus(CORPUS);
  return runCorpusBench(texts, (text) => {
    const pack = extractPack(
      { text: text.body, from: 'text', published: text.published, publisher: text.publisher, title: text.title },
      context,
    );
    const dimensions = new Map([...dataset.units, ...(pack.units ?? [])].map((u) => [u.id, u.dimension]));
    return pack.figures.map((f) => ({ ...f, family: unitFamily(dimensions.get(f.unit)) }));
  });
}

/** The built worker script in `dist` (assets/worker-*.js), as a path under the site root. */
export function workerScript(dist: string): string {
  const file = readdirSync(join(dist, 'assets')).find((f) => /^worker-[\w-]+\.js$/.test(f));
  if (!file) throw new Error(`no worker-*.js in ${dist}/assets: is the engine's worker built?`);
  return `/assets/${file}`;
}

/**
 * Time per 1,000 words in the app's own worker (the seed stories and the development corpus), in a page of the
 * served app: the same comlink call the app
 * makes (`extract(input, dataset)`), spoken on the wire so that no test code is bundled. One warm-up pass
 * (which also fetches the gazetteer), then the median of three.
 */
export async function workerMsPer1000Words(page: Page, script: string): Promise<number> {
  const { dataset, stories } = loadExtractBench();
  // The nine seed stories and the 22 texts of the development corpus.
  const texts = [
    ...stories.map((s) => ({ text: s.text, published: s.published, publisher: s.publisher, title: s.title })),
    ...readCorpus(CORPUS).map((c) => ({
      text: c.body,
      published: c.published,
      publisher: c.publisher,
      title: c.title,
    })),
  ];
  const inputs = texts.map((t) => ({ ...t, from: 'text' }));
  const words = texts.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
  // A script in plain text: tsx would wrap named functions in a helper the page does not have.
  const runs = (await page.evaluate(`(async ({ script, inputs, dataset }) => {
    const worker = new Worker(script, { type: 'module' });
    let next = 0;
    const extract = (input) => new Promise((ok, fail) => {
      const id = 'bench-' + ++next;
      const onMessage = (event) => {
        if (event.data.id !== id) return;
        worker.removeEventListener('message', onMessage);
        if (event.data.type === 'RAW') ok();
        else fail(new Error('the worker failed: ' + JSON.stringify(event.data.value)));
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage({ id, type: 'APPLY', path: ['extract'],
        argumentList: [{ type: 'RAW', value: input }, { type: 'RAW', value: dataset }] });
    });
    for (const input of inputs) await extract(input);
    const times = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      for (const input of inputs) await extract(input);
      times.push(performance.now() - t0);
    }
    worker.terminate();
    return times;
  })(${JSON.stringify({ script, inputs, dataset: { ...dataset, figures: [] } })})`)) as number[];
  const sorted = [...runs].sort((a, b) => a - b);
  return (sorted[1]! / words) * 1000;
}

async function inChromium(): Promise<number> {
  const dist = join(ROOT, 'test-results', 'dist-bench-extract');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir: dist },
    preview: { host: '127.0.0.1', port: 4410, strictPort: false },
  });
  const browser = await chromium.launch(await launchOptions());
  try {
    const page = await browser.newPage();
    await page.goto(server.resolvedUrls!.local[0]!);
    return await workerMsPer1000Words(page, workerScript(dist));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('bench-extract.ts')) {
  const { values } = parseArgs({
    options: { json: { type: 'string' }, chromium: { type: 'boolean' }, verbose: { type: 'boolean' } },
  });
  const corpus = corpusBench();
  console.log(formatCorpusBench(corpus, values.verbose).join('\n'));
  console.log('\nseed stories (data/articles/) against the shipped figures:');
  const result = extractBench();
  console.log(formatExtractBench(result).join('\n'));
  const workerMs = values.chromium ? await inChromium() : undefined;
  if (workerMs !== undefined)
    console.log(`\ntime per 1,000 words (Chromium worker)  ${workerMs.toFixed(1)} ms   target < 300 ms`);
  if (values.json)
    writeFileSync(
      resolve(values.json),
      `${JSON.stringify({ corpus, seeds: result, workerMsPer1000Words: workerMs }, null, 2)}\n`,
    );
}
