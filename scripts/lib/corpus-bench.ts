/**
 * Scores the extraction engine against the development corpus (src/extract/fixtures/corpus/, copied from the
 * team's ../shared/corpus with its README and licences): real texts annotated by hand and exhaustively.
 *
 * - recall: annotated figures the engine proposes with the same value (or range), the same unit family and a
 *   quote overlapping the annotated one; vague amounts ("hundreds") match by quote and family, not value;
 * - precision: proposals that match an annotated figure, one each (a second proposal of one figure counts
 *   against the engine, as does a number the annotation lists as not a figure);
 * - qualifier, claimant and date: of the figures found (the claimant and the date leniently, as the corpus
 *   README asks: "European Commission" matches "European Commission (the EU's executive arm), as reported by
 *   VOA"; a period A/B matches either end; a date matches at the annotation's precision);
 * - labels: the share that read as a clause cut from the sentence (`labelProblems`).
 * Pure apart from the clock and `readCorpus`: the caller passes an `extract` function.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface AnnotatedFigure {
  quote: string;
  value?: number;
  low?: number;
  high?: number;
  /** A plain description: "billion US dollars (new aid package)", "people killed in …", "% of GDP". */
  unit: string;
  qualifier: string;
  claimant: string;
  /** YYYY, YYYY-MM, YYYY-MM-DD or A/B; null where the text gives none. */
  date: string | null;
  label: string;
  vague?: boolean;
  note?: string;
}

export interface NonFigure {
  text: string;
  why: string;
}

export interface CorpusText {
  name: string;
  title: string;
  /** The publisher as the CLI would be given it ("Voice of America", without the byline). */
  publisher: string;
  published: string;
  body: string;
  figures: AnnotatedFigure[];
  nonfigures: NonFigure[];
}

/** What the scorer needs of a proposed figure. */
export interface Proposal {
  value?: number | undefined;
  low?: number | undefined;
  high?: number | undefined;
  /** The unit family of the proposal (see `unitFamily`). */
  family: string;
  qualifier: string;
  claimant: string;
  date?: string | undefined;
  period?: string | undefined;
  label: string;
  stated: string;
  quote: string;
  /** How vague words were read ("hundreds" as 100–999), when they were. */
  reading?: string | undefined;
}

