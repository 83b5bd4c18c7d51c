import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderToString } from 'react-dom/server';
import { Deferred } from './deferred';

/** A stand-in IntersectionObserver the test drives: `enter()` reports the observed element in view. */
function fakeObserver() {
  const observers: { callback: IntersectionObserverCallback; targets: Element[] }[] = [];
  class FakeIntersectionObserver {
    constructor(callback: IntersectionObserverCallback) {
      observers.push({ callback, targets: this.targets });
    }
    targets: Element[] = [];
    observe(target: Element) {
      this.targets.push(target);
    }
    disconnect() {
      this.targets.length = 0;
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  return {
    observed: () => observers.flatMap((o) => o.targets),
    enter: () =>
      act(() => {
        for (const o of observers) {
          const entries = o.targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
          if (entries.length > 0) o.callback(entries, o as unknown as IntersectionObserver);
        }
      }),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Deferred', () => {
  it('prerenders its placeholder, never the panel', () => {
    const html = renderToString(
      <Deferred what="the map">
        <p>The heavy panel</p>
      </Deferred>,
    ).replace(/<!-- -->/g, '');
    expect(html).toContain('Loading the map…');
    expect(html).not.toContain('The heavy panel');
  });

  it('shows the placeholder until it comes near the viewport, then the panel', async () => {
    const io = fakeObserver();
    render(
      <Deferred what="the actors">
        <p>The heavy panel</p>
      </Deferred>,
    );
    expect(screen.getByText('Loading the actors…')).toBeInTheDocument();
    expect(screen.queryByText('The heavy panel')).toBeNull();
    expect(io.observed()).toEqual([screen.getByText('Loading the actors…')]);
    await io.enter();
    expect(await screen.findByText('The heavy panel')).toBeInTheDocument();
    expect(screen.queryByText('Loading the actors…')).toBeNull();
  });

  it('renders the panel at once where there is no IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(
      <Deferred what="the timeline">
        <p>The heavy panel</p>
      </Deferred>,
    );
    expect(await screen.findByText('The heavy panel')).toBeInTheDocument();
  });

  it('waits while held, even in view, then renders the panel once let go, and is not held again', async () => {
    const io = fakeObserver();
    const panel = (hold: boolean) => (
      <Deferred what="the charts" hold={hold}>
        <p>The heavy panel</p>
      </Deferred>
    );
    const { rerender } = render(panel(true));
    await io.enter();
    // In view, but held: still the placeholder.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.getByText('Loading the charts…')).toBeInTheDocument();
    expect(screen.queryByText('The heavy panel')).toBeNull();

    rerender(panel(false));
    expect(await screen.findByText('The heavy panel')).toBeInTheDocument();
    rerender(panel(true));
    expect(screen.getByText('The heavy panel')).toBeInTheDocument();
  });
});
