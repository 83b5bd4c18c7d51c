/**
 * The bench at a glance (issue 26): one table of rows — what is measured, ours, the bare app's beside it, the
 * target, and whether it is met — made from the report JSON (test-results/bench-report.json), printed by
 * `npm run bench` and written into the README's "Performance" section between its markers. One home for the
 * targets: TARGETS below.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Row {
  measure: string;
  ours: string;
  bare: string;
  target: string;
  /** true met, false not met, null no target (or not measured). */
  met: boolean | null;
}

/** The targets, in the report's units (ms, KB, MB, score). */
export const TARGETS = {
  initialKb: 80,
  dashboardKb: 345,
  workersKb: 30,
  lighthouseScore: 97,
  fcpMs: 800,
  lcpMs: 1000,
  tbtMs: 150,
  filterShippedMs: 16,
  filter10kMs: 50,
  teamUsableMs: 2000,
  teamFilterMs: 50,
  keystrokeMs: 50,
  since10kMs: 200,
  since100kMs: 1000,
  heapMB: 300,
  pullMs: 3000,
} as const;

type Lh = { performance: number; fcpMs: number; lcpMs: number; tbtMs: number; observedFirstPaintMs?: number };
type LhWays = { cold?: Record<string, Lh>; warm?: Record<string, Lh> };

/** The report fields the table reads (every one optional: a partial run leaves some out). */
export interface ReportForTable {
  date?: string;
  js?: { initialKbGzip: number; dashboardKbGzip: number; workersKbGzip?: number };
  lighthouse?: LhWays;
  bareApp?: LhWays;
  shipped?: { filterToPaintMs: { median: number } };
  scale10k?: { filterToPaintMs: { median: number } };
  team?: {
    figures: number;
    usableMs: number;
    jsHeapMB: number;
    filterToPaintMs: { median: number };
    search: { toPaintMs: { median: number; p95: number }; lastKeyToAnswerMs: { median: number } };
  };
  search?: { node?: { index?: { medianMs: number; p95Ms: number } }; figures?: number };
  since?: { cases?: { figures: number; medianMs: number; goalMs: number }[]; medianMs?: number; figures?: number };
  pull?: { engines: { engine: string; items: number; medianMs: number }[] };
}

const fmt = (n: number | undefined, unit: string, d = 0) =>
  n === undefined || Number.isNaN(n) ? '—' : `${n.toLocaleString('en-US', { maximumFractionDigits: d })}${unit}`;
const atMost = (n: number | undefined, max: number) => (n === undefined || Number.isNaN(n) ? null : n <= max);
const atLeast = (n: number | undefined, min: number) => (n === undefined || Number.isNaN(n) ? null : n >= min);

