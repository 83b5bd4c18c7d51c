/**
 * The figures as a table for CSV and JSON: value, qualifier, unit, claimant, quote and the story they
 * come from. Pure.
 */
import type { Dataset, Figure } from './schema';

export const EXPORT_COLUMNS = [
  'id',
  'label',
  'value',
  'low',
  'high',
  'unit',
  'qualifier',
  'stated',
  'reading',
  'date',
  'period',
  'claimant',
  'quote',
  'publisher',
  'outlet',
  'headline',
  'published',
  'countries',
  'topics',
  'derived',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

export function figureRows(dataset: Pick<Dataset, 'sources'>, figures: readonly Figure[]): ExportRow[] {
  return figures.map((f) => {
    const source = dataset.sources.find((s) => s.id === f.sourceId);
    return {
      id: f.id,
      label: f.label,
      value: f.value ?? null,
      low: f.low ?? null,
      high: f.high ?? null,
      unit: f.unit,
      qualifier: f.qualifier,
      stated: f.stated,
      reading: f.reading ?? null,
      date: f.date ?? null,
      period: f.period ?? null,
      claimant: f.claimant,
      quote: f.quote,
      publisher: source?.publisher ?? null,
      outlet: source?.outlet ?? null,
      headline: source?.title ?? null,
      published: source?.published ?? null,
      countries: f.countries.join(' '),
      topics: f.topics.join(' '),
      derived: f.derived ? f.derived.formula : null,
    };
  });
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A cell starting with = + - @ could run as a formula in a spreadsheet: prefix it with a quote mark.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(','), ...rows.map((r) => EXPORT_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A minimal CSV reader for the tests and for checking exports: quoted cells, doubled quotes, CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
