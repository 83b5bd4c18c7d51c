/**
 * The figures of an article: every number a sentence states with a unit, as a proposed Figure with its
 * verbatim quote, stated words, qualifier, claimant, date, label, measure, countries, topics and actors.
 */
import type { Figure } from '../model/schema';
import { claimantOf, claimantsOf } from './claimant';
import { dateOf, datesIn } from './dates';
import { slugify } from './ids';
import { labelFor, measureFor } from './label';
import { findNumbers } from './numbers';
import { quoteSpan } from './quote';
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

export function extractFigures(
  sentences: readonly ArticleSentence[],
  input: ArticleInput,
  ctx: ExtractContext,
  sourceId: string,
  finders: EntityFinders,
  defaults: ArticleDefaults,
  onSentence?: (done: number) => void,
): { figures: Figure[]; notes: string[] } {
  const vocab = unitVocabulary(ctx.dataset.units);
  const figures: Figure[] = [];
  const notes: string[] = [];
  const usedIds = new Set(ctx.dataset.figures.map((f) => f.id));
  /** Figures stated in the headline (the article's first line without a full stop), by figure index. */
  const headline = new Set<number>();
  const firstLineEnd = input.text.indexOf('\n');
  const isHeadline = (sentence: ArticleSentence) =>
    sentence.start < (firstLineEnd < 0 ? input.text.length : firstLineEnd) && !/[.!?”"]$/.test(sentence.text);
  let unplaced = 0;
  sentences.forEach((sentence, i) => {
    onSentence?.(i);
    const s = sentence.text;
    const found = findNumbers(s, vocab);
    notes.push(...found.notes);
    if (found.mentions.length === 0) return;
    const dates = datesIn(s, input.published);
    const countries = finders.countriesIn(s);
    const topics = finders.topicsIn(s);
    const actorIds = finders.actorsIn(s);
    const claimantIn = claimantsOf(s);
    for (const m of found.mentions) {
      const [qs, qe] = quoteSpan(s, m.start, m.end);
      const quote = s.slice(qs, qe);
      const stated = s.slice(m.start, m.end);
      let claimant = claimantIn(m.start, m.end, '');
      if (!claimant && QUOTED.test(s)) {
        for (const other of neighbours(sentences, i, input.text)) {
          claimant = claimantOf(other.text, 0, 0, '');
          if (claimant) break;
        }
      }
      if (!claimant) claimant = input.publisher;
      const when = dateOf(dates, m.start, m.end, input.published, found.mentions);
      const unit = vocab.info.get(m.unit);
      const label = labelFor(s, [qs, qe], [m.start, m.end], m.unitWords, unit);
      const measure = measureFor(label, m.unit, ctx.dataset.figures);
      const noteParts: string[] = [];
      let figureCountries = countries;
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
      const base = `${sourceId}-${slugify(label, 32) || 'figure'}`;
      let n = 1;
      while (usedIds.has(`${base}-${n}`)) n++;
      const id = `${base}-${n}`;
      usedIds.add(id);
      if (isHeadline(sentence)) headline.add(figures.length);
      figures.push({
        id,
        label,
        measure,
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
        status: 'proposed',
      });
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
  return { figures, notes };
}
