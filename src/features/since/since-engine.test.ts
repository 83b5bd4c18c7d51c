import { describe, expect, it } from 'vitest';
import { makeBriefing, type Briefing } from '../../model/briefing/briefing';
import { compareBriefing, countChanges, filterComparison } from '../../model/briefing/briefing-compare';
import { summariseSince } from '../../model/briefing/since-summary';
import { shippedDataset } from '../../model/pack/pack.fixtures';
import { NO_FILTERS, type Filters } from '../../model/dataset/selectors';
import type { Dataset, Figure } from '../../model/dataset/schema';
import { createSinceEngine } from './since-engine';
import {
  PART_SIZE,
  readAnswer,
  sideMessages,
  type SinceReply,
  type SinceRequest,
  type SinceResult,
} from './since-protocol';
import { compareHere } from './since-client';

const now = shippedDataset();
const context = { frontline: '2025-02-13', filters: NO_FILTERS, slides: null };

/**
 * A briefing some changes ago: three figures, an actor, two events and a source fewer, a figure since removed;
 * some values were other.
 */
function olderBriefing(dataset: Dataset = now): Briefing {
  const figures = [...dataset.figures, { ...dataset.figures[0]!, id: 'figure-since-removed' }]
    .slice(3)
    .map((f, i) => (i % 5 === 0 && f.value !== undefined ? { ...f, value: f.value + 1 } : f));
  return makeBriefing(
    {
      ...dataset,
      figures,
      actors: dataset.actors.slice(1),
      events: dataset.events.slice(2),
      sources: dataset.sources.slice(1),
    },
    context,
    'Monday',
    new Date('2026-12-01T09:00:00Z'),
    [],
  );
}

/** What the view computed before its worker: the model's functions, called in a row. */
function direct(briefing: Briefing, dataset: Dataset, filters: Filters) {
  const all = compareBriefing(briefing, dataset);
  const shown = filterComparison(all, filters, dataset);
  const summary = summariseSince(shown, {
    measures: dataset.measures,
    thenMeasures: briefing.measures,
    thenFigures: briefing.figures,
    units: dataset.units,
    sources: [...briefing.sources, ...dataset.sources],
    topics: dataset.topics,
  });
  return { shown, summary, allCounts: countChanges(all) };
}

const strip = <T extends { timings: unknown }>({ timings: _t, ...rest }: T) => rest;

/** The page's messages as the worker receives them: structured clones. */
const clone = <T>(x: T): T => structuredClone(x);

function send(engine: ReturnType<typeof createSinceEngine>, briefing: Briefing, dataset: Dataset) {
  const replies: (SinceReply | null)[] = [];
  for (const m of sideMessages('briefing', 'b1', briefing)) replies.push(engine.handle(clone(m)));
  for (const m of sideMessages('dataset', 'd1', dataset)) replies.push(engine.handle(clone(m)));
  return replies.filter((r) => r !== null);
}

const filterSets: Filters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, countries: ['RU'] },
  { ...NO_FILTERS, topics: ['casualties'], q: 'russia' },
  { ...NO_FILTERS, single: true },
];

