import { useId, useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Symbols,
  Tooltip,
  XAxis,
  YAxis,
  type ScatterShapeProps,
} from 'recharts';
import { formatDate } from '../../model/format';
import { FRONTLINE_ATTRIBUTION, km2ToSqMi, type DailyEntry, type MonthlyGains } from '../../model/frontline';
import {
  MARK_WORDS,
  formatKm2,
  formatSqMi,
  frontlineChartModel,
  timeTickLabel,
  timeToDate,
  type AreaPoint,
  type FrontlineChartModel,
  type GainBar,
  type MarkKind,
} from '../../model/frontline-series';
import './frontline.css';

const MARK_ORDER: readonly MarkKind[] = ['stale-fetch', 'backfilled', 'suspect', 'note'];
const MARK_SHAPE: Record<MarkKind, 'circle' | 'square' | 'triangle' | 'diamond'> = {
  'stale-fetch': 'circle',
  backfilled: 'square',
  suspect: 'triangle',
  note: 'diamond',
};
const MARK_SIZE: Record<MarkKind, number> = { 'stale-fetch': 14, backfilled: 18, suspect: 60, note: 50 };

interface TooltipProps<T> {
  active?: boolean;
  payload?: readonly { payload?: T }[];
}

function DayTooltip({ active, payload }: TooltipProps<AreaPoint>) {
  const point = payload?.[0]?.payload;
  if (!active || !point || !('areaKm2' in point)) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">Situation {formatDate(point.date)}</p>
      {point.areaKm2 === null ? (
        <p>No file for this day (gap)</p>
      ) : (
        <p className="chart-tooltip__value">
          {formatKm2(point.areaKm2)} · {formatSqMi(km2ToSqMi(point.areaKm2))}
        </p>
      )}
      {point.flags.map((flag) => (
        <p key={flag} className="chart-tooltip__kind">
          {MARK_WORDS[flag]}
        </p>
      ))}
    </div>
  );
}

function GainTooltip({ active, payload }: TooltipProps<GainBar>) {
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{bar.label}</p>
      <p className="chart-tooltip__value">
        {bar.gainKm2 >= 0 ? '+' : ''}
        {formatKm2(bar.gainKm2)} · {formatSqMi(bar.gainSqMi)}
      </p>
      <p className="chart-tooltip__source">
        {formatDate(bar.from)} to {formatDate(bar.to)} ({bar.days} days)
      </p>
      {bar.flags.map((flag) => (
        <p key={flag} className="chart-tooltip__kind">
          {flag}
        </p>
      ))}
    </div>
  );
}

