/**
 * Words and numbers for display. Pure; the UI shows exactly what these return.
 */
import unitsJson from '@data/units.json';
import type { ActorKind, Figure, Qualifier, Source, Unit, UnitInfo } from '../dataset/schema';
import { SHORT_MONTH_NAMES } from './calendar';

export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: 'exact',
  about: 'about',
  'more-than': 'more than',
  'less-than': 'less than',
  'at-least': 'at least',
  'at-most': 'at most',
  nearly: 'nearly',
  below: 'below',
  above: 'above',
  'up-to': 'up to',
  record: 'record',
};

/** An actor's kind as a label: "Think tank" (the actor card, the actors' filter, the deck's actor slides). */
export const ACTOR_KIND_WORDS: Record<ActorKind, string> = {
  person: 'Person',
  government: 'Government',
  organisation: 'Organisation',
  company: 'Company',
  media: 'Media',
  'think-tank': 'Think tank',
};

const UNITS: ReadonlyMap<string, UnitInfo> = new Map((unitsJson as UnitInfo[]).map((u) => [u.id, u]));

/** The vocabulary entry of a unit; an id outside the vocabulary reads as its own words ("cargo-ships" → "cargo ships"). */
export function unitInfo(unit: Unit): UnitInfo {
  return UNITS.get(unit) ?? { id: unit, label: unit.replace(/-/g, ' '), dimension: 'count' };
}

/** The dimension a unit measures, from the dataset's vocabulary (with the units an article brought), else the shipped one. */
export function unitDimension(units: readonly Pick<UnitInfo, 'id' | 'dimension'>[], unit: Unit): string {
  return units.find((u) => u.id === unit)?.dimension ?? unitInfo(unit).dimension;
}

/** The words for a unit on a chart axis: "US dollars", "square miles", "barrels a day". */
export function axisWords(unit: Unit): string {
  const info = unitInfo(unit);
  return info.axis ?? info.label;
}

/** A symbol written before the number: "$", "€", "NT$". */
function prefixOf(unit: Unit): string | undefined {
  const info = unitInfo(unit);
  return info.symbol && info.symbol !== '%' ? info.symbol : undefined;
}

function isPercent(unit: Unit): boolean {
  return unitInfo(unit).symbol === '%';
}

function unitWord(unit: Unit, plural: boolean): string {
  const info = unitInfo(unit);
  return !plural && info.singular ? info.singular : info.label;
}

const SCALES: readonly [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

// Built once: an Intl.NumberFormat costs far more to make than to use, and charts format thousands of numbers.
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 74e9 → "74 billion", 1400 → "1,400", 2.5 → "2.5". */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  for (const [scale, word] of SCALES) {
    if (abs >= scale) {
      return `${ONE_DECIMAL.format(n / scale)} ${word}`;
    }
  }
  return TWO_DECIMALS.format(n);
}

function withUnit(n: string, unit: Unit, plural: boolean): string {
  const prefix = prefixOf(unit);
  if (prefix) return `${prefix}${n}`;
  if (isPercent(unit)) return `${n}${unitInfo(unit).label}`;
  const word = unitWord(unit, plural);
  return word ? `${n} ${word}` : n;
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
  const prefix = prefixOf(figure.unit);
  if (prefix) return `${prefix}${low}–${high}`;
  return withUnit(`${low}–${high}`, figure.unit, true);
}

/**
 * The word after the size of a fall: "fewer" for things counted or measured out (square miles, tanks),
 * "less" for amounts (money, oil, time), "lower" for rates and shares.
 */
export function fallWord(unit: Unit): 'fewer' | 'less' | 'lower' {
  const dimension = unitInfo(unit).dimension;
  if (dimension === 'share' || dimension === 'share-change' || dimension === 'index') return 'lower';
  if (['money', 'mass', 'volume', 'oil-flow', 'oil-volume', 'duration'].includes(dimension)) return 'less';
  return 'fewer';
}

/** The amount split for display: the number large, the unit words small. A fall reads "40 | sq mi fewer". */
export function amountParts(figure: Pick<Figure, 'value' | 'low' | 'high' | 'unit'>): { number: string; unit: string } {
  if (figure.value !== undefined && figure.value < 0) {
    const parts = amountParts({ ...figure, value: -figure.value });
    return {
      number: parts.number,
      unit: parts.unit ? `${parts.unit} ${fallWord(figure.unit)}` : fallWord(figure.unit),
    };
  }
  const full = formatAmount(figure);
  const info = unitInfo(figure.unit);
  if (prefixOf(figure.unit) || info.label === '%' || info.label === '') return { number: full, unit: '' };
  if (isPercent(figure.unit)) {
    // "2.5% of GDP": the number keeps its "%", the rest is the unit words.
    return { number: full.replace(info.label, '%'), unit: info.label.replace(/^%\s*/, '') };
  }
  const plural = figure.value === undefined || Math.abs(figure.value) !== 1;
  const word = unitWord(figure.unit, plural);
  return { number: full.slice(0, full.length - word.length).trim(), unit: word };
}

/** The qualifier as it reads before a number, or "" for exact. */
export function qualifierWords(qualifier: Qualifier): string {
  return qualifier === 'exact' ? '' : QUALIFIER_WORDS[qualifier];
}

/**
 * The number as a number: "below 9 million barrels a day", "record $74 billion", "1,400 tanks". A fall
 * reads as its size and a word, never as a minus after "fewer": "about 40 sq mi fewer".
 */
