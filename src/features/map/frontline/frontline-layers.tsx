/**
 * The dated front line on the map: the occupied area of the drawn situation (when the 13 Feb 2025 detail
 * layers are not shown), a firm line around it, and, when comparing, what changed in two colour-blind-safe
 * styles: ground taken by Russia hatched in vermillion, ground retaken by Ukraine solid blue (Okabe–Ito).
 */
import type L from 'leaflet';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { GeoJSON, Pane } from 'react-leaflet';
import { formatDate } from '../../../model/format/format';
import { km2AndSqMi } from './frontline-text';
import type { Comparison, DrawnSituation } from './use-frontline';

/** Okabe–Ito vermillion and blue. */
export const TAKEN_COLOUR = '#D55E00';
export const RETAKEN_COLOUR = '#0072B2';
export const HATCH_ID = 'map-hatch-taken';

const FILL_STYLE: L.PathOptions = { stroke: false, fillColor: '#fd8d3c', fillOpacity: 0.45 };
const LINE_CASING: L.PathOptions = { color: '#ffffff', weight: 5, opacity: 0.85, fill: false, lineJoin: 'round' };
// The style's className reaches each path before it is drawn: tests and the export find the line by it.
const LINE_STYLE: L.PathOptions = {
  color: '#1b1d21',
  weight: 2.4,
  opacity: 1,
  fill: false,
  lineJoin: 'round',
  className: 'frontline-line',
};
const TAKEN_STYLE: L.PathOptions = {
  color: TAKEN_COLOUR,
  weight: 2,
  fillColor: `url(#${HATCH_ID})`,
  fillOpacity: 1,
};
const RETAKEN_STYLE: L.PathOptions = { color: RETAKEN_COLOUR, weight: 2, fillColor: RETAKEN_COLOUR, fillOpacity: 0.8 };

/** The hatch pattern the "taken" areas use; rendered once in the page (SVG ids resolve document-wide). */
export function HatchDefs() {
  return (
    <svg className="map-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" fillOpacity="0.75" />
          <rect width="3" height="6" fill={TAKEN_COLOUR} />
        </pattern>
      </defs>
    </svg>
  );
}

function text(content: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = content;
  return span;
}

const asCollection = (geometry: MultiPolygon): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry } satisfies Feature],
});

export function FrontlineLayers({
  drawn,
  fill,
  comparison,
}: {
  drawn: DrawnSituation;
  /** Fill the occupied area (off when the detailed 13 Feb 2025 layers fill it). */
  fill: boolean;
  comparison: Comparison | null;
}) {
  const date = drawn.situation.date;
  const between = comparison
    ? `between ${formatDate(comparison.earlier.date)} and ${formatDate(comparison.later.date)}`
    : '';
  return (
    <>
      {fill && (
        <GeoJSON
          key={`fill-${date}`}
          data={drawn.geometry}
          style={FILL_STYLE}
          onEachFeature={(_f, layer) =>
            layer.bindTooltip(text(`Occupied area, situation ${formatDate(date)} (DeepStateMap.live)`), {
              sticky: true,
            })
          }
        />
      )}
      {comparison && (
        <Pane name="frontline-change" style={{ zIndex: 420 }}>
          <GeoJSON
            key={`taken-${comparison.earlier.date}-${date}`}
            data={asCollection(comparison.diff.taken)}
            style={TAKEN_STYLE}
            onEachFeature={(_f, layer) =>
              layer.bindTooltip(text(`Taken by Russia ${between}: ${km2AndSqMi(comparison.diff.takenKm2)} in all`), {
                sticky: true,
              })
            }
          />
          <GeoJSON
            key={`retaken-${comparison.earlier.date}-${date}`}
            data={asCollection(comparison.diff.retaken)}
            style={RETAKEN_STYLE}
            onEachFeature={(_f, layer) =>
              layer.bindTooltip(
                text(`Retaken by Ukraine ${between}: ${km2AndSqMi(comparison.diff.retakenKm2)} in all`),
                { sticky: true },
              )
            }
          />
        </Pane>
      )}
      <Pane name="frontline-line" style={{ zIndex: 430, pointerEvents: 'none' }}>
        <GeoJSON key={`casing-${date}`} data={drawn.geometry} style={LINE_CASING} interactive={false} />
        <GeoJSON key={`line-${date}`} data={drawn.geometry} style={LINE_STYLE} interactive={false} />
      </Pane>
    </>
  );
}
