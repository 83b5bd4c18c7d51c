import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSearchIndex, searchIndex, WAIT_MS } from './search-index';
import { NO_FILTERS, selectFigures, type SearchHits } from '../model/dataset/selectors';
import type { Dataset } from '../model/dataset/schema';
import { makeActor, makeDataset, makeFigure } from '../testing/fixtures';
import { fakeSearchWorker } from '../testing/fake-search-worker';

const now = (run: () => void) => run();
const ids = (dataset: Pick<Dataset, 'figures' | 'actors'>, q: string, hits?: SearchHits) =>
  selectFigures(dataset, { ...NO_FILTERS, q }, hits).map((f) => f.id);

const dataset = makeDataset({
  actors: [makeActor({ id: 'zel', name: 'Volodymyr Zelensky' })],
  figures: [
    makeFigure({ id: 'tanks', label: 'Russian tank losses', quote: 'lost 3,000 tanks' }),
    makeFigure({ id: 'oil', label: 'Oil exports', quote: 'exports fell', actorIds: ['zel'] }),
    makeFigure({ id: 'talks', label: 'Ceasefire talks', quote: 'talks began' }),
  ],
});

/** An index built for `data` and ready to answer. */
function readyIndex(data = dataset) {
  const fake = fakeSearchWorker();
  const index = createSearchIndex(() => fake.worker, now);
  index.follow(data);
  fake.deliver();
  return { index, fake };
}

/** The index's answer for `q` on `data`, asked and delivered. */
function ask(
  index: ReturnType<typeof createSearchIndex>,
  fake: ReturnType<typeof fakeSearchWorker>,
  data: Dataset,
  q: string,
) {
  index.request(q);
  fake.deliver();
  const hits = index.hits(data, q);
  if (hits === null || hits === 'waiting') throw new Error(`no answer for ${q}: ${hits}`);
  return hits;
}

afterEach(() => vi.useRealTimers());

