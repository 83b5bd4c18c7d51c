/**
 * The figures of an article: every number a sentence states with a unit or a counted thing, as a proposed
 * Figure with its verbatim quote, stated words, qualifier, claimant, date, label, countries, topics and
 * actors — each with the doubts the engine has about it, and, where one agrees, a suggested measure.
 */
import type { Figure, UnitInfo } from '../model/dataset/schema';
import { SHORT_MONTH_NAMES } from '../model/format/calendar';
import { authorOf, ClaimantReader } from './claimant';
import { sentenceTerms, type Term } from './counted-noun';
import { dateOf, type FigureWhen } from './date-of';
import { datesIn } from './dates';
import { slugify } from '../model/format/ids';
import { labelFor } from './label';
import { suggestMeasure } from './suggest-measure';
import { isPlaceName } from './entities-places';
import { quoteSpans, type QuoteSpan } from './entities-quotes';
import { findNumbers } from './numbers';
import { quoteSpan } from './quote';
import { isFurniture } from './sentences';
import type { ArticleInput, ArticleSentence, ExtractContext } from './types';
import { unitVocabulary } from './unit-words';

/** What the figures need from the entity finders (`entities.ts`), passed in so this module stays testable. */
export interface EntityFinders {
  countriesIn: (text: string) => string[];
  topicsIn: (text: string) => string[];
  actorsIn: (text: string) => string[];
}

export interface ArticleDefaults {
  /** The article's most-named country, for figures whose sentence names none. */
  country: string | undefined;
  /** The article's best topic, for figures whose sentence names none. */
  topic: string | undefined;
}

