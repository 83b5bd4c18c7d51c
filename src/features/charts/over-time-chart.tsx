import { memo, useId } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { useSize } from '../../components/use-size';
import { countryColour } from '../../model/format/palette';
import { DENSE_MARKS, DenseMarks, FadeGradient, markShapes, ShapePath, VagueBand } from './over-time-marks';
import { formatTick, tickScale } from './series';
import { timeScale, type OverTimePanel, type TimePoint } from './over-time';
import { DATE_BASIS_WORDS } from '../../model/dataset/estimate-date';
import { RowReadout } from './figure-bar-chart';
import type { BarLayoutVariant } from './bar-layout';
import { useChartFocus } from './use-chart-focus';
import './figure-bar-chart.css';

interface Geometry {
  width: number;
  height: number;
  fontSize: number;
  margin: { top: number; right: number; bottom: number; left: number };
  axisHeight: number;
  yWidth: number;
}

function geometry(width: number, variant: BarLayoutVariant, fontSize: number, boxHeight: number): Geometry {
  const font = variant === 'slide' ? Math.max(16, fontSize || 24) : fontSize > 0 ? Math.min(fontSize, 13) : 13;
  const height =
    variant === 'slide' && boxHeight > 200 ? boxHeight : Math.round(Math.min(340, Math.max(220, width * 0.5)));
  return {
    width,
    height,
    fontSize: font,
    margin: { top: Math.round(font * 1.6), right: Math.round(font * 1.2), bottom: 4, left: 4 },
    axisHeight: Math.round(font * 3),
    yWidth: Math.round(font * 4.8),
  };
}

interface DrawingProps {
  panel: OverTimePanel;
  g: Geometry;
  uid: string;
  active: number | null;
  onOpen: (id: string) => void;
  onHover: (index: number) => void;
}

const Drawing = memo(function Drawing({ panel, g, uid, active, onOpen, onHover }: DrawingProps) {
  const words = tickScale(panel.ticks, 'linear');
  const [d0, d1] = panel.domain;
  const top = g.margin.top;
  const bottom = g.height - g.margin.bottom - g.axisHeight;
  const yPx = (v: number) => bottom - ((v - d0) / (d1 - d0 || 1)) * (bottom - top);
  const r = Math.max(5, g.fontSize * 0.45);
  const labelled = panel.rows.length <= 8;
  // As many date ticks as leave room for their words ("20 Jan 2025" is about 7 ems with its gap).
  const plotWidth = g.width - g.margin.left - g.margin.right - g.yWidth;
  const time = timeScale(
    panel.rows[0]!.t,
    panel.rows[panel.rows.length - 1]!.t,
    Math.max(2, Math.floor(plotWidth / (g.fontSize * 7.5))),
  );
  const data = panel.rows.map((row, index) => ({ t: row.t, y: row.high, index }));

  const mark = (props: unknown) => {
    const { cx, payload } = props as { cx?: number; payload?: { index: number } };
    if (cx === undefined || !payload) return <g />;
    const row = panel.rows[payload.index]!;
    const low = yPx(row.low);
    const high = yPx(row.high);
    const focus = active === payload.index;
    const common = {
      className: 'over-time__mark',
      cursor: 'pointer',
      onMouseEnter: () => onHover(payload.index),
      onClick: () => onOpen(row.id),
    };
    const shapes = markShapes(row, cx, low, high, r);
    const labelY = row.kind === 'range' || row.kind === 'vague' ? (low + high) / 2 : high;
    const body = (
      <>
        {row.kind === 'vague' && (
          <>
            <defs>
              <FadeGradient
                id={`fade-${uid}-${payload.index}`}
                colour={countryColour(row.country)}
                solidTo={row.solidTo ?? 0}
              />
            </defs>
            <VagueBand gradient={`fade-${uid}-${payload.index}`} cx={cx} r={r} low={low} high={high} />
          </>
        )}
        {shapes.map((shape, i) => (
          <ShapePath key={i} d={shape.d} paint={shape.paint} />
        ))}
      </>
    );
    return (
      <g {...common} data-row-id={row.id}>
        {focus && (
          <rect
            x={cx - r * 2}
            y={Math.min(high, low) - r * 2}
            width={r * 4}
            height={Math.abs(low - high) + r * 4}
            rx={4}
            className="over-time__focus"
          />
        )}
        {body}
        {labelled && (
          <text
            // Right of the mark, or left of it where the words would run past the chart's edge.
            {...(cx + r * 1.8 + row.numeric.length * g.fontSize * 0.56 > g.width
              ? { x: cx - r * 1.8, textAnchor: 'end' }
              : { x: cx + r * 1.8 })}
            y={labelY + g.fontSize * 0.35}
            fontSize={g.fontSize}
            fill="currentColor"
            className="bar-chart__text bar-chart__value"
          >
            {row.numeric}
          </text>
        )}
      </g>
    );
  };

  const dense = panel.rows.length > DENSE_MARKS;

  return (
    // A line chart whose line is not drawn, only its marks: the dashboard's other charts already bring
    // LineChart, so the marks over time cost no other chart type's code.
    <LineChart data={data} width={g.width} height={g.height} margin={g.margin} accessibilityLayer={false}>
      <CartesianGrid stroke="rgba(128, 128, 128, 0.3)" />
      <XAxis
        type="number"
        dataKey="t"
        domain={time.domain}
        ticks={time.ticks}
        interval={0}
        height={g.axisHeight}
        padding={{ left: r * 3, right: labelled ? g.fontSize * 6 : r * 3 }}
        tickFormatter={(v: number) => time.labels[time.ticks.indexOf(v)] ?? ''}
        tick={{ fill: 'currentColor', fontSize: g.fontSize }}
        stroke="currentColor"
        label={{
          value: 'date of the estimate',
          position: 'insideBottom',
          offset: Math.round(g.fontSize * 0.3) + 2,
          fill: 'currentColor',
          fontSize: g.fontSize,
        }}
      />
      <YAxis
        type="number"
        dataKey="y"
        domain={panel.domain}
        ticks={panel.ticks}
        interval={0}
        width={g.yWidth}
        tickFormatter={(v: number) => formatTick(v, panel.unit, words?.divisor)}
        tick={{ fill: 'currentColor', fontSize: g.fontSize }}
        stroke="currentColor"
        label={{
          value: words ? `${panel.axisLabel} (${words.word})` : panel.axisLabel,
          position: 'top',
          offset: Math.round(g.fontSize * 0.5),
          dx: g.yWidth / 2,
          fill: 'currentColor',
          fontSize: g.fontSize,
          textAnchor: 'start',
        }}
      />
      <Line
        dataKey="y"
        stroke="none"
        dot={dense ? false : mark}
        activeDot={false}
        legendType="none"
        isAnimationActive={false}
      />
      {dense && (
        <DenseMarks
          rows={panel.rows}
          yPx={yPx}
          r={r}
          uid={uid}
          active={active}
          mark={mark}
          onOpen={onOpen}
          onHover={onHover}
        />
      )}
    </LineChart>
  );
});

