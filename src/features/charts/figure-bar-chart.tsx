import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartPanel, ChartRow } from './series';
import { BAR_KIND_WORDS, formatTick } from './series';
import { countryColour, paletteKey } from '../../model/palette';

const ROW_HEIGHT = 48;

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
}

/** Horizontal bars for one panel. Draws only what the series builder computed. */
export function FigureBarChart({ panel, title, onOpen }: FigureBarChartProps) {
  const patternId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const height = panel.rows.length * ROW_HEIGHT + 56;
  const keys = [...new Set(panel.rows.filter((r) => r.kind === 'bound').map((r) => paletteKey(r.country)))];
  const barStyle = (row: ChartRow) => {
    const colour = countryColour(row.country);
    if (row.kind === 'bound') return { fill: `url(#${patternId}-${paletteKey(row.country)})`, stroke: colour };
    if (row.kind === 'range' || row.kind === 'derived') return { fill: colour, fillOpacity: 0.4, stroke: colour };
    return { fill: colour, stroke: colour };
  };
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 560, height }}>
      <BarChart
        layout="vertical"
        data={panel.rows}
        margin={{ top: 4, right: 150, bottom: 22, left: 4 }}
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
          tickFormatter={(v: number) => formatTick(v, panel.unit)}
          tick={{ fill: 'currentColor', fontSize: 12 }}
          stroke="currentColor"
          label={{ value: panel.axisLabel, position: 'insideBottom', offset: -14, fill: 'currentColor', fontSize: 12 }}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={210}
          tick={{ fill: 'currentColor', fontSize: 12.5 }}
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
          <LabelList dataKey="display" position="right" fill="currentColor" fontSize={12.5} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
