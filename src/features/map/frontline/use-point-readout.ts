import { useState, type KeyboardEvent } from 'react';

/** What a Recharts chart's onMouseMove and onClick hand over (the part used here). */
interface ChartPointer {
  activeTooltipIndex?: number | string | null | undefined;
}

export interface PointReadout {
  /** The point under the pointer or the keyboard's focus, or null: nothing to read out. */
  shown: number | null;
  /** The keyboard is on the chart (the live region speaks only then). */
  focused: boolean;
  /** Spread on the focusable frame round the drawing. */
  frame: {
    tabIndex: 0;
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onFocus: () => void;
    onBlur: () => void;
    onMouseLeave: () => void;
  };
  /** Spread on the Recharts chart: the point under the pointer, or the one tapped. */
  pointer: {
    onMouseMove: (state: ChartPointer) => void;
    onClick: (state: ChartPointer) => void;
  };
}

/**
 * One chart's readout state, as the figures' bar charts do it: a pointer over a point or a tap on it reads it out;
 * on the keyboard, Left and Right step one point, Page Up and Page Down `pageStep` points, Home and End go to the
 * first and last, Escape closes the readout. Focus starts at `start` (the as-of point).
 */
export function usePointReadout(count: number, start: number, pageStep: number): PointReadout {
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const current = active !== null && active < count ? active : null;
  const shown = current !== null && (focused || hovered) ? current : null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (count === 0) return;
    const from = current ?? start;
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      PageUp: -pageStep,
      PageDown: pageStep,
    };
    let next: number;
    if (event.key in steps) next = clamp(from + steps[event.key]!);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Escape' && shown !== null) {
      // Closes the readout first; a second Escape goes on to the page.
      event.stopPropagation();
      setFocused(false);
      setHovered(false);
      return;
    } else return;
    // The chart takes its keys: they do not also scroll the page.
    event.preventDefault();
    event.stopPropagation();
    setActive(next);
    setFocused(true);
  };

  const point = (state: ChartPointer) => {
    const index = Number(state.activeTooltipIndex ?? Number.NaN);
    if (!Number.isInteger(index) || index < 0 || index >= count) return;
    setActive(index);
    setHovered(true);
  };

  return {
    shown,
    focused,
    frame: {
      tabIndex: 0,
      onKeyDown,
      onFocus: () => {
        setFocused(true);
        setActive((a) => a ?? clamp(start));
      },
      onBlur: () => setFocused(false),
      onMouseLeave: () => setHovered(false),
    },
    pointer: { onMouseMove: point, onClick: point },
  };
}
