/**
 * npm run bench — a benchmark, not a test: it measures and reports, and fails only if it cannot run.
 * Prints a table and writes test-results/bench-report.json with:
 * - initial and total JavaScript, gzipped;
 * - Lighthouse (system Chromium), mobile and desktop: performance score, LCP, TBT, CLS, median of 3;
 * - time from a filter click to the next paint (Event Timing API, real clicks in Chromium), and until
 *   every panel has caught up, on the shipped data and on a generated dataset of 10,000 figures,
 *   2,000 actors and 5,000 events;
 * - load-and-validate time of that dataset (Node, and in the page), and the JS heap after load;
 * - the extraction engine (scripts/bench-extract.ts) on the development corpus (recall, precision, qualifier,
 *   claimant, date and label checks, per text and overall) and on the nine seed stories (recall of the shipped
 *   figures, qualifier accuracy, share of proposals that are figures); time per 1,000 words in Node and in the
 *   app's worker in Chromium, and the worker chunk's size;
 * - the workspace server under load (part "workspace": scripts/bench-workspace.ts, run last as its own process).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { chromium as whichChromium, launchOptions } from './lib/browser-path';
import { bundleSizes } from './lib/bundle-size';
import { clickLatency, heapMB, median, round } from './lib/page-latency';
import { benchRows, markdownTable, textTable, writeReadmeBlock, TARGETS } from './lib/bench-table';
import { teamBench } from './bench-team';
import { formatSearchBench, searchBench } from './bench-search';
import { corpusBench, extractBench, workerMsPer1000Words, workerScript } from './bench-extract';
import { formatCorpusBench } from './lib/corpus-bench';
import { formatSinceBench, sinceBench } from './bench-since';
import { formatExtractBench } from './lib/extract-bench';
import { parseDataset, type RawDataset } from '../src/model/dataset/load-dataset';
import { DATA_FILES, type DataFileName } from '../src/model/dataset/schema';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results');
const BENCH_DATA = join(OUT, 'bench-data');
const BENCH_DIST = join(OUT, 'dist-bench');
/** The shipped build, apart from dist/ (which other work may be using). */
const SHIPPED_DIST = join(OUT, 'dist-shipped');
const BARE_DIST = join(OUT, 'dist-bare');
const RUNS = 3;
const CLICKS = 15;

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<void>((ok, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

async function serve(outDir: string) {
  const server = await preview({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4400, strictPort: false },
  });
  return { url: server.resolvedUrls!.local[0]!, close: () => server.close() };
}

interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null } | undefined>;
    audits: Record<string, { numericValue?: number } | undefined>;
  };
}
type Lighthouse = (url: string, flags: object, config?: object) => Promise<LighthouseResult | undefined>;

/**
 * Lighthouse is not a dependency of the project (its dependency tree pins a moving "latest" tag, which
 * would break `npm ci`): the benchmark installs it on first use into test-results/bench-tools, apart from
 * the project's node_modules, and loads it from there.
 */
async function loadLighthouse() {
  const tools = join(OUT, 'bench-tools');
  const entry = join(tools, 'node_modules', 'lighthouse', 'core', 'index.js');
  const desktop = join(tools, 'node_modules', 'lighthouse', 'core', 'config', 'desktop-config.js');
  if (!existsSync(entry)) {
    console.log('== installing lighthouse@~12.8.0 into test-results/bench-tools (not a project dependency)');
    mkdirSync(tools, { recursive: true });
    if (!existsSync(join(tools, 'package.json'))) writeFileSync(join(tools, 'package.json'), '{ "private": true }\n');
    await run('npm', [
      'install',
      '--prefix',
      tools,
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      'lighthouse@~12.8.0',
    ]);
  }
  const [{ default: lighthouse }, { default: desktopConfig }] = (await Promise.all([
    import(pathToFileURL(entry).href),
    import(pathToFileURL(desktop).href),
  ])) as [{ default: Lighthouse }, { default: object }];
  return { lighthouse, desktopConfig };
}

interface LighthouseRun {
  performance: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** What the browser itself did, unthrottled: when it first painted, and when the DOM was ready. */
  observedFirstPaintMs: number;
  observedDomContentLoadedMs: number;
}
type Lhr = LighthouseResult['lhr'] & { audits: Record<string, { details?: { items?: Record<string, number>[] } }> };

function summariseRun(lhr: Lhr): LighthouseRun {
  const observed = lhr.audits['metrics']?.details?.items?.[0] ?? {};
  return {
    performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
    fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    observedFirstPaintMs: observed['observedFirstContentfulPaint'] ?? NaN,
    observedDomContentLoadedMs: observed['observedDomContentLoaded'] ?? NaN,
  };
}