export function benchRows(r: ReportForTable): Row[] {
  const rows: Row[] = [];
  const T = TARGETS;
  if (r.js) {
    rows.push(
      row(
        'JS before the first paint (gzip)',
        fmt(r.js.initialKbGzip, ' KB', 1),
        '',
        `≤ ${T.initialKb} KB`,
        atMost(r.js.initialKbGzip, T.initialKb),
      ),
      row(
        'dashboard JS, all but the add-article engine (gzip)',
        fmt(r.js.dashboardKbGzip, ' KB', 1),
        '',
        `≤ ${T.dashboardKb} KB`,
        atMost(r.js.dashboardKbGzip, T.dashboardKb),
      ),
    );
    if (r.js.workersKbGzip !== undefined) {
      rows.push(
        row(
          'background workers: search index, "since" (gzip)',
          fmt(r.js.workersKbGzip, ' KB', 1),
          '',
          `≤ ${T.workersKb} KB`,
          atMost(r.js.workersKbGzip, T.workersKb),
        ),
      );
    }
  }
  for (const way of ['cold', 'warm'] as const) {
    const ours = r.lighthouse?.[way]?.['mobile'];
    const bare = r.bareApp?.[way]?.['mobile'];
    if (!ours && !bare) continue;
    const name =
      way === 'cold'
        ? 'Lighthouse mobile, cold (CLI, a fresh Chromium per run)'
        : 'Lighthouse mobile, warm (one Chromium)';
    rows.push(
      row(
        `${name}: score`,
        fmt(ours?.performance, ''),
        fmt(bare?.performance, ''),
        `≥ ${T.lighthouseScore}`,
        atLeast(ours?.performance, T.lighthouseScore),
      ),
      row(
        `${name}: FCP`,
        fmt(ours?.fcpMs, ' ms'),
        fmt(bare?.fcpMs, ' ms'),
        `≤ ${T.fcpMs} ms`,
        atMost(ours?.fcpMs, T.fcpMs),
      ),
      row(
        `${name}: LCP`,
        fmt(ours?.lcpMs, ' ms'),
        fmt(bare?.lcpMs, ' ms'),
        `≤ ${T.lcpMs} ms`,
        atMost(ours?.lcpMs, T.lcpMs),
      ),
      row(
        `${name}: TBT`,
        fmt(ours?.tbtMs, ' ms'),
        fmt(bare?.tbtMs, ' ms'),
        `≤ ${T.tbtMs} ms`,
        atMost(ours?.tbtMs, T.tbtMs),
      ),
      row(
        `${name}: first paint as the browser saw it (unthrottled)`,
        fmt(ours?.observedFirstPaintMs, ' ms'),
        fmt(bare?.observedFirstPaintMs, ' ms'),
        '',
        null,
      ),
    );
    const desk = r.lighthouse?.[way]?.['desktop'];
    const deskBare = r.bareApp?.[way]?.['desktop'];
    if (desk) {
      rows.push(
        row(
          `Lighthouse desktop, ${way}: score, LCP / TBT`,
          `${desk.performance}, ${fmt(desk.lcpMs, ' ms')} / ${fmt(desk.tbtMs, ' ms')}`,
          deskBare ? `${deskBare.performance}, ${fmt(deskBare.lcpMs, ' ms')} / ${fmt(deskBare.tbtMs, ' ms')}` : '',
          '',
          null,
        ),
      );
    }
  }
  if (r.shipped)
    rows.push(
      row(
        'filter → next paint, shipped data (median)',
        fmt(r.shipped.filterToPaintMs.median, ' ms'),
        '',
        `≤ ${T.filterShippedMs} ms`,
        atMost(r.shipped.filterToPaintMs.median, T.filterShippedMs),
      ),
    );
  if (r.scale10k)
    rows.push(
      row(
        'filter → next paint, 10,000 figures (median)',
        fmt(r.scale10k.filterToPaintMs.median, ' ms'),
        '',
        `≤ ${T.filter10kMs} ms`,
        atMost(r.scale10k.filterToPaintMs.median, T.filter10kMs),
      ),
    );
  if (r.team) {
    const t = r.team;
    const n = t.figures.toLocaleString('en-US');
    rows.push(
      row(
        `a team's two years (${n} figures) from IndexedDB: usable`,
        fmt(t.usableMs, ' ms'),
        '',
        `≤ ${T.teamUsableMs} ms`,
        atMost(t.usableMs, T.teamUsableMs),
      ),
      row(
        `a team's two years: the page's heap after load`,
        fmt(t.jsHeapMB, ' MB'),
        '',
        `≤ ${T.heapMB} MB`,
        atMost(t.jsHeapMB, T.heapMB),
      ),
      row(
        `a team's two years: filter → next paint (median)`,
        fmt(t.filterToPaintMs.median, ' ms'),
        '',
        `≤ ${T.teamFilterMs} ms`,
        atMost(t.filterToPaintMs.median, T.teamFilterMs),
      ),
      row(
        `a team's two years: keystroke → next paint in the search box (median / p95)`,
        `${fmt(t.search.toPaintMs.median, ' ms')} / ${fmt(t.search.toPaintMs.p95, ' ms')}`,
        '',
        `≤ ${T.keystrokeMs} ms`,
        atMost(t.search.toPaintMs.median, T.keystrokeMs),
      ),
      row(
        `a team's two years: last key → the answer shown (median)`,
        fmt(t.search.lastKeyToAnswerMs.median, ' ms'),
        '',
        '',
        null,
      ),
    );
  }
  const q = r.search?.node?.index;
  if (q) {
    rows.push(
      row(
        `search index, ${fmt(r.search?.figures, '')} figures: per keystroke (median / p95)`,
        `${fmt(q.medianMs, ' ms', 1)} / ${fmt(q.p95Ms, ' ms', 1)}`,
        '',
        `≤ ${T.keystrokeMs} ms`,
        atMost(q.p95Ms, T.keystrokeMs),
      ),
    );
  }
  for (const c of r.since?.cases ?? []) {
    const n = c.figures.toLocaleString('en-US');
    rows.push(
      row(
        `"since", ${n} figures against ${n} (median)`,
        fmt(c.medianMs, ' ms'),
        '',
        `≤ ${c.goalMs} ms`,
        atMost(c.medianMs, c.goalMs),
      ),
    );
  }
  for (const e of r.pull?.engines ?? []) {
    rows.push(
      row(
        `workspace pull of ${e.items.toLocaleString('en-US')} items, ${e.engine} (median)`,
        fmt(e.medianMs, ' ms'),
        '',
        `≤ ${T.pullMs} ms`,
        atMost(e.medianMs, T.pullMs),
      ),
    );
  }
  return rows;
}

function row(measure: string, ours: string, bare: string, target: string, met: boolean | null): Row {
  return { measure, ours, bare, target, met };
}

const verdict = (met: boolean | null) => (met === null ? '' : met ? 'met' : '**not met**');

/** The rows as a Markdown table. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| measure | ours | bare app, same run | target | |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.measure} | ${r.ours} | ${r.bare || '—'} | ${r.target || '—'} | ${verdict(r.met)} |`),
  ];
  return lines.join('\n');
}

/** The rows as aligned text for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const w = [60, 22, 20, 14];
  const line = (a: string, b: string, c: string, d: string, e: string) =>
    `${a.padEnd(w[0]!)} ${b.padEnd(w[1]!)} ${c.padEnd(w[2]!)} ${d.padEnd(w[3]!)} ${e}`;
  return [
    line('measure', 'ours', 'bare app', 'target', ''),
    ...rows.map((r) => line(r.measure, r.ours, r.bare, r.target, r.met === null ? '' : r.met ? 'met' : 'NOT MET')),
  ].join('\n');
}

export const README_START = '<!-- bench:start (written by npm run bench from test-results/bench-report.json) -->';
export const README_END = '<!-- bench:end -->';

/** Replaces the README's block between the markers with `markdown`; throws if the markers are missing. */
export function writeReadmeBlock(readmePath: string, markdown: string): void {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`${readmePath} has no ${README_START} … ${README_END} block`);
  writeFileSync(readmePath, `${readme.slice(0, start + README_START.length)}\n\n${markdown}\n\n${readme.slice(end)}`);
}
