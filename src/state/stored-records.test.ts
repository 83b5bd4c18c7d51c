/**
 * Reading stored records back: a saved briefing's items that still stand as in the stored packs are the packs'
 * own objects (a team's briefings would otherwise hold their data twice in memory); the briefing is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { makePack, shippedDataset } from '../model/pack/pack.fixtures';
import { mergeDataset } from '../model/pack/merge';
import { makeBriefing } from '../model/briefing/briefing';
import { NO_FILTERS } from '../model/dataset/selectors';
import { briefingKey, readRecords, shareWithPacks } from './stored-records';

const context = { frontline: '2024-08-01', filters: NO_FILTERS, slides: null };

describe('shareWithPacks', () => {
  it('shares a briefing’s figures and events with the stored packs where they are the same, and only there', () => {
    const pack = makePack();
    const merged = mergeDataset(shippedDataset(), [pack]);
    const saved = makeBriefing(merged, context, 'Monday', new Date('2026-12-01T09:00:00Z'), []);
    // A correction made to the pack since: its second figure's label now differs from the briefing's.
    const changed = {
      ...pack,
      figures: pack.figures.map((f, i) => (i === 1 ? { ...f, label: `${f.label}, corrected` } : f)),
    };
    // As IndexedDB gives them back: copies.
    const rows = JSON.parse(
      JSON.stringify([
        { id: pack.source.id, pack: changed, state: 'added', updatedAt: '2026-12-01T08:00:00Z' },
        { id: briefingKey(saved.id), kind: 'briefing', briefing: saved },
      ]),
    ) as unknown[];

    const read = readRecords(rows);
    expect(read.unreadable).toEqual([]);
    const [briefing] = shareWithPacks(read.briefings, read.packs);
    const stored = read.packs[0]!.pack;
    const inBriefing = (id: string) => briefing!.figures.find((f) => f.id === id);
    expect(inBriefing(stored.figures[0]!.id)).toBe(stored.figures[0]);
    expect(inBriefing(stored.figures[1]!.id)).not.toBe(stored.figures[1]);
    expect(inBriefing(stored.figures[1]!.id)!.label).toBe(pack.figures[1]!.label);
    expect(briefing!.events.find((e) => e.id === stored.events[0]!.id)).toBe(stored.events[0]);
    // The briefing holds exactly what was saved.
    expect(JSON.parse(JSON.stringify(briefing))).toEqual(JSON.parse(JSON.stringify(saved)));
  });
});
