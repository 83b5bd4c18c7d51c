/**
 * Checks the dataset against the article texts: every quote (figures and statements) stands verbatim
 * in its own story, and every figure's number is stated by its quote. A story is either cut from a seed
 * file (the two shipped articles) or is a whole file of data/articles/ (an article brought in with
 * `npm run import`). Pure: the caller reads files.
 */
import { normaliseQuote, quoteIsVerbatim } from '../../src/model/pack/verbatim';
import { unstatedNumbers } from './stated-numbers';

export interface VerifySource {
  id: string;
  seedFile?: string;
  seedStart?: string;
  articleFile?: string;
}
export interface VerifyFigure {
  id: string;
  value?: number;
  low?: number;
  high?: number;
  stated: string;
  quote: string;
  sourceId: string;
  derived?: { formula: string; from: string[] };
}
export interface VerifyActor {
  id: string;
  statements: { quote: string; sourceId: string }[];
}
export interface VerifyInput {
  sources: VerifySource[];
  figures: VerifyFigure[];
  actors: VerifyActor[];
  /** Seed file name → its text. */
  seeds: Record<string, string>;
  /** File name in data/articles/ → its text. */
  articles?: Record<string, string>;
}

/**
 * The normalised text of each story. A source with `articleFile` is that whole file of data/articles/;
 * a source with `seedFile` is cut from its seed file: a story runs from its `seedStart` line to the next
 * story's start in the same file. Returns an error per story not found.
 */
export function storyTexts(
  sources: VerifySource[],
  seeds: Record<string, string>,
  articles: Record<string, string> = {},
): {
  texts: Map<string, string>;
  errors: string[];
} {
  const texts = new Map<string, string>();
  const errors: string[] = [];
  const byFile = new Map<string, { id: string; at: number }[]>();
  for (const source of sources) {
    if (source.articleFile !== undefined) {
      const article = articles[source.articleFile];
      if (article === undefined) errors.push(`sources ${source.id}: article file "${source.articleFile}" not found`);
      else texts.set(source.id, normaliseQuote(article));
      continue;
    }
    if (source.seedFile === undefined || source.seedStart === undefined) {
      errors.push(`sources ${source.id}: neither "articleFile" nor "seedFile" and "seedStart": no text to check`);
      continue;
    }
    const seed = seeds[source.seedFile];
    if (seed === undefined) {
      errors.push(`sources ${source.id}: seed file "${source.seedFile}" not found`);
      continue;
    }
    const at = normaliseQuote(seed).indexOf(normaliseQuote(source.seedStart));
    if (at < 0) {
      errors.push(`sources ${source.id}: the story start "${source.seedStart}" is not in ${source.seedFile}`);
      continue;
    }
    byFile.set(source.seedFile, [...(byFile.get(source.seedFile) ?? []), { id: source.id, at }]);
  }
  for (const [file, starts] of byFile) {
    const text = normaliseQuote(seeds[file] ?? '');
    const sorted = [...starts].sort((a, b) => a.at - b.at);
    sorted.forEach((story, i) => {
      const end = sorted[i + 1]?.at ?? text.length;
      texts.set(story.id, text.slice(story.at, end));
    });
  }
  return { texts, errors };
}

/**
 * The seed stories are kept in data/articles/ (one file per story, cut from the two seed files). When the
 * seed files are at hand, each kept story must be its seed file's story, word for word (typography aside).
 */
export function seedCopyErrors(
  sources: VerifySource[],
  seeds: Record<string, string>,
  articles: Record<string, string> = {},
): string[] {
  const fromSeeds = sources
    .filter((s) => s.articleFile !== undefined && s.seedFile !== undefined && seeds[s.seedFile] !== undefined)
    .map(({ articleFile: _file, ...rest }) => rest);
  const { texts, errors } = storyTexts(fromSeeds, seeds);
  for (const source of fromSeeds) {
    const cut = texts.get(source.id);
    const file = sources.find((s) => s.id === source.id)!.articleFile!;
    const kept = articles[file];
    if (cut === undefined) continue;
    if (kept === undefined) errors.push(`sources ${source.id}: article file "${file}" not found`);
    else if (normaliseQuote(kept).trim() !== cut.trim()) {
      errors.push(`sources ${source.id}: data/articles/${file} differs from its story in ${source.seedFile}`);
    }
  }
  return errors;
}

/** Every failure, one line each; an empty list means the dataset verifies. */
export function verifySources(input: VerifyInput): string[] {
  const { texts, errors } = storyTexts(input.sources, input.seeds, input.articles);
  errors.push(...seedCopyErrors(input.sources, input.seeds, input.articles));
  const checkQuote = (where: string, quote: string, sourceId: string) => {
    const story = texts.get(sourceId);
    if (story === undefined) {
      errors.push(`${where}: source "${sourceId}" has no story text`);
    } else if (!quoteIsVerbatim(quote, story)) {
      const elsewhere = [...texts].find(([, text]) => quoteIsVerbatim(quote, text))?.[0];
      errors.push(
        `${where}: quote not found verbatim in ${sourceId}` +
          (elsewhere ? ` (it is in ${elsewhere})` : '') +
          `: "${quote}"`,
      );
    }
  };

  input.figures.forEach((figure, i) => {
    const where = `figures.json[${i}] ${figure.id}`;
    checkQuote(where, figure.quote, figure.sourceId);
    if (!quoteIsVerbatim(figure.stated, figure.quote)) {
      errors.push(`${where}: stated words "${figure.stated}" are not in its quote`);
    }
    if (figure.derived === undefined) {
      const missing = unstatedNumbers(figure, figure.stated);
      if (missing.length > 0) {
        errors.push(`${where}: ${missing.join(', ')} is not stated by "${figure.stated}"`);
      }
    }
  });
  input.actors.forEach((actor, i) =>
    actor.statements.forEach((statement, k) =>
      checkQuote(`actors.json[${i}] ${actor.id} statements[${k}]`, statement.quote, statement.sourceId),
    ),
  );
  return errors;
}
