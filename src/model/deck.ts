/**
 * The briefing deck: which slides exist, which the user kept and in what order, and the notes a
 * speaker reads from. Pure.
 */
import type { Figure, Source } from './schema';
import { formatFigureValue, sourceByline } from './format';

export interface SlideDef {
  id: string;
  title: string;
}

/** Every slide the deck can show, in the default order. */
export const ALL_SLIDES: readonly SlideDef[] = [
  { id: 'title', title: 'Briefing' },
  { id: 'key-figures', title: 'Key figures' },
  // New material first: the chart of figures from the analyst's own articles (only when there are some).
  { id: 'chart-your-articles', title: 'From your articles' },
  { id: 'chart-casualties', title: 'Casualty estimates' },
  { id: 'chart-war-economy', title: "Russia's war economy and energy" },
  { id: 'chart-money', title: 'Money at stake' },
  { id: 'chart-taiwan', title: 'Taiwan and the United States' },
  { id: 'chart-territory', title: 'Territory' },
  { id: 'map', title: 'Front line and places' },
  { id: 'actors', title: 'Actors' },
  { id: 'timeline', title: 'Timeline' },
  { id: 'sources', title: 'Sources' },
];

/**
 * The slides to show: the user's order (unknown ids dropped), or all of them; then only those that
 * have something to show under the current filters.
 */
export function deckSlides(custom: readonly string[] | null, available: (id: string) => boolean): SlideDef[] {
  const byId = new Map(ALL_SLIDES.map((s) => [s.id, s]));
  const order = custom ? custom.filter((id) => byId.has(id)) : ALL_SLIDES.map((s) => s.id);
  const unique = [...new Set(order)];
  return unique.map((id) => byId.get(id)!).filter((s) => available(s.id));
}

/** Move a slide one step up (-1) or down (+1) in a deck order. */
export function moveSlide(order: readonly string[], id: string, step: -1 | 1): string[] {
  const i = order.indexOf(id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const next = [...order];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** Keep the slide number within the deck: 1..length (1 for an empty deck). */
export function clampSlide(slide: number, length: number): number {
  return Math.min(Math.max(1, Math.round(slide)), Math.max(1, length));
}

/** What the speaker says for a set of figures: value, claimant and the quote that states it. */
export function speakerNotes(figures: readonly Figure[], sources: readonly Source[]): string[] {
  return figures.map((f) => {
    const source = sources.find((s) => s.id === f.sourceId);
    const where = source ? ` (${sourceByline(source)})` : '';
    return `${f.label}: ${formatFigureValue(f)}, per ${f.claimant}${where}: “${f.quote}”`;
  });
}
