import type { Dataset, Figure, Measure, Source, Topic } from '../../model/dataset/schema';
import { unitInfo } from '../../model/format/format';
import { estimateDate } from '../../model/dataset/estimate-date';

/**
 * What each chart shows: which measures, on which scale. A panel never mixes unrelated quantities on one
 * axis: a measure has a panel of its own unless the chart groups it with others of the same unit (`groups`,
 * the comparisons we chose), and figures added from articles share a panel only when they are absolute
 * quantities of one unit and all levels or all changes (see `panelKey`). Every figure not charted here is
 * still a card under Key figures.
 */
export interface ChartSpec {
  id: string;
  title: string;
  /** One sentence on what the chart compares. */
  description: string;
  /** Measures in display order. */
  measures: readonly string[];
  /** Log scale for quantities spanning orders of magnitude (money). */
  scale: 'linear' | 'log';
  /** How a bar is labelled in a panel of several measures: by the figure's claimant or its label. */
  rowLabel: 'claimant' | 'label';
  /** Measures in percent that are shares of a whole: drawn on 0–100 % ("% of GDP" always is). */
  shares?: readonly string[];
  /** Measures of one unit drawn on one axis, because comparing them is the point of the chart. */
  groups?: readonly (readonly string[])[];
  /** Topics whose added figures (of a measure no chart draws) join this chart. */
  topics?: readonly string[];
  /** Measures added from articles (not among the chart's own): they share panels by `panelKey`. */
  added?: readonly string[];
  /** An over-time chart draws the estimates of one measure at their dates. */
  kind?: 'bars' | 'over-time';
}

export const CHART_SPECS: readonly ChartSpec[] = [
  {
    id: 'casualties',
    title: 'Russian casualties a day, by who estimates them',
    description: 'Two estimates of one quantity side by side; a range where the words give one.',
    measures: ['russia-casualties-per-day'],
    scale: 'linear',
    rowLabel: 'claimant',
    topics: ['casualties'],
  },
  {
    id: 'war-economy',
    title: "Russia's war economy and energy",
    description:
      'Interest rate and stock market, oil output against the 9 million barrels a day mark, sanctioned tankers and tanks lost.',
    measures: [
      'russia-key-rate',
      'russia-stock-index-move',
      'russia-oil-output',
      'tankers-sanctioned',
      'russia-tank-losses',
    ],
    scale: 'linear',
    rowLabel: 'label',
    topics: ['sanctions-energy', 'economy-markets'],
  },
  {
    id: 'money',
    title: 'Money at stake',
    description:
      'From the minerals demand to the BTC-e proceeds, on a logarithmic scale: each gridline is ten times the last.',
    measures: [
      'minerals-demand',
      'taiwan-trade-surplus-us',
      'taiwan-arms-backlog',
      'btc-e-proceeds',
      'vinnik-forfeiture',
    ],
    scale: 'log',
    rowLabel: 'label',
    groups: [
      ['minerals-demand', 'taiwan-trade-surplus-us', 'taiwan-arms-backlog', 'btc-e-proceeds', 'vinnik-forfeiture'],
    ],
    topics: ['minerals-deal', 'cybercrime'],
  },
  {
    id: 'taiwan',
    title: 'Taiwan and the United States',
    description:
      'Trade surplus, dependence on the US, and the defence spending demanded against the level the article implies.',
    measures: [
      'taiwan-trade-surplus-us',
      'taiwan-export-share-us',
      'taiwan-weapons-dependence',
      'taiwan-defence-spending',
    ],
    scale: 'linear',
    rowLabel: 'label',
    shares: ['taiwan-export-share-us', 'taiwan-weapons-dependence'],
    // Two measures of Taiwan's dependence on the US, both shares: side by side on 0–100 %.
    groups: [['taiwan-export-share-us', 'taiwan-weapons-dependence']],
    topics: ['taiwan-trade', 'tariffs', 'semiconductors'],
  },
  {
    id: 'territory',
    title: 'Territory',
    description: "Russia's share of Ukraine, Ukraine's hold in Kursk, and the pace of Russia's advance.",
    measures: ['occupied-share-of-ukraine', 'kursk-area-held', 'russia-monthly-gains-change', 'russia-advance-rate'],
    scale: 'linear',
    rowLabel: 'label',
    shares: ['occupied-share-of-ukraine'],
    topics: ['territory'],
  },
];

/** Is the figure one the analyst added from an article? */
const isAdded = (f: Pick<Figure, 'addedAt'>) => f.addedAt !== undefined;

/** Two estimates this many days apart or more make a time axis worth drawing (closer, side by side says it). */
export const OVER_TIME_MIN_DAYS = 7;

const DAY_MS = 86_400_000;

/** The measures whose estimates fall on dates at least `OVER_TIME_MIN_DAYS` apart, each with its dates. */
export function measuresOverTime(
  figures: readonly Figure[],
  sources: ReadonlyMap<string, Source>,
): { measure: string; figures: Figure[] }[] {
  const byMeasure = new Map<string, Figure[]>();
  for (const f of figures) byMeasure.set(f.measure, [...(byMeasure.get(f.measure) ?? []), f]);
  const out: { measure: string; figures: Figure[] }[] = [];
  for (const [measure, list] of byMeasure) {
    if (list.length < 2) continue;
    const times = list.map((f) => Date.parse(estimateDate(f, sources.get(f.sourceId)).date));
    if (Math.max(...times) - Math.min(...times) >= OVER_TIME_MIN_DAYS * DAY_MS) out.push({ measure, figures: list });
  }
  return out;
}

