/**
 * Who added, edited and approved an item of a workspace, and the key it is kept under. Its own module, with no
 * imports, so that the details and the approved-only filter read it without bringing the fold and the
 * protocol's schemas into every page (they load with the workspace's code).
 */
export interface Provenance {
  addedBy?: string;
  addedAt?: string;
  editedBy?: string;
  editedAt?: string;
  approvedBy?: string;
  approvedAt?: string;
  status: 'pending' | 'approved';
}

/** Provenance is keyed `${kind}:${id}` (kind: figure, actor, event, place). */
export const provenanceKey = (kind: string, id: string) => `${kind}:${id}`;
