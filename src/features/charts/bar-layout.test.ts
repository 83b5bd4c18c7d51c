import { describe, expect, it } from 'vitest';
import { barLayout, chartFontSize, wrapText } from './bar-layout';

const rows = [
  { label: 'US military equipment ordered by Taiwan and stuck in a backlog', display: 'about $1–999 billion' },
  { label: 'Money Vinnik must forfeit to the US', display: 'more than $100 million' },
];

/** Width left for the bars themselves. */
const plotWidth = (width: number, l: ReturnType<typeof barLayout>) =>
  width - l.margin.left - l.margin.right - l.labelWidth;

describe('wrapText', () => {
  it('wraps at word boundaries within the width', () => {
    expect(wrapText('Money Vinnik must forfeit to the US', 12, 4)).toEqual([
      'Money Vinnik',
      'must forfeit',
      'to the US',
    ]);
  });

  it('ends with an ellipsis when the lines run out, and cuts a word longer than a line', () => {
    expect(wrapText('one two three four five', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('Supercalifragilistic', 8, 2)).toEqual(['Superca…']);
  });

  it('keeps short text on one line', () => {
    expect(wrapText('$4 billion', 20, 2)).toEqual(['$4 billion']);
  });
});

describe('barLayout', () => {
  it.each([254, 290, 330])(
    'stacks labels above the bars on a phone (%i px), leaving the bars most of the width',
    (w) => {
      const layout = barLayout(w, rows);
      expect(layout.mode).toBe('stacked');
      expect(plotWidth(w, layout)).toBeGreaterThan(w * 0.8);
      // Label and value lines fit between one bar and the next.
      const lines = Math.max(
        ...rows.map(
          (r) => wrapText(r.label, layout.labelChars, 3).length + wrapText(r.display, layout.valueChars, 2).length,
        ),
      );
      expect(layout.rowHeight - layout.barSize).toBeGreaterThanOrEqual(lines * layout.lineHeight);
    },
  );

  it.each([420, 560, 900, 1400])(
    'puts labels beside the bars when wide (%i px), the bars keeping at least 40%%',
    (w) => {
      const layout = barLayout(w, rows);
      expect(layout.mode).toBe('side');
      expect(plotWidth(w, layout)).toBeGreaterThanOrEqual(w * 0.4);
    },
  );

  it('never leaves the bars a zero or negative width, down to 200 px', () => {
    for (let w = 200; w <= 2000; w += 10) expect(plotWidth(w, barLayout(w, rows))).toBeGreaterThan(100);
  });

  it('takes the text size the page gives it', () => {
    expect(barLayout(800, rows, { variant: 'slide', fontSize: 21 }).fontSize).toBe(21);
  });

  it('sets slide text at 18 px or more on a 1920 px projector, and fills the height it is given', () => {
    expect(chartFontSize(1720, 'slide')).toBeGreaterThanOrEqual(18);
    const loose = barLayout(1720, rows, { variant: 'slide' });
    const filled = barLayout(1720, rows, { variant: 'slide', fillHeight: 600 });
    expect(filled.height).toBeGreaterThan(loose.height);
    expect(filled.height).toBeLessThanOrEqual(600);
  });

  it('fills a height on a phone without running past it (stacked rows and the room above the first)', () => {
    const loose = barLayout(330, rows, { variant: 'slide', fontSize: 14 });
    expect(loose.mode).toBe('stacked');
    for (const fillHeight of [loose.height, loose.height + 37, loose.height + 150]) {
      const filled = barLayout(330, rows, { variant: 'slide', fontSize: 14, fillHeight });
      expect(filled.height).toBeGreaterThanOrEqual(loose.height);
      expect(filled.height).toBeLessThanOrEqual(fillHeight);
    }
  });
});
