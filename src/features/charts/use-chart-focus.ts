import { useChartKeys } from '../../components/use-chart-keys';

/** How far each arrow key moves the chart's focus: back on ↑ and ←, on with ↓ and →. */
const STEP: Record<string, number> = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 };

/**
 * A chart's focus, one Tab stop for the whole chart (the bar chart and the chart over time): arrows step
 * through its bars or marks, Home and End jump to the first and the last, Enter opens the one in focus (the
 * first when none is), Escape closes the readout first (a second Escape goes on to the page: the deck leaves
 * full screen). The keys the chart takes do not also scroll the page or change the slide. A pointer over a
 * bar or mark shows its readout too. The keys are the shared chart keys (components/use-chart-keys).
 */
export function useChartFocus(ids: readonly string[], onOpen: (id: string) => void) {
  const { current, focused, showReadout, pick, handlers } = useChartKeys({
    count: ids.length,
    steps: STEP,
    stepFrom: -1,
    focusStart: 0,
    onEnter: (index) => onOpen(ids[index]!),
  });
  return {
    /** The bar or mark in focus or under the pointer, if any. */
    current,
    /** Whether the keyboard's focus is in the chart (for the live text). */
    focused,
    /** Whether the readout of `current` shows. */
    showReadout,
    /** A pointer over bar or mark `index`. */
    hover: pick,
    /** For the chart's element. */
    handlers,
  };
}
