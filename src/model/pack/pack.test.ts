import { makeBriefing } from '../briefing/briefing';
import { NO_FILTERS } from '../dataset/selectors';
import { describe, expect, it } from 'vitest';
import { parseDataFile, parsePack, type PackCheck } from './pack';
import { mergeDataset } from './merge';
import {
  makePack,
  makePackActor,
  makePackEvent,
  makePackFigure,
  PACK_SOURCE_ID,
  shippedDataset,
} from './pack.fixtures';
import type { Pack } from './pack-schema';

const base = shippedDataset();

function errorsOf(check: PackCheck): string[] {
  if (check.ok) throw new Error('expected the pack to be rejected');
  return check.errors;
}
function okOf(check: PackCheck): { pack: Pack; warnings: string[] } {
  if (!check.ok) throw new Error(`expected the pack to pass:\n${check.errors.join('\n')}`);
  return check;
}
/** The fixture pack with one field of one item changed (as JSON, the way a file arrives). */
function packWith(edit: (pack: Record<string, unknown> & Pack) => void): unknown {
  const pack = JSON.parse(JSON.stringify(makePack())) as Record<string, unknown> & Pack;
  edit(pack);
  return pack;
}

describe('parsePack: a valid pack', () => {
  it('passes the hand-made pack from a seed story, with no warnings', () => {
    const { pack, warnings } = okOf(parsePack(makePack(), base));
    expect(warnings).toEqual([]);
    expect(pack.figures).toHaveLength(2);
    expect(pack.statements).toHaveLength(1);
  });

  it('reads a pack given as JSON text', () => {
    expect(parsePack(JSON.stringify(makePack()), base).ok).toBe(true);
  });

  it('accepts a quote whose typographic quotes and line breaks differ from the article', () => {
    const raw = packWith((p) => {
      p.figures[1]!.quote =
        "Ukraine's Defence Ministry this week\nlaunched a recruitment  drive to attract 18-to-24-year-olds";
    });
    expect(parsePack(raw, base).ok).toBe(true);
  });
});

