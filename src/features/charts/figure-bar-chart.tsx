import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartPanel, ChartRow } from './series';
import { BAR_KIND_WORDS, formatTick } from './series';
import { barLayout, wrapText, type BarLayout, type BarLayoutVariant } from './bar-layout';
import { useSize } from './use-size';
import { countryColour, paletteKey } from '../../model/palette';

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: ChartRow }[];
}

/** Value with qualifier, claimant and the verbatim quote of the bar under the pointer or focus. */
function RowTooltip({ active, payload }: TooltipProps) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{row.label}</p>
      <p className="chart-tooltip__value">{row.display}</p>
      <p>Claimed by {row.claimant}</p>
      <blockquote>“{row.quote}”</blockquote>
      <p className="chart-tooltip__source">{row.sourceLine}</p>
      {row.kind !== 'value' && <p className="chart-tooltip__kind">{BAR_KIND_WORDS[row.kind]}</p>}
      {row.derivedFormula && <p className="chart-tooltip__kind">{row.derivedFormula}</p>}
      <p className="chart-tooltip__hint">Click the bar for the full detail.</p>
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
function Lines({ x, y, lines, layout, anchor = 'start', bold = false }: LinesProps) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      fill="currentColor"
      fontSize={layout.fontSize}
      fontWeight={bold ? 700 : 400}
      className="bar-chart__text"
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
}

/** Baseline of the first of `n` lines centred on `middle`. */
function centredBaseline(middle: number, n: number, layout: BarLayout): number {
  return middle - ((n - 1) * layout.lineHeight) / 2 + layout.fontSize * 0.35;
}

/** Horizontal bars for one panel. Draws only what the series builder and the layout computed. */
export function FigureBarChart({ panel, title, onOpen, variant = 'panel' }: FigureBarChartProps) {
  const patternId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [ref, size] = useSize<HTMLDivElement>({ width: 560, height: 0, fontSize: 0 });
  const width = Math.max(size.width, 200);
  const slide = variant === 'slide';
  // In a slide the style sets the text size (it scales with the projector) and the chart fills its box.
  const layout = barLayout(width, panel.rows, {
    variant,
    ...(slide ? { fillHeight: size.height, fontSize: size.fontSize } : {}),
  });
  const minHeight = slide ? barLayout(width, panel.rows, { variant, fontSize: size.fontSize }).height : undefined;
  const keys = [...new Set(panel.rows.filter((r) => r.kind === 'bound').map((r) => paletteKey(r.country)))];
  const barStyle = (row: ChartRow) => {
    const colour = countryColour(row.country);
    if (row.kind === 'bound') return { fill: `url(#${patternId}-${paletteKey(row.country)})`, stroke: colour };
    if (row.kind === 'range' || row.kind === 'derived') return { fill: colour, fillOpacity: 0.4, stroke: colour };
    return { fill: colour, stroke: colour };
  };
  const stacked = layout.mode === 'stacked';

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
      return <Lines x={x + w + 6} y={centredBaseline(y + h / 2, value.length, layout)} lines={value} layout={layout} />;
    }
    const label = wrapText(row.label, layout.labelChars, layout.maxLabelLines);
    const left = layout.margin.left;
    // The value's last baseline sits just above the bar; the label's lines above it.
    const valueTop = y - 5 - layout.fontSize * 0.25 - (value.length - 1) * layout.lineHeight;
    const labelTop = valueTop - label.length * layout.lineHeight;
    return (
      <g>
        <Lines x={left} y={labelTop} lines={label} layout={layout} />
        <Lines x={left} y={valueTop} lines={value} layout={layout} bold />
      </g>
    );
  };

  return (
    <div
      ref={ref}
      className={`bar-chart bar-chart--${layout.mode}${slide ? ' bar-chart--slide' : ''}`}
      data-layout={layout.mode}
      style={minHeight ? { minHeight } : undefined}
    >
      <BarChart
        width={width}
        height={layout.height}
        layout="vertical"
        data={panel.rows}
        margin={layout.margin}
        barSize={layout.barSize}
        accessibilityLayer
        title={`${title}: ${panel.axisLabel}`}
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
        </defs>
        <CartesianGrid horizontal={false} stroke="rgba(128, 128, 128, 0.3)" />
        <XAxis
          type="number"
          domain={panel.domain}
          scale={panel.scale === 'log' ? 'log' : 'linear'}
          {...(panel.ticks ? { ticks: panel.ticks } : {})}
          allowDataOverflow
          height={layout.axisHeight}
          tickFormatter={(v: number) => formatTick(v, panel.unit)}
          tick={{ fill: 'currentColor', fontSize: layout.fontSize }}
          stroke="currentColor"
          label={{
            value: panel.axisLabel,
            position: 'insideBottom',
            offset: 2,
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
        <Tooltip
          content={<RowTooltip />}
          cursor={{ fill: 'rgba(128, 128, 128, 0.12)' }}
          wrapperStyle={{ zIndex: 10 }}
        />
        <Bar
          dataKey="span"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(data: { payload?: ChartRow }) => {
            if (data.payload) onOpen(data.payload.id);
          }}
        >
          {panel.rows.map((row) => (
            <Cell
              key={row.id}
              style={barStyle(row)}
              strokeWidth={row.kind === 'value' ? 0 : 1.5}
              {...(row.kind === 'derived' ? { strokeDasharray: '5 3' } : {})}
            />
          ))}
          <LabelList dataKey="display" content={rowText} />
        </Bar>
      </BarChart>
    </div>
  );
}
