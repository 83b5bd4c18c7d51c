/**
 * Figures → chart series. Pure: the drawing components only draw what these return.
 */
import { getNiceTickValues } from 'recharts';
import type { Figure, Qualifier, Source, Unit } from '../../model/dataset/schema';
import {
  axisWords,
  displayValue,
  formatFigureValue,
  formatNumber,
  formatReading,
  isVague,
  QUALIFIER_WORDS,
  sourceByline,
  unitInfo,
} from '../../model/format/format';
import type { ChartSpec } from './chart-specs';
import { CHAR_EM } from './bar-layout';
import type { OverTimePanel } from './over-time';

/**
 * How a bar is drawn: a stated value, an open-ended bound, a range, a derived value, or a quantity the
 * article gives in words ("hundreds"), drawn as a band that fades out so it cannot pass for a length.
 */
export type BarKind = 'value' | 'bound' | 'range' | 'derived' | 'vague';

export interface ChartRow {
  id: string;
  label: string;
  /** The figure's own unit (a panel's rows share one, or convert to it). */
  unit: Unit;
  claimant: string;
  qualifier: Qualifier;
  /** The value as shown: the article's words for a vague figure, else the number with qualifier and unit. */
  display: string;
  /** The number with qualifier and unit, for a vague figure how its words were read. */
  numeric: string;
  /** The bar's extent on the axis: [start, end]. */
  span: [number, number];
  kind: BarKind;
  quote: string;
  sourceLine: string;
  derivedFormula?: string;
  /** For a figure given in words: how they were read and what the band shows. */
  reading?: string;
  /**
   * Vague bars only: the share of the bar's drawn length that is solid; from there it fades to nothing
   * at its end (for "hundreds", solid to 100 and fading out towards 999).
   */
  solidTo?: number;
  /** The figure's main country, for its colour. */
  country: string;
}

/** A panel draws at most this many bars; more would not be readable (only generated data reach it). */
export const MAX_ROWS = 30;

export interface ChartPanel {
  unit: Unit;
  /** The panel's heading (shown when a chart has several): the measure, or the unit for a shared axis. */
  title: string;
  /** Axis label: the unit in words, and the scale. */
  axisLabel: string;
  scale: 'linear' | 'log';
  /** A share of a whole (percent of something): drawn on 0–100 %. */
  share: boolean;
  /** The smallest and largest value the bars reach, the baseline included. */
  extent: [number, number];
  /** The axis at the default tick count (`panelScale` gives it for another width). */
  domain: [number, number];
  ticks: number[];
  rows: ChartRow[];
  /** Figures of this panel not drawn because of MAX_ROWS. */
  omitted: number;
}

export interface ChartModel {
  spec: ChartSpec;
  panels: ChartPanel[];
  /** An over-time chart's drawing (its spec's kind is "over-time"), when it has estimates to draw. */
  overTime?: OverTimePanel;
  /** Publishers of the figures shown, for the chart's source line. */
  sourceLine: string;
  /** The newest publication date of the stories behind the figures shown. */
  asOf: string;
  /** Figures added from articles that match but are not drawn (past the chart's panels): said under it. */
  notDrawn: number;
}

const OPEN_ENDED: readonly Qualifier[] = ['below', 'less-than', 'at-most', 'up-to', 'more-than', 'at-least', 'above'];

export function barKind(figure: Figure): BarKind {
  if (figure.derived) return 'derived';
  if (isVague(figure)) return 'vague';
  if (figure.value === undefined) return 'range';
  if (OPEN_ENDED.includes(figure.qualifier)) return 'bound';
  return 'value';
}

/**
 * The extent of a figure's bar: from the baseline to the value, or across its range. A vague range
 * ("hundreds") starts at the baseline: it is solid to its low end and fades out towards its high end.
 */
export function barSpan(figure: Figure, baseline: number): [number, number] {
  if (figure.value === undefined) {
    const low = figure.low ?? baseline;
    const high = figure.high ?? baseline;
    return isVague(figure) ? [Math.min(baseline, low), high] : [low, high];
  }
  return figure.value < baseline ? [figure.value, baseline] : [baseline, figure.value];
}

/** Where a vague bar stops being solid, as a share of its drawn length (log scales measured in decades). */
export function solidShare(figure: Figure, span: [number, number], scale: 'linear' | 'log'): number {
  const at = (v: number) => (scale === 'log' ? Math.log10(Math.max(v, Number.MIN_VALUE)) : v);
  const length = at(span[1]) - at(span[0]);
  if (length <= 0) return 0;
  // A range is solid to its low end; a single value read from words ("a fifth") fades over its last fifth.
  const solidEnd = figure.value === undefined ? (figure.low ?? span[0]) : span[0] + (span[1] - span[0]) * 0.8;
  return Math.min(1, Math.max(0, (at(solidEnd) - at(span[0])) / length));
}

/** Gridlines a linear axis has at most, unless the width allows fewer (see `panelScale`). */
export const DEFAULT_TICKS = 6;