describe('parsePack: input that is not a pack gets one plain error', () => {
  it.each([
    [
      'text that is not JSON',
      '{"format": "geobrief-pack",',
      /^This file is not JSON, so it is not a geobrief data pack \(/,
    ],
    ['a list', [], /^This is not a geobrief data pack: expected a JSON object .*got a list$/],
    ['null', null, /got null$/],
    ['a number', 42, /got 42$/],
    ['another format', { format: 'geojson' }, /^This is not a geobrief data pack \(format is "geojson"\)$/],
    ['no format', { version: 1 }, /^This is not a geobrief data pack \(it has no "format"/],
    ['a data file', { format: 'geobrief-data', version: 1 }, /^This is a geobrief data file .*not a single pack/],
  ])('%s', (_what, raw, message) => {
    const errors = errorsOf(parsePack(raw, base));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('names a newer version plainly', () => {
    expect(errorsOf(parsePack({ ...makePack(), version: 2 }, base))).toEqual([
      'version 2 packs are not supported: this dashboard reads version 1',
    ]);
  });

  it('names a version that is not a number', () => {
    expect(errorsOf(parsePack({ ...makePack(), version: '1' }, base))).toEqual([
      '"version" is "1": this dashboard reads packs of version 1',
    ]);
  });
});

describe('parsePack: errors name the item and the field', () => {
  it('a unit outside units.json', () => {
    const raw = packWith((p) => {
      p.figures[1]!.unit = 'x';
    });
    expect(errorsOf(parsePack(raw, base))).toEqual([
      'pack.figures[1].unit: unknown unit "x" (not in units.json nor in pack.units)',
    ]);
  });

  it('a schema error, with the path inside the item', () => {
    const raw = packWith((p) => {
      (p.figures[0] as unknown as Record<string, unknown>).value = 'three';
    });
    expect(errorsOf(parsePack(raw, base))).toEqual([expect.stringMatching(/^pack\.figures\[0\]\.value: .*number/i)]);
  });

  it('a missing part of the pack', () => {
    const raw = packWith((p) => {
      delete (p as Record<string, unknown>).article;
    });
    expect(errorsOf(parsePack(raw, base))[0]).toMatch(/^pack\.article: /);
  });

  it('a figure quote that is not in the article', () => {
    const raw = packWith((p) => {
      p.figures[0]!.quote = 'a war of attrition now nearing its four-year mark';
      p.figures[0]!.stated = 'four-year';
    });
    expect(errorsOf(parsePack(raw, base))).toEqual(['pack.figures[0].quote: not found verbatim in the article text']);
  });

  it('a quote that differs only by a dash is verbatim (the one rule, see verbatim.ts); one number off is not', () => {
    const dashed = packWith((p) => {
      p.figures[1]!.quote = 'launched a recruitment drive to attract 18–to–24-year-olds';
      p.figures[1]!.stated = '18–to–24-year-olds';
    });
    expect(parsePack(dashed, base).ok).toBe(true);
    const raw = packWith((p) => {
      p.figures[1]!.quote = 'launched a recruitment drive to attract 19-to-24-year-olds';
      p.figures[1]!.stated = '19-to-24-year-olds';
    });
    expect(errorsOf(parsePack(raw, base))).toEqual(['pack.figures[1].quote: not found verbatim in the article text']);
  });

  it('statements of known and of new actors that are not in the article', () => {
    const raw = packWith((p) => {
      p.statements[0]!.quote = 'Russia is losing the war';
      p.actors[0]!.statements = [{ quote: 'We will win', sourceId: PACK_SOURCE_ID }];
    });
    expect(errorsOf(parsePack(raw, base))).toEqual([
      'pack.actors[0].statements[0].quote: not found verbatim in the article text',
      'pack.statements[0].quote: not found verbatim in the article text',
    ]);
  });

  it('a figure that cites another source than the pack’s', () => {
    const raw = packWith((p) => {
      p.figures[0]!.sourceId = 'reuters-iiss-assessment';
    });
    expect(errorsOf(parsePack(raw, base))).toEqual([
      `pack.figures[0].sourceId: "reuters-iiss-assessment" is not this pack's source ("${PACK_SOURCE_ID}")`,
    ]);
  });

  it('references that resolve neither in the dashboard nor in the pack', () => {
    const raw = packWith((p) => {
      p.figures[0]!.actorIds = ['nobody'];
      p.figures[0]!.topics = ['gardening'];
      p.figures[0]!.countries = ['ZZ'];
      p.events[0]!.placeIds = ['atlantis'];
      p.events[0]!.sourceIds = ['nowhere'];
      p.statements[0]!.actorId = 'ghost';
      p.actors[0]!.memberOf = ['phantom'];
    });
    expect(errorsOf(parsePack(raw, base))).toEqual([
      'pack.figures[0].topics[0]: unknown topic "gardening" (not in topics.json)',
      'pack.figures[0].countries[0]: unknown country "ZZ" (neither in countries.json nor in pack.countries)',
      'pack.figures[0].actorIds[0]: unknown actor "nobody" (neither in actors.json nor in this pack)',
      'pack.actors[0].memberOf[0]: unknown actor "phantom" (neither in actors.json nor in this pack)',
      'pack.statements[0].actorId: unknown actor "ghost" (neither in actors.json nor in this pack)',
      'pack.events[0].placeIds[0]: unknown place "atlantis" (neither in places.json nor in this pack)',
      'pack.events[0].sourceIds[0]: unknown source "nowhere" (neither in sources.json nor this pack\'s source)',
    ]);
  });

  it('resolves references to the pack’s own countries, places and actors', () => {
    const pack = makePack({
      countries: [{ id: 'PL', name: 'Poland' }],
      places: [{ id: 'rzeszow', name: 'Rzeszów', lat: 50.04, lon: 21.99, country: 'PL', coordinateSource: 'test' }],
      events: [makePackEvent({ placeIds: ['rzeszow'], actorIds: ['russian-armed-forces'] })],
      figures: [makePackFigure({ countries: ['PL'] })],
    });
    expect(okOf(parsePack(pack, base)).warnings).toEqual([]);
  });

  it('ids used twice in the pack', () => {
    const pack = makePack({ figures: [makePackFigure(), makePackFigure()] });
    expect(errorsOf(parsePack(pack, base))).toEqual([
      `pack.figures[1].id: duplicate id "${PACK_SOURCE_ID}-war-length-1" (first used at [0])`,
    ]);
  });

  it('ids that name something else in the dashboard’s data', () => {
    const pack = makePack({
      figures: [makePackFigure({ id: 'russia-tanks-lost-2024', actorIds: ['iiss'] })],
      actors: [makePackActor({ id: 'iiss' })],
    });
    expect(errorsOf(parsePack(pack, base))).toEqual([
      `pack.figures[0].id: "russia-tanks-lost-2024" is already used by another figure in the dashboard's data`,
      `pack.actors[0].id: "iiss" is already used by another actor in the dashboard's data`,
    ]);
  });

  it('a source id that names another article of the dashboard', () => {
    const pack = makePack();
    const raw = { ...pack, source: { ...pack.source, id: 'reuters-oil-output' } };
    expect(errorsOf(parsePack(raw, base))[0]).toBe(
      'pack.source.id: "reuters-oil-output" is already used by another source in the dashboard\'s data ' +
        '("Russia braces for oil output cuts as sanctions and drones hit", 2025-02-12)',
    );
  });

  it('a lead rank, which only the shipped data sets', () => {
    const pack = makePack({ figures: [makePackFigure({ lead: 1 })] });
    expect(errorsOf(parsePack(pack, base))).toEqual([
      'pack.figures[0].lead: lead ranks belong to the shipped data; a pack cannot set one',
    ]);
  });

  it('reports every problem at once, under the label given', () => {
    const raw = packWith((p) => {
      p.figures[0]!.unit = 'x';
      p.figures[1]!.unit = 'y';
    });
    expect(errorsOf(parsePack(raw, base, 'packs[3]'))).toEqual([
      'packs[3].figures[0].unit: unknown unit "x" (not in units.json nor in pack.units)',
      'packs[3].figures[1].unit: unknown unit "y" (not in units.json nor in pack.units)',
    ]);
  });
});

describe('parsePack: what the dashboard already has is skipped with a warning', () => {
  it('a figure with the same quote, number and article (same title and date) as a shipped one', () => {
    const tanks = makePackFigure({
      id: `${PACK_SOURCE_ID}-tanks-3`,
      value: 1400,
      unit: 'tanks',
      qualifier: 'exact',
      stated: '1,400',
      quote: 'Moscow lost 1,400 tanks in 2024',
    });
    const { pack, warnings } = okOf(parsePack(makePack({ figures: [makePackFigure(), tanks] }), base));
    expect(warnings).toEqual([
      `pack.figures[1] "${PACK_SOURCE_ID}-tanks-3": skipped, a duplicate of "russia-tanks-lost-2024" (same quote, source and number)`,
    ]);
    expect(pack.figures.map((f) => f.id)).toEqual([`${PACK_SOURCE_ID}-war-length-1`]);
  });

  it('keeps a figure with the same quote when its article is another one', () => {
    const other = makePack();
    const tanks = makePackFigure({
      value: 1400,
      unit: 'tanks',
      stated: '1,400',
      quote: 'Moscow lost 1,400 tanks in 2024',
    });
    const pack = { ...other, source: { ...other.source, title: 'Another headline' }, figures: [tanks] };
    expect(okOf(parsePack(pack, base)).warnings).toEqual([]);
  });

  it('keeps a figure from the same quote that states another number', () => {
    const shipped = base.figures.find((f) => f.id === 'recruitment-service-term')!;
    const pack = makePack({
      figures: [
        makePackFigure({
          ...shipped,
          id: 'x-ages',
          low: 18,
          high: 24,
          value: undefined,
          stated: '18-to-24-year-olds',
          sourceId: PACK_SOURCE_ID,
          status: 'accepted',
        }),
      ],
    });
    expect(okOf(parsePack(pack, base)).warnings).toEqual([]);
  });

  it('a statement the actor already has', () => {
    const quote =
      'Without any ceasefire, the most likely contour of the war over the next few months is more of the same. More bloody attrition on land with very heavy casualties on both sides.';
    const pack = makePack({ statements: [{ actorId: 'ben-barry', quote, sourceId: PACK_SOURCE_ID }] });
    const { pack: out, warnings } = okOf(parsePack(pack, base));
    expect(warnings).toEqual(['pack.statements[0] (ben-barry): skipped, the dashboard already has this statement']);
    expect(out.statements).toEqual([]);
  });

  it('every item of a pack already merged: nothing left, each named', () => {
    const merged = mergeDataset(base, [makePack()]);
    const { pack, warnings } = okOf(parsePack(makePack(), merged));
    expect(pack.figures).toEqual([]);
    expect(pack.actors).toEqual([]);
    expect(pack.events).toEqual([]);
    expect(pack.statements).toEqual([]);
    expect(warnings).toEqual([
      `pack.figures[0] "${PACK_SOURCE_ID}-war-length-1": skipped, already in the dashboard's data`,
      `pack.figures[1] "${PACK_SOURCE_ID}-recruitment-ages-2": skipped, already in the dashboard's data`,
      `pack.actors[0] "russian-armed-forces": skipped, already in the dashboard's data`,
      `pack.events[0] "${PACK_SOURCE_ID}-recruitment-drive": skipped, already in the dashboard's data`,
      'pack.statements[0] (ben-barry): skipped, the dashboard already has this statement',
    ]);
  });

  it('an item already there with a different status or date added is still the same item', () => {
    const merged = mergeDataset(base, [makePack()]);
    const again = makePack({ figures: [makePackFigure({ status: undefined, addedAt: '2026-11-22T05:00:00Z' })] });
    expect(okOf(parsePack(again, merged)).pack.figures).toEqual([]);
  });

  it('new statements of an actor that is already there join that actor', () => {
    const merged = mergeDataset(base, [makePack()]);
    const quote = 'Russia is increasingly trading quality for quantity to support its war effort';
    const again = makePack({ actors: [makePackActor({ statements: [{ quote, sourceId: PACK_SOURCE_ID }] })] });
    const { pack } = okOf(parsePack(again, merged));
    expect(pack.actors).toEqual([]);
    expect(pack.statements).toContainEqual({
      actorId: 'russian-armed-forces',
      quote,
      sourceId: PACK_SOURCE_ID,
      status: 'accepted',
    });
  });
});

describe('parseDataFile', () => {
  const dataFile = (packs: unknown[], extra: Record<string, unknown> = {}) => ({
    format: 'geobrief-data',
    version: 1,
    exportedAt: '2026-11-22T05:00:00.000Z',
    packs,
    ...extra,
  });

  it('reads a single pack', () => {
    const result = parseDataFile(makePack(), base);
    expect(result.errors).toEqual([]);
    expect(result.packs).toHaveLength(1);
  });

  it('reads every pack of a data file and passes briefings through', () => {
    const second = makePack({
      source: { ...makePack().source, id: 'other-story', title: 'Other' },
      figures: [makePackFigure({ id: 'other-figure', sourceId: 'other-story' })],
      actors: [],
      events: [],
      statements: [],
    });
    const briefing = makeBriefing(
      base,
      { frontline: '2025-02-13', filters: NO_FILTERS, slides: null },
      'Monday',
      new Date('2026-12-01T09:00:00Z'),
      [],
    );
    const result = parseDataFile(JSON.stringify(dataFile([makePack(), second], { briefings: [briefing] })), base);
    expect(result.errors).toEqual([]);
    expect(result.packs.map((p) => p.source.id)).toEqual([PACK_SOURCE_ID, 'other-story']);
    expect(result.briefings).toEqual([JSON.parse(JSON.stringify(briefing))]);
  });

  it('refuses a data file whose briefing is not valid, naming the briefing and the field', () => {
    const result = parseDataFile(
      JSON.stringify(dataFile([makePack()], { briefings: [{ id: 'b', name: 'Monday' }] })),
      base,
    );
    expect(result.packs).toEqual([]);
    expect(result.briefings).toEqual([]);
    expect(result.errors).toContain(
      'data (briefing “Monday”).briefings[0].savedAt: Invalid input: expected string, received undefined',
    );
  });

  it('names the pack at fault and keeps the good ones', () => {
    const bad = packWith((p) => {
      p.figures[0]!.unit = 'x';
    });
    const result = parseDataFile(dataFile([bad, { format: 'csv' }]), base);
    expect(result.packs).toEqual([]);
    expect(result.errors).toEqual([
      'packs[0].figures[0].unit: unknown unit "x" (not in units.json nor in pack.units)',
      'packs[1]: This is not a geobrief data pack (format is "csv")',
    ]);
  });

  it('checks later packs against the earlier ones: a clash is named', () => {
    const clash = makePack({
      source: { ...makePack().source, id: 'other-story', title: 'Other' },
      figures: [makePackFigure({ sourceId: 'other-story', label: 'Something else' })],
      actors: [],
      events: [],
      statements: [],
    });
    const result = parseDataFile(dataFile([makePack(), clash]), base);
    expect(result.packs).toHaveLength(1);
    expect(result.errors).toEqual([
      `packs[1].figures[0].id: "${PACK_SOURCE_ID}-war-length-1" is already used by another figure in the dashboard's data`,
    ]);
  });

  it('skips a second pack of the same article', () => {
    const draft = makePack({
      figures: [makePackFigure({ status: 'proposed', actorIds: [] })],
      actors: [],
      events: [],
      statements: [],
    });
    const result = parseDataFile(dataFile([draft, draft]), base);
    expect(result.packs).toHaveLength(1);
    expect(result.warnings).toEqual([`packs[1]: skipped, the same article ("${PACK_SOURCE_ID}") as packs[0]`]);
  });

  it('names a wrong version, a bad envelope and text that is not JSON', () => {
    expect(parseDataFile(dataFile([], { version: 3 }), base).errors).toEqual([
      'version 3 data files are not supported: this dashboard reads version 1',
    ]);
    expect(parseDataFile(dataFile('nope' as unknown as unknown[]), base).errors[0]).toMatch(/^data\.packs: /);
    expect(parseDataFile('not json', base).errors[0]).toMatch(/^This file is not JSON/);
    expect(parseDataFile({ format: 'csv' }, base).errors).toEqual([
      'This is not a geobrief data pack or data file (format is "csv")',
    ]);
  });
});
