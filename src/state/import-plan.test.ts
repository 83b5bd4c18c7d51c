import { describe, expect, it } from 'vitest';
import { makePack, PACK_SOURCE_ID, shippedDataset } from '../model/pack/pack.fixtures';
import { NO_EDITS } from '../model/corrections/edits-schema';
import { planImport } from './import-plan';
import type { Kept } from './stored-records';

const base = shippedDataset();
const NOW = '2025-03-01T10:00:00.000Z';
const empty: Kept = { packs: [], briefings: [], leads: null, edits: NO_EDITS };

describe('planImport', () => {
  it('puts a reviewed pack onto the dashboard, stamped, and names the key to store', () => {
    const plan = planImport(JSON.stringify(makePack()), empty, base, NOW);
    expect(plan.keys).toEqual([PACK_SOURCE_ID]);
    expect(plan.kept.packs).toMatchObject([{ id: PACK_SOURCE_ID, state: 'added', updatedAt: NOW }]);
    expect(plan.kept.packs[0]!.pack.source.addedAt).toBe(NOW);
    expect(plan.result).toMatchObject({ imported: 1, errors: [], importedBriefings: [] });
    // Nothing else changed: the same objects.
    expect(plan.kept.briefings).toBe(empty.briefings);
    expect(plan.kept.edits).toBe(empty.edits);
  });

  it('changes nothing for a pack already kept, and says where it is', () => {
    const kept = planImport(makePack(), empty, base, NOW).kept;
    const again = planImport(makePack(), kept, base, NOW);
    expect(again.keys).toEqual([]);
    expect(again.kept).toBe(kept);
    expect(again.result.skipped).toEqual([`“${makePack().source.title}”: already in your data (on the dashboard)`]);
  });
});
