import { useId, useState } from 'react';
import type { Actor, Dataset } from '../../model/dataset/schema';
import type { ActorCounts } from '../../model/dataset/actor-selectors';
import { selectRelations } from '../../model/dataset/actor-selectors';
import { ACTOR_KIND_WORDS, formatDate, formatEventDate, plural } from '../../model/format/format';
import { namesOf } from '../../model/dataset/selectors';
import { ItemCorrection } from '../../components/correction-panel';
import { ProvenanceNote } from '../../components/provenance-note';

interface ActorCardProps {
  actor: Actor;
  dataset: Dataset;
  counts: ActorCounts;
  focused: boolean;
  /** Open the statements and relations from the start (the focused actor's card at the top). */
  autoOpen?: boolean;
  onFocus: (id: string) => void;
  onClearFocus: () => void;
  onOpenEvent: (id: string) => void;
}

/** One actor: who, where from, what role; opens to its statements and its relations from the events. */
export function ActorCard({
  actor,
  dataset,
  counts,
  focused,
  autoOpen = false,
  onFocus,
  onClearFocus,
  onOpenEvent,
}: ActorCardProps) {
  const [openByUser, setOpen] = useState(false);
  const open = openByUser || autoOpen;
  const detailId = useId();
  const titleId = useId();
  const country = actor.country ? (namesOf(dataset.countries, [actor.country])[0] ?? actor.country) : 'No country';

  return (
    <article
      className={`actor-card${focused ? ' actor-card--focused' : ''}`}
      aria-labelledby={titleId}
      data-actor-id={actor.id}
    >
      <div className="actor-card__head">
        <h4 id={titleId} className="actor-card__name">
          {actor.name}
        </h4>
        <span className="actor-card__kind">
          {ACTOR_KIND_WORDS[actor.kind]} · {country}
        </span>
      </div>
      <p className="actor-card__role">{actor.role}</p>
      <p className="actor-card__meta">
        {namesOf(dataset.topics, actor.topics).join(', ')} · {plural(counts.figures, 'figure')},{' '}
        {plural(counts.events, 'event')}
        {counts.filtered ? ' in this selection' : ''}, {plural(counts.statements, 'quote')}
      </p>
      <div className="actor-card__actions">
        <button
          type="button"
          className={focused ? 'button' : 'button button--quiet'}
          aria-pressed={focused}
          onClick={() => (focused ? onClearFocus() : onFocus(actor.id))}
        >
          {focused ? 'Focused' : 'Focus'} <span className="visually-hidden">on {actor.name}</span>
        </button>
        {!autoOpen && (
          <button
            type="button"
            className="button button--quiet"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? 'Hide' : 'Statements and relations'} <span className="visually-hidden">of {actor.name}</span>
          </button>
        )}
      </div>
      {open && (
        <div id={detailId} className="actor-card__detail">
          <ActorDetail actor={actor} dataset={dataset} onFocus={onFocus} onOpenEvent={onOpenEvent} />
        </div>
      )}
    </article>
  );
}

function ActorDetail({
  actor,
  dataset,
  onFocus,
  onOpenEvent,
}: {
  actor: Actor;
  dataset: Dataset;
  onFocus: (id: string) => void;
  onOpenEvent: (id: string) => void;
}) {
  const relations = selectRelations(dataset, actor.id);
  return (
    <>
      <ProvenanceNote kind="actor" id={actor.id} />
      <h5>Statements</h5>
      {actor.statements.length === 0 ? (
        <p className="actor-card__none">The articles quote no words of theirs.</p>
      ) : (
        <ul className="actor-statements">
          {actor.statements.map((st, i) => {
            const source = dataset.sources.find((s) => s.id === st.sourceId);
            return (
              <li key={i}>
                <blockquote>“{st.quote}”</blockquote>
                <p className="actor-statements__source">
                  {st.context ? `${st.context}. ` : ''}
                  {source && (
                    <>
                      <cite>{source.title}</cite>, {source.publisher},{' '}
                      <time dateTime={source.published}>{formatDate(source.published)}</time>
                    </>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <h5>Relations from the events</h5>
      {relations.length === 0 ? (
        <p className="actor-card__none">No event names another actor with them.</p>
      ) : (
        <ul className="actor-relations">
          {relations.map(({ actor: other, events }) => (
            <li key={other.id}>
              <button type="button" className="link-button" onClick={() => onFocus(other.id)}>
                {other.name}
              </button>
              <ul className="actor-relations__events" aria-label={`Events with ${other.name}`}>
                {events.map((e) => (
                  <li key={e.id}>
                    <button type="button" className="link-button link-button--quiet" onClick={() => onOpenEvent(e.id)}>
                      {e.title} ({formatEventDate(e)})
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <ItemCorrection<Actor>
        key={actor.id}
        kind="actor"
        item={actor}
        dataset={dataset}
        noun="actor"
        name={actor.name}
      />
    </>
  );
}
