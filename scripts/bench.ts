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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

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

/** Every run's full Lighthouse result goes to test-results/lighthouse/<who>-<profile>-<n>.json, to see why. */
async function lighthouseRuns(url: string, count = RUNS, who = 'app') {
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
    const out: Record<string, unknown> = {};
    for (const [name, config] of [
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ] as const) {
      const runs = [];
      for (let i = 0; i < count; i++) {
        const result = await lighthouse(
          url,
          { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          config,
        );
        const lhr = result!.lhr;
        mkdirSync(join(OUT, 'lighthouse'), { recursive: true });
        writeFileSync(join(OUT, 'lighthouse', `${who}-${name}-${i + 1}.json`), JSON.stringify(lhr));
        runs.push({
          performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
          fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
          lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
          tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        });
      }
      out[name] = {
        performance: median(runs.map((r) => r.performance)),
        fcpMs: round(median(runs.map((r) => r.fcpMs)), 0),
        lcpMs: round(median(runs.map((r) => r.lcpMs)), 0),
        tbtMs: round(median(runs.map((r) => r.tbtMs)), 0),
        cls: round(median(runs.map((r) => r.cls)), 3),
        runs,
      };
    }
    return out;
  } finally {
    browser.kill();
  }
}

async function pageMetrics(url: string) {
  const browser = await chromium.launch(await launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(url);
    await page.locator('article[data-figure-id]').first().waitFor({ timeout: 60_000 });
    await page.locator('figure[data-chart-id]').first().waitFor({ timeout: 60_000 });
    const dataReadyMs = await page.evaluate(
      () => performance.getEntriesByName('geobrief:data-ready')[0]?.startTime ?? NaN,
    );
    // Interaction latency as the browser measures it (Event Timing API: from the click to the next
    // paint), for real (trusted) clicks. Entries under 16 ms are not reported by browsers: those clicks
    // count as 16 ms, an upper bound. "Settled" is when every panel has caught up (no [data-pending]).
    await page.evaluate(() => {
      const w = window as unknown as { __clicks: number[] };
      w.__clicks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'click') w.__clicks.push(e.duration);
      }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    });
    const taiwan = page.locator('.facet label', { hasText: /^Taiwan\s*\d/ }).locator('input');
    const times: number[] = [];
    const settled: number[] = [];
    for (let i = 0; i < CLICKS; i++) {
      const before = await page.evaluate(() => (window as unknown as { __clicks: number[] }).__clicks.length);
      const t0 = await page.evaluate(() => performance.now());
      await taiwan.click();
      settled.push(
        await page.evaluate(async (start) => {
          while (document.querySelector('[data-pending]')) await new Promise((r) => setTimeout(r, 4));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - start;
        }, t0),
      );
      await page.waitForTimeout(150);
      const clicks = await page.evaluate(() => (window as unknown as { __clicks: number[] }).__clicks);
      times.push(clicks.length > before ? clicks[clicks.length - 1]! : 16);
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      filterToPaintMs: {
        median: round(median(times)),
        max: round(Math.max(...times)),
        runs: times.map((t) => round(t)),
      },
      filterToSettledMs: { median: round(median(settled)), max: round(Math.max(...settled)) },
      dataReadyMs: round(dataReadyMs, 0),
      jsHeapMB: round(heap.usedSize / 1024 / 1024),
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
const PARTS = ['lighthouse', 'bare', 'filter', 'extract', 'scale', 'workspace'] as const;
type Part = (typeof PARTS)[number];

/**
 * `--only=lighthouse,filter` runs some parts; `--runs=1` fewer Lighthouse runs; `--no-build` reuses the last
 * builds (test-results/dist-shipped, dist-bench, dist-bare). For iterating: the full bench is the measure.
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

type LhSummary = { performance: number; lcpMs: number; tbtMs: number; cls: number; fcpMs: number };

async function main() {
  const { parts, runs, build } = options(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  if (build) {
    console.log(`== build (shipped data) into ${SHIPPED_DIST}`);
    await run('npx', ['vite', 'build', '--logLevel', 'error'], { GEOBRIEF_DIST: SHIPPED_DIST });
    if (parts.has('scale')) {
      console.log('== generate 10,000 figures, 2,000 actors, 5,000 events and build with them');
      await run('npx', ['tsx', 'scripts/generate-dataset.ts', BENCH_DATA]);
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

  const sizes = bundleSizes(SHIPPED_DIST);
  const shipped = await serve(SHIPPED_DIST);
  let lh: Record<string, LhSummary> | undefined;
  let small: Awaited<ReturnType<typeof pageMetrics>> | undefined;
  let engine: ReturnType<typeof extractBench> | undefined;
  let corpus: ReturnType<typeof corpusBench> | undefined;
  let engineWorkerMs = NaN;
  if (parts.has('lighthouse')) {
    console.log(`== Lighthouse, mobile and desktop, ${runs} run(s) each`);
    lh = (await lighthouseRuns(shipped.url, runs)) as Record<string, LhSummary>;
  }
  if (parts.has('filter')) {
    console.log('== filter-to-paint, shipped data');
    small = await pageMetrics(shipped.url);
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
  let bare: Record<string, LhSummary> | undefined;
  if (parts.has('bare')) {
    const server = await serve(BARE_DIST);
    console.log(`== Lighthouse on the bare app, mobile and desktop, ${runs} run(s) each`);
    bare = (await lighthouseRuns(server.url, runs, 'bare')) as Record<string, LhSummary>;
    await server.close();
  }
  let big: Awaited<ReturnType<typeof pageMetrics>> | undefined;
  if (parts.has('scale')) {
    const large = await serve(BENCH_DIST);
    console.log('== filter-to-paint, 10k dataset');
    big = await pageMetrics(large.url);
    await large.close();
  }

  const since = sinceBench();
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    parts: [...parts],
    js: {
      initialKbGzip: round(sizes.initialJs / 1024),
      dashboardKbGzip: round(sizes.dashboardJs / 1024),
      totalKbGzip: round(sizes.totalJs / 1024),
      serviceWorkerKbGzip: round(sizes.serviceWorkerJs / 1024),
      files: sizes.files.map((f) => ({ ...f, kbGzip: round(f.gzip / 1024) })),
    },
    lighthouse: lh,
    bareApp: bare,
    shipped: small && { ...small, checkDataAtBuildNodeMs: nodeLoadAndValidate(join(ROOT, 'data')) },
    scale10k: big && { ...big, checkDataAtBuildNodeMs: nodeLoadAndValidate(BENCH_DATA) },
    // Since the last briefing: 10,000 figures compared with 10,000 (Node, the page's own comparison).
    since,
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
    targets: {
      initialKbGzip: 80,
      dashboardKbGzip: 320,
      lighthouseMobilePerformance: 98,
      tbtMs: 150,
      lcpMs: 1200,
      filterToPaintShippedMs: 16,
      filterToPaint10kMs: 50,
      corpusRecall: 92,
      corpusPrecision: 90,
      corpusQualifier: 95,
      corpusClaimant: 85,
      corpusDate: 90,
      corpusLabelsCut: 5,
      extractionRecall: 95,
      extractionQualifierAccuracy: 85,
      extractionRealShare: 70,
      extractionMsPer1000Words: 300,
      workerKbGzip: 400,
      sinceMedianMs: 200,
    },
  };
  const file = parts.size === PARTS.length ? 'bench-report.json' : 'bench-report.partial.json';
  writeFileSync(join(OUT, file), `${JSON.stringify(report, null, 2)}\n`);

  const rows: [string, string, string][] = [
    ['initial JS (gzip)', `${report.js.initialKbGzip} KB`, '≤ 80 KB'],
    ['dashboard JS, all but the add-article engine (gzip)', `${report.js.dashboardKbGzip} KB`, '≤ 320 KB'],
  ];
  const lhRows = (who: string, r: Record<string, LhSummary> | undefined, targets: boolean) => {
    if (!r) return;
    const m = r['mobile']!;
    const d = r['desktop']!;
    rows.push(
      [`${who} Lighthouse mobile: performance`, `${m.performance}`, targets ? '≥ 98' : ''],
      [
        `${who} Lighthouse mobile: FCP / LCP / TBT / CLS`,
        `${m.fcpMs} / ${m.lcpMs} / ${m.tbtMs} ms / ${m.cls}`,
        targets ? 'LCP ≤ 1200, TBT ≤ 150 ms' : '',
      ],
      [`${who} Lighthouse desktop: performance`, `${d.performance}`, ''],
      [`${who} Lighthouse desktop: FCP / LCP / TBT / CLS`, `${d.fcpMs} / ${d.lcpMs} / ${d.tbtMs} ms / ${d.cls}`, ''],
    );
  };
  lhRows('app:', lh, true);
  lhRows('bare app:', bare, false);
  if (small) rows.push(['filter → paint, shipped (median)', `${small.filterToPaintMs.median} ms`, '≤ 16 ms']);
  if (big) rows.push(['filter → paint, 10k (median)', `${big.filterToPaintMs.median} ms`, '≤ 50 ms']);
  if (small && big) {
    rows.push(
      [
        'filter → all panels settled, shipped / 10k',
        `${small.filterToSettledMs.median} ms / ${big.filterToSettledMs.median} ms`,
        '',
      ],
      [
        'data check at build (Node): shipped / 10k',
        `${report.shipped!.checkDataAtBuildNodeMs} ms / ${report.scale10k!.checkDataAtBuildNodeMs} ms`,
        '',
      ],
      ['data ready in the page: shipped / 10k', `${small.dataReadyMs} ms / ${big.dataReadyMs} ms`, ''],
      ['JS heap after load, shipped / 10k', `${small.jsHeapMB} MB / ${big.jsHeapMB} MB`, ''],
    );
  }
  if (report.corpus) {
    const c = report.corpus;
    rows.push(
      ['extraction, corpus: recall', `${c.recall} %`, '≥ 92 %'],
      ['extraction, corpus: precision', `${c.precision} %`, '≥ 90 %'],
      ['extraction, corpus: qualifier right', `${c.qualifier} %`, '≥ 95 %'],
      ['extraction, corpus: claimant right', `${c.claimant} %`, '≥ 85 %'],
      ['extraction, corpus: date or period right', `${c.date} %`, '≥ 90 %'],
      ['extraction, corpus: labels cut from the sentence', `${c.labelsCut} %`, '≤ 5 %'],
    );
  }
  if (report.extraction) {
    const x = report.extraction;
    rows.push(
      ['extraction: recall of shipped figures', `${x.recall} %`, '≥ 95 %'],
      ['extraction: qualifier accuracy', `${x.qualifierAccuracy} %`, '≥ 85 %'],
      ['extraction: proposals that are figures', `${x.realShare} %`, '≥ 70 %'],
      [
        'extraction per 1,000 words (Node / worker)',
        `${x.msPer1000WordsNode} ms / ${x.msPer1000WordsWorker} ms`,
        '< 300 ms',
      ],
      ['engine worker chunk (gzip)', `${x.workerKbGzip} KB`, '≤ 400 KB'],
    );
  }
  console.log('\nmeasure'.padEnd(52) + 'value'.padEnd(34) + 'target');
  for (const [a, b, c] of rows) console.log(a.padEnd(51) + b.padEnd(34) + c);
  if (corpus) console.log(`\nExtraction engine on the development corpus:\n${formatCorpusBench(corpus).join('\n')}`);
  if (engine) console.log(`\nExtraction engine on the seed stories:\n${formatExtractBench(engine).join('\n')}`);
  console.log(`\n${formatSinceBench(since)}`);
  console.log(`\nReport: ${join(OUT, file)}`);
  // The workspace server under load (its own table and test-results/bench-workspace.json).
  if (parts.has('workspace')) await run('npx', ['tsx', 'scripts/bench-workspace.ts']);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
