import type { Dataset } from '../../model/schema';
import { formatDate, formatEventDate, sourceByline } from '../../model/format';
import { namesOf } from '../../model/selectors';
import { DetailDialog } from '../../components/detail-dialog';
import { useChoices } from '../../state/store';
import { CorrectionPanel } from '../../components/correction-panel';
import { fieldValueWords } from '../../model/corrections';
import type { Event, Place } from '../../model/schema';
import { saveCorrection, undoLastCorrection, useHistory } from '../../state/use-edits';

/** "Edit" for the event: its title and dates; its history. */
function EventCorrection({ dataset, event }: { dataset: Dataset; event: Event }) {
  const history = useHistory('event', event.id);
  return (
    <CorrectionPanel<Event>
      key={event.id}
      kind="event"
      dataset={dataset}
      item={event}
      noun="event"
      history={history}
      describe={(field, value) => fieldValueWords(dataset, field, value)}
      onSave={(draft) => saveCorrection('event', event, draft)}
      onUndo={() => undoLastCorrection('event', event.id)}
    />
  );
}

/** "Edit" for one place of the event: name, country, coordinates; its history. */
function PlaceCorrection({ dataset, place }: { dataset: Dataset; place: Place }) {
  const history = useHistory('place', place.id);
  return (
    <CorrectionPanel<Place>
      key={place.id}
      kind="place"
      dataset={dataset}
      item={place}
      noun="place"
      name={place.name}
      history={history}
      describe={(field, value) => fieldValueWords(dataset, field, value)}
      onSave={(draft) => saveCorrection('place', place, draft)}
      onUndo={() => undoLastCorrection('place', place.id)}
      note={<span className="correction__status">{place.name}</span>}
    />
  );
}

/** The open event's detail: when (and how the date is known), where, who, topics and its stories. */
export function EventDetail({ dataset }: { dataset: Dataset }) {
  const eventId = useChoices((s) => s.event);
  const openEvent = useChoices((s) => s.openEvent);
  const event = eventId ? dataset.events.find((e) => e.id === eventId) : undefined;

  return (
    <DetailDialog open={!!event} title={event?.title ?? ''} onClose={() => openEvent(null)}>
      {event && (
        <>
          <p className="detail-dialog__value">
            <time dateTime={event.date}>{formatEventDate(event)}</time>
          </p>
          {event.summary && <p className="detail-dialog__summary">{event.summary}</p>}
          <dl className="detail-dialog__facts">
            {event.dateNote && (
              <>
                <dt>Date from</dt>
                <dd>{event.dateNote}</dd>
              </>
            )}
            {event.placeIds.length > 0 && (
              <>
                <dt>Where</dt>
                <dd>{namesOf(dataset.places, event.placeIds).join(', ')}</dd>
              </>
            )}
            {event.actorIds.length > 0 && (
              <>
                <dt>Who</dt>
                <dd>{namesOf(dataset.actors, event.actorIds).join(', ')}</dd>
              </>
            )}
            <dt>Topics</dt>
            <dd>{namesOf(dataset.topics, event.topics).join(', ')}</dd>
          </dl>
          <h3 className="detail-dialog__subheading">Reported in</h3>
          <ul className="detail-dialog__sources">
            {event.sourceIds.map((id) => {
              const source = dataset.sources.find((s) => s.id === id);
              if (!source) return null;
              return (
                <li key={id}>
                  <cite>{source.title}</cite> ({sourceByline(source)},{' '}
                  <time dateTime={source.published}>{formatDate(source.published)}</time>)
                </li>
              );
            })}
          </ul>
          <EventCorrection dataset={dataset} event={event} />
          {event.placeIds.length > 0 && (
            <>
              <h3 className="detail-dialog__subheading">Places</h3>
              {dataset.places
                .filter((p) => event.placeIds.includes(p.id))
                .map((place) => (
                  <PlaceCorrection key={place.id} dataset={dataset} place={place} />
                ))}
            </>
          )}
        </>
      )}
    </DetailDialog>
  );
}