/**
 * A measure's estimates over time: one mark per estimate at its date, the claimant by its marker (see the
 * legend), the country by its colour, ranges as bars, bounds as arrows, words as fading bands. Keyboard:
 * arrows step through the estimates in date order, Enter opens one's quote and source.
 */
export function OverTimeChart({
  panel,
  title,
  onOpen,
  variant = 'panel',
}: {
  panel: OverTimePanel;
  title: string;
  onOpen: (id: string) => void;
  variant?: BarLayoutVariant;
}) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const helpId = `help-${uid}`;
  const [ref, size] = useSize<HTMLDivElement>({ width: 560, height: 0, fontSize: 0 });
  const { current, focused, showReadout, hover, handlers } = useChartFocus(
    panel.rows.map((r) => r.id),
    onOpen,
  );
  const g = geometry(Math.max(size.width, 240), variant, size.fontSize, size.height);
  const count = panel.rows.length;
  const row: TimePoint | undefined = current !== null ? panel.rows[current] : undefined;

  return (
    <div className={`bar-chart-frame${variant === 'slide' ? ' bar-chart-frame--slide' : ''}`}>
      <div
        ref={ref}
        className={`bar-chart over-time${variant === 'slide' ? ' bar-chart--slide' : ''}`}
        role="application"
        aria-roledescription="chart over time"
        aria-label={`${title}: ${count} estimates in ${panel.axisLabel}, from ${panel.timeLabels[0]} to ${panel.timeLabels.at(-1)}`}
        aria-describedby={helpId}
        tabIndex={0}
        {...handlers}
      >
        <Drawing panel={panel} g={g} uid={uid} active={showReadout ? current : null} onOpen={onOpen} onHover={hover} />
      </div>
      <p id={helpId} className="visually-hidden">
        Arrow keys move from estimate to estimate in date order, Home and End go to the first and last, Enter opens the
        estimate’s quote and source.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {focused && row ? `${row.label}: ${row.display}.` : ''}
      </p>
      {showReadout && row && (
        <RowReadout
          row={row}
          position={(current ?? 0) + 1}
          count={count}
          extra={`Drawn at ${DATE_BASIS_WORDS[row.dateBasis]}.`}
        />
      )}
    </div>
  );
}
