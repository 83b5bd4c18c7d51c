/**
 * The extraction engine's inputs and outputs. The engine (`extract-pack.ts`) is pure and deterministic:
 * the same article text, date and publisher give the same pack. It knows nothing of React, the DOM or storage.
 */
import type { Dataset } from '../model/dataset/schema';
import type { Gazetteer } from './gazetteer';

export interface ArticleInput {
  /** The readable text (HTML already reduced with `readableText()`, Markdown with `markdownToText()`). */
  text: string;
  from: 'text' | 'markdown' | 'html';
  /** Publication date, YYYY-MM-DD: relative dates ("on Wednesday", "last month") are read against it. */
  published: string;
  publisher: string;
  title: string;
  url?: string;
  fileName?: string;
}

export interface ExtractContext {
  /** The dashboard's merged data: known actors (with aliases), places, countries, topics, units, figures (measures). */
  dataset: Dataset;
  gazetteer: Gazetteer;
}

/** Reports how far the extraction has got (0 to 1) and what it is doing. */
export type Progress = (fraction: number, stage: string) => void;

/** One sentence of the article, with its offsets into the article text (`text === article.slice(start, end)`). */
export interface ArticleSentence {
  text: string;
  start: number;
  end: number;
}
