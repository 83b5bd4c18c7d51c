/**
 * A chart box measured for the printed page: the browser prints without running ResizeObserver, so on
 * `beforeprint` the box is measured in the page's print layout (print rules applied, the page's width) and
 * the chart redraws before the event returns; after printing it measures its screen box again.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onPaper, PRINT_LAYOUT_ATTRIBUTE, useSize } from './use-size';

function Probe() {
  const [ref, size] = useSize<HTMLDivElement>({ width: 0, height: 0, fontSize: 0 });
  return (
    <div ref={ref} data-testid="probe">
      {size.width}×{size.height}
    </div>
  );
}

const realObserver = globalThis.ResizeObserver;
const realWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
const realHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
let style: HTMLStyleElement;

/** Whether the stylesheet's print rules apply to the screen at this moment. */
function printRulesOnScreen(): boolean {
  const rule = style.sheet?.cssRules[0] as CSSMediaRule | undefined;
  return !!rule && rule.media.mediaText === 'all';
}

beforeEach(() => {
  // jsdom lays nothing out: the box is 500×300 on screen, 710×400 in the print layout (its print rules
  // applying and the root marked), as a browser would lay out an A4 page.
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  const printing = () => document.documentElement.hasAttribute(PRINT_LAYOUT_ATTRIBUTE) && printRulesOnScreen();
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => (printing() ? 710 : 500),
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => (printing() ? 400 : 300),
  });
  style = document.createElement('style');
  style.textContent = '@media print { .bar-chart { width: 100%; } }';
  document.head.append(style);
});

afterEach(() => {
  globalThis.ResizeObserver = realObserver;
  if (realWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', realWidth);
  if (realHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', realHeight);
  style.remove();
});

describe('useSize and printing', () => {
  it('measures the box in the print layout on beforeprint, synchronously, and the screen box after printing', () => {
    render(<Probe />);
    const probe = screen.getByTestId('probe');
    expect(probe.textContent).toBe('500×300');

    // No act(): the browser lays the page out for print as soon as the event returns.
    window.dispatchEvent(new Event('beforeprint'));
    expect(probe.textContent).toBe('710×400');
    // The screen layout is back: the print rules are print-only again, the root unmarked.
    expect(printRulesOnScreen()).toBe(false);
    expect(document.documentElement.hasAttribute(PRINT_LAYOUT_ATTRIBUTE)).toBe(false);

    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(probe.textContent).toBe('500×300');
  });
});

describe('onPaper', () => {
  // A page 710 px wide: width conditions judged at that size.
  const probe = (condition: string) =>
    ({ '(max-width: 699.98px)': false, '(min-width: 700px)': true, '(pointer: coarse)': true })[condition] ?? false;

  it('holds print rules and width rules as they hold at the page’s size, never screen-only rules', () => {
    expect(onPaper('print', probe)).toBe(true);
    expect(onPaper('screen', probe)).toBe(false);
    expect(onPaper('not print', probe)).toBe(false);
    expect(onPaper('not screen', probe)).toBe(true);
    expect(onPaper('(max-width: 699.98px)', probe)).toBe(false);
    expect(onPaper('(min-width: 700px)', probe)).toBe(true);
    expect(onPaper('screen and (min-width: 700px)', probe)).toBe(false);
    expect(onPaper('only print and (min-width: 700px)', probe)).toBe(true);
    expect(onPaper('(pointer: coarse), (max-width: 699.98px)', probe)).toBe(true);
  });
});
