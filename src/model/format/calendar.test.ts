import { describe, expect, it } from 'vitest';
import { MONTH_NAMES, SHORT_MONTH_NAMES } from './calendar';

describe('month names', () => {
  it('are the twelve English months, in full and in three letters', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(SHORT_MONTH_NAMES).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
  });
});
