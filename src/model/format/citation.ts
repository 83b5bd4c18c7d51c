import type { Figure, Source } from '../dataset/schema';
import { formatDate, sourceByline } from './format';

/** “quote” (claimant), Publisher via Outlet, “Headline”, 12 Feb 2025. */
export function figureCitation(figure: Pick<Figure, 'quote' | 'claimant'>, source: Source): string {
  return `“${figure.quote}” (${figure.claimant}). ${sourceByline(source)}, “${source.title}”, ${formatDate(source.published)}.`;
}
