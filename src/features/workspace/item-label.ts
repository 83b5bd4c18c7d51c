import type { Dataset } from '../../model/dataset/schema';

/** An item's label in the dataset (a figure's label, an actor's or place's name, an event's title). */
export function itemLabel(dataset: Dataset, kind: string, id: string): string | undefined {
  switch (kind) {
    case 'figure':
      return dataset.figures.find((f) => f.id === id)?.label;
    case 'actor':
      return dataset.actors.find((a) => a.id === id)?.name;
    case 'event':
      return dataset.events.find((e) => e.id === id)?.title;
    case 'place':
      return dataset.places.find((p) => p.id === id)?.name;
    case 'measure':
      return dataset.measures.find((m) => m.id === id)?.label;
    default:
      return undefined;
  }
}
