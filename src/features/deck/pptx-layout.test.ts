import { describe, expect, it } from 'vitest';
import { layoutSlide, SIZES, SLIDE } from './pptx-layout';
import type { Block, Placement, SlideSpec } from './slide-spec';
import { paragraphHeight, textWidth, wrapText } from './text-metrics';
import { keepFirstParagraphProperties, notesAsParagraphs, textRuns, writeDeck, type PptxSlide } from './pptx-write';

const FOOTER = 'As of 14 Feb 2025 · Sources: Reuters via Daily Maverick; The New York Times';

function spec(blocks: Block[], title = 'Actors (1/7)'): SlideSpec {
  return { title, footer: FOOTER, notes: ['First note.', 'Second note: “a quote”.'], blocks };
}

/** Ten actors as the deck's table shows them: a name over its kind, a role, and counts. */
function actorRows(n: number, role = 'President of Ukraine, seeking US backing and security guarantees.') {
  return Array.from({ length: n }, (_, i) => [
    [
      { text: `Actor number ${i + 1}`, bold: true },
      { text: 'Person · Ukraine', muted: true, breakBefore: true },
    ],
    [{ text: role }],
    [{ text: '3 figures, 12 events, 8 quotes', muted: true }],
  ]);
}

function table(rows: ReturnType<typeof actorRows>): Block {
  return {
    kind: 'table',
    header: [[{ text: 'Actor' }], [{ text: 'Role' }], [{ text: 'In this briefing' }]],
    rows,
    widths: [30, 43, 27],
  };
}

const bullets = (items: string[]): Block => ({
  kind: 'list',
  items: items.map((text) => ({ runs: [{ text }] })),
  columns: 1,
  boxed: false,
});

/** Every placement lies on the slide, between the title and the footer, and none overlaps the next. */
function expectInside(layout: ReturnType<typeof layoutSlide>) {
  const top = layout.title.y + layout.title.h;
  const bottom = layout.footer.y;
  expect(layout.footer.y + layout.footer.h).toBeLessThanOrEqual(SLIDE.h);
  let previous: Placement | undefined;
  for (const box of layout.body) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(SLIDE.w + 1e-9);
    expect(box.y).toBeGreaterThanOrEqual(top);
    expect(box.y + box.h).toBeLessThanOrEqual(bottom + 1e-9);
    if (previous && previous.x === box.x) expect(box.y).toBeGreaterThanOrEqual(previous.y + previous.h);
    previous = box;
  }
}

describe('measuring text in Arial', () => {
  it('knows narrow letters from wide ones, and bold from regular', () => {
    expect(textWidth('iiiiiiiiii', 14)).toBeLessThan(textWidth('MMMMMMMMMM', 14) / 3);
    expect(textWidth('Kremlin', 14, true)).toBeGreaterThan(textWidth('Kremlin', 14));
    // 72 pt is an inch: "M" is 0.833 em wide.
    expect(textWidth('M', 72)).toBeCloseTo(0.833 * 1.04, 3);
  });

  it('wraps at spaces within the width, losing and cutting no word', () => {
    const text = 'Russian crypto operator jailed in the US, now released to Russia in exchange for Fogel.';
    const lines = wrapText(text, 14, 3);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(3);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts a word longer than the line between letters rather than letting it run over', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', 20, 1);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(1);
  });

  it('gives a soft break its own line, as tall as its largest text', () => {
    const one = paragraphHeight({ runs: [{ text: 'Label' }] }, 14, 5);
    const two = paragraphHeight({ runs: [{ text: 'Label' }, { text: 'Value', breakBefore: true }] }, 14, 5);
    const big = paragraphHeight({ runs: [{ text: 'Label' }, { text: 'Value', breakBefore: true, scale: 1.5 }] }, 14, 5);
    expect(two).toBeCloseTo(2 * one);
    expect(big).toBeCloseTo(2.5 * one);
  });
});

