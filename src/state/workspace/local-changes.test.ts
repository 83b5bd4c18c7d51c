import { describe, expect, it } from 'vitest';
import { localChanges, uploadChanges, type SharedSnapshot } from './local-changes';
import { makePack, PACK_SOURCE_ID } from '../../model/pack/pack.fixtures';
import { correct, merge } from '../../model/corrections/corrections.fixtures';
import { NO_EDITS } from '../../model/corrections/edits-schema';
import type { Briefing } from '../../model/briefing/briefing';

const NOW = '2025-03-01T10:00:00.000Z';
const snap = (over: Partial<SharedSnapshot> = {}): SharedSnapshot => ({
  packs: new Map(),
  briefings: [],
  edits: NO_EDITS,
  ...over,
});
const fix = correct('figure', 'f-1', 'value', 3, 4, 'fix-abcdef', NOW);

describe('localChanges', () => {
  it('sends a pack newly added or changed, and a removal', () => {
    const pack = makePack();
    const added = snap({ packs: new Map([[PACK_SOURCE_ID, pack]]) });
    expect(localChanges(snap(), added, NOW).map((c) => c.type)).toEqual(['pack.put']);
    expect(localChanges(added, snap({ packs: new Map([[PACK_SOURCE_ID, { ...pack }]]) }), NOW)).toEqual([]);
    const changed = snap({ packs: new Map([[PACK_SOURCE_ID, { ...pack, notes: ['new'] }]]) });
    expect(localChanges(added, changed, NOW).map((c) => c.type)).toEqual(['pack.put']);
    expect(localChanges(added, snap(), NOW)).toEqual([
      expect.objectContaining({ type: 'pack.remove', packId: PACK_SOURCE_ID }),
    ]);
  });

  it('sends a new correction under its own id, and its undoing once', () => {
    const made = snap({ edits: { ...NO_EDITS, corrections: [fix] } });
    expect(localChanges(snap(), made, NOW)).toEqual([
      { id: 'fix-abcdef', at: NOW, type: 'correction', correction: fix },
    ]);
    const undone = snap({ edits: { ...NO_EDITS, corrections: [{ ...fix, undoneAt: NOW, undoneBy: 'you' }] } });
    const changes = localChanges(made, undone, NOW);
    expect(changes).toEqual([expect.objectContaining({ type: 'correction.undo', correctionId: 'fix-abcdef' })]);
    expect(localChanges(undone, undone, NOW)).toEqual([]);
  });

  it('sends merges and their undoing, and briefings saved and deleted', () => {
    const m = merge('merge-abcdef', 'a', 'b', NOW);
    const briefing = { id: 'monday', name: 'Monday', savedAt: NOW } as Briefing;
    const after = snap({ edits: { ...NO_EDITS, merges: [m] }, briefings: [briefing] });
    expect(localChanges(snap(), after, NOW).map((c) => c.type)).toEqual(['merge', 'briefing.save']);
    const later = snap({ edits: { ...NO_EDITS, merges: [{ ...m, undoneAt: NOW, undoneBy: 'you' }] } });
    expect(localChanges(after, later, NOW).map((c) => c.type)).toEqual(['merge.undo', 'briefing.remove']);
  });
});

describe('uploadChanges', () => {
  it('gives the same ids to the same data (a resend is a duplicate), and keeps corrections’ ids', () => {
    const local = snap({ packs: new Map([[PACK_SOURCE_ID, makePack()]]), edits: { ...NO_EDITS, corrections: [fix] } });
    const first = uploadChanges(local, 'user-ana', NOW);
    const again = uploadChanges(local, 'user-ana', '2025-03-02T10:00:00.000Z');
    expect(first.map((c) => c.id)).toEqual(again.map((c) => c.id));
    expect(first.map((c) => c.id)).toContain('fix-abcdef');
    expect(uploadChanges(local, 'user-ben', NOW)[0]!.id).not.toBe(first[0]!.id);
    for (const c of first) expect(c.id).toMatch(/^[A-Za-z0-9_-]{6,80}$/);
  });
});
