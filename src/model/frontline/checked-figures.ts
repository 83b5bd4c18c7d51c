/**
 * Which figures data/checks.json checks against the front-line geometry: ids only, so that a card or a slide
 * knows to ask for its check without loading the checks' code (model/checks.ts validates and evaluates them).
 */
import checksJson from '@data/checks.json';

export const CHECKED_FIGURES: ReadonlySet<string> = new Set(checksJson.checks.map((c) => c.figureId));