describe('layoutSlide', () => {
  it('puts the title at the top and the footer at the bottom, as text, and joins the notes', () => {
    const layout = layoutSlide(spec([bullets(['One short item.'])]));
    expect(layout.title.paragraphs[0]!.runs[0]).toMatchObject({ text: 'Actors (1/7)', bold: true });
    expect(layout.title.fontSize).toBe(SIZES.titleMax);
    expect(layout.footer.paragraphs[0]!.runs[0]!.text).toBe(FOOTER);
    expect(layout.footer.fontSize).toBeGreaterThanOrEqual(14);
    expect(layout.footer.y).toBeGreaterThan(6.5);
    expect(layout.notes).toBe('First note.\nSecond note: “a quote”.');
  });

  it('sets a short list large and a long one smaller, never under 14 pt while it fits', () => {
    const short = layoutSlide(spec([bullets(['One.', 'Two.', 'Three.'])]));
    const long = layoutSlide(
      spec([bullets(Array.from({ length: 10 }, (_, i) => `Item ${i + 1}: ${'a sentence of some length '.repeat(5)}`))]),
    );
    expect(short.bodySize).toBe(SIZES.bodyMax);
    expect(long.bodySize).toBeLessThan(short.bodySize);
    expect(long.bodySize).toBeGreaterThanOrEqual(SIZES.bodyMin);
    expect(long.omitted).toBe(0);
    expectInside(short);
    expectInside(long);
  });

  it('lays out ten actors as a table whose rows fit between title and footer, every cell kept whole', () => {
    const layout = layoutSlide(spec([table(actorRows(10))]));
    const box = layout.body[0]!;
    expect(box.kind).toBe('table');
    if (box.kind !== 'table') return;
    expect(box.rows).toHaveLength(10);
    expect(box.rowH).toHaveLength(11);
    expect(box.rowH.reduce((a, b) => a + b, 0)).toBeCloseTo(box.h);
    // Column widths keep the screen's proportions across the content width.
    expect(box.colW[1]! / box.colW[0]!).toBeCloseTo(43 / 30);
    expect(box.colW.reduce((a, b) => a + b, 0)).toBeCloseTo(box.w);
    // Each row is tall enough for the name over its kind, and for the role wrapped in its column.
    for (const h of box.rowH.slice(1)) expect(h).toBeGreaterThanOrEqual((2 * 1.17 * box.fontSize) / 72);
    expectInside(layout);
  });

  it('continues a list too long for 14 pt in smaller text rather than letting it run off the slide', () => {
    const layout = layoutSlide(
      spec([table(actorRows(13, 'A role long enough to take two lines of the role column.'))]),
    );
    expect(layout.bodySize).toBeLessThan(SIZES.bodyMin);
    expect(layout.bodySize).toBeGreaterThanOrEqual(SIZES.bodyFloor);
    expect(layout.omitted).toBe(0);
    expectInside(layout);
  });

  it('keeps the line under a long table at 14 pt while the table continues smaller', () => {
    const more = {
      kind: 'text' as const,
      paragraphs: [{ runs: [{ text: '…and 12 more actors: all of them are in the handout.' }] }],
    };
    const layout = layoutSlide(
      spec([table(actorRows(11, 'A role long enough to take two lines of the role column.')), more]),
    );
    const kept = layout.body.find((b) => b.kind === 'table');
    const line = layout.body.find((b) => b.kind === 'text');
    expect(kept && kept.fontSize).toBeLessThan(SIZES.bodyMin);
    expect(line && line.fontSize).toBe(SIZES.bodyMin);
    expect(layout.omitted).toBe(0);
    expectInside(layout);
  });

  it('names the rows it cannot hold even at 10 pt instead of drawing them off the slide', () => {
    const layout = layoutSlide(spec([table(actorRows(40))]));
    expect(layout.bodySize).toBe(SIZES.bodyFloor);
    expect(layout.omitted).toBeGreaterThan(0);
    const kept = layout.body.find((b) => b.kind === 'table');
    expect(kept?.kind === 'table' && kept.rows.length).toBe(40 - layout.omitted);
    const note = layout.body.find((b) => b.kind === 'text');
    expect(note?.kind === 'text' && note.paragraphs[0]!.runs[0]!.text).toBe(
      `…and ${layout.omitted} more rows: see this slide in the dashboard.`,
    );
    expectInside(layout);
  });

  it('sets a chart as a picture with its proportions, its legend and source as 14 pt text under it', () => {
    const layout = layoutSlide(
      spec(
        [
          { kind: 'image', data: 'data:image/png;base64,AAAA', width: 1600, height: 600, alt: 'Chart: casualties' },
          {
            kind: 'text',
            caption: true,
            paragraphs: [
              { runs: [{ text: '■\u00a0', colour: 'C2410C' }, { text: 'Russia' }] },
              { runs: [{ text: 'Source: The New York Times.' }] },
            ],
          },
        ],
        'Casualty estimates',
      ),
    );
    const [image, caption] = layout.body;
    expect(image?.kind).toBe('image');
    expect(caption?.kind).toBe('text');
    if (image?.kind !== 'image' || caption?.kind !== 'text') return;
    expect(image.w / image.h).toBeCloseTo(1600 / 600);
    expect(image.data).toBe('data:image/png;base64,AAAA');
    expect(caption.y).toBeGreaterThanOrEqual(image.y + image.h);
    expect(caption.fontSize).toBe(SIZES.caption);
    expectInside(layout);
  });

  it('shrinks a tall picture to the room the text leaves it, centred', () => {
    const layout = layoutSlide(
      spec([
        { kind: 'image', data: 'data:image/png;base64,AAAA', width: 800, height: 800, alt: 'Map' },
        bullets(['Legend one.', 'Legend two.', 'Legend three.']),
      ]),
    );
    const image = layout.body[0]!;
    expect(image.w).toBeCloseTo(image.h);
    expect(image.x + image.w / 2).toBeCloseTo(SLIDE.w / 2);
    expectInside(layout);
  });

  it('lays cards out in the columns the slide shows, a row as tall as its tallest card', () => {
    const cards: Block = {
      kind: 'list',
      columns: 3,
      boxed: true,
      items: [
        'Short',
        'A much longer label that will wrap over several lines of its card',
        'Mid length label',
        'Four',
      ].map((text) => ({ runs: [{ text }, { text: '1,400 tanks', scale: 1.5, accent: true, breakBefore: true }] })),
    };
    const layout = layoutSlide(spec([cards], 'Key figures (1/7)'));
    expect(layout.body).toHaveLength(4);
    const [a, b, c, d] = layout.body as Placement[];
    expect(a!.y).toBe(b!.y);
    expect(b!.x).toBeGreaterThan(a!.x + a!.w);
    expect(c!.x + c!.w).toBeLessThanOrEqual(SLIDE.w);
    expect(a!.h).toBe(b!.h);
    expect(d!.x).toBe(a!.x);
    expect(d!.y).toBeGreaterThan(a!.y + a!.h);
    expect(layout.body.every((box) => box.kind === 'text' && box.boxed)).toBe(true);
  });
});

