/**
 * A team's two years, for the benchmark: the data file ("geobrief-data", what "Your data → Import" reads and a
 * workspace export writes) of a team that brought in about 50 articles a week — 5,000 articles with 100,000
 * figures, 2,000 actors and 20,000 events, with corrections, own measures, merges and saved briefings.
 *
 * Built from the shipped data so that it passes every check an import makes: each article's text is made of the
 * shipped figures' verbatim quotes (so every quote stands in its article), its figures follow the shipped ones
 * (their measures, units, stated words), its actors and events are new. Deterministic (seeded): every run measures
 * the same thing. It is test data, never shown as fact: every article is titled "Generated article".
 */
import type { Actor, Dataset, Event, Figure, Source } from '../../src/model/dataset/schema';
import { DATA_FORMAT, PACK_FORMAT, PACK_VERSION, type DataFile, type Pack } from '../../src/model/pack/pack-schema';
import type { Correction, CreatedMeasure, Edits, Merge } from '../../src/model/corrections/edits-schema';
import type { Briefing } from '../../src/model/briefing/briefing';
import { mergeWithEdits } from '../../src/model/pack/merge';
import { random } from './generate-dataset';

export interface TeamOptions {
  articles: number;
  figuresPerArticle: number;
  eventsPerArticle: number;
  /** New actors, one in each of the first `actors` articles. */
  actors: number;
  corrections: number;
  measures: number;
  /** Saved briefings, spread over the two years (each a full snapshot of the dashboard then). */
  briefings: number;
  /** The last article's date (YYYY-MM-DD); the first is two years before. */
  until: string;
  seed?: number;
}

export const TEAM_TWO_YEARS: TeamOptions = {
  articles: 5_000,
  figuresPerArticle: 20,
  eventsPerArticle: 4,
  actors: 2_000,
  corrections: 2_000,
  measures: 40,
  briefings: 2,
  until: '2026-12-04',
};

const PUBLISHERS = ['Reuters', 'Associated Press', 'The New York Times', 'BBC News', 'Financial Times', 'Le Monde'];
const DAY_MS = 86_400_000;

function dayOf(until: string, daysBefore: number): string {
  return new Date(Date.parse(`${until}T00:00:00Z`) - daysBefore * DAY_MS).toISOString().slice(0, 10);
}

