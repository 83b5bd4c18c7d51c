/**
 * Property-based tests of the URL parser: any query string yields valid choices and never throws;
 * valid choices survive a round trip; every dropped value is named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, searchToState, stateToSearch, type UrlVocabulary } from './url';
import type { Choices } from './store';

const vocab: UrlVocabulary = {
  countries: new Set(['UA', 'RU', 'US', 'TW']),
  topics: new Set(['tariffs', 'casualties', 'peace-talks']),
  actors: new Set(['volodymyr-zelensky', 'vladimir-putin']),
  figures: new Set(['russia-key-rate', 'russia-tanks-lost-2024']),
  events: new Set(['trump-putin-call']),
};
const KEYS = ['country', 'topic', 'actor', 'q', 'view', 'slide', 'figure', 'event'];

const param = fc.tuple(
  fc.oneof(fc.constantFrom(...KEYS), fc.string()),
  fc.oneof(fc.string(), fc.constantFrom('TW', 'tw,UA', 'ZZ', 'brief', '-3', '0', '2', '%', '%E0%A4%A', ',,,')),
);
const query = fc
  .array(param, { maxLength: 8 })
  .map((pairs) =>
    pairs.map(([k, v]) => `${encodeURIComponent(k)}=${Math.random() < 0.5 ? encodeURIComponent(v) : v}`).join('&'),
  );

function valid(c: Choices) {
  expect(c.countries.every((x) => vocab.countries.has(x))).toBe(true);
  expect(c.topics.every((x) => vocab.topics.has(x))).toBe(true);
  expect(c.actor === null || vocab.actors.has(c.actor)).toBe(true);
  expect(['explore', 'brief']).toContain(c.view);
  expect(Number.isInteger(c.slide) && c.slide >= 1).toBe(true);
  expect(c.q.length).toBeLessThanOrEqual(200);
  for (const d of [c.frontline, c.compare]) expect(d === null || isCalendarDate(d)).toBe(true);
  expect(['week', 'war']).toContain(c.scale);
}

const isoDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('the URL parser under random input', { timeout: 60_000 }, () => {
  it('never throws, always yields valid choices, and names each dropped value', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string()), (search) => {
        const { choices, dropped } = searchToState(search, vocab);
        valid(choices);
        for (const d of dropped) expect(d).toMatch(/^[^=]*(=.*)? \((unknown|expected) .+\)$/s);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips any valid choices', () => {
    const choices = fc.record({
      countries: fc.uniqueArray(fc.constantFrom(...vocab.countries)),
      topics: fc.uniqueArray(fc.constantFrom(...vocab.topics)),
      actor: fc.option(fc.constantFrom(...vocab.actors), { nil: null }),
      q: fc
        .string({ maxLength: 200 })
        .filter((s) => s.trim() === s && s.length > 0)
        .map((s) => s)
        .chain((s) => fc.constantFrom(s, '')),
      single: fc.boolean(),
      view: fc.constantFrom('explore' as const, 'brief' as const),
      slide: fc.integer({ min: 1, max: 500 }),
      figure: fc.option(fc.constantFrom(...vocab.figures), { nil: null }),
      event: fc.option(fc.constantFrom(...vocab.events), { nil: null }),
      frontline: fc.option(isoDay, { nil: null }),
      compare: fc.option(isoDay, { nil: null }),
      since: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,79}$/), { nil: null }),
      scale: fc.constantFrom('week' as const, 'war' as const),
    });
    fc.assert(
      fc.property(choices, (c) => {
        const parsed = searchToState(stateToSearch(c), vocab);
        expect(parsed.dropped).toEqual([]);
        expect(parsed.choices).toEqual(c);
      }),
      { numRuns: 2000 },
    );
  });
});
