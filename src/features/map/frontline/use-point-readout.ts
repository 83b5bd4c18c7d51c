import type { KeyboardEvent } from 'react';
import { useChartKeys } from '../../../components/use-chart-keys';

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
 * One chart's readout state, with the figures' bar charts' keys (components/use-chart-keys): a pointer over a
 * point or a tap on it reads it out; on the keyboard, Left and Right step one point, Page Up and Page Down
 * `pageStep` points, Home and End go to the first and last, Escape closes the readout. Focus starts at `start`
 * (the as-of point).
 */
export function usePointReadout(count: number, start: number, pageStep: number): PointReadout {
  const { current, focused, showReadout, pick, handlers } = useChartKeys({
    count,
    steps: { ArrowLeft: -1, ArrowRight: 1, PageUp: -pageStep, PageDown: pageStep },
    stepFrom: start,
    focusStart: Math.min(count - 1, Math.max(0, start)),
  });

  const point = (state: ChartPointer) => {
    const index = Number(state.activeTooltipIndex ?? Number.NaN);
    if (!Number.isInteger(index) || index < 0 || index >= count) return;
    pick(index);
  };

  return {
    shown: showReadout ? current : null,
    focused,
    frame: { tabIndex: 0, ...handlers },
    pointer: { onMouseMove: point, onClick: point },
  };
}
