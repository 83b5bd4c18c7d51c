import { useSourcesOf } from './sources-context';
import { corroborationWords } from '../../model/measures/corroboration';
import { useId, useRef, useState } from 'react';
import { formatDate } from '../../model/format/format';
import { FILE_NAME_SLUG, slugify } from '../../model/format/ids';
import { PALETTE_LABELS, paletteKey } from '../../model/format/palette';
import { composeSvg, download, standaloneSvg, svgText, svgToPng, themeColours } from '../../components/export-image';
import type { ChartModel } from './series';
import { BAR_KIND_WORDS } from './series';
import { FigureBarChart } from './figure-bar-chart';
import { OverTimeChart } from './over-time-chart';
import { MarkerSwatch, MarkSwatch, OVER_TIME_KIND_WORDS } from './over-time-marks';
import type { BarLayoutVariant } from './bar-layout';

interface ChartCardProps {
  model: ChartModel;
  onOpen: (figureId: string) => void;
  /** `slide`: fills a projected slide, text scaled to be read from the back of the room. */
  variant?: BarLayoutVariant;
}

/** "2 sources agree", "Sources differ" or "One source", when the chart knows. */
function SourcesCell({ figureId }: { figureId: string }) {
  const sources = useSourcesOf(figureId);
  return sources ? <>{corroborationWords(sources)}</> : <>—</>;
}

