import { describe, expect, it } from 'vitest';
import { figureCitation } from './citation';
import { makeFigure, makeSource } from '../../testing/fixtures';

describe('figureCitation', () => {
  it('gives quote, claimant, publisher, headline and date', () => {
    const source = makeSource({
      publisher: 'Reuters',
      outlet: 'Daily Maverick',
      title: 'Russia able to fight on',
      published: '2025-02-12',
    });
    expect(figureCitation(makeFigure(), source)).toBe(
      '“Moscow lost 1,400 tanks in 2024” (IISS). Reuters via Daily Maverick, “Russia able to fight on”, 12 Feb 2025.',
    );
  });
});
