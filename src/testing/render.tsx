import { act, render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import { DEFAULT_CHOICES, useChoices, type Choices } from '../state/store';

/** Render with the store reset to the defaults (plus any choices the test starts from). */
export function renderWithChoices(ui: ReactElement, choices: Partial<Choices> = {}, options?: RenderOptions) {
  useChoices.getState().replace({ ...DEFAULT_CHOICES, ...choices });
  return render(ui, options);
}

/**
 * Let every heavy panel catch up with the last change of the filters, without waiting on a clock.
 * A panel defers its update (see `useDeferredFilters`): a frame, then a task, then a transition. This
 * queues a frame and a task after the panel's own, so they run after its, and awaits them inside act,
 * which then renders the transition. Call it after the change (a click or a store update).
 */
export async function settleDeferred(): Promise<void> {
  await act(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });
}
