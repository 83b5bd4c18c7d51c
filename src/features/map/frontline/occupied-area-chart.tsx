import { useId, useMemo, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceLine,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from 'recharts';
import { useSize } from '../../../components/use-size';
import { formatDate } from '../../../model/format/format';
import { FRONTLINE_ATTRIBUTION, type DailyEntry, type MonthlyGains } from '../../../model/frontline/frontline';
import {
  MARK_WORDS,
  frontlineChartModel,
  timeTickLabel,
  type MarkKind,
} from '../../../model/frontline/frontline-series';
import { FrontlineData } from './frontline-data';
import { dayWords, monthWords, Readout, Spoken } from './frontline-readout';
import { usePointReadout } from './use-point-readout';
import './frontline.css';

/**
 * Heights on the A4 handout (px of the 188 mm page, about 50 and 32 mm): low enough that the chart and the
 * map, kept whole, share a page; the axis text keeps its size.
 */
const AREA_PRINT_HEIGHT = 190;
const GAIN_PRINT_HEIGHT = 120;

const MARK_ORDER: readonly MarkKind[] = ['stale-fetch', 'backfilled', 'suspect', 'note'];

/**
 * A marked day's shape, centred on its point: every kind has its own shape as well as its own colour (the legend's
 * swatches draw the same). Drawn by the line's own `dot`, so the chart needs no second series.
 */
function MarkShape({ kind, cx, cy, scale }: { kind: MarkKind; cx: number; cy: number; scale: number }) {
  const className = `frontline-mark frontline-mark--${kind}`;
  const s = (n: number) => (n * scale).toFixed(2);
  if (kind === 'stale-fetch') return <circle className={className} cx={cx} cy={cy} r={s(2.1)} />;
  if (kind === 'backfilled') {
    return (
      <rect
        className={className}
        x={s(-2.1)}
        y={s(-2.1)}
        width={s(4.2)}
        height={s(4.2)}
        transform={`translate(${cx} ${cy})`}
      />
    );
  }
  const points =
    kind === 'suspect'
      ? `0,${s(-6.8)} ${s(5.9)},${s(3.4)} ${s(-5.9)},${s(3.4)}`
      : `0,${s(-6.6)} ${s(3.8)},0 0,${s(6.6)} ${s(-3.8)},0`;
  return <polygon className={className} points={points} transform={`translate(${cx} ${cy})`} />;
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
 * "Show data". Draws only what `frontlineChartModel` computed. Each panel reads out the day or month under the
 * pointer, a tap or the keyboard's focus (arrows step, Page Up/Down a month or a year, Home and End) in a line
 * under it, as the figures' bar charts do; a slide has no readout and takes no keys (the deck's own).
 */
export function OccupiedAreaChart({ daily, gains, asOf, headingLevel = 3, slide = false }: OccupiedAreaChartProps) {
  // On a slide the text is drawn at 27 px of a 1920 px slide, so that it stays above 24 px when the slide is scaled to the screen.
  const fontSize = slide ? 27 : 11;
  const axisTick = { fill: 'currentColor', fontSize };
  const model = useMemo(() => frontlineChartModel(daily, gains, { asOf }), [daily, gains, asOf]);
  // Measured like the bar charts (use-size): followed on screen and re-measured for the page when printed.
  const [areaRef, areaSize] = useSize<HTMLDivElement>({ width: 560, height: 0, fontSize: 0 });
  const [gainRef, gainSize] = useSize<HTMLDivElement>({ width: 560, height: 0, fontSize: 0 });
  const AREA_HEIGHT = slide ? 290 : areaSize.print ? AREA_PRINT_HEIGHT : 250;
  const GAIN_HEIGHT = slide ? 250 : gainSize.print ? GAIN_PRINT_HEIGHT : 210;
  const titleId = useId();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const hatchId = `frontline-hatch-${uid}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = 'Occupied area of Ukraine, by day, and net gains by month';
  const attribution = `${FRONTLINE_ATTRIBUTION}, situations ${formatDate(model.range.from)} to ${formatDate(model.range.to)}`;
  const gapDays = model.gaps.reduce((n, g) => n + g.days, 0);
  const yearTicks = new Set(model.bars.filter((b) => /-(01|07)$/.test(b.month)).map((b) => b.month));

  // Keyboard focus starts on the as-of day and the as-of month (or the last ones drawn).
  const asOfDay = model.points.findIndex((p) => p.date === model.asOf.date);
  const asOfMonth = model.bars.findIndex((b) => b.month === model.asOf.date.slice(0, 7));
  const day = usePointReadout(model.points.length, asOfDay >= 0 ? asOfDay : model.points.length - 1, 30);
  const month = usePointReadout(model.bars.length, asOfMonth >= 0 ? asOfMonth : model.bars.length - 1, 12);
  const dayPoint = !slide && day.shown !== null ? model.points[day.shown] : undefined;
  const monthBar = !slide && month.shown !== null ? model.bars[month.shown] : undefined;
  const dayText = dayPoint ? dayWords(dayPoint) : null;
  const monthText = monthBar ? monthWords(monthBar) : null;
  const markScale = slide ? 1.4 : 1;

  /** The line's dots: the marked days' shapes, and a ring on the day read out. Nothing on the other days. */
  const dot = ({ cx, cy, index }: DotItemDotProps): ReactNode => {
    const point = model.points[index];
    if (!point || cx === undefined || cy === undefined || cx === null || cy === null) return null;
    const x = Number(cx);
    const y = Number(cy);
    const picked = dayPoint === point;
    if (point.flags.length === 0 && !picked) return null;
    return (
      <g key={`dot-${point.date}`}>
        {point.flags.map((kind) => (
          <MarkShape key={kind} kind={kind} cx={x} cy={y} scale={markScale} />
        ))}
        {picked && <circle className="frontline-picked" cx={x} cy={y} r={4.5} />}
      </g>
    );
  };

  const frame = (readout: typeof day, name: string, describedBy: string) =>
    slide
      ? {}
      : {
          ...readout.frame,
          role: 'application',
          'aria-roledescription': 'chart',
          'aria-label': name,
          'aria-describedby': describedBy,
        };
  const areaHelp = `frontline-area-help-${uid}`;
  const gainHelp = `frontline-gain-help-${uid}`;

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
        Units: km² (sq mi in the readouts and the table) · As of <time dateTime={asOf}>{formatDate(asOf)}</time>
      </p>

      <div className="chart-panel frontline-chart__panel" data-panel="area">
        <h4 className="chart-panel__unit">Occupied area by day, thousand km²</h4>
        <div className="frontline-plot" {...frame(day, `Occupied area by day, ${model.points.length} days`, areaHelp)}>
          <div ref={areaRef} className="frontline-plot__box">
            <LineChart
              width={Math.max(areaSize.width, 200)}
              height={AREA_HEIGHT}
              data={model.points}
              margin={{ top: slide ? 34 : 22, right: 16, bottom: slide ? 34 : 22, left: 0 }}
              accessibilityLayer={false}
              title={`${title}: occupied area by day, km²`}
              {...(slide ? {} : day.pointer)}
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
                width={slide ? 90 : 52}
                label={{
                  value: slide ? '000 km²' : 'thousand km²',
                  angle: -90,
                  position: 'insideLeft',
                  offset: 10,
                  fill: 'currentColor',
                  fontSize,
                }}
              />
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
              {dayPoint && <ReferenceLine x={dayPoint.t} className="frontline-cursor" ifOverflow="hidden" />}
              <Line
                dataKey="areaKm2"
                type="linear"
                className="frontline-line"
                dot={dot}
                activeDot={false}
                connectNulls={false}
                isAnimationActive={false}
                name="Occupied area"
              />
            </LineChart>
          </div>
        </div>
        {!slide && (
          <>
            <p id={areaHelp} className="visually-hidden">
              Left and right arrows step a day, Page Up and Page Down a month, Home and End go to the first and last
              day.
            </p>
            <Spoken words={dayText} on={day.focused} />
            <Readout panel="area" words={dayText} hint="Point at, tap or focus the line to read a day’s area." />
          </>
        )}
      </div>

      <div className="chart-panel frontline-chart__panel" data-panel="gains">
        <h4 className="chart-panel__unit">Net gain by month, km²</h4>
        <div className="frontline-plot" {...frame(month, `Net gain by month, ${model.bars.length} months`, gainHelp)}>
          <div ref={gainRef} className="frontline-plot__box">
            <BarChart
              width={Math.max(gainSize.width, 200)}
              height={GAIN_HEIGHT}
              data={model.bars}
              margin={{ top: 8, right: 12, bottom: slide ? 34 : 22, left: 0 }}
              accessibilityLayer={false}
              title={`${title}: net gain by month, km²`}
              {...(slide ? {} : month.pointer)}
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
                width={slide ? 90 : 52}
                label={{
                  value: 'km²',
                  angle: -90,
                  position: 'insideLeft',
                  offset: 10,
                  fill: 'currentColor',
                  fontSize,
                }}
              />
              <Bar dataKey="gainKm2" isAnimationActive={false} name="Net gain">
                {model.bars.map((bar) => (
                  <Cell
                    key={bar.month}
                    className={`frontline-bar${bar.flagged ? ' frontline-bar--flagged' : ''}${bar === monthBar ? ' frontline-bar--picked' : ''}`}
                    {...(bar.flagged ? { style: { fill: `url(#${hatchId})` }, strokeDasharray: '3 2' } : {})}
                  />
                ))}
              </Bar>
            </BarChart>
          </div>
        </div>
        {!slide && (
          <>
            <p id={gainHelp} className="visually-hidden">
              Left and right arrows step a month, Page Up and Page Down a year, Home and End go to the first and last
              month.
            </p>
            <Spoken words={monthText} on={month.focused} />
            <Readout panel="gains" words={monthText} hint="Point at, tap or focus the bars to read a month’s gain." />
          </>
        )}
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
