import { memo, useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { ChartPanel, ChartRow } from './series';
import { BAR_KIND_WORDS, fitScale, formatTick } from './series';
import { barLayout, wrapText, type BarLayout, type BarLayoutVariant } from './bar-layout';
import { useSize } from '../../components/use-size';
import { countryColour, paletteKey } from '../../model/format/palette';
import { useChartFocus } from './use-chart-focus';
import { useSourcesOf } from './sources-context';
import { corroborationWords } from '../../model/measures/corroboration';
import './figure-bar-chart.css';

/** What the bar under the pointer or the keyboard's focus says: value, claimant, quote and source. */
export function RowReadout({
  row,
  position,
  count,
  extra,
}: {
  row: ChartRow;
  position: number;
  count: number;
  /** One more line (an over-time chart says which date it drew the estimate at). */
  extra?: string;
}) {
  const sources = useSourcesOf(row.id);
  return (
    <div className="chart-readout" data-row-id={row.id}>
      <p className="chart-readout__label">
        <span className="visually-hidden">
          {extra ? 'Estimate' : 'Bar'} {position} of {count}:{' '}
        </span>
        {row.label}
      </p>
      <p className="chart-readout__value">{row.display}</p>
      {row.reading && <p className="chart-readout__kind">Reading: {row.reading}</p>}
      <p>
        Claimed by {row.claimant}
        {sources && (
          <>
            {' '}
            <span className={`corroboration corroboration--${sources.status}`}>{corroborationWords(sources)}</span>
          </>
        )}
      </p>
      <blockquote>“{row.quote}”</blockquote>
      <p className="chart-readout__source">{row.sourceLine}</p>
      {row.kind !== 'value' && row.kind !== 'vague' && (
        <p className="chart-readout__kind">{BAR_KIND_WORDS[row.kind]}</p>
      )}
      {row.derivedFormula && <p className="chart-readout__kind">{row.derivedFormula}</p>}
      {extra && <p className="chart-readout__kind">{extra}</p>}
      <p className="chart-readout__hint">Enter or a click on the bar opens the full detail.</p>
    </div>
  );
}

interface FigureBarChartProps {
  panel: ChartPanel;
  /** Names the chart for assistive technology. */
  title: string;
  onOpen: (figureId: string) => void;
  /** `slide`: text scaled for a projector, rows filling the height the chart is given. */
  variant?: BarLayoutVariant;
}

interface BoxProps {
  viewBox?: object;
  index?: number;
}

/** A bar's box from a label's view box (cartesian charts give x, y, width and height). */
function box(viewBox: object): { x: number; y: number; width: number; height: number } {
  const v = viewBox as Partial<Record<'x' | 'y' | 'width' | 'height', number>>;
  return { x: v.x ?? 0, y: v.y ?? 0, width: v.width ?? 0, height: v.height ?? 0 };
}

/** Lines of text, the first baseline at `y`. */
function Lines({ x, y, lines, layout, anchor = 'start', bold = false, className = '' }: LinesProps) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      fill="currentColor"
      fontSize={layout.fontSize}
      fontWeight={bold ? 700 : 400}
      className={`bar-chart__text ${className}`.trim()}
    >
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : layout.lineHeight}>
          {line}
          {/* Keeps the words apart in the text content (copy, screen readers, tests). */}
          {i < lines.length - 1 ? ' ' : ''}
        </tspan>
      ))}
    </text>
  );
}

interface LinesProps {
  x: number;
  y: number;
  lines: string[];
  layout: BarLayout;
  anchor?: 'start' | 'end';
  bold?: boolean;
  className?: string;
}

/** Baseline of the first of `n` lines centred on `middle`. */
function centredBaseline(middle: number, n: number, layout: BarLayout): number {
  return middle - ((n - 1) * layout.lineHeight) / 2 + layout.fontSize * 0.35;
}

/** Keys that move between bars, in reading order (top to bottom). */

interface DrawingProps {
  panel: ChartPanel;
  width: number;
  layout: BarLayout;
  axis: { domain: [number, number]; ticks: number[]; labels: string[]; axisLabel: string };
  margin: BarLayout['margin'];
  uid: string;
  onOpen: (figureId: string) => void;
  onHover: (index: number) => void;
}

