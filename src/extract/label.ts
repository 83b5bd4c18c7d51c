/**
 * A figure's label in plain words, from the clause around its number ("Moscow lost tanks in 2024"), and the
 * measure it belongs to: an existing measure of the dataset when the unit and key words match, else a new slug.
 */
import type { Figure, UnitInfo } from '../model/schema';
import { slugify } from './ids';

const STOP = new Set(
  (
    'the a an of in on at to for from by with and or but that which who was were is are be been has have had will ' +
    'would could should may might its their his her this these those than then as into over under about more less ' +
    'nearly almost some says said according while also just only such what when where there here it they he she we'
  ).split(' '),
);

export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'’-]+/g) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => w.length > 2 && !STOP.has(w));
}

const ATTRIBUTION_AFTER =
  /,?\s*(?:according to\b.*|(?:[\w’'.-]+\s+){0,6}(?:said|says|told|reported|estimated|estimates|added|wrote|noted)\b.*)$/i;
const ATTRIBUTION_BEFORE = /^.*?\b(?:said|says|told \w+|reported|estimated|estimates)\s+(?:that\s+)?/i;

/** The label: the clause without its attribution, the number replaced by what it counts. */
export function labelFor(
  s: string,
  quote: [number, number],
  stated: [number, number],
  counted: string,
  unit: UnitInfo | undefined,
): string {
  // Brackets hold asides and restated amounts, not the label.
  let left = s
    .slice(quote[0], stated[0])
    // A dateline is not part of the label: "KYIV, Feb 20 (Reuters) - ".
    .replace(/^.*\((?:Reuters|AP|AFP|Bloomberg|dpa)\)\s*[-–—]\s*/, '')
    .replace(/\s*\([^()]*\)/g, '');
  let right = s.slice(stated[1], quote[1]).replace(/\s*\([^()]*\)/g, '');
  right = right.replace(ATTRIBUTION_AFTER, '');
  if (ATTRIBUTION_BEFORE.test(left) && left.length > 0) left = left.replace(ATTRIBUTION_BEFORE, '');
  const leftWords = left.split(/\s+/).filter(Boolean).slice(-7);
  const rightWords = right.split(/\s+/).filter(Boolean).slice(0, 6);
  const share = unit?.dimension === 'share' && /^\s*of\s/i.test(right);
  const middle = unit?.dimension === 'count' ? counted.replace(/^(?:of\s+)/i, '') : share ? 'a share' : '';
  let label = [...leftWords, middle, ...rightWords]
    .join(' ')
    .replace(/[“”"‘’()[\]]/g, (c) => (c === '’' ? '’' : ''))
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.—–-]+|[\s,;:—–-]+$/g, '')
    .replace(/^(?:and|but|or|so|which|that|while|with|as|if)\s+/i, '')
    .trim();
  if (unit && unit.dimension !== 'count') {
    const words = unit.axis ?? unit.label;
    label = label ? `${label} (${words})` : words;
  }
  if (!label) label = counted || unit?.label || 'Figure';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The measure of a figure: an existing one of the same unit sharing two key words, else a slug of the label. */
export function measureFor(label: string, unit: string, figures: readonly Figure[]): string {
  const words = new Set(contentWords(label));
  let best: { measure: string; score: number } | undefined;
  for (const f of figures) {
    if (f.unit !== unit) continue;
    const theirs = new Set([...contentWords(f.label), ...f.measure.split('-')]);
    let score = 0;
    for (const w of words) if (theirs.has(w)) score++;
    if (score >= 2 && (!best || score > best.score || (score === best.score && f.measure < best.measure))) {
      best = { measure: f.measure, score };
    }
  }
  if (best) return best.measure;
  const slug = slugify(contentWords(label).slice(0, 5).join(' '), 48);
  return slug || slugify(unit) || 'figure';
}
