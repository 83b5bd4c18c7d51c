/**
 * Measures the extraction engine on the seed stories against the project's own figures (data/figures.json):
 * - recall: shipped figures the engine proposes (same unit, same value or range, overlapping quote);
 * - qualifier accuracy over the matched ones;
 * - share of proposals that are real figures (see `isReal`);
 * - time per 1,000 words.
 * Pure apart from the clock (and `readArticles`): the caller passes an `extract` function.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Figure } from '../../src/model/dataset/schema';
import { normaliseQuote as normalise } from '../../src/model/pack/verbatim';

export interface BenchSource {
  id: string;
  publisher: string;
  title: string;
  published: string;
  articleFile?: string;
}

export interface BenchStory {
  sourceId: string;
  publisher: string;
  title: string;
  published: string;
  /** The story's text as printed in its seed file (not normalised). */
  text: string;
}

/**
 * A proposal that matches no shipped figure, judged by reading the story: `real` when an analyst could chart
 * or cite it (a restated figure, a figure the dataset left out), not when it is a date, a name or noise.
 */
export interface Judgement {
  sourceId: string;
  stated: string;
  real: boolean;
  why: string;
}

export interface BenchMiss {
  id: string;
  sourceId: string;
  stated: string;
  unit: string;
  expected: string;
  /** Proposals of the same story whose quote overlaps the shipped one, as "value unit «stated»". */
  near: string[];
}

export interface BenchResult {
  stories: number;
  words: number;
  shipped: number;
  matched: number;
  recall: number;
  qualifierRight: number;
  qualifierAccuracy: number;
  qualifierMisses: { id: string; expected: string; proposed: string }[];
  proposals: number;
  real: number;
  realShare: number;
  /** Proposals counted as not real (unjudged or judged not real), for the report. */
  notReal: { sourceId: string; stated: string; quote: string; why: string }[];
  misses: BenchMiss[];
  /** Median of the runs after the first. */
  msPer1000Words: number;
  /** The first run, with everything cold. */
  coldMsPer1000Words: number;
  /** CPU time of the process (median run): what the engine costs when the machine is busy with other work. */
  cpuMsPer1000Words: number;
  runsMs: number[];
}

/** The stories of `sources` kept whole in data/articles/ (`articleFile`), the nine seed stories among them. */
export function articleStories(
  sources: readonly BenchSource[],
  articles: Readonly<Record<string, string>>,
): BenchStory[] {
  const stories: BenchStory[] = [];
  for (const source of sources) {
    if (!source.articleFile) continue;
    const text = articles[source.articleFile];
    if (text === undefined) throw new Error(`article file ${source.articleFile} of ${source.id} not found`);
    stories.push({
      sourceId: source.id,
      publisher: source.publisher,
      title: source.title,
      published: source.published,
      text: text.trim(),
    });
  }
  return stories.sort((a, b) => a.sourceId.localeCompare(b.sourceId));
}

/** The text files of a folder, by name (data/articles/). */
export function readArticles(folder: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const name of readdirSync(folder))
    if (name.endsWith('.txt')) texts[name] = readFileSync(join(folder, name), 'utf8');
  return texts;
}

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 0.051;

function sameNumber(a: Pick<Figure, 'value' | 'low' | 'high'>, b: Pick<Figure, 'value' | 'low' | 'high'>): boolean {
  if (a.value !== undefined && b.value !== undefined) return close(a.value, b.value);
  if (a.low !== undefined && a.high !== undefined && b.low !== undefined && b.high !== undefined) {
    return close(a.low, b.low) && close(a.high, b.high);
  }
  return false;
}

function span(story: string, quote: string): [number, number] | undefined {
  const at = story.indexOf(normalise(quote));
  return at < 0 ? undefined : [at, at + normalise(quote).length];
}

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

const describe = (f: Figure) => `${f.value ?? `${f.low}–${f.high}`} ${f.unit} ${f.qualifier} «${f.stated}»`;

/**
 * Runs `extract` on every story (`runs` times, for the timing) and scores the last run's proposals.
 * A proposal is real when it matches a shipped figure, restates one (same story, unit and number), or is
 * judged real in `judgements`; anything else counts against the engine.
 */
