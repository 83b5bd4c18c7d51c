import { useState } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import type { Change, ReviewKind } from '../../model/workspace/protocol';
import type { FieldValue } from '../../model/corrections/edits-schema';
import { DetailDialog } from '../../components/detail-dialog';
import { fieldValueWords, FIELD_WORDS } from '../../model/corrections/corrections';
import { displayValue, formatDateTime } from '../../model/format/format';
import { mayReview, useWorkspace } from '../../state/workspace/workspace-store';
import { dismissNotApplied, sendChange } from '../../state/workspace/workspace-sync';
import { itemLabel } from './item-label';
import { othersWaitingWords } from './others-waiting';

const KIND_ORDER: ReviewKind[] = ['figure', 'actor', 'event', 'place'];

const newId = (prefix: string) =>
  `${prefix}-${globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`}`;

/**
 * "Review queue": items waiting for approval (figures first) with what they say, the conflicts with every value
 * and who set it ("Keep …"), and the changes the server did not apply, with why. Approving and keeping a value
 * are for reviewers and the owner; the server checks the role again.
 */
export function ReviewQueueDialog({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const provenance = useWorkspace((s) => s.provenance);
  const conflicts = useWorkspace((s) => s.conflicts);
  const notApplied = useWorkspace((s) => s.notApplied);
  const othersWaiting = useWorkspace((s) => s.othersWaiting);
  const reviewer = useWorkspace(mayReview);
  const [error, setError] = useState('');

  const attempt = (action: () => Promise<void>) => {
    setError('');
    action().catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };
  const send = (change: Change) => attempt(() => sendChange(change));
  const pending = [...provenance.entries()]
    .filter(([, p]) => p.status === 'pending')
    .map(([key, p]) => {
      const [kind, ...rest] = key.split(':');
      return { kind: kind as ReviewKind, id: rest.join(':'), p };
    })
    .filter((x) => itemLabel(dataset, x.kind, x.id) !== undefined)
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));

  return (
    <DetailDialog open title="Review queue" onClose={onClose} className="workspace-dialog">
      {error && (
        <p role="alert" className="workspace-form__error">
          {error}
        </p>
      )}
      {!reviewer && <p>Reviewers and the owner approve items and resolve conflicts; you can see what waits.</p>}
      <h3>Conflicts ({conflicts.length})</h3>
      {conflicts.length === 0 ? (
        <p>No conflicts.</p>
      ) : (
        <ul className="workspace-list">
          {conflicts.map((c) => (
            <li key={c.id} className="workspace-list__item workspace-list__item--stack">
              <span>
                <strong>{itemLabel(dataset, c.kind, c.itemId) ?? c.itemId}</strong>: {FIELD_WORDS[c.field] ?? c.field}
              </span>
              <ul className="workspace-values">
                {c.values.map((v, i) => {
                  const words = fieldValueWords(dataset, c.field, v.value as FieldValue);
                  return (
                    <li key={v.changeId}>
                      {words} <span className="workspace-list__meta">set by {v.by.name}</span>{' '}
                      {reviewer && (
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() =>
                            send({
                              id: newId('resolve'),
                              at: new Date().toISOString(),
                              type: 'conflict.resolve',
                              conflictId: c.id,
                              keep: i,
                            })
                          }
                        >
                          Keep {words}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <h3>Awaiting review ({pending.length})</h3>
      {pending.length === 0 ? (
        <p>Nothing waits for review.</p>
      ) : (
        <ul className="workspace-list">
          {pending.map(({ kind, id, p }) => {
            const figure = kind === 'figure' ? dataset.figures.find((f) => f.id === id) : undefined;
            const label = itemLabel(dataset, kind, id)!;
            return (
              <li key={`${kind}:${id}`} className="workspace-list__item workspace-list__item--stack">
                <span>
                  <strong>{label}</strong>
                  {figure && <> — {displayValue(figure)}</>}
                  {kind !== 'figure' && <span className="workspace-list__meta"> ({kind})</span>}
                </span>
                {figure && <q className="workspace-quote">{figure.quote}</q>}
                <span className="workspace-list__meta">
                  {p.editedBy
                    ? `Edited by ${p.editedBy} on ${formatDateTime(p.editedAt!)}`
                    : p.addedBy
                      ? `Added by ${p.addedBy} on ${formatDateTime(p.addedAt!)}`
                      : ''}
                </span>
                {reviewer && (
                  <button
                    type="button"
                    className="button"
                    aria-label={`Approve ${label}`}
                    onClick={() =>
                      send({ id: newId('approve'), at: new Date().toISOString(), type: 'approve', item: { kind, id } })
                    }
                  >
                    Approve
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>Not applied ({notApplied.length})</h3>
      {othersWaiting > 0 && <p>{othersWaitingWords(othersWaiting)}: they are not sent under your name.</p>}
      {notApplied.length === 0 ? (
        <p>Every change you made was applied.</p>
      ) : (
        <ul className="workspace-list">
          {notApplied.map((n) => (
            <li key={n.id} className="workspace-list__item workspace-list__item--stack">
              <span>{n.what}</span>
              <span className="workspace-list__meta">
                Not applied: {n.reason} ({formatDateTime(n.at)})
              </span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => attempt(() => dismissNotApplied(n.id))}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </DetailDialog>
  );
}
