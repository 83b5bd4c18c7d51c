/**
 * A large synthetic dataset for the benchmark: the shipped sources, topics, countries and places, with
 * many generated figures, actors and events that follow the schema and its cross-references. It is
 * deterministic (seeded), so every run measures the same thing. It is test data, never shown as fact.
 */
import type { Actor, Dataset, Event, Figure } from '../../src/model/dataset/schema';

export interface GenerateOptions {
  figures: number;
  actors: number;
  events: number;
  seed?: number;
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDataset(base: Dataset, options: GenerateOptions): Dataset {
  const rand = random(options.seed ?? 20250214);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(rand() * max);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const countries = base.countries.map((c) => c.id);
  const topics = base.topics.map((t) => t.id);
  const kinds = ['person', 'government', 'organisation', 'company', 'media', 'think-tank'] as const;

  const actors: Actor[] = Array.from({ length: options.actors }, (_, i) => ({
    id: `gen-actor-${i}`,
    name: `Generated actor ${i}`,
    kind: pick(kinds),
    country: rand() < 0.05 ? null : pick(countries),
    role: `A generated ${pick(['official', 'analyst', 'company', 'outlet'])} for the benchmark`,
    topics: some(topics, 3),
    statements: [],
  }));
  const actorIds = actors.map((a) => a.id);

  const figures: Figure[] = Array.from({ length: options.figures }, (_, i) => {
    const template = base.figures[i % base.figures.length]!;
    return {
      ...template,
      id: `gen-figure-${i}`,
      label: `${template.label} (generated ${i})`,
      lead: undefined,
      derived: undefined,
      countries: some(countries, 2),
      topics: some(topics, 2),
      actorIds: some(actorIds, 2),
    } as Figure;
  }).map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Figure);

  const placeIds = base.places.map((p) => p.id);
  const sourceIds = base.sources.map((s) => s.id);
  const events: Event[] = Array.from({ length: options.events }, (_, i) => {
    const year = 2014 + Math.floor(rand() * 12);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    return {
      id: `gen-event-${i}`,
      date:
        year === 2025 ? `2025-02-${String(10 + Math.floor(rand() * 7)).padStart(2, '0')}` : `${year}-${month}-${day}`,
      title: `Generated event ${i}`,
      placeIds: some(placeIds, 2),
      actorIds: some(actorIds, 3),
      topics: some(topics, 2),
      sourceIds: some(sourceIds, 1),
    };
  });

  // The shipped measures, without the shipped actors they name (the generated actors replace them).
  const measures = base.measures.map(({ actorId: _actor, ...m }) => m);
  return { ...base, figures, actors, events, measures };
}