/** A chart with its title, units, as-of date, source line, legend and a "Show data" table. */
export function ChartCard({ model, onOpen, variant = 'panel' }: ChartCardProps) {
  // As of the newest story behind what the chart draws, not the newest article of the dashboard.
  const asOf = model.asOf;
  const overTime = model.overTime;
  const titleId = useId();
  const tableId = useId();
  const [showData, setShowData] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const figureRef = useRef<HTMLElement>(null);
  const rows = overTime
    ? overTime.rows.map((row) => ({ row, unit: overTime.axisLabel }))
    : model.panels.flatMap((p) => p.rows.map((row) => ({ row, unit: p.axisLabel })));
  const kinds = [...new Set(rows.map(({ row }) => row.kind))];
  const colours = [...new Set(rows.map(({ row }) => paletteKey(row.country)))];
  const units = overTime ? overTime.axisLabel : [...new Set(model.panels.map((p) => p.axisLabel))].join(' · ');
  const panelCount = overTime ? 1 : model.panels.length;

  /** The chart as one standalone SVG: title, units and as-of date, each panel, then the sources. */
  const composed = () => {
    const root = figureRef.current;
    if (!root) throw new Error('the chart is not on screen');
    const surfaces = [...root.querySelectorAll<SVGSVGElement>('.chart-panel svg.recharts-surface')];
    const titles = overTime ? [] : model.panels.map((p) => p.title);
    const { background, text, muted } = themeColours();
    return composeSvg({
      title: model.spec.title,
      subtitle: `${units} · As of ${formatDate(asOf)}`,
      footer: [
        `Source: ${model.sourceLine}.`,
        'Every value is quoted verbatim in its story; see the dashboard for quotes.',
      ],
      background,
      text,
      muted,
      width: 560,
      parts: surfaces.map((svg, i) => ({
        ...(panelCount > 1 ? { label: titles[i] ?? '' } : {}),
        svg: standaloneSvg(svg),
        width: svg.width.baseVal.value,
        height: svg.height.baseVal.value,
      })),
    });
  };
  const exportAs = async (format: 'svg' | 'png') => {
    setExportError(null);
    try {
      const svg = composed();
      const name = `${slugify(model.spec.title, Infinity, FILE_NAME_SLUG)}.${format}`;
      if (format === 'svg') download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), name);
      else download(await svgToPng(svg), name);
    } catch (error) {
      setExportError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <figure
      className={`chart-card chart-card--${variant}`}
      aria-labelledby={titleId}
      data-chart-id={model.spec.id}
      ref={figureRef}
    >
      <h3 id={titleId} className="chart-card__title">
        {model.spec.title}
      </h3>
      <p className="chart-card__description">{model.spec.description}</p>
      <p className="chart-card__meta">
        {units.includes(' · ') ? 'Units' : 'Unit'}: {units} · As of <time dateTime={asOf}>{formatDate(asOf)}</time>
      </p>
      <div className="chart-panels">
        {overTime && (
          <div className="chart-panel" data-units={[...new Set(overTime.rows.map((r) => r.unit))].join(' ')}>
            <OverTimeChart panel={overTime} title={model.spec.title} onOpen={onOpen} variant={variant} />
            {overTime.omitted > 0 && (
              <p className="chart-card__description">
                {overTime.omitted} {overTime.omitted === 1 ? 'estimate is' : 'estimates are'} in a unit that does not
                convert to {overTime.axisLabel}: see them under Key figures.
              </p>
            )}
          </div>
        )}
        {model.panels.map((panel) => (
          <div
            className="chart-panel"
            key={panel.title + panel.unit}
            data-units={[...new Set(panel.rows.map((r) => r.unit))].join(' ')}
          >
            {model.panels.length > 1 && <h4 className="chart-panel__unit">{panel.title}</h4>}
            <FigureBarChart panel={panel} title={model.spec.title} onOpen={onOpen} variant={variant} />
            {panel.omitted > 0 && (
              <p className="chart-card__description">
                {panel.rows.length} of {panel.rows.length + panel.omitted} figures drawn; narrow the filters to see the
                others here, or find them all under Key figures.
              </p>
            )}
          </div>
        ))}
      </div>
      {model.notDrawn > 0 && (
        <p className="chart-card__description">
          {model.notDrawn} more {model.notDrawn === 1 ? 'figure' : 'figures'} from your articles on this chart’s topics,
          each on a scale of its own, {model.notDrawn === 1 ? 'is' : 'are'} not drawn here: see Key figures.
        </p>
      )}
      {overTime ? (
        <ul className="chart-legend" aria-label="How estimates are drawn">
          {kinds.map((kind) => (
            <li key={kind}>
              <MarkSwatch kind={kind} />
              {OVER_TIME_KIND_WORDS[kind]}
            </li>
          ))}
        </ul>
      ) : kinds.length > 1 || kinds[0] !== 'value' ? (
        <ul className="chart-legend" aria-label="How bars are drawn">
          {kinds.map((kind) => (
            <li key={kind}>
              <span className={`chart-legend__swatch chart-legend__swatch--${kind}`} aria-hidden="true" />
              {BAR_KIND_WORDS[kind]}
            </li>
          ))}
        </ul>
      ) : null}
      {overTime && (
        <ul className="chart-legend" aria-label="Who estimates">
          {overTime.claimants.map((claimant, i) => (
            <li key={claimant}>
              <MarkerSwatch marker={i} />
              {claimant}
            </li>
          ))}
        </ul>
      )}
      <ul className="chart-legend" aria-label="Colours">
        {colours.map((key) => (
          <li key={key}>
            <span className={`chart-legend__swatch chart-legend__swatch--${key.toLowerCase()}`} aria-hidden="true" />
            {PALETTE_LABELS[key]}
          </li>
        ))}
      </ul>
      <figcaption className="chart-card__source">
        Source: {model.sourceLine}.
        {variant === 'panel' && (
          <span className="chart-card__hint">
            {' '}
            {overTime ? 'Point at a mark' : 'Point at a bar'}, or focus the chart and use the arrow keys, for its quote.
          </span>
        )}
      </figcaption>
      <div className="chart-card__actions">
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={showData}
          aria-controls={tableId}
          onClick={() => setShowData((v) => !v)}
        >
          {showData ? 'Hide data' : 'Show data'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => exportAs('png')}>
          PNG <span className="visually-hidden">image of {model.spec.title}</span>
        </button>
        <button type="button" className="button button--quiet" onClick={() => exportAs('svg')}>
          SVG <span className="visually-hidden">drawing of {model.spec.title}</span>
        </button>
      </div>
      {exportError && (
        <p role="alert" className="chart-card__error">
          {exportError}
        </p>
      )}
      <div id={tableId} hidden={!showData} className="chart-card__table">
        {showData && (
          <table>
            <caption className="visually-hidden">{model.spec.title}: the data</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Value</th>
                <th scope="col">Claimed by</th>
                <th scope="col">Other sources</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="visually-hidden">Detail</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ row }) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  <td>
                    {row.display}
                    {row.kind === 'derived' ? ' (derived)' : ''}
                    {row.reading && <span className="chart-card__reading"> Reading: {row.reading}</span>}
                  </td>
                  <td>{row.claimant}</td>
                  <td>
                    <SourcesCell figureId={row.id} />
                  </td>
                  <td>{row.sourceLine}</td>
                  <td>
                    <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => onOpen(row.id)}>
                      Detail<span className="visually-hidden">: {row.label}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </figure>
  );
}
