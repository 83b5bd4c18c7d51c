import { useEffect, useState } from 'react';
import { DetailDialog } from '../../components/detail-dialog';
import { ROLES, ROLE_WORDS, type Role } from '../../model/workspace/protocol';
import {
  changeRole,
  createInvite,
  inviteLink,
  loadMembers,
  removeMember,
  setViewersApprovedOnly,
} from '../../state/workspace/workspace-sync';
import { useWorkspace } from '../../state/workspace/workspace-store';

const ROLE_NAMES: Record<Role, string> = { owner: 'Owner', analyst: 'Analyst', reviewer: 'Reviewer', viewer: 'Viewer' };

/**
 * "Members": who is in the workspace and with which role; the owner changes roles, removes a member (after a
 * confirm step) and makes invite links.
 */
export function MembersDialog({ onClose }: { onClose: () => void }) {
  const members = useWorkspace((s) => s.members);
  const workspace = useWorkspace((s) => s.workspace);
  const me = useWorkspace((s) => s.user);
  const owner = workspace?.role === 'owner';
  const [error, setError] = useState('');
  const [inviteRole, setInviteRole] = useState<Role>('analyst');
  const [link, setLink] = useState('');
  const [copied, setCopied] = useState(false);
  /** The member whose removal waits for a yes. */
  const [removing, setRemoving] = useState<string | null>(null);

  const attempt = (action: () => Promise<void>) => {
    setError('');
    action().catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };
  useEffect(() => {
    loadMembers().catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, []);

  return (
    <DetailDialog open title="Members" onClose={onClose} className="workspace-dialog">
      <p>
        {workspace?.name}: you are {ROLE_NAMES[workspace?.role ?? 'viewer'].toLowerCase()}.
      </p>
      {error && (
        <p role="alert" className="workspace-form__error">
          {error}
        </p>
      )}
      <ul className="workspace-list">
        {members.map((m) => (
          <li key={m.userId} className="workspace-list__item">
            <span>
              <strong>{m.name}</strong> <span className="workspace-list__meta">{m.email}</span>
            </span>
            {owner && m.userId !== me?.id ? (
              <span className="workspace-list__actions">
                <label className="workspace-list__role">
                  <span className="visually-hidden">Role of {m.name}</span>
                  <select value={m.role} onChange={(e) => attempt(() => changeRole(m.userId, e.target.value as Role))}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_NAMES[r]}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-expanded={removing === m.userId}
                  onClick={() => setRemoving(removing === m.userId ? null : m.userId)}
                >
                  Remove <span className="visually-hidden">{m.name}</span>
                </button>
              </span>
            ) : (
              <span className="workspace-list__role">{ROLE_NAMES[m.role]}</span>
            )}
            {removing === m.userId && (
              <span className="workspace-confirm">
                <span>
                  Remove {m.name} from {workspace?.name}? They lose access; what they made stays in the workspace.
                </span>
                <span className="workspace-form__actions">
                  <button
                    type="button"
                    className="button button--danger"
                    autoFocus
                    onClick={() =>
                      attempt(async () => {
                        await removeMember(m.userId);
                        setRemoving(null);
                      })
                    }
                  >
                    Yes, remove {m.name}
                  </button>
                  <button type="button" className="button button--quiet" onClick={() => setRemoving(null)}>
                    Cancel
                  </button>
                </span>
              </span>
            )}
          </li>
        ))}
      </ul>
      {owner && (
        <>
          <h3>Invite</h3>
          <div className="workspace-form__actions">
            <label>
              Role for the invite
              <select value={inviteRole} onChange={(e) => setInviteRole(e.target.value as Role)}>
                {ROLES.filter((r) => r !== 'owner').map((r) => (
                  <option key={r} value={r}>
                    {ROLE_WORDS[r]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button"
              onClick={() =>
                attempt(async () => {
                  const invite = await createInvite(inviteRole);
                  setLink(inviteLink(window.location.origin, invite.token));
                  setCopied(false);
                })
              }
            >
              Invite link
            </button>
          </div>
          {link && (
            <div className="workspace-form__actions">
              <label className="workspace-form__grow">
                Link to send ({ROLE_NAMES[inviteRole].toLowerCase()})
                <input type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
              </label>
              <button
                type="button"
                className="button button--quiet"
                onClick={() =>
                  void navigator.clipboard?.writeText(link).then(
                    () => setCopied(true),
                    () => setError('The link could not be copied: select it and copy it by hand'),
                  )
                }
              >
                {copied ? 'Copied' : 'Copy link'}
              </button>
            </div>
          )}
          <label className="workspace-form__check">
            <input
              type="checkbox"
              checked={workspace?.viewersApprovedOnly ?? false}
              onChange={(e) => attempt(() => setViewersApprovedOnly(e.target.checked))}
            />
            Viewers see approved items only
          </label>
        </>
      )}
    </DetailDialog>
  );
}
