import { formatDateTime } from '../model/format/format';
import { provenanceKey } from '../model/workspace/provenance';
import { useWorkspace } from '../state/workspace/workspace-store';
import './provenance-note.css';

/**
 * In an item's detail, when a team workspace holds it: "Added by Ana on …", "Edited by Ben on …", and "Approved by
 * Cat on …" or "Awaiting review". Nothing without a workspace.
 */
export function ProvenanceNote({ kind, id }: { kind: 'figure' | 'actor' | 'event' | 'place'; id: string }) {
  const p = useWorkspace((s) => (s.workspace ? s.provenance.get(provenanceKey(kind, id)) : undefined));
  if (!p) return null;
  const who = (name: string) => (name === 'you' ? 'you' : name);
  return (
    <p className="provenance-note">
      {p.addedBy && p.addedAt && (
        <>
          Added by {who(p.addedBy)} on {formatDateTime(p.addedAt)}.{' '}
        </>
      )}
      {p.editedBy && p.editedAt && (
        <>
          Edited by {who(p.editedBy)} on {formatDateTime(p.editedAt)}.{' '}
        </>
      )}
      {p.status === 'approved' && p.approvedBy && p.approvedAt ? (
        <>
          Approved by {who(p.approvedBy)} on {formatDateTime(p.approvedAt)}.
        </>
      ) : (
        <span className="provenance-note__pending">Awaiting review.</span>
      )}
    </p>
  );
}
