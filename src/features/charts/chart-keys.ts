import type { KeyboardEvent } from 'react';

/** How far each arrow key moves the chart's focus: back on ↑ and ←, on with ↓ and →. */
const STEP: Record<string, number> = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 };

export interface ChartKeys {
  /** How many marks or bars the chart steps through. */
  count: number;
  /** The one in focus, if any. */
  current: number | null;
  /** Whether the readout (quote and claimant) is showing. */
  readoutShown: boolean;
  /** Enter: opens the one in focus (the first when none is). */
  open: (index: number) => void;
  /** An arrow, Home or End: puts the focus on this one and shows its readout. */
  show: (index: number) => void;
  /** Escape while the readout shows: hides it. */
  hide: () => void;
}

/**
 * A chart's keys, one Tab stop for the whole chart: arrows step through its bars or marks, Home and End jump
 * to the first and the last, Enter opens the one in focus, Escape closes the readout first (a second Escape
 * goes on to the page: the deck leaves full screen). The keys the chart takes do not also scroll the page or
 * change the slide.
 */
export function onChartKey(event: KeyboardEvent<HTMLElement>, keys: ChartKeys): void {
  const { count, current } = keys;
  if (count === 0) return;
  let next: number;
  if (event.key in STEP) next = Math.min(count - 1, Math.max(0, (current ?? -1) + STEP[event.key]!));
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = count - 1;
  else if (event.key === 'Enter') {
    event.preventDefault();
    event.stopPropagation();
    keys.open(current ?? 0);
    return;
  } else if (event.key === 'Escape' && keys.readoutShown) {
    event.stopPropagation();
    keys.hide();
    return;
  } else return;
  event.preventDefault();
  event.stopPropagation();
  keys.show(next);
}
