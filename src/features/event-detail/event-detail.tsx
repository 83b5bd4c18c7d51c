import type { Dataset } from '../../model/dataset/schema';
import { formatDate, formatEventDate, sourceByline } from '../../model/format/format';
import { namesOf } from '../../model/dataset/selectors';
import { DetailDialog } from '../../components/detail-dialog';
import { ProvenanceNote } from '../../components/provenance-note';
import { useChoices } from '../../state/store';
import { ItemCorrection } from '../../components/correction-panel';
import type { Event, Place } from '../../model/dataset/schema';

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
          <ProvenanceNote kind="event" id={event.id} />
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
          <ItemCorrection<Event> key={event.id} kind="event" item={event} dataset={dataset} noun="event" />
          {event.placeIds.length > 0 && (
            <>
              <h3 className="detail-dialog__subheading">Places</h3>
              {dataset.places
                .filter((p) => event.placeIds.includes(p.id))
                .map((place) => (
                  <div key={place.id}>
                    <ItemCorrection<Place>
                      kind="place"
                      item={place}
                      dataset={dataset}
                      noun="place"
                      name={place.name}
                      note={<span className="correction__status">{place.name}</span>}
                    />
                    <ProvenanceNote kind="place" id={place.id} />
                  </div>
                ))}
            </>
          )}
        </>
      )}
    </DetailDialog>
  );
}
