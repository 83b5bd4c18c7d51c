import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchRows, markdownTable, README_END, README_START, TARGETS, writeReadmeBlock } from './bench-table';

describe('the bench table', () => {
  it('puts ours, the bare app and the target on one row, and says whether it is met', () => {
    const rows = benchRows({
      lighthouse: { cold: { mobile: { performance: 99, fcpMs: 700, lcpMs: 1100, tbtMs: 20 } } },
      bareApp: { cold: { mobile: { performance: 100, fcpMs: 650, lcpMs: 650, tbtMs: 0 } } },
      team: {
        figures: 100_000,
        usableMs: 2500,
        jsHeapMB: 200,
        filterToPaintMs: { median: 40 },
        search: { toPaintMs: { median: 20, p95: 30 }, lastKeyToAnswerMs: { median: 60 } },
      },
    });
    const lcp = rows.find((r) => r.measure.includes('cold') && r.measure.endsWith('LCP'))!;
    expect(lcp).toEqual({
      measure: expect.any(String),
      ours: '1,100 ms',
      bare: '650 ms',
      target: `≤ ${TARGETS.lcpMs} ms`,
      met: false,
    });
    expect(rows.find((r) => r.measure.endsWith('score'))!.met).toBe(true);
    const usable = rows.find((r) => r.measure.includes('usable'))!;
    expect(usable.measure).toContain('100,000 figures');
    expect(usable.met).toBe(false);
    expect(rows.find((r) => r.measure.includes('heap'))!.met).toBe(true);
    // A part not run has no row.
    expect(rows.some((r) => r.measure.includes('warm'))).toBe(false);
    expect(markdownTable(rows)).toMatch(/\| 1,100 ms \| 650 ms \| ≤ 1000 ms \| \*\*not met\*\* \|/);
  });

  it('writes the README block between its markers only, and refuses a README without them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-table-'));
    const readme = join(dir, 'README.md');
    writeFileSync(readme, `# A\n\n${README_START}\nold\n${README_END}\n\nafter\n`);
    writeReadmeBlock(readme, '| new |');
    expect(readFileSync(readme, 'utf8')).toBe(`# A\n\n${README_START}\n\n| new |\n\n${README_END}\n\nafter\n`);
    writeFileSync(readme, '# no markers\n');
    expect(() => writeReadmeBlock(readme, 'x')).toThrow(/bench:start/);
  });
});
