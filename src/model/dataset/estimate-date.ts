/**
 * The date an estimate is drawn at on a time axis. Pure.
 */
import type { Figure, Source } from './schema';

export interface EstimateDate {
  /** YYYY-MM-DD. */
  date: string;
  /** Why this date: the figure's own date, the end of the period it states, or its article's date. */
  basis: 'stated' | 'period-end' | 'article';
}

const ISO_PARTIAL = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** The last day of a year, a month or a day given as YYYY, YYYY-MM or YYYY-MM-DD. */
function endOf(partial: string): string {
  const [y, m, d] = partial.split('-');
  if (d) return partial;
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return `${y}-${m}-${String(last).padStart(2, '0')}`;
  }
  return `${y}-12-31`;
}

/**
 * Where an estimate sits in time: its stated date; else the end of the period it states ("2024" → 31 Dec
 * 2024, "2022-02-24/2025-01-10" → 10 Jan 2025), never after its article (a period still running is as of
 * the article); else, for a period in words ("as of February 2025"), the article's date.
 */
export function estimateDate(
  figure: Pick<Figure, 'date' | 'period'>,
  source: Pick<Source, 'published'> | undefined,
): EstimateDate {
  if (figure.date) return { date: figure.date, basis: 'stated' };
  const published = source?.published;
  const period = figure.period ?? '';
  const end = period.split('/').at(-1) ?? '';
  if (ISO_PARTIAL.test(end)) {
    const last = endOf(end);
    if (published && last > published) return { date: published, basis: 'article' };
    return { date: last, basis: 'period-end' };
  }
  return { date: published ?? '', basis: 'article' };
}

/** The words for how a date was found, for a chart's table and readout. */
export const DATE_BASIS_WORDS: Record<EstimateDate['basis'], string> = {
  stated: 'the date it is given for',
  'period-end': 'the end of the period it is given for',
  article: 'the date of its article',
};