/**
 * The drawing itself. Memoised on what it draws: hover and focus must not redraw it, or Recharts would
 * replace the bar under a pointer between its press and its release, and the click would be lost.
 */
const Drawing = memo(function Drawing({ panel, width, layout, axis, margin, uid, onOpen, onHover }: DrawingProps) {
  const patternId = `hatch-${uid}`;
  const fadeId = `fade-${uid}`;
  const stacked = layout.mode === 'stacked';
  const keys = [...new Set(panel.rows.filter((r) => r.kind === 'bound').map((r) => paletteKey(r.country)))];
  const barStyle = (row: ChartRow, index: number) => {
    const colour = countryColour(row.country);
    if (row.kind === 'bound')
      return { fill: `url(#${patternId}-${paletteKey(row.country)})`, stroke: colour, strokeWidth: 1.5 };
    // Words read as a number: a band that fades out, no edge to measure.
    if (row.kind === 'vague') return { fill: `url(#${fadeId}-${index})`, strokeWidth: 0 };
    if (row.kind === 'range' || row.kind === 'derived')
      return { fill: colour, fillOpacity: 0.4, stroke: colour, strokeWidth: 1.5 };
    return { fill: colour, stroke: colour, strokeWidth: 0 };
  };

  /** Side layout: a row's label, wrapped, right-aligned in the label column. */
  const tick = ({ x, y, payload }: { x: number | string; y: number | string; payload: { value: unknown } }) => {
    const lines = wrapText(String(payload.value), layout.labelChars, layout.maxLabelLines);
    return (
      <Lines
        x={Number(x)}
        y={centredBaseline(Number(y), lines.length, layout)}
        lines={lines}
        layout={layout}
        anchor="end"
      />
    );
  };

  /** Side layout: the value right of the bar's end. Stacked: label, then value, above the bar. */
  const rowText = ({ viewBox, index }: BoxProps) => {
    const row = index !== undefined ? panel.rows[index] : undefined;
    if (!row || !viewBox) return null;
    const { x, y, width: w, height: h } = box(viewBox);
    const value = wrapText(row.display, layout.valueChars, layout.maxValueLines);
    if (!stacked) {
      return (
        <Lines
          x={x + w + 6}
          y={centredBaseline(y + h / 2, value.length, layout)}
          lines={value}
          layout={layout}
          className="bar-chart__value"
        />
      );
    }
    const label = wrapText(row.label, layout.labelChars, layout.maxLabelLines);
    // The layout wrapped the text for its own left margin (the plot may start further right).
    const left = layout.margin.left;
    // The value's last baseline sits just above the bar; the label's lines above it.
    const valueTop = y - 5 - layout.fontSize * 0.25 - (value.length - 1) * layout.lineHeight;
    const labelTop = valueTop - label.length * layout.lineHeight;
    return (
      <g>
        <Lines x={left} y={labelTop} lines={label} layout={layout} />
        <Lines x={left} y={valueTop} lines={value} layout={layout} bold className="bar-chart__value" />
      </g>
    );
  };

  // Only what the drawing needs: Recharts copies an entry's SVG-like keys (id, display…) onto its bar.
  const data = panel.rows.map((row) => ({ label: row.label, span: row.span, valueText: row.display }));
  return (
    <BarChart
      width={width}
      height={layout.height}
      layout="vertical"
      data={data}
      margin={margin}
      barSize={layout.barSize}
      accessibilityLayer={false}
    >
      <defs>
        {keys.map((key) => (
          <pattern
            key={key}
            id={`${patternId}-${key}`}
            patternUnits="userSpaceOnUse"
            width="7"
            height="7"
            patternTransform="rotate(45)"
          >
            <rect width="7" height="7" style={{ fill: countryColour(key), fillOpacity: 0.25 }} />
            <line x1="0" y1="0" x2="0" y2="7" strokeWidth="3.5" style={{ stroke: countryColour(key) }} />
          </pattern>
        ))}
        {panel.rows.map((row, i) =>
          row.kind === 'vague' ? (
            <linearGradient key={row.id} id={`${fadeId}-${i}`} x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" style={{ stopColor: countryColour(row.country), stopOpacity: 0.55 }} />
              <stop offset={row.solidTo ?? 0} style={{ stopColor: countryColour(row.country), stopOpacity: 0.55 }} />
              <stop offset="1" style={{ stopColor: countryColour(row.country), stopOpacity: 0 }} />
            </linearGradient>
          ) : null,
        )}
      </defs>
      <CartesianGrid horizontal={false} stroke="rgba(128, 128, 128, 0.3)" />
      <XAxis
        type="number"
        domain={axis.domain}
        scale={panel.scale === 'log' ? 'log' : 'linear'}
        ticks={axis.ticks}
        interval={0}
        height={layout.axisHeight}
        tickFormatter={(v: number) => axis.labels[axis.ticks.indexOf(v)] ?? formatTick(v, panel.unit)}
        tick={{ fill: 'currentColor', fontSize: layout.fontSize }}
        stroke="currentColor"
        label={{
          value: axis.axisLabel,
          position: 'insideBottom',
          // Its baseline above the drawing's bottom by the descenders' depth: "(log scale)" is not clipped.
          offset: Math.round(layout.fontSize * 0.3) + 2,
          fill: 'currentColor',
          fontSize: layout.fontSize,
        }}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={layout.labelWidth}
        hide={stacked}
        tick={tick}
        stroke="currentColor"
        interval={0}
      />
      {axis.domain[0] < 0 && <ReferenceLine x={0} stroke="currentColor" strokeWidth={1.5} />}
      <Bar
        dataKey="span"
        isAnimationActive={false}
        cursor="pointer"
        onMouseEnter={(_: unknown, index: number) => onHover(index)}
        onClick={(_: unknown, index: number) => {
          const row = panel.rows[index];
          if (row) onOpen(row.id);
        }}
      >
        {panel.rows.map((row, i) => {
          const { strokeWidth, ...style } = barStyle(row, i);
          return (
            <Cell
              key={row.id}
              style={style}
              strokeWidth={strokeWidth}
              className="bar-chart__bar"
              {...(row.kind === 'derived' ? { strokeDasharray: '5 3' } : {})}
            />
          );
        })}
        <LabelList dataKey="valueText" content={rowText} />
      </Bar>
    </BarChart>
  );
}, sameDrawing);