/** The data file of a team's two years over the shipped dataset `base` (see the file's comment). */
export function generateTeamData(base: Dataset, options: TeamOptions = TEAM_TWO_YEARS): DataFile {
  const rand = random(options.seed ?? 20261204);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const templates = base.figures;
  const placeIds = base.places.map((p) => p.id);
  const topics = base.topics.map((t) => t.id);
  const countries = base.countries.map((c) => c.id);
  const knownActors = base.actors.map((a) => a.id);
  const span = 730;
  const packs: Pack[] = [];

  for (let p = 0; p < options.articles; p++) {
    const published = dayOf(options.until, Math.round(span - (p * span) / Math.max(1, options.articles - 1)));
    const sourceId = `team-article-${p}`;
    const source: Source = {
      id: sourceId,
      publisher: pick(PUBLISHERS),
      outlet: pick(PUBLISHERS),
      title: `Generated article ${p}`,
      published,
      status: 'accepted',
    };
    const actors: Actor[] = [];
    if (p < options.actors) {
      actors.push({
        id: `team-actor-${p}`,
        name: `Generated actor ${p}`,
        kind: pick(['person', 'government', 'organisation', 'company', 'media', 'think-tank'] as const),
        country: pick(countries),
        role: 'A generated actor for the benchmark',
        topics: [pick(topics)],
        statements: [],
        status: 'accepted',
      });
    }
    const figures: Figure[] = [];
    const quotes: string[] = [];
    for (let i = 0; i < options.figuresPerArticle; i++) {
      const t = templates[(p * options.figuresPerArticle + i) % templates.length]!;
      const { lead: _lead, derived: _derived, status: _status, addedAt: _added, ...rest } = t;
      figures.push({
        ...rest,
        id: `team-${p}-figure-${i}`,
        label: `${t.label} (article ${p})`,
        sourceId,
        actorIds: i === 0 && actors[0] ? [...t.actorIds, actors[0].id] : [...t.actorIds],
        status: 'accepted',
      } as Figure);
      if (!quotes.includes(t.quote)) quotes.push(t.quote);
    }
    const events: Event[] = Array.from({ length: options.eventsPerArticle }, (_, j) => ({
      id: `team-${p}-event-${j}`,
      date: published,
      title: `Generated event ${j} of article ${p}`,
      placeIds: [pick(placeIds)],
      actorIds: [pick(knownActors)],
      topics: [pick(topics)],
      sourceIds: [sourceId],
      status: 'accepted',
    }));
    packs.push({
      format: PACK_FORMAT,
      version: PACK_VERSION,
      source,
      article: {
        text: [`Generated article ${p}`, ...quotes.map((q) => `“${q}”, the report said.`)].join('\n'),
        from: 'text',
      },
      figures,
      actors,
      events,
      places: [],
      statements: [],
      units: [],
      countries: [],
      notes: [],
    });
  }

  const at = (p: number) =>
    `${dayOf(options.until, Math.round(span - (p * span) / Math.max(1, options.articles - 1)))}T12:00:00.000Z`;
  const measures: CreatedMeasure[] = Array.from({ length: options.measures }, (_, i) => {
    const t = base.measures[i % base.measures.length]!;
    return {
      measure: { ...t, id: `team-measure-${i}`, label: `${t.label} (team ${i})` },
      at: at(Math.floor((i * options.articles) / Math.max(1, options.measures))),
      by: 'Ben',
    };
  });
  const merges: Merge[] = measures.slice(0, Math.min(10, measures.length)).map((m, i) => ({
    id: `team-merge-${i}`,
    from: m.measure.id,
    into: base.measures[i % base.measures.length]!.id,
    at: m.at,
    by: 'Ana',
  }));
  const corrections: Correction[] = Array.from({ length: options.corrections }, (_, i) => {
    const p = Math.floor((i * options.articles) / options.corrections);
    const figure = packs[p]!.figures[i % options.figuresPerArticle]!;
    return {
      id: `team-correction-${i}`,
      kind: 'figure',
      itemId: figure.id,
      at: at(p),
      by: i % 2 ? 'Ana' : 'Ben',
      changes: [{ field: 'label', from: figure.label, to: `${figure.label}, corrected` }],
    };
  });
  const edits: Edits = { corrections, measures, merges };

  // Saved briefings: the dashboard as it stood after k articles (and the edits made by then).
  const briefings: Briefing[] = [];
  for (let b = 1; b <= options.briefings; b++) {
    const upTo = Math.round((options.articles * b) / (options.briefings + 1));
    const savedAt = at(upTo);
    const editsThen: Edits = {
      corrections: corrections.filter((c) => c.at <= savedAt),
      measures: measures.filter((m) => m.at <= savedAt),
      merges: merges.filter((m) => m.at <= savedAt),
    };
    const { dataset } = mergeWithEdits(base, packs.slice(0, upTo), editsThen);
    briefings.push({
      id: `team-briefing-${b}`,
      name: `Weekly briefing ${b}`,
      savedAt,
      asOf: savedAt.slice(0, 10),
      frontline: base.sources
        .map((s) => s.published)
        .sort()
        .at(-1)!,
      filters: { countries: [], topics: [], actor: null, q: '' },
      slides: null,
      figures: dataset.figures.map(({ lead: _l, derived: _d, ...f }) => f as Figure),
      actors: dataset.actors,
      events: dataset.events,
      sources: dataset.sources,
      measures: dataset.measures,
    });
  }

  return {
    format: DATA_FORMAT,
    version: PACK_VERSION,
    exportedAt: `${options.until}T18:00:00.000Z`,
    packs,
    briefings,
    edits,
  };
}
