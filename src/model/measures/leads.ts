/**
 * Lead figures: the few numbers the dashboard opens with, chosen by the analyst. A pin names a figure (that
 * estimate, always) or a measure (its newest estimate, so a newer article moves the lead on). Until the
 * analyst pins anything the leads are the measures of the shipped lead figures, in their order: for the
 * shipped data alone, the shipped five. Pure.
 */
import { z } from '../dataset/zod';
import { Id } from '../dataset/schema';
import type { Dataset, Figure, Source } from '../dataset/schema';
import { estimateDate } from '../dataset/estimate-date';

export const LeadPinSchema = z.union([z.strictObject({ figure: Id }), z.strictObject({ measure: Id })]);
export type LeadPin = z.infer<typeof LeadPinSchema>;

/** At most this many pins: a lead row is a glance, not a list. */
export const MAX_LEADS = 9;

export const LeadPinsSchema = z.array(LeadPinSchema).check(z.maxLength(MAX_LEADS, `at most ${MAX_LEADS} lead figures`));

/** The leads before the analyst pins anything: the measures of the shipped lead figures, by their rank. */
export function defaultPins(figures: readonly Pick<Figure, 'measure' | 'lead' | 'addedAt'>[]): LeadPin[] {
  const ranked = figures
    .filter((f) => f.lead !== undefined && f.addedAt === undefined)
    .sort((a, b) => a.lead! - b.lead!);
  const measures: string[] = [];
  for (const f of ranked) if (!measures.includes(f.measure)) measures.push(f.measure);
  return measures.map((measure) => ({ measure }));
}

/** The newest estimate among some figures of one measure (by the date each is drawn at, then the newest story). */
export function newestEstimate(figures: readonly Figure[], sources: ReadonlyMap<string, Source>): Figure | undefined {
  let best: { figure: Figure; date: string; published: string } | undefined;
  for (const figure of figures) {
    const source = sources.get(figure.sourceId);
    const date = estimateDate(figure, source).date;
    const published = source?.published ?? '';
    if (!best || date > best.date || (date === best.date && published > best.published)) {
      best = { figure, date, published };
    }
  }
  return best?.figure;
}

/**
 * The lead figures for some pins among `shown` (the figures that pass the filters), in pin order, each once:
 * a figure pin gives its figure, a measure pin the newest estimate of the measure.
 */
export function leadFigures(
  pins: readonly LeadPin[],
  shown: readonly Figure[],
  sources: readonly Source[] | ReadonlyMap<string, Source>,
): Figure[] {
  const bySource = sources instanceof Map ? sources : new Map((sources as readonly Source[]).map((s) => [s.id, s]));
  const out: Figure[] = [];
  for (const pin of pins) {
    const figure =
      'figure' in pin
        ? shown.find((f) => f.id === pin.figure)
        : newestEstimate(
            shown.filter((f) => f.measure === pin.measure),
            bySource,
          );
    if (figure && !out.includes(figure)) out.push(figure);
  }
  return out;
}

/** How a figure is pinned: as itself, through its measure, or not. */
export function pinOf(pins: readonly LeadPin[], figure: Pick<Figure, 'id' | 'measure'>): 'figure' | 'measure' | null {
  if (pins.some((p) => 'figure' in p && p.figure === figure.id)) return 'figure';
  if (pins.some((p) => 'measure' in p && p.measure === figure.measure)) return 'measure';
  return null;
}

/** The pins with this one added at the end (at most MAX_LEADS: the oldest goes). */
export function withPin(pins: readonly LeadPin[], pin: LeadPin): LeadPin[] {
  const same = (p: LeadPin) =>
    ('figure' in p && 'figure' in pin && p.figure === pin.figure) ||
    ('measure' in p && 'measure' in pin && p.measure === pin.measure);
  const next = [...pins.filter((p) => !same(p)), pin];
  return next.slice(Math.max(0, next.length - MAX_LEADS));
}

/** The pins without any that would show this figure (its own pin and its measure's). */
export function withoutFigure(pins: readonly LeadPin[], figure: Pick<Figure, 'id' | 'measure'>): LeadPin[] {
  return pins.filter(
    (p) => !(('figure' in p && p.figure === figure.id) || ('measure' in p && p.measure === figure.measure)),
  );
}

/** Pins whose figure or measure the dataset no longer has (a removed article): kept, but said. */
export function missingPins(pins: readonly LeadPin[], dataset: Pick<Dataset, 'figures'>): LeadPin[] {
  return pins.filter((p) =>
    'figure' in p
      ? !dataset.figures.some((f) => f.id === p.figure)
      : !dataset.figures.some((f) => f.measure === p.measure),
  );
}
