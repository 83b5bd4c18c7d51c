import { useCallback, useState, type KeyboardEvent } from 'react';

/** How far each arrow key moves the chart's focus: back on ↑ and ←, on with ↓ and →. */
const STEP: Record<string, number> = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 };

/**
 * A chart's focus, one Tab stop for the whole chart (the bar chart and the chart over time): arrows step
 * through its bars or marks, Home and End jump to the first and the last, Enter opens the one in focus (the
 * first when none is), Escape closes the readout first (a second Escape goes on to the page: the deck leaves
 * full screen). The keys the chart takes do not also scroll the page or change the slide. A pointer over a
 * bar or mark shows its readout too.
 */
export function useChartFocus(ids: readonly string[], onOpen: (id: string) => void) {
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const count = ids.length;
  const current = active !== null && active < count ? active : null;
  const showReadout = current !== null && (focused || hovered);

  const hover = useCallback((index: number) => {
    setActive(index);
    setHovered(true);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (count === 0) return;
    let next: number;
    if (event.key in STEP) next = Math.min(count - 1, Math.max(0, (current ?? -1) + STEP[event.key]!));
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      onOpen(ids[current ?? 0]!);
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
    /** The bar or mark in focus or under the pointer, if any. */
    current,
    /** Whether the keyboard's focus is in the chart (for the live text). */
    focused,
    /** Whether the readout of `current` shows. */
    showReadout,
    /** A pointer over bar or mark `index`. */
    hover,
    /** For the chart's element. */
    handlers: {
      onKeyDown,
      onFocus: () => {
        setFocused(true);
        setActive((a) => a ?? 0);
      },
      onBlur: () => setFocused(false),
      onMouseLeave: () => setHovered(false),
    },
  };
}
