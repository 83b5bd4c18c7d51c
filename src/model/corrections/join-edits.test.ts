import { describe, expect, it } from 'vitest';
import { joinEdits } from './join-edits';
import { NO_EDITS, YOU, type Edits } from './edits-schema';

describe('joinEdits', () => {
  it('keeps a measure of its own over the file’s with the same id, and says so', () => {
    const measure = {
      id: 'mine',
      label: 'Mine',
      dimension: 'count',
      countries: ['RU'],
      scope: 'now',
      definition: 'Mine.',
    };
    const kept: Edits = { ...NO_EDITS, measures: [{ measure, at: '2025-03-01T09:00:00.000Z', by: YOU }] };
    const other: Edits = {
      ...NO_EDITS,
      measures: [{ measure: { ...measure, label: 'Theirs' }, at: '2025-03-01T09:00:00.000Z', by: YOU }],
    };
    const same = joinEdits(kept, kept);
    expect(same).toEqual({ edits: kept, added: 0, skipped: [] });
    const clash = joinEdits(kept, other);
    expect(clash.edits.measures).toEqual(kept.measures);
    expect(clash.skipped).toHaveLength(1);
    expect(clash.skipped[0]).toContain('mine');
  });
});
