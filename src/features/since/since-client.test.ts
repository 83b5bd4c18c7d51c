import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBriefing } from '../../model/briefing/briefing';
import { shippedDataset } from '../../model/pack/pack.fixtures';
import { NO_FILTERS } from '../../model/dataset/selectors';
import { compareHere, createSinceClient, failureWords, SinceError, type WorkerLike } from './since-client';
import { TestWorker } from './test-worker';

const now = shippedDataset();
const context = { frontline: '2025-02-13', filters: NO_FILTERS, slides: null };
const briefing = makeBriefing(
  { ...now, figures: now.figures.slice(2), events: now.events.slice(1) },
  context,
  'Monday',
  new Date('2026-12-01T09:00:00Z'),
  [],
);
const RU = { ...NO_FILTERS, countries: ['RU'] };

const client = () => createSinceClient(() => new TestWorker() as unknown as WorkerLike);
const strip = <T extends { timings: unknown }>({ timings: _t, ...rest }: T) => rest;

beforeEach(() => TestWorker.reset());
afterEach(() => TestWorker.reset());

describe('the page’s client of the comparison’s worker', () => {
  it('answers what the page’s own comparison answers, on the page’s own objects', async () => {
    const c = client();
    for (const filters of [NO_FILTERS, RU]) {
      const result = await c.compare(briefing, now, filters);
      expect(strip(result)).toEqual(strip(compareHere(briefing, now, filters)));
    }
    const result = await c.compare(briefing, now, NO_FILTERS);
    expect(result.shown.figures.added.map((f) => f.id)).toEqual(now.figures.slice(0, 2).map((f) => f.id));
    expect(result.shown.figures.added[0]).toBe(now.figures[0]);
  });

  it('sends the briefing and the dataset once, then only the filters; a new version of the dataset once more', async () => {
    const c = client();
    const first = await c.compare(briefing, now, NO_FILTERS);
    await c.compare(briefing, now, { ...NO_FILTERS, countries: ['UA'] });
    await c.compare(briefing, now, RU);
    // The view and the slide asking the same at once get the one answer.
    const [a, b] = await Promise.all([c.compare(briefing, now, { ...RU }), c.compare(briefing, now, RU)]);
    expect(a).toBe(b);
    expect(await c.compare(briefing, now, { ...NO_FILTERS })).toBe(first);
    const worker = TestWorker.started[0]!;
    expect(TestWorker.started).toHaveLength(1);
    expect(worker.kinds()).toEqual([
      'part briefing',
      'hold briefing',
      'part dataset',
      'hold dataset',
      'compare',
      'compare',
      'compare',
    ]);
    // Filters only cross as plain data.
    expect(worker.received.at(-1)).toMatchObject({ kind: 'compare', filters: { countries: ['RU'], single: false } });
    // A new version of the dataset goes as what changed: here nothing but the list, so no part at all.
    const next = { ...now, figures: [...now.figures] };
    await c.compare(briefing, next, NO_FILTERS);
    expect(worker.kinds().slice(7)).toEqual(['hold dataset', 'compare']);
    expect(worker.received.at(-2)).toMatchObject({
      kind: 'hold',
      base: expect.any(String),
      plans: { figures: [[0, now.figures.length]] },
    });
  });

  it('sends a new version of the dataset as what changed: a corrected figure and an added one, not the rest', async () => {
    const c = client();
    await c.compare(briefing, now, NO_FILTERS);
    const corrected = { ...now.figures[5]!, value: 12345 };
    const added = { ...now.figures[6]!, id: 'a-new-figure' };
    const next = { ...now, figures: [...now.figures.slice(0, 5), corrected, ...now.figures.slice(6), added] };
    const result = await c.compare(briefing, next, NO_FILTERS);
    const received = TestWorker.started[0]!.received;
    const again = received.slice(received.findIndex((m) => m.kind === 'compare') + 1);
    expect(
      again.flatMap((m) => (m.kind === 'part' ? (m.items as { id: string }[]).map((f) => f.id) : [m.kind])),
    ).toEqual([corrected.id, 'a-new-figure', 'hold', 'compare']);
    expect(strip(result)).toEqual(strip(compareHere(briefing, next, NO_FILTERS)));
    expect(result.shown.figures.added.at(-1)).toBe(added);
  });

  it('sends a side again when the worker let it go', async () => {
    const c = client();
    await c.compare(briefing, now, NO_FILTERS);
    // Three other versions of the dataset: the worker keeps the last two.
    for (let i = 0; i < 3; i++) await c.compare(briefing, { ...now }, NO_FILTERS);
    const result = await c.compare(briefing, now, RU);
    expect(strip(result)).toEqual(strip(compareHere(briefing, now, RU)));
    // Sent again as what changed from the version the worker holds: nothing but its list.
    expect(TestWorker.started[0]!.kinds().slice(-3)).toEqual(['compare', 'hold dataset', 'compare']);
  });

  it('fails naming the step when the worker cannot start, and starts a fresh one next time', async () => {
    const c = client();
    TestWorker.failToStart = 'Failed to load since-worker.js';
    const error = await c.compare(briefing, now, NO_FILTERS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SinceError);
    expect((error as SinceError).step).toBe('start');
    expect(failureWords(error)).toBe('starting the comparison’s worker failed (Failed to load since-worker.js)');
    expect(TestWorker.started[0]!.terminated).toBe(true);
    TestWorker.failToStart = null;
    const result = await c.compare(briefing, now, NO_FILTERS);
    expect(result.allCounts.figuresAdded).toBe(2);
    expect(TestWorker.started).toHaveLength(2);
  });

  it('passes on a failure in the worker with its step, and restarts on demand', async () => {
    const c = client();
    const broken = { ...now, figures: [null as never] };
    const error = await c.compare(briefing, broken, NO_FILTERS).catch((e: unknown) => e);
    expect((error as SinceError).step).toBe('compare');
    expect(failureWords(error)).toMatch(/^comparing the briefing with the dashboard failed \(.+\)$/);
    c.restart();
    expect(TestWorker.started[0]!.terminated).toBe(true);
    await expect(c.compare(briefing, now, NO_FILTERS)).resolves.toMatchObject({ allCounts: { figuresAdded: 2 } });
    expect(TestWorker.started).toHaveLength(2);
  });

  it('stops an unused worker after a while, and starts one again when asked', async () => {
    const c = createSinceClient(() => new TestWorker() as unknown as WorkerLike, 10);
    const release = c.retain();
    await c.compare(briefing, now, NO_FILTERS);
    release();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(TestWorker.started[0]!.terminated).toBe(true);
    await c.compare(briefing, now, NO_FILTERS);
    expect(TestWorker.started).toHaveLength(2);
  });
});