function sameDrawing(a: DrawingProps, b: DrawingProps): boolean {
  return (
    a.panel === b.panel &&
    a.width === b.width &&
    a.uid === b.uid &&
    a.onOpen === b.onOpen &&
    JSON.stringify([a.layout, a.axis, a.margin]) === JSON.stringify([b.layout, b.axis, b.margin])
  );
}

/** The smallest text a 16:9 slide's chart shrinks to, as a share of the text size its style sets. */
export const SLIDE_FIT_FLOOR = 0.75;

/**
 * A slide chart's layout in its measured box. Rows fill the box's height; where the box asks the drawing
 * to fit it (`fitHeight`, a 16:9 slide) and the rows would run past its bottom (into the legend below),
 * the labels first take a wider column (fewer lines a row, up to 30 % of the width) and the rows their
 * least height, then the text steps down, to `SLIDE_FIT_FLOOR` of the size its style sets at the least.
 */
export function slideLayout(
  width: number,
  rows: ChartPanel['rows'],
  size: { height: number; fontSize: number; fitHeight?: boolean },
): BarLayout {
  const first = barLayout(width, rows, { variant: 'slide', fillHeight: size.height, fontSize: size.fontSize });
  if (!size.fitHeight || size.height <= 0 || first.height <= size.height) return first;
  const floor = Math.max(10, first.fontSize * SLIDE_FIT_FLOOR);
  let layout = first;
  for (let fontSize = first.fontSize; fontSize >= floor; fontSize -= 0.5) {
    for (const minRowPx of [48, 40]) {
      for (const labelEm of [17, 22, 27]) {
        layout = barLayout(width, rows, { variant: 'slide', fillHeight: size.height, fontSize, labelEm, minRowPx });
        if (layout.height <= size.height) return layout;
      }
    }
  }
  return layout;
}