/** Reads every `NN-slug.txt` of the folder with its `.figures.json` and `.nonfigures.json`. */
export function readCorpus(folder: string): CorpusText[] {
  const out: CorpusText[] = [];
  for (const file of readdirSync(folder).sort()) {
    const m = /^(\d\d-[\w-]+)\.txt$/.exec(file);
    if (!m) continue;
    const name = m[1]!;
    const text = readFileSync(join(folder, file), 'utf8');
    const split = text.indexOf('\n\n');
    const header = Object.fromEntries(
      text
        .slice(0, split)
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    ) as Record<string, string>;
    const published = /^\d{4}-\d{2}-\d{2}/.exec(header['date'] ?? '')?.[0];
    if (!published) throw new Error(`${file}: the header's date line does not start with YYYY-MM-DD`);
    out.push({
      name,
      title: header['title'] ?? name,
      publisher: (header['publisher'] ?? 'Unknown publisher').split(/\s*[(,;]/)[0]!.trim(),
      published,
      body: text.slice(split + 2),
      figures: JSON.parse(readFileSync(join(folder, `${name}.figures.json`), 'utf8')) as AnnotatedFigure[],
      nonfigures: JSON.parse(readFileSync(join(folder, `${name}.nonfigures.json`), 'utf8')) as NonFigure[],
    });
  }
  return out;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const CURRENCY =
  /^(?:US dollars|U\.S\. dollars|dollars|euros?|pounds sterling|British pounds|yen|yuan|renminbi|roubles?|rubles?|hryvnias?|Thai baht|baht|Singapore dollars|Taiwan dollars|New Taiwan dollars|Canadian dollars|Australian dollars|Swiss francs|rupees|CFA francs|shillings)\b/i;

/**
 * The family of an annotated unit, from its plain description: money, share, share-change, duration, area,
 * length, mass, energy, power, oil-flow, volume, multiple, rank or count. A change in percentage points is a
 * share ("a fall of 2 percentage points" and "a 2 % fall" are one family).
 */
export function annotatedFamily(unit: string): string {
  const u = unit.replace(/^(?:thousand|million|billion|trillion)\s+/i, '').trim();
  if (CURRENCY.test(u)) return 'money';
  if (/^percentage points?\b/i.test(u)) return 'share';
  if (/^(?:%|percent|per cent)/i.test(u)) return 'share';
  if (/^times\b/i.test(u)) return 'multiple';
  if (/^rank\b/i.test(u)) return 'rank';
  if (/^(?:barrels (?:a|per) day|bpd)\b/i.test(u)) return 'oil-flow';
  if (/^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i.test(u)) return 'duration';
  if (/^(?:square (?:kilometres|kilometers|miles|metres|meters)|km²|sq mi|hectares|acres)\b/i.test(u)) return 'area';
  if (/^(?:kilometres|kilometers|miles|metres|meters|yards|feet|km)\b/i.test(u)) return 'length';
  if (/^(?:tonnes|tons|metric tons|kilograms|kg|pounds|lbs?)\b/i.test(u)) return 'mass';
  if (/^(?:[kMGT]Wh|kilowatt-hours|megawatt-hours|gigawatt-hours|terawatt-hours)\b/.test(u)) return 'energy';
  if (/^(?:[kMG]W|kilowatts|megawatts|gigawatts)\b/.test(u)) return 'power';
  if (/^(?:cubic metres|cubic meters|bcm|barrels|litres|liters|gallons)\b/i.test(u)) return 'volume';
  return 'count';
}

/** The scale word an annotated unit starts with ("billion US dollars" → 1e9), else 1. */
function annotatedScale(unit: string): number {
  const m = /^(thousand|million|billion|trillion)\s/i.exec(unit.trim());
  return m ? SCALE[m[1]!.toLowerCase()]! : 1;
}

/** The family of an engine unit, from its dimension in the unit vocabulary (`data/units.json`). */
export function unitFamily(dimension: string | undefined): string {
  switch (dimension) {
    case undefined:
    case 'rate':
      return 'count';
    case 'money-rate':
      return 'money';
    case 'share-change':
      return 'share';
    case 'oil-volume':
      return 'volume';
    default:
      return dimension;
  }
}

/** Equal within rounding; a fall the engine stores as negative ("fell $35" → −35) matches the number as written. */
const close = (a: number, b: number) => Math.abs(Math.abs(a) - Math.abs(b)) <= Math.max(0.051, 0.006 * Math.abs(b));

function sameNumber(p: Proposal, a: AnnotatedFigure): boolean {
  const scale = annotatedScale(a.unit);
  const either = (x: number | undefined, y: number | undefined) =>
    x !== undefined && y !== undefined && (close(x, y) || close(x, y * scale));
  if (a.value !== undefined) {
    if (p.value !== undefined) return either(p.value, a.value);
    return false;
  }
  if (p.low !== undefined && p.high !== undefined) return either(p.low, a.low) && either(p.high, a.high);
  return false;
}

/** Every [start, end) where `needle` stands in `hay`. */
function spansOf(hay: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

const overlapping = (a: [number, number][], b: [number, number][]) =>
  a.some(([s, e]) => b.some(([s2, e2]) => s < e2 && s2 < e));

/** Does the proposal state the annotated figure? */
export function matches(body: string, p: Proposal, a: AnnotatedFigure): boolean {
  if (p.family !== annotatedFamily(a.unit)) return false;
  if (!overlapping(spansOf(body, p.quote), spansOf(body, a.quote))) return false;
  // Vague amounts match by quote (the corpus reads "hundreds" as a floor of 200, the engine as 100–999).
  return a.vague || p.reading !== undefined ? true : sameNumber(p, a);
}

// ---- claimants -------------------------------------------------------------------------------------------

const ALIASES: [RegExp, string][] = [
  [/\bvoice of america\b/g, 'voa'],
  [/\bu\.?s\.?a?\.?\b/g, 'us'],
  [/\bunited states\b/g, 'us'],
  [/\bu\.?n\.?\b/g, 'un'],
  [/\bunited nations\b/g, 'un'],
  [/\beuropean union\b/g, 'eu'],
  [/\bmédecins sans frontières\b|\bdoctors without borders\b/g, 'msf'],
  [/\bthe white house\b/g, 'white house'],
  [/\bdepartment of defense\b|\bdefense department\b|\bpentagon\b/g, 'dod'],
  [/\bministry of defen[cs]e\b|\bdefen[cs]e ministry\b/g, 'defence ministry'],
  [/\bzelenskyy?\b|\bzelenskiy\b/g, 'zelensky'],
];

/** Words that name a role or a kind of body, not who it is: they alone do not make two claimants one. */
const GENERIC = new Set(
  (
    'the a an of and in for on to by with as at from its his her their our this that ' +
    'officials official spokesperson spokesman spokeswoman president vice minister ministry government ' +
    'military army department office statement fact sheet announcement announced said says told reported ' +
    'cited citing according data report survey authors author chief director executive secretary general ' +
    'national state states agency group people sources source named no press briefing interview post ' +
    'senior deputy adviser advisor security council head leader prime foreign affairs public ' +
    'lt gen mr ms dr commission committee house white us eu un voa'
  ).split(' '),
);
/** Names that are distinctive even though they are short words of GENERIC ("White House", "VOA", "EU"). */
const NAMED = ['white house', 'voa', 'eu', 'un', 'us', 'dod', 'msf', 'nato', 'unicef', 'unhcr', 'kremlin'];

function claimantWords(text: string): string[] {
  let t = ` ${text.toLowerCase().replace(/[’']s\b/g, '')} `;
  for (const [re, to] of ALIASES) t = t.replace(re, to);
  return t.match(/[a-z0-9]+(?:[-'][a-z0-9]+)*/g) ?? [];
}

const sameWord = (a: string, b: string) =>
  a === b || (a.length >= 5 && b.length >= 5 && (a.startsWith(b) || b.startsWith(a)));

/** The annotated claimant without the outlet that relays it ("X, as reported by VOA" → "X"). */
export function namedSource(annotated: string): string {
  return annotated
    .replace(/[,;]?\s*(?:as\s+)?(?:reported|cited|quoted|relayed)\s+(?:by|in)\b.*$/i, '')
    .replace(/\(\s*(?:as\s+)?(?:reported|cited|quoted)\s+(?:by|in)\b[^)]*\)/gi, '')
    .replace(/;\s*no source named.*$/i, '')
    .trim();
}

/** Is the proposed claimant the annotated one? Lenient on wording, strict on who. */
export function claimantMatches(proposed: string, annotated: string): boolean {
  const want = claimantWords(namedSource(annotated));
  const got = claimantWords(proposed);
  if (got.length === 0) return false;
  const wantText = ` ${want.join(' ')} `;
  const gotText = ` ${got.join(' ')} `;
  for (const name of NAMED) if (gotText.includes(` ${name} `) && wantText.includes(` ${name} `)) return true;
  const distinctive = got.filter((w) => !GENERIC.has(w) && w.length > 1);
  if (distinctive.some((w) => want.some((v) => sameWord(v, w)))) return true;
  // Only generic words ("Officials", "The ministry"): right when they all stand in the annotation.
  return distinctive.length === 0 && got.every((w) => want.some((v) => sameWord(v, w)));
}

// ---- dates -------------------------------------------------------------------------------------------------

/** A proposal's date or period as [start, end] partial ISO dates, or undefined when it is not one. */
export function proposedSpan(p: Pick<Proposal, 'date' | 'period'>, published: string): [string, string] | undefined {
  if (p.date) return [p.date, p.date];
  const period = p.period?.trim();
  if (!period) return undefined;
  const iso = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\/(\d{4}(?:-\d{2}(?:-\d{2})?)?))?$/.exec(period);
  if (iso) return [iso[1]!, iso[2] ?? iso[1]!];
  const since = /^since\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/i.exec(period);
  if (since) return [since[1]!, published];
  const year = /\b((?:19|20)\d\d)\b/.exec(period);
  return year ? [year[1]!, year[1]!] : undefined;
}

/** Does a partial date `got` fall on the partial date `want` at want's precision? */
const onDate = (got: string, want: string) => got.startsWith(want);

/** Is the proposed date or period the annotated one (a period A/B matches either end)? */
export function dateMatches(p: Pick<Proposal, 'date' | 'period'>, annotated: string, published: string): boolean {
  const span = proposedSpan(p, published);
  if (!span) return false;
  const [a, b = a] = annotated.split('/') as [string, string?];
  return onDate(span[0], a) || onDate(span[1], b) || onDate(span[0], b) || onDate(span[1], a);
}

// ---- labels ------------------------------------------------------------------------------------------------

const DANGLING =
  /\b(?:the|a|an|of|in|on|at|to|for|from|by|with|and|or|but|that|which|who|since|amid|than|as|into|over|under|its|their|his|her|this|these|those|is|are|was|were|be|been|has|have|had|will|would|full-scale|per|about|after|before|during|while|when|if)$/i;

/**
 * Why a label reads as a clause cut from the sentence rather than a label a briefer would keep; none = fine.
 * A crude test, the same for every label: too long, not capitalised, a dangling word at the end, brackets
 * or quotation marks left open, the stated number repeated, or a bracketed unit tacked onto a clause.
 */
export function labelProblems(label: string, stated = ''): string[] {
  const out: string[] = [];
  const l = label.trim();
  if (l.length > 60) out.push('over 60 characters');
  if (l.length < 3) out.push('empty');
  if (/^[a-z]/.test(l)) out.push('not capitalised');
  if (DANGLING.test(l.replace(/[\s,;:.)]+$/, ''))) out.push('ends in a dangling word');
  if ((l.match(/\(/g) ?? []).length !== (l.match(/\)/g) ?? []).length) out.push('a bracket left open');
  if (/["“”]/.test(l)) out.push('quotation marks');
  if (/[,;:]$/.test(l)) out.push('ends in punctuation');
  const digits = /\d[\d,.]*/.exec(stated)?.[0]?.replace(/[.,]$/, '');
  if (digits && digits.length > 1 && l.includes(digits)) out.push('repeats the number');
  if (/\S\s+\([a-z% ]+\)$/i.test(l) && l.split(/\s+/).length > 6) out.push('a unit in brackets after a clause');
  return out;
}

// ---- the run -------------------------------------------------------------------------------------------------

export interface TextScore {
  name: string;
  words: number;
  annotated: number;
  found: number;
  proposals: number;
  correct: number;
  qualifierRight: number;
  claimantRight: number;
  dated: number;
  dateRight: number;
  labelsCut: number;
  misses: string[];
  wrong: string[];
  details: string[];
}

export interface CorpusResult {
  texts: TextScore[];
  words: number;
  annotated: number;
  found: number;
  proposals: number;
  correct: number;
  recall: number;
  precision: number;
  qualifier: number;
  claimant: number;
  date: number;
  labelsCut: number;
  msPer1000Words: number;
}

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;
const describe = (p: Proposal) =>
  `${p.value ?? `${p.low}–${p.high}`} ${p.family} ${p.qualifier} «${p.stated}» [${p.label}] (${p.claimant}; ${p.date ?? p.period})`;
const describeAnnotated = (a: AnnotatedFigure) =>
  `${a.value ?? `${a.low}–${a.high}`} ${a.unit.slice(0, 40)} ${a.qualifier} «${a.quote.slice(0, 70)}»`;

/** Scores one text's proposals against its annotation. */
export function scoreText(text: CorpusText, proposals: readonly Proposal[]): TextScore {
  const score: TextScore = {
    name: text.name,
    words: wordsIn(text.body),
    annotated: text.figures.length,
    found: 0,
    proposals: proposals.length,
    correct: 0,
    qualifierRight: 0,
    claimantRight: 0,
    dated: 0,
    dateRight: 0,
    labelsCut: 0,
    misses: [],
    wrong: [],
    details: [],
  };
  const used = new Set<number>();
  text.figures.forEach((a) => {
    // Prefer a proposal whose quote is the annotated one's; any matching one otherwise.
    const k = proposals.findIndex((p, i) => !used.has(i) && matches(text.body, p, a));
    if (k < 0) {
      const near = proposals.filter((p) => overlapping(spansOf(text.body, p.quote), spansOf(text.body, a.quote)));
      score.misses.push(
        `${describeAnnotated(a)}${near.length ? `\n        near: ${near.map(describe).join('\n              ')}` : ''}`,
      );
      return;
    }
    used.add(k);
    const p = proposals[k]!;
    score.found++;
    const qualifierRight =
      p.qualifier === a.qualifier || (a.vague === true && ['about', 'at-least'].includes(p.qualifier));
    if (qualifierRight) score.qualifierRight++;
    const claimantRight = claimantMatches(p.claimant, a.claimant);
    if (claimantRight) score.claimantRight++;
    let dateRight: boolean | undefined;
    if (a.date !== null) {
      score.dated++;
      dateRight = dateMatches(p, a.date, text.published);
      if (dateRight) score.dateRight++;
    }
    const problems = labelProblems(p.label, p.stated);
    if (problems.length) score.labelsCut++;
    const flags = [
      qualifierRight ? '' : `qualifier ${p.qualifier} ≠ ${a.qualifier}`,
      claimantRight ? '' : `claimant "${p.claimant}" ≠ "${a.claimant}"`,
      dateRight === false ? `date ${p.date ?? p.period} ≠ ${a.date}` : '',
      problems.length ? `label "${p.label}": ${problems.join(', ')}` : '',
    ].filter(Boolean);
    if (flags.length) score.details.push(`«${p.stated}» ${flags.join('; ')}`);
  });
  score.correct = used.size;
  proposals.forEach((p, i) => {
    if (used.has(i)) return;
    const non = text.nonfigures.find(
      (n) =>
        overlapping(spansOf(text.body, p.quote), spansOf(text.body, n.text)) &&
        p.quote.includes(n.text.trim()) &&
        n.text.includes(p.stated.replace(/^(?:about|some|more than|nearly|at least)\s+/i, '').split(' ')[0] ?? ''),
    );
    score.wrong.push(`${describe(p)}${non ? ` — not a figure: ${non.why}` : ''}`);
  });
  return score;
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

/** Runs `extract` on every text (timed over `runs` runs after a warm-up) and scores the last run. */
export function runCorpusBench(
  texts: readonly CorpusText[],
  extract: (text: CorpusText) => Proposal[],
  runs = 3,
): CorpusResult {
  for (const text of texts) extract(text);
  const times: number[] = [];
  let last: Proposal[][] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    last = texts.map((t) => extract(t));
    times.push(performance.now() - t0);
  }
  const scores = texts.map((t, i) => scoreText(t, last[i]!));
  const sum = (f: (s: TextScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const words = sum((s) => s.words);
  const found = sum((s) => s.found);
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  return {
    texts: scores,
    words,
    annotated: sum((s) => s.annotated),
    found,
    proposals: sum((s) => s.proposals),
    correct: sum((s) => s.correct),
    recall: ratio(
      found,
      sum((s) => s.annotated),
    ),
    precision: ratio(
      sum((s) => s.correct),
      sum((s) => s.proposals),
    ),
    qualifier: ratio(
      sum((s) => s.qualifierRight),
      found,
    ),
    claimant: ratio(
      sum((s) => s.claimantRight),
      found,
    ),
    date: ratio(
      sum((s) => s.dateRight),
      sum((s) => s.dated),
    ),
    labelsCut: ratio(
      sum((s) => s.labelsCut),
      found,
    ),
    msPer1000Words: ratio(median, words) * 1000,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The report: the overall figures against the issue's targets, a line per text, then (verbose) every miss. */
export function formatCorpusBench(r: CorpusResult, verbose = false): string[] {
  const lines = [
    `development corpus: ${r.texts.length} texts, ${r.words} words, ${r.annotated} annotated figures, ${r.proposals} proposals`,
    `  recall                ${pct(r.recall)} (${r.found}/${r.annotated})   target ≥ 92 %`,
    `  precision             ${pct(r.precision)} (${r.correct}/${r.proposals})   target ≥ 90 %`,
    `  qualifier right       ${pct(r.qualifier)}   target ≥ 95 %`,
    `  claimant right        ${pct(r.claimant)}   target ≥ 85 %`,
    `  date or period right  ${pct(r.date)}   target ≥ 90 %`,
    `  labels cut from text  ${pct(r.labelsCut)}   target ≤ 5 %`,
    `  time per 1,000 words  ${r.msPer1000Words.toFixed(1)} ms (Node)   target < 300 ms`,
    '',
    '  text                                                 recall  precision  qualifier  claimant  date    labels cut',
  ];
  for (const t of r.texts) {
    lines.push(
      `  ${t.name.padEnd(52)} ${`${t.found}/${t.annotated}`.padStart(6)}  ${`${t.correct}/${t.proposals}`.padStart(9)}  ${`${t.qualifierRight}/${t.found}`.padStart(9)}  ${`${t.claimantRight}/${t.found}`.padStart(8)}  ${`${t.dateRight}/${t.dated}`.padStart(6)}  ${`${t.labelsCut}/${t.found}`.padStart(10)}`,
    );
  }
  if (verbose) {
    for (const t of r.texts) {
      if (!t.misses.length && !t.wrong.length && !t.details.length) continue;
      lines.push('', `${t.name}`);
      for (const m of t.misses) lines.push(`  missed: ${m}`);
      for (const w of t.wrong) lines.push(`  not a figure: ${w}`);
      for (const d of t.details) lines.push(`  found, but: ${d}`);
    }
  }
  return lines;
}
