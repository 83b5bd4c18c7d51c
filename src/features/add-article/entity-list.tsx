import { useId } from 'react';
import type { ItemStatus } from '../../model/schema';
import type { Pack } from '../../model/pack-schema';
import { formatEventDate } from '../../model/format';
import { itemKey, type ItemKind } from './review-state';

interface Entry {
  key: string;
  title: string;
  detail: string;
  quote?: string;
  status: ItemStatus;
}

function entries(pack: Pack, kind: Exclude<ItemKind, 'figures'>, actorName: (id: string) => string): Entry[] {
  switch (kind) {
    case 'actors':
      return pack.actors.map((a, i) => ({
        key: itemKey(kind, a, i),
        title: a.name,
        detail: `${a.kind} · ${a.role}${a.statements.length ? ` · ${a.statements.length} statement${a.statements.length > 1 ? 's' : ''}` : ''}`,
        quote: a.statements[0]?.quote,
        status: a.status ?? 'proposed',
      }));
    case 'events':
      return pack.events.map((e, i) => ({
        key: itemKey(kind, e, i),
        title: e.title,
        detail: [formatEventDate(e), e.dateNote].filter(Boolean).join(' · '),
        status: e.status ?? 'proposed',
      }));
    case 'places':
      return pack.places.map((p, i) => ({
        key: itemKey(kind, p, i),
        title: p.name,
        detail: `${p.country} · ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`,
        status: p.status ?? 'proposed',
      }));
    case 'statements':
      return pack.statements.map((s, i) => ({
        key: itemKey(kind, s, i),
        title: actorName(s.actorId),
        detail: s.context ?? 'Statement',
        quote: s.quote,
        status: s.status ?? 'proposed',
      }));
  }
}

const HEADINGS: Record<Exclude<ItemKind, 'figures'>, string> = {
  actors: 'People and organisations',
  statements: 'Statements by known actors',
  events: 'Events',
  places: 'Places',
};

/** Proposed actors, statements, events or places, each with Accept / Reject. */
export function EntityList({
  pack,
  kind,
  actorName,
  onStatus,
}: {
  pack: Pack;
  kind: Exclude<ItemKind, 'figures'>;
  actorName: (id: string) => string;
  onStatus: (kind: ItemKind, key: string, status: ItemStatus) => void;
}) {
  const headingId = useId();
  const list = entries(pack, kind, actorName);
  if (list.length === 0) return null;
  return (
    <div className="review-group">
      <h3 id={headingId} className="review-group__heading">
        {HEADINGS[kind]} <span className="review-group__count">({list.length})</span>
      </h3>
      <ul className="review-list" aria-labelledby={headingId}>
        {list.map((entry) => (
          <li key={entry.key} className={`review-item review-item--compact review-item--${entry.status}`}>
            <div role="group" aria-label={entry.title} className="review-item__group">
              <div className="review-item__head">
                <p className="review-item__name">{entry.title}</p>
                <span className={`review-item__status review-item__status--${entry.status}`}>
                  {entry.status === 'proposed' ? 'To review' : entry.status === 'accepted' ? 'Accepted' : 'Rejected'}
                </span>
              </div>
              <p className="review-item__meta">{entry.detail}</p>
              {entry.quote && <blockquote className="review-item__quote">“{entry.quote}”</blockquote>}
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
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
