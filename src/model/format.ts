/**
 * Words and numbers for display. Pure; the UI shows exactly what these return.
 */
import type { Figure, Qualifier, Source, Unit } from './schema';

export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: 'exact',
  about: 'about',
  'more-than': 'more than',
  'at-least': 'at least',
  nearly: 'nearly',
  below: 'below',
  record: 'record',
};

/** Unit words after the number; money is a prefix instead. */
export const UNIT_WORDS: Record<Unit, string> = {
  usd: 'US dollars',
  percent: '%',
  'percent-of-gdp': '% of GDP',
  'barrels-per-day': 'barrels a day',
  tanks: 'tanks',
  tankers: 'tankers',
  casualties: 'killed or injured',
  'casualties-per-day': 'casualties a day',
  'square-miles': 'sq mi',
  'yards-per-day': 'yards a day',
  years: 'years',
  months: 'months',
  hours: 'hours',
  people: 'people',
  countries: 'countries',
  steps: 'steps',
  followers: 'followers',
};

const SINGULAR: Partial<Record<Unit, string>> = { years: 'year', months: 'month', hours: 'hour' };

const SCALES: readonly [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** 74e9 → "74 billion", 1400 → "1,400", 2.5 → "2.5". */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  for (const [scale, word] of SCALES) {
    if (abs >= scale) {
      return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n / scale)} ${word}`;
    }
  }
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
}

function withUnit(n: string, unit: Unit, plural: boolean): string {
  if (unit === 'usd') return `$${n}`;
  if (unit === 'percent' || unit === 'percent-of-gdp') return `${n}${UNIT_WORDS[unit]}`;
  const word = !plural && SINGULAR[unit] ? SINGULAR[unit] : UNIT_WORDS[unit];
  return `${n} ${word}`;
}

/** The number with its unit, without qualifier: "1,400 tanks", "$74 billion", "100–999 casualties a day". */
export function formatAmount(figure: Pick<Figure, 'value' | 'low' | 'high' | 'unit'>): string {
  if (figure.value !== undefined) {
    const sign = figure.value < 0 ? '−' : '';
    return withUnit(sign + formatNumber(Math.abs(figure.value)), figure.unit, Math.abs(figure.value) !== 1);
  }
  const lowN = figure.low ?? 0;
  const highN = figure.high ?? 0;
  // "$1–999 billion" rather than "$1 billion–999 billion" when both ends share a scale word.
  const scale = SCALES.find(
    ([size]) => Math.abs(lowN) >= size && Math.abs(highN) >= size && Math.abs(highN) < size * 1000,
  );
  const low = scale ? formatNumber(lowN / scale[0]) : formatNumber(lowN);
  const high = scale ? `${formatNumber(highN / scale[0])} ${scale[1]}` : formatNumber(highN);
  if (figure.unit === 'usd') return `$${low}–${high}`;
  return withUnit(`${low}–${high}`, figure.unit, true);
}

/** The amount split for display: the number large, the unit words small. */
export function amountParts(figure: Pick<Figure, 'value' | 'low' | 'high' | 'unit'>): { number: string; unit: string } {
  const full = formatAmount(figure);
  if (figure.unit === 'usd' || figure.unit === 'percent') return { number: full, unit: '' };
  if (figure.unit === 'percent-of-gdp') return { number: full.replace(UNIT_WORDS[figure.unit], '%'), unit: 'of GDP' };
  const plural = figure.value === undefined || Math.abs(figure.value) !== 1;
  const word = !plural && SINGULAR[figure.unit] ? SINGULAR[figure.unit]! : UNIT_WORDS[figure.unit];
  return { number: full.slice(0, full.length - word.length).trim(), unit: word };
}

/** The qualifier as it reads before a number, or "" for exact. */
export function qualifierWords(qualifier: Qualifier): string {
  return qualifier === 'exact' ? '' : QUALIFIER_WORDS[qualifier];
}

/** "below 9 million barrels a day", "record $74 billion", "1,400 tanks". */
export function formatFigureValue(figure: Pick<Figure, 'value' | 'low' | 'high' | 'unit' | 'qualifier'>): string {
  const q = qualifierWords(figure.qualifier);
  const amount = formatAmount(figure);
  return q ? `${q} ${amount}` : amount;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-02-12" → "12 Feb 2025"; "2024-05" → "May 2024"; "2014" → "2014". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  const month = m ? (MONTHS[m - 1] ?? '') : '';
  return [d, month, y].filter(Boolean).join(' ');
}

/** When a figure holds: its date, or its period in words. */
export function figureWhen(figure: Pick<Figure, 'date' | 'period'>): string {
  return figure.period ?? (figure.date ? formatDate(figure.date) : '');
}

/** "Reuters via Daily Maverick" or "The New York Times". */
export function sourceByline(source: Pick<Source, 'publisher' | 'outlet'>): string {
  return source.publisher === source.outlet ? source.publisher : `${source.publisher} via ${source.outlet}`;
}

/** The newest publication date among the sources: the dashboard's "as of" date. */
export function asOfDate(sources: readonly Pick<Source, 'published'>[]): string {
  return sources.reduce((max, s) => (s.published > max ? s.published : max), '');
}

/** An event's date as precise as it is known: "12 Feb 2025", "14–16 Feb 2025", "May 2024", "2014". */
export function formatEventDate(event: { date: string; endDate?: string | undefined }): string {
  const start = formatDate(event.date);
  if (!event.endDate || event.endDate === event.date) return start;
  const [sy, sm] = event.date.split('-');
  const [ey, em, ed] = event.endDate.split('-');
  if (sy === ey && sm && sm === em && ed && event.date.length === 10) {
    return `${Number(event.date.slice(8))}–${formatDate(event.endDate)}`;
  }
  return `${start} – ${formatDate(event.endDate)}`;
}
