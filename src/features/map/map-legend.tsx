import { formatDate } from '../../model/format/format';
import { km2ToSqMi } from '../../model/frontline/frontline';
import { formatArea, type FrontLineLayer } from './geo-layers';
import { comparisonRows, NOISE_NOTE } from './frontline/frontline-text';
import type { FrontlineState } from './frontline/use-frontline';
import { layerTitle } from './map-overlays';

function FrontlineLegend({ fl, detail }: { fl: FrontlineState; detail: boolean }) {
  const drawn = fl.drawn;
  const comparison = fl.comparison;
  const rows = comparison ? comparisonRows(comparison.diff, comparison.earlier, comparison.later) : null;
  return (
    <>
      {drawn && (
        <li>
          <span className="map-legend__swatch map-legend__swatch--line" aria-hidden="true" />
          Front line: edge of the occupied area, situation {formatDate(drawn.situation.date)} (outline simplified)
        </li>
      )}
      {drawn && !detail && (
        <li>
          <span className="map-legend__swatch map-legend__swatch--occupied" aria-hidden="true" />
          Occupied area, {formatDate(drawn.situation.date)}: {formatArea(drawn.situation.areaKm2)} (
          {formatArea(km2ToSqMi(drawn.situation.areaKm2)).replace('km²', 'sq mi')})
        </li>
      )}
      {drawn && !detail && (
        <li className="map-legend__off">
          The Ukrainian-held area in Russia’s Kursk region is mapped for 13 Feb 2025 only.
        </li>
      )}
      {comparison && rows && (
        <>
          <li className="map-legend__compare-head">
            Changes from {formatDate(comparison.earlier.date)} to {formatDate(comparison.later.date)}:
          </li>
          <li data-change="taken">
            <span className="map-legend__swatch map-legend__swatch--taken" aria-hidden="true" />
            Taken by Russia: {rows.taken}
          </li>
          <li data-change="retaken">
            <span className="map-legend__swatch map-legend__swatch--retaken" aria-hidden="true" />
            Retaken by Ukraine: {rows.retaken}
          </li>
          <li data-change="net">
            Net change: {rows.netDrawn} on the outlines drawn; {rows.netFull} on DeepState’s full outlines
          </li>
          <li className="map-legend__note">{NOISE_NOTE}</li>
        </>
      )}
    </>
  );
}

export function Legend({
  visible,
  layers,
  detail,
  fl,
}: {
  visible: ReadonlySet<string>;
  layers: readonly FrontLineLayer[];
  detail: boolean;
  fl: FrontlineState;
}) {
  return (
    <ul className="map-legend" aria-label="Legend">
      {detail &&
        layers.map((layer) => (
          <li key={layer.id} className={visible.has(layerTitle(layer)) ? '' : 'map-legend__off'}>
            <span
              className="map-legend__swatch"
              aria-hidden="true"
              style={{
                background: layer.style.fillColor,
                opacity: 0.4 + layer.style.fillOpacity,
                borderColor: layer.style.color,
                borderStyle: layer.style.dashArray ? 'dashed' : 'solid',
              }}
            />
            {layer.name}: {formatArea(layer.areaKm2)}
            {visible.has(layerTitle(layer)) ? '' : ' (hidden)'}
          </li>
        ))}
      <FrontlineLegend fl={fl} detail={detail} />
      <li>
        <span className="map-legend__swatch map-legend__swatch--place" aria-hidden="true" />
        Place of events (number of matching events)
      </li>
    </ul>
  );
}