function summariseRuns(runs: LighthouseRun[]) {
  return {
    performance: median(runs.map((r) => r.performance)),
    fcpMs: round(median(runs.map((r) => r.fcpMs)), 0),
    lcpMs: round(median(runs.map((r) => r.lcpMs)), 0),
    tbtMs: round(median(runs.map((r) => r.tbtMs)), 0),
    cls: round(median(runs.map((r) => r.cls)), 3),
    observedFirstPaintMs: round(median(runs.map((r) => r.observedFirstPaintMs)), 0),
    runs: runs.map((r) => ({ ...r, fcpMs: round(r.fcpMs, 0), lcpMs: round(r.lcpMs, 0), tbtMs: round(r.tbtMs, 0) })),
  };
}

const PROFILES = ['mobile', 'desktop'] as const;

/**
 * Warm: one Chromium for every run, driven in this process (Lighthouse's node API). Every run's full result goes
 * to test-results/lighthouse/<who>-warm-<profile>-<n>.json, to see why.
 */
async function lighthouseWarm(url: string, count = RUNS, who = 'app') {
  const { lighthouse, desktopConfig } = await loadLighthouse();
  const port = 9300 + Math.floor(Math.random() * 500);
  const choice = await whichChromium();
  const browser = spawn(
    choice.path,
    [...choice.args, `--remote-debugging-port=${port}`, `--user-data-dir=${join(OUT, `lh-profile-${port}`)}`],
    {
      stdio: 'ignore',
      env: { ...process.env, ...choice.env },
    },
  );
  await new Promise((r) => setTimeout(r, 1500));
  try {
    const out: Record<string, ReturnType<typeof summariseRuns>> = {};
    for (const name of PROFILES) {
      const runs = [];
      for (let i = 0; i < count; i++) {
        const result = await lighthouse(
          url,
          { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          name === 'desktop' ? desktopConfig : undefined,
        );
        const lhr = result!.lhr as Lhr;
        mkdirSync(join(OUT, 'lighthouse'), { recursive: true });
        writeFileSync(join(OUT, 'lighthouse', `${who}-warm-${name}-${i + 1}.json`), JSON.stringify(lhr));
        runs.push(summariseRun(lhr));
      }
      out[name] = summariseRuns(runs);
    }
    return out;
  } finally {
    browser.kill();
  }
}

/**
 * Cold: Lighthouse's own CLI, which launches a fresh Chromium with a fresh profile for each run (a first visit),
 * with the same browser and flags as the warm runs. Results (and each run's trace) go to
 * test-results/lighthouse/<who>-cold-<profile>-<n>.*.
 */
async function lighthouseCold(url: string, count = RUNS, who = 'app') {
  await loadLighthouse();
  const cli = join(OUT, 'bench-tools', 'node_modules', 'lighthouse', 'cli', 'index.js');
  const choice = await whichChromium();
  mkdirSync(join(OUT, 'lighthouse'), { recursive: true });
  const out: Record<string, ReturnType<typeof summariseRuns>> = {};
  for (const name of PROFILES) {
    const runs = [];
    for (let i = 0; i < count; i++) {
      const path = join(OUT, 'lighthouse', `${who}-cold-${name}-${i + 1}.json`);
      await run(
        process.execPath,
        [
          cli,
          url,
          '--quiet',
          '--output=json',
          `--output-path=${path}`,
          '--only-categories=performance',
          `--chrome-flags=${choice.args.join(' ')}`,
          ...(name === 'desktop' ? ['--preset=desktop'] : []),
        ],
        { ...choice.env, CHROME_PATH: choice.path },
      );
      runs.push(summariseRun(JSON.parse(readFileSync(path, 'utf8')) as Lhr));
    }
    out[name] = summariseRuns(runs);
  }
  return out;
}

/** Both ways: cold (a fresh browser per run, Lighthouse's CLI) and warm (one browser for all runs). */
async function lighthouseRuns(url: string, count = RUNS, who = 'app') {
  return { cold: await lighthouseCold(url, count, who), warm: await lighthouseWarm(url, count, who) };
}

async function pageMetrics(url: string) {
  const browser = await chromium.launch(await launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(url);
    // Attached, not visible: with no lead figures (the 10k build's figures have none) the cards are in the closed
    // "Figures (N)" list.
    await page.locator('article[data-figure-id]').first().waitFor({ state: 'attached', timeout: 60_000 });
    await page.locator('figure[data-chart-id]').first().waitFor({ timeout: 60_000 });
    const dataReadyMs = await page.evaluate(
      () => performance.getEntriesByName('geobrief:data-ready')[0]?.startTime ?? NaN,
    );
    // Interaction latency as the browser measures it (scripts/lib/page-latency.ts). The countries are behind
    // "Countries" in the filter bar: open it once, then click Taiwan on and off.
    const taiwan = page.locator('.facet label', { hasText: /^Taiwan\s*\d/ }).locator('input');
    if (!(await taiwan.isVisible())) await page.locator('.facet-picker__button', { hasText: /^Countries/ }).click();
    const clicks = await clickLatency(page, taiwan, CLICKS);
    return {
      filterToPaintMs: clicks.toPaintMs,
      filterToSettledMs: clicks.settledMs,
      dataReadyMs: round(dataReadyMs, 0),
      jsHeapMB: await heapMB(page),
    };
  } finally {
    await browser.close();
  }
}

async function engineInWorker(url: string) {
  const browser = await chromium.launch(await launchOptions());
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return round(await workerMsPer1000Words(page, workerScript(SHIPPED_DIST)));
  } finally {
    await browser.close();
  }
}

