/** Changes for the server's tests: an article's pack added, a field corrected. */
import type { Change } from '../../src/model/workspace/protocol';
import { makePack } from '../../src/model/pack/pack.fixtures';

const AT = '2026-12-01T10:00:00.000Z';

/** The test article's pack under another source id (the server checks the pack's form, not the dataset). */
export function packPut(_name: string, sourceId: string, id = `put-${sourceId}`.padEnd(6, '0')): Change {
  const pack = makePack();
  return { id, at: AT, type: 'pack.put', pack: { ...pack, source: { ...pack.source, id: sourceId } } };
}

export function correction(
  id: string,
  itemId: string,
  field: string,
  from: number | string,
  to: number | string,
): Change {
  return {
    id,
    at: AT,
    type: 'correction',
    correction: { id, kind: 'figure', itemId, at: AT, by: 'you', changes: [{ field, from, to }] },
  };
}
