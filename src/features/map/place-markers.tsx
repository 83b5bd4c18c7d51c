import * as L from 'leaflet';
import { memo } from 'react';
import { Marker, Popup } from 'react-leaflet';
import { formatEventDate } from '../../model/format/format';
import type { PlaceEvents } from '../../model/dataset/event-selectors';
import { useChoices } from '../../state/store';
import { POPUP_EVENTS } from './map-overlays';

const icons = new Map<number, L.DivIcon>();

/** One icon per count, reused: a new icon object would make react-leaflet rebuild the marker. */
function placeIcon(count: number): L.DivIcon {
  let icon = icons.get(count);
  if (!icon) {
    // The count is a number we compute, never data text, so it can go in as markup.
    const html = `<span class="place-marker__count" aria-hidden="true">${Math.trunc(count)}</span>`;
    icon = L.divIcon({
      className: 'place-marker',
      html,
      iconSize: [28, 28],
      iconAnchor: [14, 14],
      popupAnchor: [0, -12],
    });
    icons.set(count, icon);
  }
  return icon;
}

/** Memoised: it re-renders only when the places or their events change. */
export const PlaceMarkers = memo(function PlaceMarkers({ placeEvents }: { placeEvents: readonly PlaceEvents[] }) {
  const openEvent = useChoices((s) => s.openEvent);
  return (
    <>
      {placeEvents.map(({ place, events }) => {
        const title = `${place.name}: ${events.length} ${events.length === 1 ? 'event' : 'events'}`;
        return (
          <Marker
            key={place.id}
            position={[place.lat, place.lon]}
            icon={placeIcon(events.length)}
            title={title}
            keyboard
          >
            <Popup>
              <div className="place-popup" data-place-id={place.id}>
                <h3>{place.name}</h3>
                <ul>
                  {events.slice(0, POPUP_EVENTS).map((event) => (
                    <li key={event.id}>
                      <button type="button" className="link-button" onClick={() => openEvent(event.id)}>
                        <time dateTime={event.date}>{formatEventDate(event)}</time>: {event.title}
                      </button>
                    </li>
                  ))}
                </ul>
                {events.length > POPUP_EVENTS && (
                  <p>and {events.length - POPUP_EVENTS} more: narrow the filters, or see them all in the timeline.</p>
                )}
              </div>
            </Popup>
          </Marker>
        );
      })}
    </>
  );
});