function nodeLoadAndValidate(dir: string) {
  const files = Object.keys(DATA_FILES) as DataFileName[];
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const raw = Object.fromEntries(
      files.map((n) => [n, JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8'))]),
    ) as RawDataset;
    const result = parseDataset(raw);
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error(`dataset in ${dir} is invalid: ${result.errors[0]}`);
  }
  return round(median(times));
}

/** What `npm run bench -- --only=…` can run; all of them by default. */
const PARTS = [
  'lighthouse',
  'bare',
  'filter',
  'extract',
  'scale',
  'team',
  'search',
  'since',
  'pull',
  'workspace',
] as const;
type Part = (typeof PARTS)[number];

/**
 * `--only=lighthouse,filter` runs some parts; `--runs=1` fewer Lighthouse runs; `--no-build` reuses the last
 * builds (test-results/dist-shipped, dist-bench, dist-bare); `--readme` writes the README's table from a partial
 * run too (saying which parts ran). For iterating: the full bench is the measure.
 */
function options(argv: readonly string[]) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = value('only')?.split(',') ?? [...PARTS];
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`unknown part(s) ${unknown.join(', ')}: use ${PARTS.join(', ')}`);
  return { parts: new Set(only as Part[]), runs: Number(value('runs') ?? RUNS), build: !argv.includes('--no-build') };
}

/** The bare app (scripts/bench-bare): React 19 rendered on the client by a Vite build, nothing else. */
async function buildBare() {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    configFile: false,
    root: join(ROOT, 'scripts', 'bench-bare'),
    logLevel: 'error',
    plugins: [react()],
    build: { outDir: BARE_DIST, emptyOutDir: true, target: 'es2022' },
  });
}

type LhWays = Awaited<ReturnType<typeof lighthouseRuns>>;
/** What scripts/bench-pull.ts writes to test-results/bench-pull.json (the fields this report reads). */
interface PullReport {
  engines: Record<
    string,
    { engine: string; seeding: { entries: number }; raw: { medianMs: number } } | { skipped: string } | undefined
  >;
}
/** The data file of a team's two years (npm run generate:dataset), made when missing. */
const TEAM_DATA = join(OUT, 'team-data.json');

