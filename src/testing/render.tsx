import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import { DEFAULT_CHOICES, useChoices, type Choices } from '../state/store';

/** Render with the store reset to the defaults (plus any choices the test starts from). */
export function renderWithChoices(ui: ReactElement, choices: Partial<Choices> = {}, options?: RenderOptions) {
  useChoices.getState().replace({ ...DEFAULT_CHOICES, ...choices });
  return render(ui, options);
}
