/**
 * A figure's measure: a suggested link to a measure already tracked, made only when dimension, subject and
 * scope agree, and unconfirmed until the analyst accepts it. Pure.
 */
import type { Figure } from '../model/dataset/schema';

/** Content words of a label, for comparing two figures' subjects. */
export function contentWords(text: string): string[] {
  const STOP = new Set(
    (
      'the a an of in on at to for from by with and or but that which who was were is are be been has have had will ' +
      'would could should may might its their his her this these those than then as into over under about more less ' +
      'nearly almost some says said according while also just only such what when where there here it they he she we ' +
      'share length multiple rank rise fall new total'
    ).split(' '),
  );
  return (text.toLowerCase().match(/[a-z][a-z'’-]+/g) ?? [])
    .map((w) => w.replace(/['’]s$/, '').replace(/s$/, ''))
    .filter((w) => w.length > 2 && !STOP.has(w));
}

export interface MeasureSuggestion {
  measure: string;
  /** Why, in words: "same unit (tanks), same country (RU), same scope (2024); labels share 'tank'". */
  reason: string;
}

/** What a figure's date says of its scope: a rate, a cumulative total since a date, a year, or a point in time. */
export function scopeOf(f: Pick<Figure, 'unit' | 'date' | 'period'>): string {
  if (/-per-(?:day|week|month|year)$/.test(f.unit)) return `per ${f.unit.split('-per-')[1]}`;
  const p = f.period ?? '';
  if (p.includes('/')) return `from ${p.split('/')[0]!.slice(0, 7)}`;
  if (/^\d{4}$/.test(p)) return `in ${p}`;
  return 'at a date';
}

/**
 * A suggested link to a measure already tracked: only when a figure of that measure has the same unit (so the
 * same dimension), the same countries, the same scope, and its label shares the counted thing's words. Never
 * a link: the analyst confirms it or not. Undefined when nothing agrees.
 */
export function suggestMeasure(
  figure: Pick<Figure, 'label' | 'unit' | 'countries' | 'date' | 'period'>,
  tracked: readonly Figure[],
): MeasureSuggestion | undefined {
  const mine = new Set(contentWords(figure.label));
  const scope = scopeOf(figure);
  let best: (MeasureSuggestion & { score: number }) | undefined;
  for (const f of tracked) {
    if (f.unit !== figure.unit) continue;
    if (f.countries.length !== figure.countries.length || f.countries.some((c) => !figure.countries.includes(c)))
      continue;
    const theirScope = scopeOf(f);
    if (theirScope !== scope && !(theirScope.startsWith('in ') && scope.startsWith('in '))) continue;
    const shared = contentWords(f.label).filter((w) => mine.has(w));
    if (shared.length < 2) continue;
    const score = shared.length;
    const words = (f.label.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []).filter((w) =>
      shared.includes(contentWords(w)[0] ?? ''),
    );
    if (!best || score > best.score || (score === best.score && f.measure < best.measure)) {
      best = {
        measure: f.measure,
        score,
        reason: `Same unit (${f.unit}), same ${f.countries.length === 1 ? 'country' : 'countries'} (${f.countries.join(', ')}), same scope (${scope}); the labels share “${[...new Set(words)].join('”, “')}” with “${f.label}”.`,
      };
    }
  }
  return best && { measure: best.measure, reason: best.reason };
}