/** The words a measure goes by: the label of one of its shipped figures, else of its newest estimate. */
export function measureLabel(figures: readonly Figure[]): string {
  const shipped = figures.find((f) => !isAdded(f));
  if (shipped) return shipped.label;
  return [...figures].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0]?.label ?? '';
}

export const OVER_TIME_PREFIX = 'over-time-';
export const TOPIC_PREFIX = 'topic-';

/**
 * The charts for a dataset:
 * - first, for each measure with estimates at dates a week or more apart, its estimates over time;
 * - the fixed charts, each with the added figures of its topics (of measures no chart draws);
 * - then one chart per other topic of added figures, titled by the topic.
 * A figure added from an article joins the chart of its first topic; it is never lumped with unrelated ones.
 */
export function chartSpecsFor(
  dataset: Pick<Dataset, 'figures' | 'sources'> & { topics?: readonly Topic[]; measures?: readonly Measure[] },
): ChartSpec[] {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const charted = new Set(CHART_SPECS.flatMap((s) => s.measures));
  const byTopic = new Map<string, string[]>();
  for (const f of dataset.figures) {
    if (!isAdded(f) || charted.has(f.measure)) continue;
    const topic = f.topics[0]!;
    const list = byTopic.get(topic) ?? [];
    if (!list.includes(f.measure)) list.push(f.measure);
    byTopic.set(topic, list);
  }
  const fixedTopics = new Set(CHART_SPECS.flatMap((s) => s.topics ?? []));
  const fixed = CHART_SPECS.map((spec): ChartSpec => {
    const added = (spec.topics ?? []).flatMap((t) => byTopic.get(t) ?? []);
    return added.length > 0 ? { ...spec, measures: [...spec.measures, ...added], added } : spec;
  });
  const topics = new Map((dataset.topics ?? []).map((t) => [t.id, t]));
  const topicSpecs = [...byTopic]
    .filter(([topic]) => !fixedTopics.has(topic))
    .map(([topic, measures]): ChartSpec => {
      const t = topics.get(topic);
      return {
        id: `${TOPIC_PREFIX}${topic}`,
        title: t?.label ?? topic.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
        description: `${t ? `${t.description} ` : ''}Figures from your articles, by unit; a share or a multiple has a panel of its own.`,
        measures,
        scale: 'linear',
        rowLabel: 'label',
        topics: [topic],
        added: measures,
      };
    });
  const overTime = measuresOverTime(dataset.figures, sources).map(({ measure, figures }): ChartSpec => ({
    id: `${OVER_TIME_PREFIX}${measure}`,
    title: `${dataset.measures?.find((m) => m.id === measure)?.label ?? measureLabel(figures)}: estimates over time`,
    description:
      'Each estimate at its date, by who makes it: a dot for a stated value, a bar for a range, an arrow for a bound.',
    measures: [measure],
    scale: 'linear',
    rowLabel: 'claimant',
    kind: 'over-time',
  }));
  return [...overTime, ...fixed, ...topicSpecs];
}

/** A relative unit (a share of some whole, a multiple, a rank): its figures are never compared across measures. */
export function isRelativeUnit(unit: string): boolean {
  if (unit === 'percent-of-gdp') return false;
  const info = unitInfo(unit);
  return info.symbol === '%' || ['share', 'share-change', 'multiple', 'rank'].includes(info.dimension);
}

const CHANGE_WORDS =
  /\b(?:rise[sn]?|rose|fall(?:s|en)?|fell|drops?|dropped|increase[sd]?|decrease[sd]?|grow(?:s|n)?|grew|growth|jump(?:s|ed)?|surge[sd]?|plunge[sd]?|decline[sd]?|climb(?:s|ed)?|slump(?:s|ed)?|change[sd]?|up|down)\b/i;

/** A change (a rise, a fall) rather than a level: the two never share an axis. */
export function isChange(figure: Pick<Figure, 'label' | 'value' | 'unit'>): boolean {
  return (
    (figure.value !== undefined && figure.value < 0) ||
    unitInfo(figure.unit).dimension === 'share-change' ||
    CHANGE_WORDS.test(figure.label)
  );
}

/**
 * Which panel of a chart a figure is drawn in. The chart's own measures: one panel per measure and unit,
 * or its group's panel. Added measures: a relative unit (%, times, rank) has a panel per measure; absolute
 * quantities share one panel per unit, levels apart from changes.
 */
export function panelKey(spec: ChartSpec, figure: Figure): string {
  if (!spec.added?.includes(figure.measure)) {
    const group = spec.groups?.findIndex((g) => g.includes(figure.measure)) ?? -1;
    return group >= 0 ? `group:${group}:${figure.unit}` : `measure:${figure.measure}:${figure.unit}`;
  }
  if (isRelativeUnit(figure.unit)) return `measure:${figure.measure}:${figure.unit}`;
  return `added:${figure.unit}:${isChange(figure) ? 'change' : 'level'}`;
}
