import { describe, expect, it } from 'vitest';
import { parseDataFile } from '../../src/model/pack/pack';
import { mergeWithEdits } from '../../src/model/pack/merge';
import type { Pack } from '../../src/model/pack/pack-schema';
import { shippedDataset } from '../../src/model/pack/pack.fixtures';
import { generateTeamData, TEAM_TWO_YEARS } from './team-dataset';

describe("a team's two years, generated for the bench", () => {
  const base = shippedDataset();
  const small = { ...TEAM_TWO_YEARS, articles: 40, actors: 10, corrections: 12, measures: 4, briefings: 2 };
  const file = generateTeamData(base, small);

  it('is a data file an import accepts whole: every quote in its article, every id known', () => {
    const check = parseDataFile(JSON.stringify(file), base);
    expect(check.errors).toEqual([]);
    expect(check.packs).toHaveLength(40);
    expect(check.briefings).toHaveLength(2);
    expect(check.edits?.corrections).toHaveLength(12);
  });

  it('has the sizes asked for, dates over two years up to the last, and corrections that all apply', () => {
    const packs = file.packs as Pack[];
    expect(packs.flatMap((p) => p.figures)).toHaveLength(40 * small.figuresPerArticle);
    expect(packs.flatMap((p) => p.events)).toHaveLength(40 * small.eventsPerArticle);
    expect(packs.flatMap((p) => p.actors)).toHaveLength(10);
    expect(packs.at(-1)!.source.published).toBe(small.until);
    expect(packs[0]!.source.published < '2025-01-01').toBe(true);
    const merged = mergeWithEdits(base, packs, file.edits!);
    expect(merged.problems).toEqual([]);
    expect(merged.dataset.figures).toHaveLength(base.figures.length + 40 * small.figuresPerArticle);
    // Briefings are snapshots of the dashboard then: the later one holds more.
    expect(file.briefings[0]!.figures.length).toBeLessThan(file.briefings[1]!.figures.length);
  });

  it('is the same every time (seeded)', () => {
    expect(JSON.stringify(generateTeamData(base, small))).toBe(JSON.stringify(file));
  });
});