describe('the search index', () => {
  it('is not there without a Worker (jsdom): the scan answers', () => {
    expect(typeof Worker).toBe('undefined');
    searchIndex.follow(dataset);
    expect(searchIndex.hits(dataset, 'oil')).toBeNull();
    const index = createSearchIndex(() => null, now);
    index.follow(dataset);
    index.request('oil');
    expect(index.hits(dataset, 'oil')).toBeNull();
    expect(ids(dataset, 'oil')).toEqual(['oil']);
  });

  it('is built after the first paint; the scan answers until the worker says it is built', () => {
    const fake = fakeSearchWorker();
    const later: (() => void)[] = [];
    const index = createSearchIndex(
      () => fake.worker,
      (run) => later.push(run),
    );
    index.follow(dataset);
    expect(fake.sent).toEqual([]);
    expect(index.hits(dataset, 'oil')).toBeNull();
    later.forEach((run) => run());
    expect(fake.sent.map((m) => m.type)).toEqual(['reset', 'add', 'built']);
    expect(index.hits(dataset, 'oil')).toBeNull();
    fake.deliver();
    expect(index.hits(dataset, 'oil')).toBe('waiting');
    const hits = ask(index, fake, dataset, 'oil');
    expect(ids(dataset, 'oil', hits)).toEqual(['oil']);
    // Every word, prefixes, case and apostrophes, as the scan; actors' names too.
    expect(ids(dataset, 'RUSS TANK', ask(index, fake, dataset, 'RUSS TANK'))).toEqual(['tanks']);
    expect(ids(dataset, 'zelensky', ask(index, fake, dataset, 'zelensky'))).toEqual(['oil']);
    // Kept: asked again, answered at once.
    const before = fake.sent.length;
    index.request('oil');
    expect(fake.sent.length).toBe(before);
    expect(index.hits(dataset, ' Oil ')).toBe(hits);
  });

  it('gives the selectors no hits for another search: they scan instead', () => {
    const { index, fake } = readyIndex();
    const hits = ask(index, fake, dataset, 'oil');
    expect(ids(dataset, 'talks', hits)).toEqual(['talks']);
  });

  it('is updated, not rebuilt, when a figure is added, corrected or removed', () => {
    const { index, fake } = readyIndex();
    const sentSince = (from: number) => fake.sent.slice(from);

    // Added (an article's figure).
    let from = fake.sent.length;
    const added = {
      ...dataset,
      figures: [
        ...dataset.figures,
        makeFigure({ id: 'grain', label: 'Grain exports', quote: 'exports rose', actorIds: [] }),
      ],
    };
    index.follow(added);
    expect(sentSince(from)).toEqual([{ type: 'add', figures: [{ key: 3, text: expect.stringMatching(/^Grain/) }] }]);
    expect(ids(added, 'exports', ask(index, fake, added, 'exports'))).toEqual(['oil', 'grain']);

    // Corrected: the figure's new text replaces its old.
    from = fake.sent.length;
    const corrected = {
      ...added,
      figures: added.figures.map((f) => (f.id === 'oil' ? { ...f, label: 'Gas exports' } : f)),
    };
    index.follow(corrected);
    expect(sentSince(from)).toEqual([{ type: 'add', figures: [{ key: 1, text: expect.stringMatching(/^Gas/) }] }]);
    expect(ids(corrected, 'oil', ask(index, fake, corrected, 'oil'))).toEqual([]);
    expect(ids(corrected, 'gas', ask(index, fake, corrected, 'gas'))).toEqual(['oil']);

    // Removed.
    from = fake.sent.length;
    const removed = { ...corrected, figures: corrected.figures.filter((f) => f.id !== 'tanks') };
    index.follow(removed);
    expect(sentSince(from)).toEqual([{ type: 'remove', keys: [0] }]);
    expect(ids(removed, 'tank', ask(index, fake, removed, 'tank'))).toEqual([]);

    // Copied (a merge copies a pack's figures) but the same text: nothing to send.
    from = fake.sent.length;
    const copied = { ...removed, figures: structuredClone(removed.figures) };
    index.follow(copied);
    expect(sentSince(from)).toEqual([]);

    // An actor renamed: the figures that name the actor are sent again.
    from = fake.sent.length;
    const renamed = { ...copied, actors: [makeActor({ id: 'zel', name: 'President Zelensky' })] };
    index.follow(renamed);
    expect(sentSince(from)).toEqual([{ type: 'add', figures: [{ key: 1, text: expect.stringMatching(/President/) }] }]);
    expect(ids(renamed, 'president', ask(index, fake, renamed, 'president'))).toEqual(['oil']);
    expect(fake.sent.filter((m) => m.type === 'reset')).toHaveLength(1);
  });

  it('is rebuilt when most figures changed, and the scan answers meanwhile', () => {
    const { index, fake } = readyIndex();
    const other = makeDataset({
      figures: Array.from({ length: 1200 }, (_, i) => makeFigure({ id: `f${i}`, label: `Figure ${i}` })),
    });
    const from = fake.sent.length;
    index.follow(other);
    expect(fake.sent.slice(from).map((m) => m.type)).toEqual(['reset', 'add', 'built']);
    expect(index.hits(other, 'figure')).toBeNull();
    fake.deliver();
    // f11, f110–f119, f1100–f1199: word prefixes.
    expect(ids(other, 'figure 11', ask(index, fake, other, 'figure 11'))).toHaveLength(111);
  });

  it('ignores a stale answer: to an older search, or asked of a dataset since changed', () => {
    const { index, fake } = readyIndex();
    index.request('ta');
    index.request('tal');
    // The newer search is answered first; the older one's answer, coming after, is dropped.
    fake.answer('tal');
    fake.answer('ta');
    const hits = index.hits(dataset, 'tal');
    expect(hits !== null && hits !== 'waiting' && ids(dataset, 'tal', hits)).toEqual(['talks']);
    expect(index.hits(dataset, 'ta')).toBe('waiting');

    index.request('oil');
    const changed = { ...dataset, figures: dataset.figures.slice(1) };
    index.follow(changed);
    fake.deliver();
    expect(index.hits(changed, 'oil')).toBe('waiting');
    expect(ids(changed, 'oil', ask(index, fake, changed, 'oil'))).toEqual(['oil']);
  });

  it('lets the scan answer a search the worker is late with, and takes the answer when it comes', () => {
    vi.useFakeTimers();
    const { index, fake } = readyIndex();
    index.request('oil');
    expect(index.hits(dataset, 'oil')).toBe('waiting');
    vi.advanceTimersByTime(WAIT_MS);
    expect(index.hits(dataset, 'oil')).toBeNull();
    fake.deliver();
    const hits = index.hits(dataset, 'oil');
    expect(hits !== null && hits !== 'waiting' && hits.has('oil')).toBe(true);
  });

  it('falls back to the scan for good when the worker fails', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { index, fake } = readyIndex();
    const listener = vi.fn();
    index.subscribe(listener);
    fake.crash();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/search index failed/), 'boom');
    expect(fake.worker.terminate).toHaveBeenCalled();
    expect(listener).toHaveBeenCalled();
    expect(index.hits(dataset, 'oil')).toBeNull();
    index.follow({ ...dataset });
    index.request('oil');
    expect(index.hits(dataset, 'oil')).toBeNull();
    expect(ids(dataset, 'oil')).toEqual(['oil']);
  });
});
