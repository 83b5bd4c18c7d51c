import type { Dataset } from '../../model/schema';

/**
 * What each chart shows: which measures, on which scale. A chart never mixes units: its figures are
 * split into one panel per unit. Every figure not charted here is still a card under Key figures.
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
  /** How a bar is labelled: by the figure's claimant (to compare estimates) or its label. */
  rowLabel: 'claimant' | 'label';
  /** Measures in percent that are shares of a whole: drawn on 0–100 % ("% of GDP" always is). */
  shares?: readonly string[];
}

export const CHART_SPECS: readonly ChartSpec[] = [
  {
    id: 'casualties',
    title: 'Russian casualties a day, by who estimates them',
    description: 'Two estimates of one quantity side by side; a range where the words give one.',
    measures: ['russia-casualties-per-day'],
    scale: 'linear',
    rowLabel: 'claimant',
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
  },
  {
    id: 'territory',
    title: 'Territory',
    description: "Russia's share of Ukraine, Ukraine's hold in Kursk, and the pace of Russia's advance.",
    measures: ['occupied-share-of-ukraine', 'kursk-area-held', 'russia-monthly-gains-change', 'russia-advance-rate'],
    scale: 'linear',
    rowLabel: 'label',
    shares: ['occupied-share-of-ukraine'],
  },
];

/** The chart of figures the analyst added whose measure no chart above draws. */
export const ADDED_CHART_ID = 'your-articles';

/**
 * The charts for a dataset: the fixed ones, and "From your articles" when figures added from an article
 * are of a measure no fixed chart draws (so every added figure is charted, one panel per unit).
 */
export function chartSpecsFor(dataset: Pick<Dataset, 'figures'>): readonly ChartSpec[] {
  const charted = new Set(CHART_SPECS.flatMap((s) => s.measures));
  const added = [
    ...new Set(dataset.figures.filter((f) => f.addedAt !== undefined && !charted.has(f.measure)).map((f) => f.measure)),
  ];
  if (added.length === 0) return CHART_SPECS;
  return [
    ...CHART_SPECS,
    {
      id: ADDED_CHART_ID,
      title: 'From your articles',
      description: 'Figures you added from articles, of measures the charts above do not draw; one panel per unit.',
      measures: added,
      scale: 'linear',
      rowLabel: 'label',
    },
  ];
}