const QUOTED = /[“”"]/;

/** The sentences of the paragraph around sentence i (same line of the article). */
function neighbours(sentences: readonly ArticleSentence[], i: number, text: string): ArticleSentence[] {
  const out: ArticleSentence[] = [];
  for (const k of [i - 1, i + 1]) {
    const other = sentences[k];
    if (!other) continue;
    const between = k < i ? text.slice(other.end, sentences[i]!.start) : text.slice(sentences[i]!.end, other.start);
    if (!between.includes('\n')) out.push(other);
  }
  return out;
}

/**
 * The sentences around a figure said inside a quotation: those the quotation runs over, and one either side,
 * nearest first ("“…I got a bill of $1,200.”" two sentences after "…,” said Rockhold").
 */
function quotedNeighbours(
  sentences: readonly ArticleSentence[],
  i: number,
  at: number,
  text: string,
  spans: readonly QuoteSpan[],
): ArticleSentence[] {
  const span = spans.find((q) => q.outerStart <= at && at < q.outerEnd);
  if (!span) return QUOTED.test(sentences[i]!.text) ? neighbours(sentences, i, text) : [];
  const out: ArticleSentence[] = [];
  for (let k = i - 1; k >= 0 && sentences[k]!.end > span.outerStart - 1; k--) out.push(sentences[k]!);
  const first = out.length ? sentences.indexOf(out[out.length - 1]!) : i;
  const after = sentences[i + 1];
  if (after && !text.slice(sentences[i]!.end, after.start).includes('\n')) out.unshift(after);
  const before = sentences[first - 1];
  if (before && !text.slice(before.end, sentences[first]!.start).includes('\n')) out.push(before);
  for (let k = i + 2; k < sentences.length && sentences[k]!.start < span.outerEnd; k++) out.push(sentences[k]!);
  return out;
}

/** A sentence in the past tense with no present: a figure in it may be dated by the sentence before. */
const PAST = /\b(?:was|were|had|did)\b|\b[a-z]+ed\b/;
const PRESENT = /\b(?:is|are|has|have|will|now|currently|current|today)\b/i;

/** A sentence that says when a survey or study was done, and one that reports what it found. */
const SURVEY_DONE =
  /\b(?:survey|poll|study|census|questionnaire|interviews)\b.*\b(?:conducted|carried out|fielded|taken|done|held|ran)\b|\b(?:conducted|carried out|fielded|ran)\b.*\b(?:survey|poll|study|census)\b/i;
const SURVEY_FINDING =
  /\b(?:respondents|participants|surveyed|those polled|the survey|the poll|the study|we (?:found|estimated|estimate)|our (?:findings|survey|study))\b/i;

/** A rough test of whether the article is about Russia's war on Ukraine ("since the invasion" counts from 2022). */
const UKRAINE = /\b(?:Ukrain|Russia|Kyiv|Kremlin|Moscow|Donbas|Zelensk|Putin)/;

/** A period in a label's words: "in 2024", "since Feb 2022", "2010–2018". Empty for a date near the article. */
function scopeWords(when: FigureWhen, published: string): string | undefined {
  const p = when.period;
  if (!p) return undefined;
  const year = published.slice(0, 4);
  if (/^\d{4}$/.test(p)) return p === year ? undefined : `in ${p}`;
  const [a, b] = p.split('/') as [string, string | undefined];
  if (!b) return undefined;
  const month = (d: string) =>
    d.length >= 7 ? `${SHORT_MONTH_NAMES[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}` : d.slice(0, 4);
  if (b === published)
    return a.slice(0, 4) === year && a.slice(5, 10) === '01-01' ? `so far in ${year}` : `since ${month(a)}`;
  if (/^\d{4}$/.test(a) && /^\d{4}$/.test(b)) return `${a}–${b}`;
  return undefined;
}

export function extractFigures(
  sentences: readonly ArticleSentence[],
  input: ArticleInput,
  ctx: ExtractContext,
  sourceId: string,
  finders: EntityFinders,
  defaults: ArticleDefaults,
  onSentence?: (done: number) => void,
): { figures: Figure[]; units: UnitInfo[]; notes: string[] } {
  const vocab = unitVocabulary(ctx.dataset.units);
  // Only a measure of the registry can be suggested: a figure linked to none is no measure to join.
  const registered = new Set((ctx.dataset.measures ?? []).map((m) => m.id));
  const tracked = ctx.dataset.measures
    ? ctx.dataset.figures.filter((f) => registered.has(f.measure))
    : ctx.dataset.figures;
  const figures: Figure[] = [];
  const units = new Map<string, UnitInfo>();
  const notes: string[] = [];
  const usedIds = new Set(ctx.dataset.figures.map((f) => f.id));
  /** Figures stated in the headline (the article's first line without a full stop), by figure index. */
  const headline = new Set<number>();
  const firstLineEnd = input.text.indexOf('\n');
  const isHeadline = (sentence: ArticleSentence) =>
    sentence.start < (firstLineEnd < 0 ? input.text.length : firstLineEnd) && !/[.!?”"]$/.test(sentence.text);
  const ukraine = UKRAINE.test(input.text);
  const author = authorOf(input.title, input.text);
  const countryNames = new Set(ctx.gazetteer.countries.flatMap((c) => [c.name, ...c.names]));
  const factSheet = /^\s*fact\s*sheet\b/i.test(input.title);
  const reader = new ClaimantReader(
    author ?? input.publisher,
    (name) => !countryNames.has(name) && isPlaceName(name, ctx.gazetteer),
    author !== undefined || factSheet,
  );
  const spans = quoteSpans(input.text);
  let unplaced = 0;
  let carried: { when: FigureWhen; line: number } | undefined;
  let survey: FigureWhen | undefined;
  sentences.forEach((sentence, i) => {
    onSentence?.(i);
    const s = sentence.text;
    const lineStart = input.text.lastIndexOf('\n', sentence.start) + 1;
    const lineEnd = input.text.indexOf('\n', sentence.start);
    const line = input.text.slice(lineStart, lineEnd < 0 ? input.text.length : lineEnd);
    reader.see(s);
    if (isFurniture(line)) return;
    const found = findNumbers(s, vocab);
    notes.push(...found.notes);
    const dates =
      found.mentions.length || /\d|year|month|week|day|since/i.test(s) ? datesIn(s, input.published, ukraine) : [];
    // The date of what the sentence reports, for the past-tense sentences after it in the same paragraph.
    // A date the sentence reports (not a span), carried to past-tense sentences after it in the same paragraph.
    const ownEvent = dates.findLast(
      (d) => d.kind !== 'statement' && d.kind !== 'base' && !d.ahead && !(d.period ?? '').includes('/'),
    );
    let terms: readonly Term[] | undefined;
    const termsOf = () => (terms ??= sentenceTerms(s));
    const past = () =>
      PAST.test(s) &&
      !PRESENT.test(s) &&
      !termsOf().some(
        (t) => t.tags.has('Verb') && t.tags.has('PresentTense') && !t.tags.has('Gerund') && !t.tags.has('Infinitive'),
      );
    const carry = found.mentions.length && carried && carried.line === lineStart && past() ? carried.when : undefined;
    if (ownEvent) {
      const { start: _s, end: _e, kind: _k, ahead: _a, ...when } = ownEvent;
      carried = { when, line: lineStart };
      // "In May 2024, we conducted a survey of 2,504 adults": the date its findings are of.
      if (SURVEY_DONE.test(s)) survey = when;
    }
    if (found.mentions.length === 0) return;
    const sentenceCountries = finders.countriesIn(s);
    const topics = finders.topicsIn(s);
    const actorIds = finders.actorsIn(s);
    /** The label of the level before, for the level after it ("from $5 to $12": one thing, two levels). */
    let levelBefore: string | undefined;
    for (const m of found.mentions) {
      const [qs, qe] = quoteSpan(s, m.start, m.end);
      const quote = s.slice(qs, qe);
      const stated = s.slice(m.start, m.end);
      const quoted = quotedNeighbours(sentences, i, sentence.start + m.start, input.text, spans).map((n) => n.text);
      const previous = sentences[i - 1];
      const sameParagraph =
        previous && !input.text.slice(previous.end, sentence.start).includes('\n') ? previous.text : undefined;
      const claimant = reader.claimant(s, m.start, m.end, quoted, sameParagraph);
      // The claimant's nationality is not the figure's subject ("British defence intelligence said …").
      const claimantAt = claimant.length > 3 ? s.indexOf(claimant) : -1;
      const countries =
        claimantAt >= 0
          ? finders.countriesIn(
              s.slice(0, claimantAt) + ' '.repeat(claimant.length) + s.slice(claimantAt + claimant.length),
            )
          : sentenceCountries;
      const findings = survey && dates.length === 0 && SURVEY_FINDING.test(s) ? survey : undefined;
      const when = dateOf(dates, m.start, m.end, input.published, found.mentions, carry ?? findings, s);
      if (m.proposedUnit && !units.has(m.proposedUnit.id)) units.set(m.proposedUnit.id, m.proposedUnit);
      const unit = vocab.info.get(m.unit) ?? m.proposedUnit;
      const own = labelFor({
        s,
        start: m.start,
        end: m.end,
        numberAt: m.at,
        unitWords: m.unitWords,
        unit,
        change: m.change,
        terms: termsOf(),
        scope: scopeWords(when, input.published),
        others: found.mentions.filter((o) => o !== m),
      });
      // "doubling the 25% tariff … to 50%": the level reached is of the same thing as the number before it
      const before = found.mentions[found.mentions.indexOf(m) - 1];
      const reached =
        before &&
        before.unit === m.unit &&
        /\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$/i.test(
          s.slice(Math.max(0, m.start - 20), m.start),
        );
      const label = (m.linked?.startsWith('the level after') || reached) && levelBefore ? levelBefore : own;
      // A length of time with nothing it is the length of ("for nearly three years, …") says nothing to chart.
      if (
        unit?.dimension === 'duration' &&
        new RegExp(`^(?:${unit.label}|${unit.axis ?? unit.label})$`, 'i').test(
          label.replace(/\s+(?:in|since)\s.*$/, ''),
        )
      ) {
        notes.push(`"${stated}" is a length of time with nothing said to last it; not proposed.`);
        continue;
      }
      // The level before a change, or the change itself, names what the level after it is of.
      if (m.linked?.startsWith('the level before') || m.change || !m.linked) {
        const thing = own
          .replace(/\s+(?:in|since|so far in)\s+\S+(?:\s+\d{4})?$|\s+\d{4}–\d{4}$/, '')
          .replace(/^(?:Rise|Fall) in\s+/, '');
        levelBefore = thing.charAt(0).toUpperCase() + thing.slice(1);
      }
      const noteParts: string[] = [];
      const doubts: string[] = [];
      // The country that acts ("… land had been seized by Russia") comes first, its colour in the charts,
      // though the sentence names Ukraine first.
      const agents = [...s.matchAll(/\bby\s+((?:the\s+)?[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)/g)].map((a) => a[1]!);
      const acting = finders.countriesIn(agents.join(', ')).filter((c) => countries.includes(c));
      let figureCountries = [...new Set([...acting, ...countries])];
      if (figureCountries.length === 0 && defaults.country) {
        figureCountries = [defaults.country];
        noteParts.push(`The sentence names no country; ${defaults.country} is the article's most-named country.`);
      }
      let figureTopics = topics;
      if (figureTopics.length === 0 && defaults.topic) {
        figureTopics = [defaults.topic];
        noteParts.push(`The sentence names no topic; "${defaults.topic}" is the article's best topic.`);
      }
      if (figureCountries.length === 0 || figureTopics.length === 0) {
        unplaced++;
        continue;
      }
      if (m.change) noteParts.push(`A change (${m.change === 'fall' ? 'a fall' : 'a rise'}), not a level.`);
      if (m.linked) noteParts.push(`Read with the number beside it: ${m.linked}.`);
      if (m.proposedUnit) doubts.push(`A new unit, "${m.proposedUnit.label}": it comes in with the figure.`);
      if (m.vague) doubts.push('Stated in words, not as a number.');
      if (claimant === input.publisher) doubts.push('Nobody is named as the source: the claimant is the publisher.');
      if (isHeadline(sentence)) doubts.push('Stated in the headline.');
      if (m.linked || m.change) doubts.push('A change or one of two linked numbers: check which is which.');
      const id = uniqueId(`${sourceId}-${slugify(label, 32) || 'figure'}`, usedIds);
      if (isHeadline(sentence)) headline.add(figures.length);
      const figure: Figure = {
        id,
        label,
        // A measure of its own: it joins a measure already tracked only when the analyst links it.
        measure: id,
        ...(m.value === undefined ? { low: m.low, high: m.high } : { value: m.value }),
        unit: m.unit,
        qualifier: m.qualifier,
        stated,
        ...(m.reading ? { reading: m.reading } : {}),
        ...(when.date ? { date: when.date } : {}),
        ...(when.period ? { period: when.period } : {}),
        ...(when.dateNote ? { dateNote: when.dateNote } : {}),
        countries: figureCountries,
        topics: figureTopics,
        actorIds,
        claimant,
        sourceId,
        quote,
        ...(noteParts.length ? { note: noteParts.join(' ') } : {}),
        ...(doubts.length ? { doubts } : {}),
        status: 'proposed',
      };
      const suggestion = suggestMeasure(figure, tracked);
      if (suggestion) figure.measureSuggestion = suggestion;
      figures.push(figure);
    }
  });
  // A headline restates the story's figures: its figure goes when the body states the same number and unit.
  const same = (a: Figure, b: Figure) =>
    a.unit === b.unit && a.value === b.value && a.low === b.low && a.high === b.high;
  const restated = [...headline].filter((i) => figures.some((f, k) => !headline.has(k) && same(f, figures[i]!)));
  if (restated.length > 0) {
    const drop = new Set(restated.map((i) => figures[i]!));
    notes.push(
      `The headline restates ${restated.map((i) => `"${figures[i]!.stated}"`).join(', ')}; the figure is proposed from the story's text.`,
    );
    figures.splice(0, figures.length, ...figures.filter((f) => !drop.has(f)));
  }
  if (unplaced > 0) {
    notes.push(
      `${unplaced} number${unplaced === 1 ? ' was' : 's were'} found but not proposed: the article names no country or topic to file ${unplaced === 1 ? 'it' : 'them'} under.`,
    );
  }
  const used = new Set(figures.map((f) => f.unit));
  return { figures, units: [...units.values()].filter((u) => used.has(u.id)), notes };
}

function uniqueId(base: string, used: Set<string>): string {
  let n = 1;
  while (used.has(`${base}-${n}`)) n++;
  const id = `${base}-${n}`;
  used.add(id);
  return id;
}