/**
 * A readable linear axis: ticks at a round step (1, 2, 2.5 or 5 × 10ⁿ, from Recharts' own "snap125"
 * algorithm), from the tick at or below `min` to the one at or above `max`, at most `maxTicks` of them,
 * the tightest such axis. `min` ≤ 0 ≤ `max` gives an axis with a tick at zero.
 */
export function niceScale(
  min: number,
  max: number,
  maxTicks = DEFAULT_TICKS,
): { domain: [number, number]; ticks: number[] } {
  // Every render of every panel asks for the same few axes: compute each once (the search below calls
  // Recharts' tick algorithm up to ten times).
  const key = `${min}|${max}|${maxTicks}`;
  const known = niceScales.get(key);
  if (known) return { domain: [...known.domain], ticks: [...known.ticks] };
  const scale = computeNiceScale(min, max, maxTicks);
  if (niceScales.size >= 1000) niceScales.clear();
  niceScales.set(key, scale);
  return { domain: [...scale.domain], ticks: [...scale.ticks] };
}

const niceScales = new Map<string, { domain: [number, number]; ticks: number[] }>();

function computeNiceScale(min: number, max: number, maxTicks: number): { domain: [number, number]; ticks: number[] } {
  if (!(max > min)) return niceScale(Math.min(min, 0), Math.max(max, 0) || 1, maxTicks);
  let best: number[] | null = null;
  for (let count = 2; count <= Math.max(2, maxTicks) + 2; count++) {
    const raw = getNiceTickValues([min, max], count, true, 'snap125');
    // Recharts may run the ticks past the data; keep one tick at or beyond each end.
    const first = raw.findLastIndex((t) => t <= min);
    const last = raw.findIndex((t) => t >= max);
    if (first < 0 || last < 0) continue;
    const ticks = raw.slice(first, last + 1).map((t) => Number(t.toPrecision(12)));
    if (ticks.length < 2 || ticks.length > Math.max(2, maxTicks)) continue;
    const span = ticks[ticks.length - 1]! - ticks[0]!;
    const bestSpan = best ? best[best.length - 1]! - best[0]! : Infinity;
    if (span < bestSpan || (span === bestSpan && best && ticks.length > best.length)) best = ticks;
  }
  if (!best) {
    // Never reached for finite input; kept so the axis is always defined.
    return { domain: [min, max], ticks: [min, max] };
  }
  return { domain: [best[0]!, best[best.length - 1]!], ticks: best };
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

/** Shares on 0–100 %: every quarter, or every half when only a few ticks fit. */
const SHARE_TICKS: readonly (readonly number[])[] = [
  [0, 20, 40, 60, 80, 100],
  [0, 25, 50, 75, 100],
  [0, 50, 100],
  [0, 100],
];

/** The axis of a panel with at most `maxTicks` ticks: shares 0–100, log decades, or a nice linear axis. */
export function panelScale(
  panel: Pick<ChartPanel, 'scale' | 'share' | 'extent'>,
  maxTicks = DEFAULT_TICKS,
): { domain: [number, number]; ticks: number[] } {
  const [min, max] = panel.extent;
  if (panel.scale === 'log') {
    const all = logTicks(min, max);
    // Keep every decade's gridline, but label no more than fit (every other one, …).
    const every = Math.max(1, Math.ceil(all.length / Math.max(2, maxTicks)));
    const ticks = all.filter((_, i) => i % every === 0);
    // The top decade is labelled too, in place of the label before it (closer than `every` decades, their
    // words would run into each other).
    if (ticks.at(-1) !== all.at(-1)) {
      if (ticks.length > 1) ticks.pop();
      ticks.push(all.at(-1)!);
    }
    return { domain: [all[0]!, all[all.length - 1]!], ticks };
  }
  if (panel.share && min >= 0 && max <= 100) {
    const ticks = [...(SHARE_TICKS.find((t) => t.length <= maxTicks) ?? SHARE_TICKS[SHARE_TICKS.length - 1]!)];
    return { domain: [0, 100], ticks };
  }
  return niceScale(Math.min(0, min), Math.max(0, max), maxTicks);
}

/** A unit that is a share of something ("% of GDP"), or a measure the spec names as a share. */
function isShare(unit: Unit, figures: readonly Figure[], spec: ChartSpec): boolean {
  const info = unitInfo(unit);
  if (info.symbol !== '%') return false;
  if (info.label.startsWith('% of')) return true;
  return figures.length > 0 && figures.every((f) => spec.shares?.includes(f.measure));
}

export interface PanelOptions {
  /** The panel's heading: the measure's words for a panel of one measure, else the unit's. */
  title: string;
  /** How its bars are labelled. */
  rowLabel: 'claimant' | 'label';
  scale: 'linear' | 'log';
}

export function buildPanel(
  unit: Unit,
  all: readonly Figure[],
  spec: ChartSpec,
  sources: ReadonlyMap<string, Source>,
  options: Partial<PanelOptions> = {},
): ChartPanel {
  const figures = all.slice(0, MAX_ROWS);
  const values = figures.flatMap((f) => (f.value !== undefined ? [f.value] : [f.low ?? 0, f.high ?? 0]));
  const share = isShare(unit, figures, spec);
  const scale = options.scale ?? spec.scale;
  const rowLabel = options.rowLabel ?? spec.rowLabel;
  let extent: [number, number];
  let baseline = 0;
  if (scale === 'log') {
    const positive = values.filter((v) => v > 0);
    extent = [Math.min(...positive), Math.max(...positive)];
    baseline = logTicks(extent[0], extent[1])[0]!;
  } else {
    // A zero baseline: every linear axis includes 0.
    extent = [Math.min(0, ...values), Math.max(0, ...values)];
  }
  const { domain, ticks } = panelScale({ scale, share, extent });
  const rows = figures.map((figure) => chartRow(figure, sources, rowLabel, barSpan(figure, baseline), scale));
  const axisLabel = `${axisWords(unit)}${scale === 'log' ? ' (log scale)' : ''}`;
  return {
    unit,
    title: options.title ?? axisLabel,
    axisLabel,
    scale,
    share,
    extent,
    domain,
    ticks,
    rows,
    omitted: all.length - figures.length,
  };
}

/** One figure as a chart draws it: its words, its extent, its kind, its quote and source. */
export function chartRow(
  figure: Figure,
  sources: ReadonlyMap<string, Source>,
  rowLabel: 'claimant' | 'label',
  span: [number, number],
  scale: 'linear' | 'log' = 'linear',
): ChartRow {
  const source = sources.get(figure.sourceId);
  const kind = barKind(figure);
  const reading = formatReading(figure);
  return {
    id: figure.id,
    label: rowLabel === 'claimant' ? figure.claimant : figure.label,
    unit: figure.unit,
    claimant: figure.claimant,
    qualifier: figure.qualifier,
    display: displayValue(figure),
    numeric: formatFigureValue(figure),
    span,
    kind,
    quote: figure.quote,
    sourceLine: source ? `${sourceByline(source)}, “${source.title}”` : figure.sourceId,
    country: figure.countries[0] ?? '',
    ...(figure.derived ? { derivedFormula: figure.derived.formula } : {}),
    ...(reading ? { reading } : {}),
    ...(kind === 'vague' ? { solidTo: solidShare(figure, span, scale) } : {}),
  };
}

/** Tick text: "$100 billion", "9 million", "21%", "−100"; with a `divisor`, "$25" on a billions axis. */
export function formatTick(value: number, unit: Unit, divisor = 1): string {
  const n = `${value < 0 ? '−' : ''}${formatNumber(Math.abs(value) / divisor)}`;
  if (unit === 'usd') return `$${n}`;
  if (unit === 'percent' || unit === 'percent-of-gdp') return `${n}%`;
  return n;
}

const TICK_SCALES: readonly [number, string][] = [
  [1e12, 'trillions'],
  [1e9, 'billions'],
  [1e6, 'millions'],
];

/**
 * A linear axis in the millions or more says its scale once, in the axis label ("US dollars
 * (billions)"), and its ticks are short ("$25", "$50"). A log axis spans scales: its ticks keep theirs.
 */
export function tickScale(ticks: readonly number[], scale: 'linear' | 'log'): { divisor: number; word: string } | null {
  if (scale === 'log') return null;
  const max = Math.max(0, ...ticks.map(Math.abs));
  const found = TICK_SCALES.find(([size]) => max >= size);
  return found ? { divisor: found[0], word: found[1] } : null;
}

/** The words for a bar kind, for legends and tables. */
export const BAR_KIND_WORDS: Record<BarKind, string> = {
  value: 'stated value',
  bound: 'a bound: the true value lies above or below the bar’s end, as its words say',
  range: 'range read from the words',
  derived: 'derived from stated values',
  vague: 'given in words: the fading band shows how we read them, not a measurement',
};

export { QUALIFIER_WORDS };

/**
 * The axis for a plot `plotWidth` px wide: as many ticks (up to the default) as leave room between
 * their labels at `fontSize`, their text, the axis label (with the scale the ticks leave out), and the
 * width of the widest tick label (the plot keeps half of it spare at each end).
 */
export function fitScale(
  panel: Pick<ChartPanel, 'scale' | 'share' | 'extent' | 'unit' | 'axisLabel'>,
  plotWidth: number,
  fontSize: number,
): {
  domain: [number, number];
  ticks: number[];
  labels: string[];
  axisLabel: string;
  widestTick: number;
} {
  const measure = (max: number) => {
    const scale = panelScale(panel, max);
    const words = tickScale(scale.ticks, panel.scale);
    const labels = scale.ticks.map((t) => formatTick(t, panel.unit, words?.divisor));
    const widest = Math.ceil(Math.max(...labels.map((l) => l.length)) * fontSize * CHAR_EM);
    const axisLabel = words ? `${axisWords(panel.unit)} (${words.word})` : panel.axisLabel;
    return { ...scale, labels, axisLabel, widestTick: widest };
  };
  for (let max = DEFAULT_TICKS; max > 2; max--) {
    const fit = measure(max);
    if ((fit.widestTick + fontSize) * fit.labels.length <= plotWidth) return fit;
  }
  return measure(2);
}
