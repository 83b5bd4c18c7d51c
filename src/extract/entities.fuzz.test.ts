import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeActor, makeDataset } from '../testing/fixtures';
import { ActorSchema, EventSchema, PlaceSchema } from '../model/dataset/schema';
import { PackStatementSchema } from '../model/pack/pack-schema';
import { extractEntities } from './entities';
import { shippedGazetteer } from './entities-testing';
import { splitSentences } from './sentences';

/** Pieces of news prose, quotes and punctuation that the extractors react to, in any order. */
const PIECES = [
  'Donald Trump',
  'Mr. Trump',
  'said',
  'told reporters',
  'on Wednesday',
  'last month',
  'in 2022',
  'Kyiv',
  'Kiev',
  'Pokrovsk',
  'Georgia',
  'the U.S.',
  'US',
  'us',
  'Defence Secretary Pete Hegseth',
  'Olena Kovalenko, a senior analyst,',
  '“',
  '”',
  '"',
  ',',
  '.',
  '\n',
  '(',
  ')',
  '—',
  'he said.',
  'Institute for the Study of War',
  'Russia’s Defense Ministry',
  'the',
  'war',
  'talks',
  '',
];

const dataset = makeDataset({ actors: [makeActor({ id: 'donald-trump', name: 'Donald Trump', country: 'US' })] });
const ctx = { dataset, gazetteer: shippedGazetteer() };

describe('extractEntities on arbitrary text', () => {
  it('never throws, keeps quotes verbatim, and gives valid items with unique ids', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 40 })
      .map((parts) => parts.join(' ').trim())
      .filter((t) => t.length > 0);
    fc.assert(
      fc.property(text, (t) => {
        const input = { text: t, from: 'text' as const, published: '2025-02-12', publisher: 'Wire', title: 'T' };
        const r = extractEntities(splitSentences(t), input, ctx, 'wire-2025-02-12-t');
        const quotes = [
          ...r.statements.map((s) => s.quote),
          ...r.actors.flatMap((a) => a.statements.map((s) => s.quote)),
        ];
        for (const q of quotes) expect(t).toContain(q);
        for (const a of r.actors) expect(ActorSchema.safeParse(a).success).toBe(true);
        for (const p of r.places) expect(PlaceSchema.safeParse(p).success).toBe(true);
        for (const e of r.events) expect(EventSchema.safeParse(e).success).toBe(true);
        for (const s of r.statements) expect(PackStatementSchema.safeParse(s).success).toBe(true);
        const ids = [...r.actors, ...r.places, ...r.events].map((x) => x.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 150, seed: 10 },
    );
  });
});