/** "Show data": the notes on the data and the monthly table. Its own state, so toggling it never redraws the charts. */
function FrontlineData({ model }: { model: FrontlineChartModel }) {
  const dataId = useId();
  const [showData, setShowData] = useState(false);
  return (
    <>
      <div className="chart-card__actions">
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={showData}
          aria-controls={dataId}
          onClick={() => setShowData((v) => !v)}
        >
          {showData ? 'Hide data' : 'Show data'}
        </button>
      </div>
      <div id={dataId} hidden={!showData} className="chart-card__table frontline-chart__data">
        {showData && (
          <>
            <h4 className="chart-panel__unit">Notes on the data</h4>
            <ul className="frontline-notes">
              {model.notes.map((note) => (
                <li key={note.id}>
                  <strong>{note.title}.</strong> {note.text}
                </li>
              ))}
            </ul>
            <table>
              <caption className="visually-hidden">Net gain by month: the data</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">From – to (situations)</th>
                  <th scope="col">Net gain, km²</th>
                  <th scope="col">Net gain, sq mi</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {model.bars.map((bar) => (
                  <tr key={bar.month}>
                    <th scope="row">{bar.label}</th>
                    <td>
                      {formatDate(bar.from)} – {formatDate(bar.to)}
                    </td>
                    <td>{bar.gainKm2.toFixed(1)}</td>
                    <td>{bar.gainSqMi.toFixed(1)}</td>
                    <td>{bar.flags.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="chart-card__description">
              The daily series ({model.points.length} days, {timeToDate(model.timeDomain[0])} to{' '}
              {timeToDate(model.timeDomain[1])}) is in frontline/daily.json.
            </p>
          </>
        )}
      </div>
    </>
  );
}

interface OccupiedAreaChartProps {
  daily: readonly DailyEntry[];
  gains: MonthlyGains;
  /** The dashboard's as-of date, marked on the chart. */
  asOf: string;
  /** Heading level of the title (default 3, as in Charts). */
  headingLevel?: 2 | 3;
  /** Drawn on a 1920×1080 slide: text large enough for the back of a room, no controls. */
  slide?: boolean;
}

/**
 * The occupied area of Ukraine by day (line) and the net gains by month (bars), from DeepStateMap.live.
 * Gaps break the line; stale fetches, backfilled, suspect and noted days are marked and listed under
 * "Show data". Draws only what `frontlineChartModel` computed.
 */
export function OccupiedAreaChart({ daily, gains, asOf, headingLevel = 3, slide = false }: OccupiedAreaChartProps) {
  // On a slide the text is drawn at 27 px of a 1920 px slide, so that it stays above 24 px when the slide is scaled to the screen.
  const fontSize = slide ? 27 : 11;
  const axisTick = { fill: 'currentColor', fontSize };
  const AREA_HEIGHT = slide ? 290 : 250;
  const GAIN_HEIGHT = slide ? 250 : 210;
  const model = useMemo(() => frontlineChartModel(daily, gains, { asOf }), [daily, gains, asOf]);
  const titleId = useId();
  const hatchId = `frontline-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = 'Occupied area of Ukraine, by day, and net gains by month';
  const attribution = `${FRONTLINE_ATTRIBUTION}, situations ${formatDate(model.range.from)} to ${formatDate(model.range.to)}`;
  const gapDays = model.gaps.reduce((n, g) => n + g.days, 0);
  const yearTicks = new Set(model.bars.filter((b) => /-(01|07)$/.test(b.month)).map((b) => b.month));

  return (
    <figure
      className={`chart-card frontline-chart${slide ? ' chart-card--slide' : ''}`}
      aria-labelledby={titleId}
      data-chart-id="occupied-area"
    >
      <Heading id={titleId} className="chart-card__title">
        {title}
      </Heading>
      <p className="chart-card__description">
        Russian-occupied territory as DeepState maps it, Crimea and the areas held before 2022 included. A monthly gain
        is a net change: ground taken minus ground retaken.
      </p>
      <p className="chart-card__meta">
        Units: km² (sq mi in the tooltips and the table) · As of <time dateTime={asOf}>{formatDate(asOf)}</time>
      </p>

      <div className="chart-panel frontline-chart__panel" data-panel="area">
        <h4 className="chart-panel__unit">Occupied area by day, thousand km²</h4>
        <ResponsiveContainer width="100%" height={AREA_HEIGHT} initialDimension={{ width: 560, height: AREA_HEIGHT }}>
          <ComposedChart
            data={model.points}
            margin={{ top: slide ? 34 : 22, right: 16, bottom: slide ? 34 : 22, left: 0 }}
            accessibilityLayer
            title={`${title}: occupied area by day, km²`}
          >
            <CartesianGrid stroke="rgba(128, 128, 128, 0.3)" vertical={false} />
            <XAxis
              type="number"
              dataKey="t"
              scale="time"
              domain={model.timeDomain}
              ticks={model.timeTicks}
              tickFormatter={timeTickLabel}
              interval={0}
              tick={axisTick}
              stroke="currentColor"
              label={{
                value: 'Situation date',
                position: 'insideBottom',
                offset: slide ? -26 : -14,
                fill: 'currentColor',
                fontSize,
              }}
            />
            <YAxis
              type="number"
              domain={model.areaDomain}
              tickFormatter={(v: number) => String(v / 1000)}
              tick={axisTick}
              stroke="currentColor"
              width={slide ? 90 : 44}
              label={{
                value: slide ? '000 km²' : 'thousand km²',
                angle: -90,
                position: 'insideLeft',
                offset: 10,
                fill: 'currentColor',
                fontSize,
              }}
            />
            <Tooltip content={<DayTooltip />} wrapperStyle={{ zIndex: 10 }} />
            {model.gaps.map((gap) => (
              <ReferenceLine
                key={gap.from}
                x={gap.t}
                className="frontline-gap"
                strokeDasharray="2 3"
                ifOverflow="hidden"
              />
            ))}
            <ReferenceLine
              x={model.asOf.t}
              className="frontline-asof"
              label={{ value: model.asOf.label, position: 'top', fill: 'currentColor', fontSize }}
            />
            <Line
              dataKey="areaKm2"
              type="linear"
              className="frontline-line"
              dot={false}
              activeDot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
              name="Occupied area"
            />
            {MARK_ORDER.map((kind) =>
              model.marks[kind].length > 0 ? (
                <Scatter
                  key={kind}
                  data={model.marks[kind]}
                  dataKey="areaKm2"
                  shape={(props: ScatterShapeProps) => (
                    <Symbols cx={props.cx} cy={props.cy} type={MARK_SHAPE[kind]} size={MARK_SIZE[kind]} />
                  )}
                  legendType="none"
                  className={`frontline-mark frontline-mark--${kind}`}
                  isAnimationActive={false}
                  name={MARK_WORDS[kind]}
                />
              ) : null,
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>

      <div className="chart-panel frontline-chart__panel" data-panel="gains">
        <h4 className="chart-panel__unit">Net gain by month, km²</h4>
        <ResponsiveContainer width="100%" height={GAIN_HEIGHT} initialDimension={{ width: 560, height: GAIN_HEIGHT }}>
          <BarChart
            data={model.bars}
            margin={{ top: 8, right: 12, bottom: slide ? 34 : 22, left: 0 }}
            accessibilityLayer
            title={`${title}: net gain by month, km²`}
          >
            <defs>
              <pattern id={hatchId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                <rect width="6" height="6" className="frontline-hatch__ground" />
                <line x1="0" y1="0" x2="0" y2="6" strokeWidth="3" className="frontline-hatch__line" />
              </pattern>
            </defs>
            <CartesianGrid stroke="rgba(128, 128, 128, 0.3)" vertical={false} />
            <XAxis
              dataKey="month"
              interval={0}
              tickFormatter={(m: string) => (yearTicks.has(m) ? timeTickLabel(Date.parse(`${m}-01T00:00:00Z`)) : '')}
              tick={axisTick}
              tickLine={false}
              stroke="currentColor"
              label={{
                value: 'Month',
                position: 'insideBottom',
                offset: slide ? -26 : -14,
                fill: 'currentColor',
                fontSize,
              }}
            />
            <YAxis
              type="number"
              tick={axisTick}
              stroke="currentColor"
              width={slide ? 90 : 44}
              label={{
                value: 'km²',
                angle: -90,
                position: 'insideLeft',
                offset: 10,
                fill: 'currentColor',
                fontSize,
              }}
            />
            <Tooltip
              content={<GainTooltip />}
              cursor={{ fill: 'rgba(128, 128, 128, 0.12)' }}
              wrapperStyle={{ zIndex: 10 }}
            />
            <Bar dataKey="gainKm2" isAnimationActive={false} name="Net gain">
              {model.bars.map((bar) => (
                <Cell
                  key={bar.month}
                  className={bar.flagged ? 'frontline-bar frontline-bar--flagged' : 'frontline-bar'}
                  {...(bar.flagged ? { style: { fill: `url(#${hatchId})` }, strokeDasharray: '3 2' } : {})}
                />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>

      <ul className="chart-legend frontline-legend" aria-label="What is marked">
        <li>
          <span className="frontline-swatch frontline-swatch--line" aria-hidden="true" />
          Occupied area (line), net gain (bars)
        </li>
        <li>
          <span className="frontline-swatch frontline-swatch--gap" aria-hidden="true" />
          No file ({gapDays} days): the line breaks
        </li>
        {MARK_ORDER.map((kind) =>
          model.marks[kind].length > 0 ? (
            <li key={kind}>
              <span className={`frontline-swatch frontline-swatch--${kind}`} aria-hidden="true" />
              {MARK_WORDS[kind]} ({model.marks[kind].length})
            </li>
          ) : null,
        )}
        <li>
          <span className="frontline-swatch frontline-swatch--flagged" aria-hidden="true" />
          Month with a flagged start or end
        </li>
        <li>
          <span className="frontline-swatch frontline-swatch--asof" aria-hidden="true" />
          {model.asOf.label}
        </li>
      </ul>
      <figcaption className="chart-card__source">{attribution}. Data: data/geo/history/SOURCES.md.</figcaption>
      <FrontlineData model={model} />
    </figure>
  );
}
