/**
 * The extraction engine: an article in, a data pack of proposed items out. Pure and deterministic: the same
 * text, date, publisher and title give the same pack (nothing reads the clock, the DOM or storage).
 */
import { PACK_FORMAT, PACK_VERSION, type Pack } from '../model/pack/pack-schema';
import type { Actor, Country, Figure } from '../model/dataset/schema';
import { slugify } from '../model/format/ids';
import { actorsIn, countriesIn, extractEntities, topicsIn } from './entities';
import { extractFigures, type EntityFinders } from './figures';
import { sourceIdFor } from './ids';
import { isEnglish } from './language';
import { splitSentences } from './sentences';
import type { ArticleInput, ExtractContext, Progress } from './types';

function mostCommon(lists: readonly string[][]): string | undefined {
  const counts = new Map<string, number>();
  for (const list of lists) for (const id of new Set(list)) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [id, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && id < best)) {
      best = id;
      bestCount = count;
    }
  }
  return best;
}

function isUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** The first line of the text, as a title when none was given. */
function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  return line.length > 90 ? `${line.slice(0, line.lastIndexOf(' ', 90) > 0 ? line.lastIndexOf(' ', 90) : 90)}…` : line;
}

const ORG_WORDS =
  /\b(?:Ministry|Department|Government|Agency|Bureau|[Ii]ntelligence|[Dd]efen[cs]e|[Mm]ilitary|[Pp]olice|[Mm]inistry|Service|Office|Commission|Council|Committee|Institute|Institution|Centre|Center|Foundation|Fund|Bank|Group|Union|Organization|Organisation|Association|Federation|Authority|Forces?|Army|Navy|Command|Guard|Corps|Company|Corporation|Inc|Ltd|Research|Review|Media|News|Times|Post|Journal|Asia|Data|Statistics|Survey|Report|University|Kremlin|Pentagon|White House|Parliament|Congress|Senate)\b/;

/**
 * The people and bodies the figures are claimed by that the article's names did not already give: each
 * proposed as an actor, with a doubt to check its kind and country. Not the publisher, not a described group
 * ("Western officials", "the ministry"), not an actor the dashboard knows.
 */
function citedActors(
  figures: readonly Figure[],
  actors: readonly Actor[],
  ctx: ExtractContext,
  article: { publisher: string; published: string; sourceId: string },
): Actor[] {
  const out: Actor[] = [];
  const taken = new Set([...ctx.dataset.actors.map((a) => a.id), ...actors.map((a) => a.id)]);
  for (const name of [...new Set(figures.map((f) => f.claimant))]) {
    if (name === article.publisher || !/^[A-Z]/.test(name) || /^(?:The|A|An)\s+[a-z]/.test(name)) continue;
    // A described group ("Officials", "Western analysts", "Think tank") is nobody in particular.
    if (/^[A-Z][a-z]+(?:\s+[a-z][\w-]*)+$/.test(name) && !/^[A-Z][a-z]+\s+(?:of|for|and)\s+[A-Z]/.test(name)) continue;
    if (
      /^(?:[A-Z][a-z]+\s+)?(?:officials?|analysts?|experts?|sources?|diplomats?|observers|economists?|researchers?|lawmakers|authorities|residents|witnesses|data|estimates|figures)$/i.test(
        name,
      )
    )
      continue;
    if (actorsIn(name, ctx.dataset).length > 0) continue;
    const surname = name.split(' ').pop()!;
    if (actors.some((a) => a.name === name || a.name.endsWith(` ${surname}`) || name.endsWith(a.name))) continue;
    const organisation = ORG_WORDS.test(name) || /^[A-Z]{2,}$/.test(name) || name.split(' ').length === 1;
    const id = slugify(name, 50);
    if (!id || taken.has(id)) continue;
    taken.add(id);
    const claims = figures.filter((f) => f.claimant === name);
    out.push({
      id,
      name,
      kind: organisation
        ? /Ministry|Department|Government|Forces?|Army|Navy|Command|Kremlin|Pentagon|White House/.test(name)
          ? 'government'
          : 'organisation'
        : 'person',
      country: claims[0]?.countries.length === 1 ? claims[0].countries[0]! : null,
      role: `Cited by ${article.publisher} as the source of ${claims.length === 1 ? 'a figure' : `${claims.length} figures`}.`,
      topics: [...new Set(claims.flatMap((f) => f.topics))].slice(0, 3),
      statements: [],
      doubts: ['Proposed because the article cites it for a figure: check its kind, country and role.'],
      status: 'proposed',
    });
  }
  return out;
}

