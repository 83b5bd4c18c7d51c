import { formatEventDate } from '../../model/format/format';
import type { PlaceEvents } from '../../model/dataset/event-selectors';
import { formatArea, type FrontLineLayer } from './geo-layers';
import { describeFrontline } from './frontline/frontline-text';
import type { FrontlineState } from './frontline/use-frontline';
import { layerTitle, PLACES, POPUP_EVENTS } from './map-overlays';

/** "Describe map": what the map shows, in words. */
export function DescribeMap({
  visible,
  placeEvents,
  layers,
  detail,
  fl,
}: {
  visible: ReadonlySet<string>;
  placeEvents: readonly PlaceEvents[];
  layers: readonly FrontLineLayer[];
  detail: boolean;
  fl: FrontlineState;
}) {
  const shownLayers = detail ? layers.filter((l) => visible.has(layerTitle(l))) : [];
  const placesOn = visible.has(PLACES);
  const frontline = fl.drawn
    ? describeFrontline({
        shown: fl.drawn.situation,
        ...(fl.compareWith ? { earlier: fl.compareWith } : {}),
        ...(fl.comparison ? { diff: fl.comparison.diff } : {}),
      })
    : ['The front line is loading.'];
  return (
    <div className="map-description">
      <h3>Front line</h3>
      <ul>
        {frontline.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>Layers shown</h3>
      {shownLayers.length === 0 ? (
        <p>
          {detail
            ? 'No front-line layer is switched on.'
            : 'The detailed layers (periods of occupation, grey zone, Kursk) exist for 13 Feb 2025 only.'}
        </p>
      ) : (
        <ul>
          {shownLayers.map((l) => (
            <li key={l.id}>
              {l.name}: {formatArea(l.areaKm2)}. Source label: “{l.label}”.
            </li>
          ))}
        </ul>
      )}
      <h3>Places shown</h3>
      {!placesOn ? (
        <p>The event places layer is switched off.</p>
      ) : placeEvents.length === 0 ? (
        <p>No place has an event that matches the filters.</p>
      ) : (
        <ul>
          {placeEvents.map(({ place, events }) => (
            <li key={place.id}>
              {place.name}:{' '}
              {events.slice(0, POPUP_EVENTS).map((e, i) => (
                <span key={e.id}>
                  {i > 0 ? '; ' : ''}
                  {formatEventDate(e)}, {e.title}
                </span>
              ))}
              {events.length > POPUP_EVENTS ? `; and ${events.length - POPUP_EVENTS} more` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
