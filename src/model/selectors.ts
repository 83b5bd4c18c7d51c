/**
 * Pure functions of the dataset: what each view shows. No React, no store.
 */
import type { Dataset, Figure, Source } from './schema';

/** The lead figures in rank order. */
export function selectLeadFigures(dataset: Pick<Dataset, 'figures'>): Figure[] {
  return dataset.figures.filter((f) => f.lead !== undefined).sort((a, b) => (a.lead ?? 0) - (b.lead ?? 0));
}

/** Other figures of the same measure (other claimants' estimates of one quantity). */
export function selectComparableFigures(dataset: Pick<Dataset, 'figures'>, figure: Figure): Figure[] {
  return dataset.figures.filter((f) => f.measure === figure.measure && f.id !== figure.id);
}

/** Source by id; the loader guarantees every referenced id exists. */
export function sourceById(dataset: Pick<Dataset, 'sources'>): Map<string, Source> {
  return new Map(dataset.sources.map((s) => [s.id, s]));
}

export interface SourceUse {
  source: Source;
  figures: number;
  statements: number;
  events: number;
}

/** Each story with how many figures, statements and events cite it, grouped by publisher. */
export function selectSourceUses(dataset: Dataset): Map<string, SourceUse[]> {
  const groups = new Map<string, SourceUse[]>();
  for (const source of dataset.sources) {
    const use: SourceUse = {
      source,
      figures: dataset.figures.filter((f) => f.sourceId === source.id).length,
      statements: dataset.actors.reduce((n, a) => n + a.statements.filter((s) => s.sourceId === source.id).length, 0),
      events: dataset.events.filter((e) => e.sourceIds.includes(source.id)).length,
    };
    groups.set(source.publisher, [...(groups.get(source.publisher) ?? []), use]);
  }
  return groups;
}
