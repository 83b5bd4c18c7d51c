/**
 * The one rule for "this quote is verbatim in its article", used wherever a quote is checked: the review of an
 * article, a pack brought in (in the app and by `npm run import`) and `npm run verify:sources`.
 *
 * Only typography may differ between a quote and its article (see DESIGN.md, "Truth rules"): curly or straight
 * quotes and apostrophes, an en or em dash or a hyphen (publishers set them differently, and copying text
 * often swaps them), and runs of white space (a line break or a non-breaking space where the quote has a
 * space). Every word, digit and other mark must be the same.
 */

/** Single quotes, apostrophes, primes and the backtick: all made "'". */
const SINGLE_QUOTES = /[‘’‚‛′`]/g;
/** Double quotes and the double prime: all made '"'. */
const DOUBLE_QUOTES = /[“”„‟″]/g;
/** Hyphens, figure dash, en and em dashes, horizontal bar and minus sign: all made "-". */
const DASHES = /[‐‑‒–—―−]/g;

/**
 * The text with its typography made plain: quotes and apostrophes straight, dashes as hyphens, white space
 * (non-breaking spaces and line breaks included) collapsed to single spaces and trimmed.
 */
export function normaliseQuote(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

/** The last article normalised: a review checks many quotes against the same article, render after render. */
let lastArticle: { text: string; normalised: string } | null = null;

function normalisedArticle(text: string): string {
  if (lastArticle?.text !== text) lastArticle = { text, normalised: normaliseQuote(text) };
  return lastArticle.normalised;
}

/** Whether `quote` stands word for word in `articleText`, typography aside (see `normaliseQuote`). */
export function quoteIsVerbatim(quote: string, articleText: string): boolean {
  return normalisedArticle(articleText).includes(normaliseQuote(quote));
}