export function formatFigureValue(figure: Pick<Figure, 'value' | 'low' | 'high' | 'unit' | 'qualifier'>): string {
  const q = qualifierWords(figure.qualifier);
  const amount =
    figure.value !== undefined && figure.value < 0
      ? `${formatAmount({ ...figure, value: -figure.value })} ${fallWord(figure.unit)}`
      : formatAmount(figure);
  return q ? `${q} ${amount}` : amount;
}

/** A figure the article gives in words ("hundreds", "around a fifth"), which we read as a number. */
export function isVague(figure: Pick<Figure, 'reading'>): boolean {
  return figure.reading !== undefined;
}

/**
 * The value as it is shown first: the article's own words, quoted, when it gives them instead of a
 * number (“at least in the hundreds daily”, “around a fifth”); otherwise the number (`formatFigureValue`).
 * The numeric reading of the words is shown on demand (`formatReading`).
 */
export function displayValue(
  figure: Pick<Figure, 'value' | 'low' | 'high' | 'unit' | 'qualifier' | 'stated' | 'reading'>,
): string {
  return isVague(figure) ? `“${figure.stated}”` : formatFigureValue(figure);
}

/**
 * How the words were read as a number, for the reading shown on demand: "“hundreds” read as 100 to 999;
 * … Charted as 100 to 999 casualties a day." Empty for a figure stated as a number.
 */
export function formatReading(figure: Pick<Figure, 'value' | 'low' | 'high' | 'unit' | 'reading'>): string {
  if (!figure.reading) return '';
  const amount =
    figure.value !== undefined
      ? formatAmount(figure)
      : formatAmount({ ...figure, value: undefined }).replace('–', ' to ');
  const reading = figure.reading.replace(/\.$/, '');
  return `${reading.charAt(0).toUpperCase()}${reading.slice(1)}. Drawn as ${amount}, not a measurement.`;
}

const PRECISION_WORDS: Record<Qualifier, string> = {
  exact: 'Stated exactly',
  about: 'Approximate (“about”)',
  'more-than': 'A lower bound (“more than”)',
  'at-least': 'A lower bound (“at least”)',
  above: 'A lower bound (“above”)',
  'less-than': 'An upper bound (“less than”)',
  'at-most': 'An upper bound (“at most”)',
  below: 'An upper bound (“below”)',
  'up-to': 'An upper bound (“up to”)',
  nearly: 'Just under (“nearly”)',
  record: 'Stated as a record',
};

/**
 * How exact a figure is, as a sentence that is true of it: "Stated as a record", "A lower bound
 * (“at least”)"; a figure given in words says so first.
 */
export function precisionWords(figure: Pick<Figure, 'qualifier' | 'reading'>): string {
  const words = PRECISION_WORDS[figure.qualifier];
  if (!isVague(figure)) return words;
  return figure.qualifier === 'exact'
    ? 'Stated in words'
    : `Stated in words; ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}

/** "2025-02-12" → "12 Feb 2025"; "2024-05" → "May 2024"; "2014" → "2014". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  const month = m ? (SHORT_MONTH_NAMES[m - 1] ?? '') : '';
  return [d, month, y].filter(Boolean).join(' ');
}

/** An ISO date-time as "4 Dec 2026, 14:05" in the reader's time zone (the text itself when it is no date). */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time}`;
}

const ISO_PARTIAL = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * When a figure holds: its date, or its period in words. The extraction writes periods as ISO dates and
 * intervals ("2024-05", "2022-02-24/2025-01-10"), which read as "May 2024" and "24 Feb 2022 – 10 Jan 2025";
 * a period written in words by hand is shown as written.
 */
export function figureWhen(figure: Pick<Figure, 'date' | 'period'>): string {
  const period = figure.period;
  if (period !== undefined) {
    if (ISO_PARTIAL.test(period)) return formatDate(period);
    const [a, b] = period.split('/');
    if (a !== undefined && b !== undefined && ISO_PARTIAL.test(a) && ISO_PARTIAL.test(b)) {
      return formatEventDate({ date: a, endDate: b });
    }
    return period;
  }
  return figure.date ? formatDate(figure.date) : '';
}

/** "Reuters via Daily Maverick" or "The New York Times". */
export function sourceByline(source: Pick<Source, 'publisher' | 'outlet'>): string {
  return source.publisher === source.outlet ? source.publisher : `${source.publisher} via ${source.outlet}`;
}

/** The span of the articles' dates: "12–14 Feb 2025", "12 Feb 2025 – 27 Feb 2026". */
export function articleSpan(sources: readonly Pick<Source, 'published'>[]): string {
  if (sources.length === 0) return '';
  let from = sources[0]!.published;
  let to = from;
  for (const s of sources) {
    if (s.published < from) from = s.published;
    if (s.published > to) to = s.published;
  }
  return formatEventDate({ date: from, endDate: to });
}

/** What the data cover: "9 stories from 2 publishers, 12–14 Feb 2025". */
export function coverageWords(sources: readonly Pick<Source, 'published' | 'publisher'>[]): string {
  const publishers = new Set(sources.map((s) => s.publisher)).size;
  const stories = `${sources.length} ${sources.length === 1 ? 'story' : 'stories'}`;
  const from = publishers === 1 ? `from ${sources[0]!.publisher}` : `from ${publishers} publishers`;
  return sources.length === 0 ? 'no stories yet' : `${stories} ${from}, ${articleSpan(sources)}`;
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

/** "1 figure", "3 figures"; `words` for an irregular plural ("2 analyses"). */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
