import { useCallback, useState, type KeyboardEvent } from 'react';

export interface ChartKeysOptions {
  /** How many bars, marks or points the chart has. */
  count: number;
  /** How far each key steps: e.g. `{ ArrowLeft: -1, ArrowRight: 1, PageUp: -12, PageDown: 12 }`. */
  steps: Readonly<Record<string, number>>;
  /** The index a step counts from when none is picked yet (-1: the first step on lands on the first). */
  stepFrom: number;
  /** The index the keyboard's focus picks when it enters the chart with none picked. */
  focusStart: number;
  /** Enter on the chart: opens the picked one (the first when none is). Without it, Enter is left to the page. */
  onEnter?: (index: number) => void;
}

/**
 * A chart's keyboard and readout, one Tab stop for the whole chart (the figures' bar charts, the chart over
 * time, the occupied area by day and month): the `steps` keys step through its bars or points, Home and End
 * jump to the first and the last, Enter opens the one picked (when the chart opens anything), Escape closes the
 * readout first (a second Escape goes on to the page: the deck leaves full screen). The keys the chart takes do
 * not also scroll the page or change the slide. A pointer over a bar or point (`pick`) reads it out too.
 */
export function useChartKeys({ count, steps, stepFrom, focusStart, onEnter }: ChartKeysOptions) {
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const current = active !== null && active < count ? active : null;
  const showReadout = current !== null && (focused || hovered);

  const pick = useCallback((index: number) => {
    setActive(index);
    setHovered(true);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (count === 0) return;
    let next: number;
    if (event.key in steps) next = Math.min(count - 1, Math.max(0, (current ?? stepFrom) + steps[event.key]!));
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Enter' && onEnter) {
      event.preventDefault();
      event.stopPropagation();
      onEnter(current ?? 0);
      return;
    } else if (event.key === 'Escape' && showReadout) {
      event.stopPropagation();
      setFocused(false);
      setHovered(false);
      return;
    } else return;
    event.preventDefault();
    event.stopPropagation();
    setActive(next);
    setFocused(true);
  };

  return {
    /** The bar or point in focus or under the pointer, if any. */
    current,
    /** Whether the keyboard's focus is in the chart (for the live text). */
    focused,
    /** Whether the readout of `current` shows. */
    showReadout,
    /** A pointer over (or a tap on) bar or point `index`. */
    pick,
    /** For the chart's focusable element. */
    handlers: {
      onKeyDown,
      onFocus: () => {
        setFocused(true);
        setActive((a) => a ?? focusStart);
      },
      onBlur: () => setFocused(false),
      onMouseLeave: () => setHovered(false),
    },
  };
}