describe('writing the slides with pptxgenjs', () => {
  /** A presentation that records what is put on its slides. */
  function recorder() {
    const slides: { calls: [string, ...unknown[]][] }[] = [];
    return {
      slides,
      addSlide() {
        const slide = { calls: [] as [string, ...unknown[]][] };
        slides.push(slide);
        const record =
          (name: string) =>
          (...args: unknown[]) => {
            slide.calls.push([name, ...args]);
            return slide as unknown as PptxSlide;
          };
        return {
          addText: record('addText'),
          addTable: record('addTable'),
          addImage: record('addImage'),
          addNotes: record('addNotes'),
        } as unknown as PptxSlide;
      },
    };
  }

  it('makes one slide per deck slide, in order, with title, body, footer and notes', () => {
    const pptx = recorder();
    const layouts = writeDeck(pptx, [
      spec([bullets(['First item.'])], 'Briefing'),
      spec(
        [{ kind: 'image', data: 'data:image/png;base64,AAAA', width: 4, height: 3, alt: 'Map' }, table(actorRows(2))],
        'Front line and places',
      ),
    ]);
    expect(layouts).toHaveLength(2);
    expect(pptx.slides).toHaveLength(2);
    const texts = (i: number) =>
      pptx.slides[i]!.calls.filter(([name]) => name === 'addText').map(([, runs]) =>
        (runs as { text: string }[]).map((r) => r.text).join(''),
      );
    expect(texts(0)).toEqual(['Briefing', 'First item.', FOOTER]);
    expect(texts(1)[0]).toBe('Front line and places');
    const [, image] = pptx.slides[1]!.calls.find(([name]) => name === 'addImage')!;
    expect(image).toMatchObject({ data: 'data:image/png;base64,AAAA', altText: 'Map' });
    const [, rows, options] = pptx.slides[1]!.calls.find(([name]) => name === 'addTable')!;
    expect(rows).toHaveLength(3);
    expect(options).toMatchObject({ autoPage: false, fontFace: 'Arial' });
    expect((options as { fontSize: number }).fontSize).toBeGreaterThanOrEqual(14);
    for (const slide of pptx.slides) {
      expect(slide.calls.filter(([name]) => name === 'addNotes')).toEqual([
        ['addNotes', 'First note.\nSecond note: “a quote”.'],
      ]);
    }
  });

  it('marks bullets, soft breaks and paragraph ends as pptxgenjs expects them', () => {
    const runs = textRuns(
      [
        {
          runs: [
            { text: 'Label', bold: true },
            { text: 'Value', breakBefore: true, scale: 1.5 },
          ],
        },
        { runs: [{ text: 'Second' }] },
      ],
      14,
      true,
    );
    expect(runs.map((r) => r.text)).toEqual(['Label', 'Value', 'Second']);
    expect(runs[0]!.options).toMatchObject({ bold: true, fontSize: 14, bullet: { indent: expect.any(Number) } });
    expect(runs[1]!.options).toMatchObject({ softBreakBefore: true, fontSize: 21, breakLine: true });
    expect(runs[1]!.options).not.toHaveProperty('bullet');
    expect(runs[2]!.options).toMatchObject({ bullet: expect.anything() });
    expect(runs[2]!.options).not.toHaveProperty('breakLine');
  });

  it('keeps only the leading paragraph properties of each paragraph (pptxgenjs writes one per run)', () => {
    const written =
      '<p:txBody><a:p><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>Hello </a:t></a:r>' +
      '<a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>world</a:t></a:r><a:br/>' +
      '<a:pPr/><a:r><a:t>again</a:t></a:r></a:p><a:p><a:r><a:t>No pPr</a:t></a:r><a:pPr algn="l"></a:pPr></a:p></p:txBody>';
    expect(keepFirstParagraphProperties(written)).toBe(
      '<p:txBody><a:p><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>Hello </a:t></a:r>' +
        '<a:r><a:t>world</a:t></a:r><a:br/><a:r><a:t>again</a:t></a:r></a:p><a:p><a:r><a:t>No pPr</a:t></a:r></a:p></p:txBody>',
    );
  });

  it('makes each note a paragraph of the notes (pptxgenjs writes them as one run with line breaks)', () => {
    const written =
      '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>First note.\r\nSecond: “a quote”.</a:t></a:r><a:endParaRPr/></a:p></p:txBody>';
    expect(notesAsParagraphs(written)).toBe(
      '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>First note.</a:t></a:r></a:p>' +
        '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>Second: “a quote”.</a:t></a:r><a:endParaRPr/></a:p></p:txBody>',
    );
  });
});
