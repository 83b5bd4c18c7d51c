/**
 * Figures → chart series. Pure: the drawing components only draw what these return.
 */
import type { Figure, Qualifier, Source, Unit } from '../../model/schema';
import { axisWords, formatFigureValue, formatNumber, QUALIFIER_WORDS, sourceByline } from '../../model/format';
import type { ChartSpec } from './chart-specs';

/** How a bar is drawn: a stated value, an open-ended bound, a range, or a derived value. */
export type BarKind = 'value' | 'bound' | 'range' | 'derived';

export interface ChartRow {
  id: string;
  label: string;
  claimant: string;
  qualifier: Qualifier;
  /** The value with its qualifier and unit, as a person reads it. */
  display: string;
  /** The bar's extent on the axis: [start, end]. */
  span: [number, number];
  kind: BarKind;
  quote: string;
  sourceLine: string;
  derivedFormula?: string;
  reading?: string;
  /** The figure's main country, for its colour. */
  country: string;
}

/** A panel draws at most this many bars; more would not be readable (only generated data reach it). */
export const MAX_ROWS = 30;

export interface ChartPanel {
  unit: Unit;
  /** Axis label: the unit in words, and the scale. */
  axisLabel: string;
  scale: 'linear' | 'log';
  domain: [number, number];
  /** Log scale only: a gridline at each power of ten. */
  ticks?: number[];
  rows: ChartRow[];
  /** Figures of this panel not drawn because of MAX_ROWS. */
  omitted: number;
}

export interface ChartModel {
  spec: ChartSpec;
  panels: ChartPanel[];
  /** Publishers of the figures shown, for the chart's source line. */
  sourceLine: string;
}

const OPEN_ENDED: readonly Qualifier[] = ['below', 'less-than', 'at-most', 'up-to', 'more-than', 'at-least', 'above'];

export function barKind(figure: Figure): BarKind {
  if (figure.derived) return 'derived';
  if (figure.value === undefined) return 'range';
  if (OPEN_ENDED.includes(figure.qualifier)) return 'bound';
  return 'value';
}

/** The extent of a figure's bar: from the baseline to the value, or across its range. */
export function barSpan(figure: Figure, baseline: number): [number, number] {
  if (figure.value === undefined) return [figure.low ?? baseline, figure.high ?? baseline];
  return figure.value < baseline ? [figure.value, baseline] : [baseline, figure.value];
}

function niceMax(n: number): number {
  if (n <= 0) return 0;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

function niceMin(n: number): number {
  return n >= 0 ? 0 : -niceMax(-n);
}

/** Powers of ten from a decade below the smallest to the one at or above the largest value. */
export function logTicks(min: number, max: number): number[] {
  // Strictly below the smallest value, so that its bar has a length.
  const from = Math.ceil(Math.log10(min)) - 1;
  const to = Math.ceil(Math.log10(max));
  const ticks: number[] = [];
  for (let e = from; e <= Math.max(to, from + 1); e++) ticks.push(10 ** e);
  return ticks;
}

export function buildPanel(
  unit: Unit,
  all: readonly Figure[],
  spec: ChartSpec,
  sources: Map<string, Source>,
): ChartPanel {
  const figures = all.slice(0, MAX_ROWS);
  const values = figures.flatMap((f) => (f.value !== undefined ? [f.value] : [f.low ?? 0, f.high ?? 0]));
  let domain: [number, number];
  let ticks: number[] | undefined;
  let baseline = 0;
  if (spec.scale === 'log') {
    const positive = values.filter((v) => v > 0);
    ticks = logTicks(Math.min(...positive), Math.max(...positive));
    domain = [ticks[0]!, ticks[ticks.length - 1]!];
    baseline = domain[0];
  } else {
    domain = [niceMin(Math.min(0, ...values)), niceMax(Math.max(0, ...values))];
  }
  const rows = figures.map((figure): ChartRow => {
    const source = sources.get(figure.sourceId);
    return {
      id: figure.id,
      label: spec.rowLabel === 'claimant' ? figure.claimant : figure.label,
      claimant: figure.claimant,
      qualifier: figure.qualifier,
      display: formatFigureValue(figure),
      span: barSpan(figure, baseline),
      kind: barKind(figure),
      quote: figure.quote,
      sourceLine: source ? `${sourceByline(source)}, “${source.title}”` : figure.sourceId,
      country: figure.countries[0] ?? '',
      ...(figure.derived ? { derivedFormula: figure.derived.formula } : {}),
      ...(figure.reading ? { reading: figure.reading } : {}),
    };
  });
  const axisLabel = `${axisWords(unit)}${spec.scale === 'log' ? ' (log scale)' : ''}`;
  return {
    unit,
    axisLabel,
    scale: spec.scale,
    domain,
    ...(ticks ? { ticks } : {}),
    rows,
    omitted: all.length - figures.length,
  };
}

/** The chart's panels (one per unit) from the figures that pass the filters; empty when none do. */
export function buildChart(spec: ChartSpec, figures: readonly Figure[], sources: readonly Source[]): ChartModel {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const chosen = spec.measures.flatMap((m) => figures.filter((f) => f.measure === m));
  const units: Unit[] = [];
  for (const f of chosen) if (!units.includes(f.unit)) units.push(f.unit);
  const panels = units.map((unit) =>
    buildPanel(
      unit,
      chosen.filter((f) => f.unit === unit),
      spec,
      byId,
    ),
  );
  const publishers = [
    ...new Set(
      chosen
        .map((f) => byId.get(f.sourceId))
        .filter((s) => s !== undefined)
        .map(sourceByline),
    ),
  ];
  return { spec, panels, sourceLine: publishers.join('; ') };
}

/** Tick text: "$100 billion", "9 million", "21%". */
export function formatTick(value: number, unit: Unit): string {
  const n = formatNumber(value);
  if (unit === 'usd') return `$${n}`;
  if (unit === 'percent' || unit === 'percent-of-gdp') return `${n}%`;
  return n;
}

/** The words for a bar kind, for legends and tables. */
export const BAR_KIND_WORDS: Record<BarKind, string> = {
  value: 'stated value',
  bound: 'open-ended: the true value lies beyond the bar’s end',
  range: 'range read from the words',
  derived: 'derived from stated values',
};

export { QUALIFIER_WORDS };
