import { describe, expect, it } from 'vitest';
import { quoteSpans, segmentText } from './marks';

describe('segmentText: the article cut at each quote', () => {
  const text = 'Russia lost 1,400 tanks in 2024 and made 200 new ones.';

  it('marks each quote where it stands and keeps every character', () => {
    const spans = quoteSpans(text, [
      { id: 'a', quote: 'lost 1,400 tanks' },
      { id: 'b', quote: 'made 200 new ones' },
      { id: 'gone', quote: 'not in the text' },
    ]);
    expect(spans.map((s) => s.id)).toEqual(['a', 'b']);
    const segments = segmentText(text, spans);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.ids.length).map((s) => [s.text, s.ids])).toEqual([
      ['lost 1,400 tanks', ['a']],
      ['made 200 new ones', ['b']],
    ]);
  });

  it('lists the most specific quote first where quotes overlap', () => {
    const spans = quoteSpans(text, [
      { id: 'long', quote: 'Russia lost 1,400 tanks in 2024' },
      { id: 'short', quote: '1,400 tanks' },
    ]);
    const segments = segmentText(text, spans);
    expect(segments.map((s) => [s.text, s.ids])).toEqual([
      ['Russia lost ', ['long']],
      ['1,400 tanks', ['short', 'long']],
      [' in 2024', ['long']],
      [' and made 200 new ones.', []],
    ]);
  });
});
