import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, figureRows, parseCsv, toCsv } from './figure-export';
import { makeFigure, makeSource } from '../../testing/fixtures';
import figures from '../../../data/figures.json';
import sources from '../../../data/sources.json';
import type { Figure } from './schema';

describe('figureRows', () => {
  it('carries value, qualifier, unit, claimant, quote and the story', () => {
    const [row] = figureRows({ sources: [makeSource({ title: 'Headline', publisher: 'Reuters' })] }, [makeFigure()]);
    expect(row).toMatchObject({
      value: 1400,
      qualifier: 'exact',
      unit: 'tanks',
      claimant: 'IISS',
      quote: 'Moscow lost 1,400 tanks in 2024',
      publisher: 'Reuters',
      headline: 'Headline',
      published: '2025-02-12',
      low: null,
    });
  });
});

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and round-trips', () => {
    const rows = figureRows({ sources: [makeSource()] }, [
      makeFigure({ label: 'A "quoted", label', quote: 'Line one\nline two, with 1,400 tanks', stated: '1,400' }),
    ]);
    const parsed = parseCsv(toCsv(rows));
    expect(parsed[0]).toEqual([...EXPORT_COLUMNS]);
    expect(parsed[1]![EXPORT_COLUMNS.indexOf('label')]).toBe('A "quoted", label');
    expect(parsed[1]![EXPORT_COLUMNS.indexOf('quote')]).toBe('Line one\nline two, with 1,400 tanks');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = toCsv(figureRows({ sources: [makeSource()] }, [makeFigure({ label: '=HYPERLINK("x")' })]));
    expect(parseCsv(csv)[1]![EXPORT_COLUMNS.indexOf('label')]).toBe(`'=HYPERLINK("x")`);
  });

  it('exports every shipped quote exactly', () => {
    const parsed = parseCsv(toCsv(figureRows({ sources }, figures as Figure[])));
    const quoteCol = EXPORT_COLUMNS.indexOf('quote');
    expect(parsed.slice(1).map((r) => r[quoteCol])).toEqual(figures.map((f) => f.quote));
  });
});
