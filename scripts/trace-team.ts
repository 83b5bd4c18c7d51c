/**
 * Where a team's load goes (issue 26's trace): the data file of `npm run generate:dataset` kept in the page's
 * IndexedDB as the app keeps it, then the page loaded afresh with Chromium's CPU profiler on, until it is usable
 * (the same condition as the bench's "team" part, scripts/bench-team.ts). Writes
 * - test-results/team-load.cpuprofile: the whole profile (open it in Chrome DevTools → Performance);
 * - docs/perf/team-load.md: what the main thread did until the page was usable, by phase, and a timeline.
 *
 * npx tsx scripts/trace-team.ts [data file, default test-results/team-data.json]
 * (it builds the page without minifying, so that the profile names our functions, into test-results/dist-trace)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { launchOptions } from './lib/browser-path';
import { loadUntilUsable, recordGroups, serveGroups, store } from './bench-team';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results');
const DIST = join(OUT, 'dist-trace');

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The phases of a load, by the first of these functions found on a sample's stack, innermost first. */
const PHASES: [RegExp, string][] = [
  [/^readRecords$/, 'check the stored records (zod)'],
  [/^mergedDataset$|^mergeWithEdits$/, 'merge the stored articles and corrections'],
  [/^corroborateAll$|^corroborationsOf$/, 'corroboration (who else gives each figure)'],
  [/^KeyFiguresBody$/, 'render the lead figures'],
  [/^FilterBar$|^FacetPicker$/, 'render the filter bar'],
  [/^ChartsBody$|^ChartCard$|^buildChart$/, 'charts'],
  [/^MapPanel$|^MapBody$|^fitBounds$/, 'map'],
  [/^ActorPanel$|^Timeline$|^SourceList$/, 'actors, timeline, sources'],
  [/^request\.oncomplete\.request\.onsuccess$|^onsuccess$/, 'IndexedDB: values handed to the page'],
  [/^hydrateRoot$|^performWorkOnRoot/, 'React: other rendering and commits'],
  [/^\(garbage collector\)$/, 'garbage collection'],
  [/^\(idle\)$/, 'idle (waiting: for IndexedDB, the network)'],
  [/^\(program\)$/, 'the browser (parsing, style, layout, paint)'],
];

function phaseOf(stack: string[]): string {
  for (const [pattern, phase] of PHASES) if (stack.some((name) => pattern.test(name))) return phase;
  return 'other script';
}

/** Milliseconds per phase until `untilMs`, and a timeline of `bucketMs` slices (each slice's two biggest). */
export function summarise(profile: CpuProfile, untilMs: number, bucketMs = 500) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = new Map<number, string[]>();
  const stack = (id: number) => {
    let s = stackOf.get(id);
    if (!s) {
      s = [];
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        s.push(byId.get(cur)!.callFrame.functionName);
      }
      stackOf.set(id, s);
    }
    return s;
  };
  const phases = new Map<string, number>();
  const slices = new Map<number, Map<string, number>>();
  let t = 0;
  profile.samples.forEach((sample, i) => {
    const ms = profile.timeDeltas[i]! / 1000;
    t += ms;
    const phase = phaseOf(stack(sample));
    if (t <= untilMs) phases.set(phase, (phases.get(phase) ?? 0) + ms);
    const slice = Math.floor(t / bucketMs);
    const m = slices.get(slice) ?? new Map<string, number>();
    m.set(phase, (m.get(phase) ?? 0) + ms);
    slices.set(slice, m);
  });
  return { phases, slices };
}

async function main() {
  const dataFile = process.argv[2] ?? join(OUT, 'team-data.json');
  console.log('== build without minifying, into test-results/dist-trace');
  await build({ root: ROOT, logLevel: 'error', build: { outDir: DIST, emptyOutDir: true, minify: false } });
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir: DIST },
    preview: { host: '127.0.0.1', port: 4470, strictPort: false },
  });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch(await launchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' });
    const groups = recordGroups(dataFile);
    await serveGroups(context, groups);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('article[data-figure-id]').first().waitFor({ timeout: 60_000 });
    console.log('== store the team in IndexedDB');
    const figures = await store(page, groups);
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const started = performance.now();
    console.log('== load with the profiler on');
    const { usable } = await loadUntilUsable(page, url, figures, 300_000);
    // The profile began before the navigation: the page's "usable" is counted from its navigation.
    const navigationAt = await page.evaluate(() => performance.timeOrigin);
    const usableInProfile = navigationAt - (performance.timeOrigin + started) + usable;
    await page.waitForTimeout(2000);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    writeFileSync(join(OUT, 'team-load.cpuprofile'), JSON.stringify(profile));
    const { phases, slices } = summarise(profile, usableInProfile);
    const total = [...phases.values()].reduce((a, b) => a + b, 0);
    const lines = [
      '# Where a team’s load goes',
      '',
      `Written by \`npx tsx scripts/trace-team.ts\` on ${new Date().toISOString().slice(0, 10)}: ${figures.toLocaleString('en-US')}`,
      'stored figures (`npm run generate:dataset`) in IndexedDB, the page loaded afresh in Chromium with the CPU',
      `profiler on (1 ms samples; the build unminified). The page was usable ${Math.round(usable).toLocaleString('en-US')} ms after`,
      'its navigation (the bench’s condition: hydrated, the filter summary counting every figure, a figure card shown).',
      'The whole profile is `test-results/team-load.cpuprofile` (Chrome DevTools → Performance → Load profile).',
      '',
      '## The main thread until usable, by phase',
      '',
      '| phase | ms | share |',
      '| --- | ---: | ---: |',
      ...[...phases]
        .sort((a, b) => b[1] - a[1])
        .map(
          ([phase, ms]) =>
            `| ${phase} | ${Math.round(ms).toLocaleString('en-US')} | ${Math.round((ms / total) * 100)} % |`,
        ),
      '',
      '## Timeline (half-second slices from the start of the profile, the two biggest phases in each)',
      '',
      '| from (ms) | what the main thread did |',
      '| ---: | --- |',
      ...[...slices]
        .sort((a, b) => a[0] - b[0])
        .map(
          ([slice, m]) =>
            `| ${(slice * 500).toLocaleString('en-US')} | ${[...m]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 2)
              .map(([phase, ms]) => `${phase} ${Math.round(ms)}`)
              .join('; ')} |`,
        ),
      '',
    ];
    mkdirSync(join(ROOT, 'docs', 'perf'), { recursive: true });
    writeFileSync(join(ROOT, 'docs', 'perf', 'team-load.md'), lines.join('\n'));
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('trace-team.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