export function extractPack(input: ArticleInput, ctx: ExtractContext, onProgress?: Progress): Pack {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.published) || Number.isNaN(Date.parse(`${input.published}T00:00:00Z`))) {
    throw new Error(`The publication date must be a date such as 2025-02-14 (got "${input.published}").`);
  }
  const report: Progress = (fraction, stage) => onProgress?.(Math.max(0, Math.min(1, fraction)), stage);
  report(0, 'Reading the article');
  const text = input.text;
  const publisher = input.publisher.trim() || 'Unknown publisher';
  const title = input.title.trim() || firstLine(text) || 'Untitled article';
  const sourceId = sourceIdFor(publisher, input.published, title);
  const url = input.url?.trim();
  const source = {
    id: sourceId,
    publisher,
    outlet: publisher,
    title,
    published: input.published,
    ...(url && isUrl(url) ? { url } : {}),
  };
  const article = { text, from: input.from, ...(input.fileName ? { fileName: input.fileName } : {}) };
  const empty: Pack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    source,
    article,
    figures: [],
    actors: [],
    events: [],
    places: [],
    statements: [],
    units: [],
    countries: [],
    notes: [],
    extractedFor: input.published,
  };
  if (!isEnglish(text)) {
    report(1, 'Done');
    return {
      ...empty,
      notes: ['The text does not read as English; the engine reads English articles only, so nothing was proposed.'],
    };
  }

  const sentences = splitSentences(text);
  report(0.05, 'Finding figures');
  const finders: EntityFinders = {
    countriesIn: (s) => countriesIn(s, ctx.gazetteer),
    topicsIn: (s) => topicsIn(s, ctx.dataset),
    actorsIn: (s) => actorsIn(s, ctx.dataset),
  };
  const perSentenceCountries = sentences.map((s) => finders.countriesIn(s.text));
  const perSentenceTopics = sentences.map((s) => finders.topicsIn(s.text));
  const defaults = {
    country: mostCommon(perSentenceCountries) ?? mostCommon([finders.countriesIn(input.title)]),
    topic: mostCommon(perSentenceTopics) ?? mostCommon([finders.topicsIn(input.title)]) ?? ctx.dataset.topics[0]?.id,
  };
  const cache = new Map<string, { countries: string[]; topics: string[] }>();
  sentences.forEach((s, i) =>
    cache.set(s.text, { countries: perSentenceCountries[i]!, topics: perSentenceTopics[i]! }),
  );
  const cachedFinders: EntityFinders = {
    countriesIn: (s) => cache.get(s)?.countries ?? finders.countriesIn(s),
    topicsIn: (s) => cache.get(s)?.topics ?? finders.topicsIn(s),
    actorsIn: finders.actorsIn,
  };
  const every = Math.max(1, Math.floor(sentences.length / 20));
  const { figures, units, notes } = extractFigures(
    sentences,
    { ...input, publisher },
    ctx,
    sourceId,
    cachedFinders,
    defaults,
    (i) => {
      if (i % every === 0) report(0.05 + 0.65 * (i / Math.max(1, sentences.length)), 'Finding figures');
    },
  );

  report(0.7, 'Finding actors, places and events');
  const entities = extractEntities(sentences, { ...input, publisher, title }, ctx, sourceId);
  // Whoever the article cites for a figure is an actor too ("according to Oryx", "the IISS estimates").
  const cited = citedActors(figures, entities.actors, ctx, { publisher, published: input.published, sourceId });
  entities.actors.push(...cited);
  for (const f of figures) {
    const actor = cited.find((a) => a.name === f.claimant);
    if (actor && !f.actorIds.includes(actor.id)) f.actorIds = [...f.actorIds, actor.id];
  }
  if (url && !isUrl(url)) notes.push(`The address "${url}" is not a web address (http or https) and was left out.`);

  // Countries the figures name that neither the dashboard nor the entities know yet.
  const known = new Set([...ctx.dataset.countries.map((c) => c.id), ...entities.countries.map((c) => c.id)]);
  const extraCountries: Country[] = [];
  for (const code of [...new Set(figures.flatMap((f) => f.countries))].sort()) {
    if (known.has(code)) continue;
    const name = ctx.gazetteer.countries.find((c) => c.id === code)?.name ?? code;
    extraCountries.push({ id: code, name, status: 'proposed' });
    known.add(code);
  }
  if (figures.length === 0) notes.push('No figures were found: the text states no number with a unit.');

  report(1, 'Done');
  return {
    ...empty,
    figures,
    actors: entities.actors,
    events: entities.events,
    places: entities.places,
    statements: entities.statements,
    units,
    countries: [...entities.countries, ...extraCountries],
    notes: [...new Set(notes)],
  };
}
