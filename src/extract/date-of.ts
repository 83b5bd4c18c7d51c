/**
 * The date of a figure, picked from the dates of its sentence (`dates.ts`): its own, the sentence's frame,
 * when it was said, the date carried from the sentence before, or the publication date. Pure.
 */
import type { FigureDate } from './dates';

export interface FigureWhen {
  date?: string;
  period?: string;
  dateNote?: string;
}

/** The period's end to use for the level after a change, its start for the level before. */
function endOf(d: FigureDate, which: 'start' | 'end', published: string): FigureWhen {
  const value = d.date ?? d.period!;
  if (!value.includes('/')) return withoutPlace(d);
  const [a, b] = value.split('/') as [string, string];
  const one = which === 'start' ? a : b;
  const full = /^\d{4}-\d{2}-\d{2}$/.test(one);
  return {
    ...(full ? { date: one } : { period: one }),
    dateNote: `${which === 'start' ? 'the start' : 'the end'} of ${value === `${a}/${published}` ? `the period to the article (${value})` : value}`,
  };
}

function withoutPlace(d: FigureDate): FigureWhen {
  const out: FigureWhen = {};
  if (d.date) out.date = d.date;
  if (d.period) out.period = d.period;
  const notes = [d.dateNote, d.ahead ? 'a target or forecast, after the article' : undefined].filter(Boolean);
  if (notes.length) out.dateNote = notes.join('; ');
  return out;
}

/**
 * The date of a figure whose stated words stand at [a, b): the nearest date of what happened that is not
 * another figure's own ("25 sellers — out of 300 last year": "last year" is the 300's), else the sentence's
 * frame ("In 2024, …"), else when it was said ("said Thursday"), else the date carried from the sentence
 * before (`carried`), else the publication date. The level before a change takes the start of a period, the
 * level after its end.
 */
export function dateOf(
  dates: readonly FigureDate[],
  a: number,
  b: number,
  published: string,
  figures: readonly { start: number; end: number; linked?: string }[] = [],
  carried?: FigureWhen,
  s = '',
): FigureWhen {
  const self = { start: a, end: b };
  // Date words that are part of a figure ("for a year", "three years") date nothing.
  const outside = dates.filter(
    (d) => (d.end <= a || d.start >= b) && !figures.some((f) => d.start >= f.start && d.start < f.end),
  );
  const distance = (d: FigureDate, f: { start: number; end: number }) =>
    d.end <= f.start ? f.start - d.end : d.start - f.end;
  const others = figures.filter((f) => !(f.start === a && f.end === b));
  /** A date right after a figure is its own ("out of 300 last year", "$33 million as of March 9"). */
  const ownedBy = (d: FigureDate, f: { start: number; end: number }) =>
    d.start >= f.end &&
    /^\s*(?:(?:in|on|at|by|as of|last|this|since|for|during|a|an)\s*)?$/i.test(s.slice(f.end, d.start));
  const own = figures.find((f) => f.start === a && f.end === b);
  const pick = (d: FigureDate): FigureWhen => {
    if ((d.period ?? '').includes('/') && own?.linked?.startsWith('the level before'))
      return endOf(d, 'start', published);
    if ((d.period ?? '').includes('/') && own?.linked?.startsWith('the level after')) return endOf(d, 'end', published);
    return withoutPlace(d);
  };
  const nearest = (list: FigureDate[]) => [...list].sort((x, y) => distance(x, self) - distance(y, self))[0];
  // A target or forecast dates the figure it stands by ("5% of GDP by 2035"), not a state described further off
  // ("a meeting next month … of the more than 50 countries").
  const farAhead = (d: FigureDate) => d.ahead === true && distance(d, self) > (d.start >= b ? 80 : 30);
  const events = outside.filter((d) => d.kind === 'event' && !farAhead(d));
  const mine = events.filter((d) => ownedBy(d, self));
  if (mine.length) return pick(nearest(mine)!);
  const free = events.filter((d) => !others.some((f) => ownedBy(d, f)));
  if (free.length) return pick(nearest(free)!);
  const intro = outside.find((d) => d.kind === 'intro');
  if (intro) return pick(intro);
  if (carried && dates.length === 0) return carried;
  // Another figure's date, when nothing sets this one apart from it ("nine of Sudan's 18 states last year").
  const apart = (d: FigureDate) => /[—–()]|\s-\s/.test(s.slice(Math.min(b, d.end), Math.max(a, d.start)));
  const shared = events.filter((d) => !apart(d));
  if (shared.length) return pick(nearest(shared)!);
  const said = outside.find((d) => d.kind === 'statement');
  if (said) return withoutPlace(said);
  return { date: published };
}
