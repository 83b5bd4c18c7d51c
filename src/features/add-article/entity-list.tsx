import { useId, useState } from 'react';
import { type Actor, type Event, type ItemStatus, type Place } from '../../model/dataset/schema';
import type { Pack } from '../../model/pack/pack-schema';
import { formatEventDate } from '../../model/format/format';
import type { ReviewVocabulary } from './review-figure-card';
import { itemKey } from './review-state';
import type { ItemKind } from '../../model/pack/lifecycle';
import { entityProblems, type EntityKind } from '../../model/corrections/item-problems';
import { EntityFields } from '../../components/item-fields';

type Kind = Exclude<ItemKind, 'figures'>;
type Editable = Actor | Event | Place;

interface Entry {
  key: string;
  title: string;
  detail: string;
  quote?: string;
  status: ItemStatus;
  doubts: readonly string[];
  /** The item, for the fields of an actor, event or place (statements are edited by accepting or not). */
  item?: Editable;
}

function entries(pack: Pack, kind: Kind, actorName: (id: string) => string): Entry[] {
  switch (kind) {
    case 'actors':
      return pack.actors.map((a, i) => ({
        key: itemKey(kind, a, i),
        title: a.name,
        detail: `${a.kind} · ${a.role}${a.statements.length ? ` · ${a.statements.length} statement${a.statements.length > 1 ? 's' : ''}` : ''}`,
        ...(a.statements[0] ? { quote: a.statements[0].quote } : {}),
        status: a.status ?? 'proposed',
        doubts: a.doubts ?? [],
        item: a,
      }));
    case 'events':
      return pack.events.map((e, i) => ({
        key: itemKey(kind, e, i),
        title: e.title,
        detail: [formatEventDate(e), e.dateNote].filter(Boolean).join(' · '),
        status: e.status ?? 'proposed',
        doubts: e.doubts ?? [],
        item: e,
      }));
    case 'places':
      return pack.places.map((p, i) => ({
        key: itemKey(kind, p, i),
        title: p.name,
        detail: `${p.country} · ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`,
        status: p.status ?? 'proposed',
        doubts: p.doubts ?? [],
        item: p,
      }));
    case 'statements':
      return pack.statements.map((s, i) => ({
        key: itemKey(kind, s, i),
        title: actorName(s.actorId),
        detail: s.context ?? 'Statement',
        quote: s.quote,
        status: s.status ?? 'proposed',
        doubts: [],
      }));
  }
}

const HEADINGS: Record<Kind, string> = {
  actors: 'People and organisations',
  statements: 'Statements by known actors',
  events: 'Events',
  places: 'Places',
};

/** Proposed actors, statements, events or places, each with Accept / Reject and (but statements) its fields. */
export function EntityList({
  pack,
  kind,
  actorName,
  vocabulary,
  onStatus,
  onEdit,
}: {
  pack: Pack;
  kind: Kind;
  actorName: (id: string) => string;
  vocabulary: ReviewVocabulary;
  onStatus: (kind: ItemKind, key: string, status: ItemStatus) => void;
  onEdit: (kind: EntityKind, key: string, item: Editable) => void;
}) {
  const headingId = useId();
  const [open, setOpen] = useState<string | null>(null);
  const list = entries(pack, kind, actorName);
  if (list.length === 0) return null;
  return (
    <div className="review-group">
      <h3 id={headingId} className="review-group__heading">
        {HEADINGS[kind]} <span className="review-group__count">({list.length})</span>
      </h3>
      <ul className="review-list" aria-labelledby={headingId}>
        {list.map((entry) => {
          const problems = entry.item && kind !== 'statements' ? entityProblems(kind, entry.item) : {};
          const invalid = Object.keys(problems).length > 0;
          const editing = open === entry.key;
          return (
            <li key={entry.key} className={`review-item review-item--compact review-item--${entry.status}`}>
              <div role="group" aria-label={entry.title || 'Untitled item'} className="review-item__group">
                <div className="review-item__head">
                  <p className="review-item__name">{entry.title || '—'}</p>
                  <span className={`review-item__status review-item__status--${entry.status}`}>
                    {entry.status === 'proposed' ? 'To review' : entry.status === 'accepted' ? 'Accepted' : 'Rejected'}
                  </span>
                </div>
                <p className="review-item__meta">{entry.detail}</p>
                {entry.quote && <blockquote className="review-item__quote">“{entry.quote}”</blockquote>}
                {entry.doubts.length > 0 && entry.status === 'proposed' && (
                  <ul className="review-item__doubts" aria-label="To check">
                    {entry.doubts.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                )}
                <div className="review-item__actions">
                  <button
                    type="button"
                    className="button button--accept"
                    aria-pressed={entry.status === 'accepted'}
                    onClick={() => onStatus(kind, entry.key, entry.status === 'accepted' ? 'proposed' : 'accepted')}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--reject"
                    aria-pressed={entry.status === 'rejected'}
                    onClick={() => onStatus(kind, entry.key, entry.status === 'rejected' ? 'proposed' : 'rejected')}
                  >
                    Reject
                  </button>
                  {entry.item && kind !== 'statements' && (
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-expanded={editing}
                      onClick={() => setOpen(editing ? null : entry.key)}
                    >
                      Edit
                    </button>
                  )}
                  {invalid && entry.status !== 'rejected' && (
                    <span className="review-item__problem">Needs a fix before it can be accepted.</span>
                  )}
                </div>
                {editing && entry.item && kind !== 'statements' && (
                  <EntityFields
                    kind={kind}
                    item={entry.item}
                    problems={problems}
                    vocabulary={vocabulary}
                    onChange={(item) => onEdit(kind, entry.key, item)}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
