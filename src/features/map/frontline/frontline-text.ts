/**
 * The words and numbers the map shows about the front line over time: the situations to step through, the
 * attribution, the comparison's legend and the "Describe map" sentences. Pure; the map shows exactly these.
 */
import { formatDate } from '../../../model/format/format';
import {
  FRONTLINE_ATTRIBUTION,
  km2ToSqMi,
  type FrontlineIndex,
  type Situation,
} from '../../../model/frontline/frontline';

/** The attribution SOURCES.md asks for, with the situation date drawn. */
export function attributionFor(date: string): string {
  return `${FRONTLINE_ATTRIBUTION}, situation ${formatDate(date)}`;
}

/** An option's text: "1 Jan 2025", "31 Jan 2025 (exact date)", "13 Feb 2025 (as of the articles)". */
export function situationOptionText(situation: Situation, articlesDate: string | null): string {
  const date = formatDate(situation.date);
  if (situation.date === articlesDate) return `${date} (as of the articles)`;
  return situation.kind === 'exact' ? `${date} (exact date)` : date;
}

/** The situation `delta` steps from `date` (−1 earlier, +1 later); null past either end or for an unknown date. */
export function stepSituation(index: FrontlineIndex, date: string, delta: number): string | null {
  const i = index.situations.findIndex((s) => s.date === date);
  if (i < 0) return null;
  return index.situations[i + delta]?.date ?? null;
}

/** The situations a date can be compared with: the earlier ones, newest first. */
export function earlierSituations(index: FrontlineIndex, date: string): Situation[] {
  return index.situations.filter((s) => s.date < date).reverse();
}

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "2,891 km² (1,116 sq mi)": comparison areas in whole units (the outlines are simplified, see NOISE_NOTE). */
export function km2AndSqMi(km2: number): string {
  return `${WHOLE.format(km2)} km² (${WHOLE.format(km2ToSqMi(km2))} sq mi)`;
}

/** "+2,757.5 km² (+1,064.7 sq mi)": a change of the full (unsimplified) areas, to the source's 0.1 km². */
function signedExact(km2: number): string {
  const sign = km2 > 0 ? '+' : km2 < 0 ? '−' : '±';
  return `${sign}${ONE_DECIMAL.format(Math.abs(km2))} km² (${sign}${ONE_DECIMAL.format(Math.abs(km2ToSqMi(km2)))} sq mi)`;
}

function signedWhole(km2: number): string {
  const sign = km2 > 0 ? '+' : km2 < 0 ? '−' : '±';
  return `${sign}${WHOLE.format(Math.abs(km2))} km² (${sign}${WHOLE.format(Math.abs(km2ToSqMi(km2)))} sq mi)`;
}

/**
 * What the legend says about simplification, in SOURCES.md's numbers (data/geo/history/SOURCES.md, "Processing"
 * and "Match with ../occupied_ua_2025-02-13.geojson"). No overall error bar is stated there, so none is given.
 */
export const NOISE_NOTE =
  'The outlines drawn are simplified (tolerance 0.0041–0.005°, at most 553 m). On 13 Feb 2025 the simplified ' +
  'outline differs from the full one by 155 km² outside and 132 km² inside it, so thin slivers of either shading ' +
  'along an unchanged stretch of front can be simplification rather than change.';

export interface ComparisonNumbers {
  takenKm2: number;
  retakenKm2: number;
}

export interface ComparisonRows {
  taken: string;
  retaken: string;
  /** Taken − retaken on the drawn outlines. */
  netDrawn: string;
  /** Later − earlier area of the full outlines (the daily series, via index.json). */
  netFull: string;
}

export function comparisonRows(diff: ComparisonNumbers, earlier: Situation, later: Situation): ComparisonRows {
  return {
    taken: km2AndSqMi(diff.takenKm2),
    retaken: km2AndSqMi(diff.retakenKm2),
    netDrawn: signedWhole(diff.takenKm2 - diff.retakenKm2),
    netFull: signedExact(Math.round((later.areaKm2 - earlier.areaKm2) * 10) / 10),
  };
}

/** The "Describe map" sentences about the front line: the date(s) drawn and, when comparing, the changes. */
export function describeFrontline(args: { shown: Situation; earlier?: Situation; diff?: ComparisonNumbers }): string[] {
  const { shown, earlier, diff } = args;
  const lines = [
    `Front line of ${formatDate(shown.date)} (DeepStateMap.live via cyterat/deepstate-map-data): occupied area ` +
      `${ONE_DECIMAL.format(shown.areaKm2)} km² (${ONE_DECIMAL.format(km2ToSqMi(shown.areaKm2))} sq mi), ` +
      'drawn as a firm line around the occupied area.',
  ];
  if (earlier && diff) {
    const rows = comparisonRows(diff, earlier, shown);
    lines.push(
      `Compared with ${formatDate(earlier.date)}: ground taken by Russia ${rows.taken}, hatched; ground retaken ` +
        `by Ukraine ${rows.retaken}, solid blue. Net change ${rows.netDrawn} on the simplified outlines drawn, ` +
        `${rows.netFull} on the full outlines.`,
    );
  } else if (earlier) {
    lines.push(`Comparison with ${formatDate(earlier.date)}: not computed yet.`);
  }
  return lines;
}
