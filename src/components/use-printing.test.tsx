import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usePrinting } from './use-printing';

function OnPaper() {
  return usePrinting() ? <p>Printed tables</p> : null;
}

describe('usePrinting: what renders for paper only', () => {
  it('renders in beforeprint, before the browser lays the page out, and goes after afterprint', () => {
    render(<OnPaper />);
    expect(screen.queryByText('Printed tables')).toBeNull();
    // No act(): the content must be in the page synchronously, within the event, as a browser's print needs.
    window.dispatchEvent(new Event('beforeprint'));
    expect(screen.getByText('Printed tables')).toBeTruthy();
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(screen.queryByText('Printed tables')).toBeNull();
  });

  it('renders while print media apply (a print preview, an emulated medium)', () => {
    const listeners = new Set<() => void>();
    const media = {
      matches: false,
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    };
    // jsdom has no matchMedia: this one is driven by the test.
    vi.stubGlobal('matchMedia', () => media as unknown as MediaQueryList);
    try {
      render(<OnPaper />);
      expect(screen.queryByText('Printed tables')).toBeNull();
      media.matches = true;
      for (const l of listeners) l();
      expect(screen.getByText('Printed tables')).toBeTruthy();
      media.matches = false;
      act(() => {
        for (const l of listeners) l();
      });
      expect(screen.queryByText('Printed tables')).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