/**
 * Horizontal bars for one panel. Draws only what the series builder, the layout and `fitScale`
 * computed. Operable from the keyboard: arrows move between bars in reading order, Home and End go to
 * the first and last, Enter opens the figure's detail; the focused or hovered bar's quote shows below
 * the plot, never over the bars.
 */
export function FigureBarChart({ panel, title, onOpen, variant = 'panel' }: FigureBarChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const helpId = `help-${uid}`;
  const [ref, size] = useSize<HTMLDivElement>({ width: 560, height: 0, fontSize: 0 });
  const { current, focused, showReadout, hover, handlers } = useChartFocus(
    panel.rows.map((r) => r.id),
    onOpen,
  );
  const width = Math.max(size.width, 200);
  const slide = variant === 'slide';
  // In a slide the style sets the text size (it scales with the projector) and the chart fills its box; a
  // 16:9 slide's box is all the height there is (its text shrinks a little rather than run into the legend),
  // an upright phone's slide scrolls, so there the box grows to the drawing's least height.
  // On paper a panel's text takes the print style's size (8 pt), as the handout's tables do.
  const layout = slide
    ? slideLayout(width, panel.rows, size)
    : barLayout(width, panel.rows, {
        variant,
        ...(size.print && size.fontSize > 0 ? { fontSize: size.fontSize } : {}),
      });
  const minHeight =
    slide && !size.fitHeight ? barLayout(width, panel.rows, { variant, fontSize: size.fontSize }).height : undefined;
  const stacked = layout.mode === 'stacked';
  const count = panel.rows.length;

  // The axis for the width the plot really has, its end labels kept inside the drawing.
  const sideWidth = stacked ? 0 : layout.labelWidth;
  const roughPlot = width - layout.margin.left - layout.margin.right - sideWidth;
  const axis = fitScale(panel, roughPlot, layout.fontSize);
  const margin = {
    ...layout.margin,
    right: Math.max(layout.margin.right, Math.ceil(axis.widestTick / 2) + 4),
    left: stacked ? Math.max(layout.margin.left, Math.ceil(axis.widestTick / 2) + 4) : layout.margin.left,
  };

  const activeRow = current !== null ? panel.rows[current] : undefined;
  // The focused or hovered row, outlined over the drawing (its band: Recharts gives each row an equal share).
  const plotHeight = layout.height - margin.top - margin.bottom - layout.axisHeight;
  const band =
    showReadout && current !== null && count > 0
      ? {
          top: margin.top + (current * plotHeight) / count,
          height: plotHeight / count,
          left: 0,
          right: 0,
        }
      : null;
  return (
    <div className={`bar-chart-frame${slide ? ' bar-chart-frame--slide' : ''}`}>
      <div
        ref={ref}
        className={`bar-chart bar-chart--${layout.mode}${slide ? ' bar-chart--slide' : ''}`}
        data-layout={layout.mode}
        style={minHeight ? { minHeight } : undefined}
        role="application"
        aria-roledescription="bar chart"
        aria-label={`${title}: ${panel.axisLabel}, ${count} ${count === 1 ? 'bar' : 'bars'}`}
        aria-describedby={helpId}
        tabIndex={0}
        {...handlers}
      >
        <Drawing
          panel={panel}
          width={width}
          layout={layout}
          axis={axis}
          margin={margin}
          uid={uid}
          onOpen={onOpen}
          onHover={hover}
        />
        {band && <div className="bar-chart__focus" aria-hidden="true" style={band} />}
      </div>
      <p id={helpId} className="visually-hidden">
        Arrow keys move from bar to bar, Home and End go to the first and last, Enter opens the figure’s quote and
        source.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {focused && activeRow ? `${activeRow.label}: ${activeRow.display}. Claimed by ${activeRow.claimant}.` : ''}
      </p>
      {showReadout && activeRow && <RowReadout row={activeRow} position={(current ?? 0) + 1} count={count} />}
    </div>
  );
}