async function main() {
  const { parts, runs, build } = options(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  if (build) {
    console.log(`== build (shipped data) into ${SHIPPED_DIST}`);
    await run('npx', ['vite', 'build', '--logLevel', 'error'], { GEOBRIEF_DIST: SHIPPED_DIST });
    if (parts.has('scale')) {
      console.log('== generate 10,000 figures, 2,000 actors, 5,000 events and build with them');
      await run('npx', ['tsx', 'scripts/generate-dataset.ts', '--build', BENCH_DATA]);
      // Files under data/ the app imports that the generator does not write (the front-line claim checks).
      for (const file of ['checks.json']) {
        if (!existsSync(join(BENCH_DATA, file))) copyFileSync(join(ROOT, 'data', file), join(BENCH_DATA, file));
      }
      await run('npx', ['vite', 'build', '--logLevel', 'error'], {
        GEOBRIEF_DATA_DIR: BENCH_DATA,
        GEOBRIEF_DIST: BENCH_DIST,
      });
    }
    if (parts.has('bare')) {
      console.log('== build the bare app (same stack, nothing in it)');
      await buildBare();
    }
  }
  if (parts.has('team') && !existsSync(TEAM_DATA)) {
    console.log("== generate a team's two years (npm run generate:dataset)");
    await run('npx', ['tsx', 'scripts/generate-dataset.ts', TEAM_DATA]);
  }

  const sizes = bundleSizes(SHIPPED_DIST);
  const shipped = await serve(SHIPPED_DIST);
  let lh: LhWays | undefined;
  let small: Awaited<ReturnType<typeof pageMetrics>> | undefined;
  let engine: ReturnType<typeof extractBench> | undefined;
  let corpus: ReturnType<typeof corpusBench> | undefined;
  let team: Awaited<ReturnType<typeof teamBench>> | { failed: string } | undefined;
  let engineWorkerMs = NaN;
  if (parts.has('lighthouse')) {
    console.log(`== Lighthouse, mobile and desktop, ${runs} run(s) each, cold (CLI) then warm`);
    lh = await lighthouseRuns(shipped.url, runs);
  }
  if (parts.has('filter')) {
    console.log('== filter-to-paint, shipped data');
    small = await pageMetrics(shipped.url);
  }
  if (parts.has('team')) {
    console.log("== a team's two years in the page: stored in IndexedDB, then loaded");
    try {
      team = await teamBench(shipped.url, TEAM_DATA);
    } catch (error) {
      // Reported, not hidden: the table says the page did not get there.
      team = { failed: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
      console.log(`   ${team.failed}`);
    }
  }
  if (parts.has('extract')) {
    console.log(
      '== extraction engine on the development corpus and the seed stories (Node, then the worker in Chromium)',
    );
    corpus = corpusBench();
    engine = extractBench();
    engineWorkerMs = await engineInWorker(shipped.url);
  }
  await shipped.close();
  let bare: LhWays | undefined;
  if (parts.has('bare')) {
    const server = await serve(BARE_DIST);
    console.log(`== Lighthouse on the bare app, mobile and desktop, ${runs} run(s) each, cold then warm`);
    bare = await lighthouseRuns(server.url, runs, 'bare');
    await server.close();
  }
  let big: Awaited<ReturnType<typeof pageMetrics>> | undefined;
  if (parts.has('scale')) {
    const large = await serve(BENCH_DIST);
    console.log('== filter-to-paint, 10k dataset');
    big = await pageMetrics(large.url);
    await large.close();
  }
  let search: Awaited<ReturnType<typeof searchBench>> | undefined;
  if (parts.has('search')) {
    console.log("== search index, 100,000 figures (Node, then the page's worker in Chromium)");
    search = await searchBench();
  }
  let since: ReturnType<typeof sinceBench> | undefined;
  if (parts.has('since')) {
    console.log('== since the last briefing, 10,000 and 100,000 figures');
    since = sinceBench();
  }
  // The workspace pull runs as its own process (scripts/bench-pull.ts: servers, databases) and writes its JSON.
  let pull: PullReport | undefined;
  if (parts.has('pull')) {
    console.log('== workspace pull of 100,000 items, SQLite and PostgreSQL (scripts/bench-pull.ts)');
    try {
      await run('npx', ['tsx', 'scripts/bench-pull.ts']);
      pull = JSON.parse(readFileSync(join(OUT, 'bench-pull.json'), 'utf8')) as PullReport;
    } catch (error) {
      console.log(`   the pull bench did not run: ${String(error)}`);
    }
  }

  const report = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      loadAverage: (await import('node:os')).loadavg().map((n) => round(n, 2)),
    },
    parts: [...parts],
    targets: TARGETS,
    js: {
      initialKbGzip: round(sizes.initialJs / 1024),
      dashboardKbGzip: round(sizes.dashboardJs / 1024),
      workersKbGzip: round(sizes.workersJs / 1024),
      totalKbGzip: round(sizes.totalJs / 1024),
      serviceWorkerKbGzip: round(sizes.serviceWorkerJs / 1024),
      files: sizes.files.map((f) => ({ ...f, kbGzip: round(f.gzip / 1024) })),
    },
    lighthouse: lh,
    bareApp: bare,
    shipped: small && { ...small, checkDataAtBuildNodeMs: nodeLoadAndValidate(join(ROOT, 'data')) },
    scale10k: big && { ...big, checkDataAtBuildNodeMs: nodeLoadAndValidate(BENCH_DATA) },
    team: team && 'failed' in team ? undefined : team,
    teamFailed: team && 'failed' in team ? team.failed : undefined,
    search,
    since,
    pull: pull && {
      ...pull,
      engines: Object.values(pull.engines).flatMap((e) =>
        e && 'raw' in e ? [{ engine: e.engine, items: e.seeding.entries, medianMs: e.raw.medianMs, detail: e }] : [],
      ),
      skipped: Object.entries(pull.engines).flatMap(([k, e]) => (e && 'skipped' in e ? [`${k}: ${e.skipped}`] : [])),
    },
    // Issue 21's figures: the development corpus (22 real texts annotated by hand).
    corpus: corpus && {
      recall: round(corpus.recall * 100),
      precision: round(corpus.precision * 100),
      qualifier: round(corpus.qualifier * 100),
      claimant: round(corpus.claimant * 100),
      date: round(corpus.date * 100),
      labelsCut: round(corpus.labelsCut * 100),
      msPer1000WordsNode: round(corpus.msPer1000Words),
      texts: corpus.texts.map(({ misses: _m, wrong: _w, details: _d, ...t }) => t),
    },
    extraction: engine && {
      recall: round(engine.recall * 100),
      qualifierAccuracy: round(engine.qualifierAccuracy * 100),
      realShare: round(engine.realShare * 100),
      msPer1000WordsNode: round(engine.msPer1000Words),
      coldMsPer1000WordsNode: round(engine.coldMsPer1000Words),
      cpuMsPer1000WordsNode: round(engine.cpuMsPer1000Words),
      msPer1000WordsWorker: engineWorkerMs,
      workerKbGzip: round((sizes.files.find((f) => /assets\/worker-/.test(f.file))?.gzip ?? NaN) / 1024),
      detail: engine,
    },
  };
  const full = parts.size === PARTS.length;
  const file = full ? 'bench-report.json' : 'bench-report.partial.json';
  writeFileSync(join(OUT, file), `${JSON.stringify(report, null, 2)}\n`);

  // One table: ours, the bare app's beside it, the target and whether it is met (scripts/lib/bench-table.ts).
  const rows = benchRows(report);
  if (report.teamFailed) {
    rows.push({
      measure: "a team's two years from IndexedDB: usable",
      ours: 'did not get there',
      bare: '',
      target: `≤ ${TARGETS.teamUsableMs} ms`,
      met: false,
    });
  }
  console.log(`\n${textTable(rows)}`);
  if (report.corpus) {
    const c = report.corpus;
    console.log(
      `\nextraction, corpus: recall ${c.recall} % (≥ 92), precision ${c.precision} % (≥ 90), qualifier ${c.qualifier} % (≥ 95), claimant ${c.claimant} % (≥ 85), date ${c.date} % (≥ 90), labels cut ${c.labelsCut} % (≤ 5)`,
    );
  }
  if (report.extraction) {
    const x = report.extraction;
    console.log(
      `extraction, seed stories: recall ${x.recall} % (≥ 95), qualifier ${x.qualifierAccuracy} % (≥ 85), proposals that are figures ${x.realShare} % (≥ 70); per 1,000 words ${x.msPer1000WordsNode} ms Node / ${x.msPer1000WordsWorker} ms worker (< 300); worker chunk ${x.workerKbGzip} KB (≤ 400)`,
    );
  }
  if (corpus) console.log(`\nExtraction engine on the development corpus:\n${formatCorpusBench(corpus).join('\n')}`);
  if (engine) console.log(`\nExtraction engine on the seed stories:\n${formatExtractBench(engine).join('\n')}`);
  if (since) console.log(`\n${formatSinceBench(since)}`);
  if (search) console.log(`\n${formatSearchBench(search)}`);
  console.log(`\nReport: ${join(OUT, file)}`);
  // A full run (or one given --readme) writes the README's table (its "Performance" section), from the same rows.
  if (full || process.argv.includes('--readme')) {
    const which = full ? 'every part' : `the parts ${[...parts].join(', ')} (the others not run)`;
    const when = `Measured by \`npm run bench\` on ${report.date.slice(0, 10)}, ${which} (Node ${report.machine.node}, ${report.machine.cpus} CPUs, load average at the end ${report.machine.loadAverage.join(' / ')}); every figure is in \`test-results/${file}\`.`;
    writeReadmeBlock(join(ROOT, 'README.md'), `${when}\n\n${markdownTable(rows)}`);
    console.log('README.md: the Performance table is updated from this run.');
  }
  // The workspace server under load (its own table and test-results/bench-workspace.json).
  if (parts.has('workspace')) await run('npx', ['tsx', 'scripts/bench-workspace.ts']);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