describe('the comparison engine (the worker’s, and the page’s where there is no Worker)', () => {
  const briefing = olderBriefing();

  it('answers on the page’s thread exactly what the model’s functions give, under any filters', () => {
    for (const filters of filterSets) {
      const result = compareHere(briefing, now, filters);
      const { timings, ...rest } = result;
      expect(rest).toEqual(direct(briefing, now, filters));
      expect(timings.compareMs).toBeGreaterThanOrEqual(0);
    }
    const c = compareHere(briefing, now, NO_FILTERS);
    expect(c.allCounts.figuresAdded).toBe(3);
    expect(c.allCounts.figuresRemoved).toBe(1);
    expect(c.allCounts.figuresChanged).toBeGreaterThan(0);
    expect(c.allCounts.eventsAdded).toBe(2);
    expect(c.allCounts.actorsAdded).toBe(1);
    expect(c.allCounts.sourcesAdded).toBe(1);
    // Items are the page's own objects: nothing was copied.
    expect(c.shown.figures.added[0]).toBe(now.figures[0]);
  });

  it('takes each side in parts, clones through, and answers by reference: read back, the same answer on the page’s own objects', () => {
    const engine = createSinceEngine({ byRef: true });
    const big = {
      ...now,
      figures: Array.from({ length: PART_SIZE * 2 + 5 }, (_, i) => ({
        ...now.figures[i % now.figures.length]!,
        id: `f-${i}`,
      })),
    };
    const messages = [...sideMessages('dataset', 'd1', big)];
    expect(
      messages
        .filter((m) => m.kind === 'part' && m.list === 'figures')
        .map((m) => (m as { items: unknown[] }).items.length),
    ).toEqual([PART_SIZE, PART_SIZE, 5]);
    expect(messages.at(-1)).toMatchObject({ kind: 'hold', side: 'dataset', key: 'd1' });
    expect(messages.at(-1)!).not.toHaveProperty('data.figures');

    // A string of the data that looks like a reference stays itself.
    const odd = {
      ...now,
      figures: now.figures.map((f, i) => (i === 4 ? { ...f, quote: '\u00005 looks like a reference' } : f)),
    };
    const oddEngine = createSinceEngine({ byRef: true });
    send(oddEngine, briefing, odd);
    const oddAnswer = oddEngine.handle({ kind: 'compare', id: 1, briefing: 'b1', dataset: 'd1', filters: NO_FILTERS });
    expect(strip(readAnswer(clone((oddAnswer as { result: SinceResult }).result), briefing, odd))).toEqual(
      direct(briefing, odd, NO_FILTERS),
    );
    expect(
      direct(briefing, odd, NO_FILTERS).shown.figures.changed.some((x) =>
        x.fields.some((f) => f.after === '\u00005 looks like a reference'),
      ),
    ).toBe(true);

    const replies = send(engine, briefing, now);
    expect(replies).toEqual([
      { kind: 'held', side: 'briefing', key: 'b1', ms: expect.any(Number) },
      { kind: 'held', side: 'dataset', key: 'd1', ms: expect.any(Number) },
    ]);
    for (const filters of filterSets) {
      const reply = clone(
        engine.handle(clone({ kind: 'compare', id: 7, briefing: 'b1', dataset: 'd1', filters } as SinceRequest)),
      );
      expect(reply?.kind).toBe('result');
      const sent = (reply as { result: SinceResult }).result;
      // No figure crosses back: only where each stands.
      expect(JSON.stringify(sent)).not.toContain(now.figures[0]!.quote);
      const { timings: _t, ...result } = readAnswer(sent, briefing, now);
      expect(result).toEqual(direct(briefing, now, filters));
    }
    const sent = (
      engine.handle({ kind: 'compare', id: 8, briefing: 'b1', dataset: 'd1', filters: NO_FILTERS }) as {
        result: SinceResult;
      }
    ).result;
    const read = readAnswer(clone(sent), briefing, now);
    expect(read.shown.figures.added[0]).toBe(now.figures[0]);
    expect(read.shown.figures.removed.map((f) => f.id)).toEqual(['figure-since-removed']);
    expect(read.shown.figures.removed[0]).toBe(briefing.figures.at(-1));
    // Shared objects stay shared: a changed figure in the groups is the one in the comparison.
    const changed = read.shown.figures.changed[0]!;
    const grouped = read.summary.groups.flatMap((t) => t.measures.flatMap((g) => g.changed));
    expect(grouped).toContain(changed);
  });

  it('compares a pair once: a change of the filters sends only the filters and filters the comparison it kept', () => {
    const engine = createSinceEngine();
    send(engine, briefing, now);
    const ask = (filters: Filters) =>
      (engine.handle({ kind: 'compare', id: 1, briefing: 'b1', dataset: 'd1', filters }) as { result: SinceResult })
        .result;
    expect(ask(NO_FILTERS).timings.compared).toBe(true);
    expect(ask({ ...NO_FILTERS, countries: ['UA'] }).timings.compared).toBe(false);
    // A side sent again (a new version under the same key) is compared afresh.
    send(engine, briefing, now);
    expect(ask(NO_FILTERS).timings.compared).toBe(true);
  });

  it('says which side it does not hold, and keeps the last briefing and the two last datasets', () => {
    const engine = createSinceEngine();
    expect(engine.handle({ kind: 'compare', id: 3, briefing: 'b1', dataset: 'd1', filters: NO_FILTERS })).toEqual({
      kind: 'missing',
      id: 3,
      side: 'briefing',
      key: 'b1',
    });
    send(engine, briefing, now);
    for (const key of ['d2', 'd3']) for (const m of sideMessages('dataset', key, now)) engine.handle(m);
    expect(engine.handle({ kind: 'compare', id: 4, briefing: 'b1', dataset: 'd1', filters: NO_FILTERS })).toMatchObject(
      {
        kind: 'missing',
        side: 'dataset',
        key: 'd1',
      },
    );
    expect(engine.handle({ kind: 'compare', id: 5, briefing: 'b1', dataset: 'd3', filters: NO_FILTERS })?.kind).toBe(
      'result',
    );
    for (const m of sideMessages('briefing', 'b2', briefing)) engine.handle(m);
    expect(engine.handle({ kind: 'compare', id: 6, briefing: 'b1', dataset: 'd3', filters: NO_FILTERS })).toMatchObject(
      {
        kind: 'missing',
        side: 'briefing',
        key: 'b1',
      },
    );
  });

  it('makes a new version from the one before and the items sent anew, and says when it no longer has the one before', () => {
    const engine = createSinceEngine({ byRef: true });
    send(engine, briefing, now);
    const corrected = { ...now.figures[1]!, value: 777 };
    const next = {
      ...now,
      figures: [now.figures[0]!, corrected, ...now.figures.slice(3), { ...now.figures[2]!, id: 'late' }],
    };
    const messages = [...sideMessages('dataset', 'd2', next, { key: 'd1', side: now })];
    expect(
      messages
        .filter((m) => m.kind === 'part')
        .flatMap((m) => (m as { items: { id: string }[] }).items.map((f) => f.id)),
    ).toEqual([corrected.id, 'late']);
    expect(messages.at(-1)).toMatchObject({
      base: 'd1',
      plans: { figures: [[0, 1], 1, [3, now.figures.length - 3], 1], actors: [[0, now.actors.length]] },
    });
    for (const m of messages) engine.handle(clone(m));
    const sent = (
      engine.handle({ kind: 'compare', id: 1, briefing: 'b1', dataset: 'd2', filters: NO_FILTERS }) as {
        result: SinceResult;
      }
    ).result;
    const { timings: _t, ...result } = readAnswer(clone(sent), briefing, next);
    expect(result).toEqual(direct(briefing, next, NO_FILTERS));
    // The version before still answers for itself (the two share items).
    const before = (
      engine.handle({ kind: 'compare', id: 2, briefing: 'b1', dataset: 'd1', filters: NO_FILTERS }) as {
        result: SinceResult;
      }
    ).result;
    expect(strip(readAnswer(clone(before), briefing, now))).toEqual(direct(briefing, now, NO_FILTERS));
    // Made from a version it let go: said so, and not kept.
    expect(engine.handle({ kind: 'hold', side: 'dataset', key: 'd9', data: {}, base: 'd0', plans: {} })).toEqual({
      kind: 'missing',
      id: null,
      side: 'dataset',
      key: 'd0',
    });
    expect(engine.handle({ kind: 'compare', id: 3, briefing: 'b1', dataset: 'd9', filters: NO_FILTERS })).toMatchObject(
      { kind: 'missing', key: 'd9' },
    );
  });

  it('names the step that failed', () => {
    const engine = createSinceEngine();
    const broken = { ...now, figures: [null as unknown as Figure] };
    for (const m of sideMessages('briefing', 'b1', briefing)) engine.handle(m);
    for (const m of sideMessages('dataset', 'd1', broken)) engine.handle(m);
    expect(engine.handle({ kind: 'compare', id: 9, briefing: 'b1', dataset: 'd1', filters: NO_FILTERS })).toMatchObject(
      {
        kind: 'error',
        id: 9,
        step: 'compare',
        message: expect.any(String),
      },
    );
    expect(engine.handle({ kind: 'nonsense' } as unknown as SinceRequest)).toMatchObject({ kind: 'error', id: null });
  });
});