export function runExtractBench(
  stories: readonly BenchStory[],
  shipped: readonly Figure[],
  extract: (story: BenchStory) => Figure[],
  judgements: readonly Judgement[] = [],
  runs = 5,
): BenchResult {
  const runsMs: number[] = [];
  let proposals = new Map<string, Figure[]>();
  // One run first to warm up (JIT, caches built once per vocabulary); it is reported apart as `coldMs`.
  const cold = performance.now();
  for (const story of stories) extract(story);
  const coldMs = performance.now() - cold;
  const cpuMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const out = new Map<string, Figure[]>();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const story of stories) out.set(story.sourceId, extract(story));
    const cpu = process.cpuUsage(cpu0);
    runsMs.push(performance.now() - t0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    proposals = out;
  }
  const words = stories.reduce((n, s) => n + wordsIn(s.text), 0);
  const texts = new Map(stories.map((s) => [s.sourceId, normalise(s.text)]));
  const storyIds = new Set(stories.map((s) => s.sourceId));
  const wanted = shipped.filter((f) => storyIds.has(f.sourceId));

  const matchedBy = new Map<Figure, Figure>();
  const misses: BenchMiss[] = [];
  let qualifierRight = 0;
  const qualifierMisses: BenchResult['qualifierMisses'] = [];
  for (const figure of wanted) {
    const story = texts.get(figure.sourceId)!;
    const want = span(story, figure.quote);
    const candidates = proposals.get(figure.sourceId) ?? [];
    const overlapping = candidates.filter((p) => {
      const got = span(story, p.quote);
      return want !== undefined && got !== undefined && got[0] < want[1] && want[0] < got[1];
    });
    const hit = overlapping.find((p) => p.unit === figure.unit && sameNumber(p, figure));
    if (!hit) {
      misses.push({
        id: figure.id,
        sourceId: figure.sourceId,
        stated: figure.stated,
        unit: figure.unit,
        expected: describe(figure),
        near: overlapping.map(describe),
      });
      continue;
    }
    matchedBy.set(hit, figure);
    if (hit.qualifier === figure.qualifier) qualifierRight++;
    else qualifierMisses.push({ id: figure.id, expected: figure.qualifier, proposed: hit.qualifier });
  }

  let real = 0;
  let count = 0;
  const notReal: BenchResult['notReal'] = [];
  for (const [sourceId, list] of proposals) {
    for (const p of list) {
      count++;
      if (matchedBy.has(p)) {
        real++;
        continue;
      }
      const restates = wanted.some((f) => f.sourceId === sourceId && f.unit === p.unit && sameNumber(f, p));
      const judged = judgements.find((j) => j.sourceId === sourceId && normalise(j.stated) === normalise(p.stated));
      if (restates || judged?.real) real++;
      else notReal.push({ sourceId, stated: p.stated, quote: p.quote, why: judged?.why ?? 'not judged' });
    }
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const medianMs = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const medianCpuMs = [...cpuMs].sort((a, b) => a - b)[Math.floor(cpuMs.length / 2)] ?? 0;
  return {
    stories: stories.length,
    words,
    shipped: wanted.length,
    matched: matchedBy.size,
    recall: wanted.length ? matchedBy.size / wanted.length : 0,
    qualifierRight,
    qualifierAccuracy: matchedBy.size ? qualifierRight / matchedBy.size : 0,
    qualifierMisses,
    proposals: count,
    real,
    realShare: count ? real / count : 0,
    notReal,
    misses,
    msPer1000Words: words ? (medianMs / words) * 1000 : 0,
    coldMsPer1000Words: words ? (coldMs / words) * 1000 : 0,
    cpuMsPer1000Words: words ? (medianCpuMs / words) * 1000 : 0,
    runsMs,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The report as lines of text: the four numbers against their targets, then what was missed. */
export function formatExtractBench(r: BenchResult): string[] {
  const lines = [
    `stories ${r.stories}, ${r.words} words, ${r.shipped} shipped figures, ${r.proposals} proposals`,
    `recall of shipped figures      ${pct(r.recall)} (${r.matched}/${r.shipped})   target ≥ 95 %`,
    `qualifier accuracy (matched)   ${pct(r.qualifierAccuracy)} (${r.qualifierRight}/${r.matched})   target ≥ 85 %`,
    `proposals that are figures     ${pct(r.realShare)} (${r.real}/${r.proposals})   target ≥ 70 %`,
    `time per 1,000 words (Node)    ${r.msPer1000Words.toFixed(1)} ms (CPU ${r.cpuMsPer1000Words.toFixed(1)} ms; first, cold run: ${r.coldMsPer1000Words.toFixed(1)} ms)   target < 300 ms`,
  ];
  if (r.misses.length) {
    lines.push('', 'missed shipped figures:');
    for (const m of r.misses) {
      lines.push(
        `  ${m.id} (${m.sourceId}): ${m.expected}${m.near.length ? `; proposed nearby: ${m.near.join(' | ')}` : ''}`,
      );
    }
  }
  if (r.qualifierMisses.length) {
    lines.push('', 'qualifier differs:');
    for (const q of r.qualifierMisses) lines.push(`  ${q.id}: shipped ${q.expected}, proposed ${q.proposed}`);
  }
  if (r.notReal.length) {
    lines.push('', 'proposals not counted as figures:');
    for (const n of r.notReal) lines.push(`  ${n.sourceId}: «${n.stated}» (${n.why}) — "${n.quote}"`);
  }
  return lines;
}
