/**
 * A comparison as rows for export, one per change (`changeRows`), and the rows as CSV (`changesToCsv`). Pure.
 */
import { formatFigureValue, sourceByline } from '../format/format';
import type { Event, Figure, Measure, Source } from '../dataset/schema';
import type { BriefingComparison } from './briefing-comparison';

export const CHANGE_COLUMNS = [
  'change',
  'kind',
  'id',
  'label',
  'field',
  'before',
  'after',
  'claimant_before',
  'claimant_after',
  'quote_before',
  'quote_after',
  'source_before',
  'source_after',
] as const;

export type ChangeRow = Record<(typeof CHANGE_COLUMNS)[number], string>;

/** The front line between the briefing's date and now, as the view computed it (null while it is not known). */
export interface FrontlineChange {
  earlier: string;
  later: string;
  takenKm2: number;
  retakenKm2: number;
  attribution: string;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Every change as rows: figures (added, removed, one row per changed field), new estimates (the earlier
 * estimates before, the new one after), actors, statements, events, sources, the front line.
 */
export function changeRows(
  c: BriefingComparison,
  sources: readonly Source[],
  frontline: FrontlineChange | null = null,
  measures: readonly Pick<Measure, 'id' | 'label'>[] = [],
): ChangeRow[] {
  const measureName = (id: string) => measures.find((m) => m.id === id)?.label ?? id;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const cite = (id: string | undefined) => {
    const s = id === undefined ? undefined : byId.get(id);
    return s ? `${sourceByline(s)}, “${s.title}”, ${s.published}` : (id ?? '');
  };
  const blank: ChangeRow = Object.fromEntries(CHANGE_COLUMNS.map((k) => [k, ''])) as ChangeRow;
  const row = (r: Partial<ChangeRow>): ChangeRow => ({ ...blank, ...r });
  const value = (f: Figure) => `${formatFigureValue(f)}${f.derived ? ' (derived)' : ''}`;
  const rows: ChangeRow[] = [];

  for (const e of c.estimates) {
    for (const f of e.added) {
      rows.push(
        row({
          change: 'new estimate',
          kind: 'figure',
          id: f.id,
          label: f.label,
          field: `measure ${measureName(e.measure)}`,
          before: e.earlier.map(value).join('; '),
          after: value(f),
          claimant_before: e.earlier.map((x) => x.claimant).join('; '),
          claimant_after: f.claimant,
          quote_before: e.earlier.map((x) => x.quote).join(' | '),
          quote_after: f.quote,
          source_before: e.earlier.map((x) => cite(x.sourceId)).join(' | '),
          source_after: cite(f.sourceId),
        }),
      );
    }
  }
  for (const f of c.figures.added) {
    rows.push(
      row({
        change: 'added',
        kind: 'figure',
        id: f.id,
        label: f.label,
        after: value(f),
        claimant_after: f.claimant,
        quote_after: f.quote,
        source_after: cite(f.sourceId),
      }),
    );
  }
  for (const f of c.figures.removed) {
    rows.push(
      row({
        change: 'removed',
        kind: 'figure',
        id: f.id,
        label: f.label,
        before: value(f),
        claimant_before: f.claimant,
        quote_before: f.quote,
        source_before: cite(f.sourceId),
      }),
    );
  }
  for (const x of c.figures.changed) {
    for (const field of x.fields) {
      rows.push(
        row({
          change: 'changed',
          kind: 'figure',
          id: x.after.id,
          label: x.after.label,
          field: field.field,
          before: cell(field.before),
          after: cell(field.after),
          claimant_before: x.before.claimant,
          claimant_after: x.after.claimant,
          quote_before: x.before.quote,
          quote_after: x.after.quote,
          source_before: cite(x.before.sourceId),
          source_after: cite(x.after.sourceId),
        }),
      );
    }
  }
  for (const a of c.actors.added) {
    rows.push(row({ change: 'added', kind: 'actor', id: a.id, label: a.name, after: a.role }));
  }
  for (const a of c.actors.removed) {
    rows.push(row({ change: 'removed', kind: 'actor', id: a.id, label: a.name, before: a.role }));
  }
  for (const x of c.actors.changed) {
    for (const field of x.fields) {
      rows.push(
        row({
          change: 'changed',
          kind: 'actor',
          id: x.after.id,
          label: x.after.name,
          field: field.field,
          before: cell(field.before),
          after: cell(field.after),
        }),
      );
    }
  }
  for (const s of c.statements) {
    rows.push(
      row({
        change: 'added',
        kind: 'statement',
        id: s.actorId,
        label: s.actorName,
        claimant_after: s.actorName,
        quote_after: s.statement.quote,
        source_after: cite(s.statement.sourceId),
      }),
    );
  }
  const eventSources = (e: Event) => e.sourceIds.map(cite).join(' | ');
  for (const e of c.events.added) {
    rows.push(
      row({
        change: 'added',
        kind: 'event',
        id: e.id,
        label: e.title,
        after: e.date,
        source_after: eventSources(e),
      }),
    );
  }
  for (const e of c.events.removed) {
    rows.push(row({ change: 'removed', kind: 'event', id: e.id, label: e.title, before: e.date }));
  }
  for (const x of c.events.changed) {
    for (const field of x.fields) {
      rows.push(
        row({
          change: 'changed',
          kind: 'event',
          id: x.after.id,
          label: x.after.title,
          field: field.field,
          before: cell(field.before),
          after: cell(field.after),
          source_before: eventSources(x.before),
          source_after: eventSources(x.after),
        }),
      );
    }
  }
  for (const s of c.sources.added) {
    rows.push(
      row({ change: 'added', kind: 'source', id: s.id, label: s.title, after: s.published, source_after: cite(s.id) }),
    );
  }
  for (const s of c.sources.removed) {
    rows.push(row({ change: 'removed', kind: 'source', id: s.id, label: s.title, before: s.published }));
  }
  if (frontline) {
    const label = `Front line ${frontline.earlier} → ${frontline.later}`;
    const common = { change: 'changed', kind: 'front line', id: `${frontline.earlier}..${frontline.later}`, label };
    rows.push(
      row({
        ...common,
        field: 'taken km²',
        before: frontline.earlier,
        after: String(Math.round(frontline.takenKm2)),
        source_after: frontline.attribution,
      }),
      row({
        ...common,
        field: 'retaken km²',
        before: frontline.earlier,
        after: String(Math.round(frontline.retakenKm2)),
        source_after: frontline.attribution,
      }),
    );
  }
  return rows;
}

function csvCell(text: string): string {
  // A cell starting with = + - @ could run as a formula in a spreadsheet: prefix it with a quote mark.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function changesToCsv(rows: readonly ChangeRow[]): string {
  const lines = [CHANGE_COLUMNS.join(','), ...rows.map((r) => CHANGE_COLUMNS.map((k) => csvCell(r[k])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
