/**
 * The deck as PowerPoint slides, laid out without a browser: what a slide holds (its title, footer, notes, and
 * the text, lists, tables and pictures read from the deck) placed on a 16:9 slide of 13.33 × 7.5 in. Text is
 * measured with Arial's character widths (the font the file names), set as large as fits between 20 and 14 pt,
 * and never runs off the slide: a body that does not fit at 14 pt continues smaller, down to 10 pt, and only
 * past that are the last rows named ("…and 3 more rows") rather than drawn. Pure: no DOM, no PowerPoint library.
 */
import type { Block, Paragraph, Placement, Run, SlideLayout, SlideSpec, TextBox } from './slide-spec';
import { BULLET_INDENT, CARD_INSET, CELL_MARGIN, PARA_AFTER, paragraphHeight, TEXT_INSET } from './text-metrics';

/** The slide (LAYOUT_WIDE) and its frame, in inches. */
export const SLIDE = { w: 13.333, h: 7.5 } as const;
const MARGIN_X = 0.6;
const CONTENT_W = SLIDE.w - 2 * MARGIN_X;
const TITLE_Y = 0.3;
const TITLE_MIN_H = 0.7;
const BOTTOM_MARGIN = 0.2;
const GAP = 0.12;

/** Text sizes, in points. */
export const SIZES = {
  titleMax: 32,
  titleMin: 20,
  bodyMax: 20,
  /** The smallest a body is set while it fits. */
  bodyMin: 14,
  /** A body that does not fit at 14 pt continues smaller, down to this. */
  bodyFloor: 10,
  caption: 14,
  footerMax: 14,
  footerMin: 10,
} as const;

/** A picture keeps at least this share of the body's height when text shares the slide with it. */
const IMAGE_MIN_SHARE = 0.5;

function paragraphsHeight(paragraphs: readonly Paragraph[], pt: number, width: number): number {
  const gaps = Math.max(0, paragraphs.length - 1) * ((PARA_AFTER * pt) / 72);
  return paragraphs.reduce((h, p) => h + paragraphHeight(p, pt, width), 0) + gaps;
}

function textBoxHeight(paragraphs: readonly Paragraph[], pt: number, w: number, bullets: boolean): number {
  return paragraphsHeight(paragraphs, pt, w - 2 * TEXT_INSET - (bullets ? BULLET_INDENT : 0)) + 2 * TEXT_INSET;
}

function cardWidth(columns: number): number {
  return (CONTENT_W - (columns - 1) * GAP) / columns;
}

/** Heights of the rows of cards (a list in columns). */
function cardRows(items: readonly Paragraph[], columns: number, pt: number): number[] {
  const w = cardWidth(columns) - 2 * CARD_INSET;
  const rows: number[] = [];
  for (let i = 0; i < items.length; i += columns) {
    const row = items.slice(i, i + columns).map((item) => paragraphHeight(item, pt, w) + 2 * CARD_INSET);
    rows.push(Math.max(...row));
  }
  return rows;
}

function columnWidths(widths: readonly number[], count: number): number[] {
  const given = widths.length === count && widths.every((w) => w > 0) ? widths : Array<number>(count).fill(1);
  const total = given.reduce((a, b) => a + b, 0);
  return given.map((w) => (w / total) * CONTENT_W);
}

function cellHeight(runs: Run[], pt: number, width: number, bold: boolean): number {
  const paragraph = { runs: bold ? runs.map((r) => ({ ...r, bold: true })) : runs };
  return paragraphHeight(paragraph, pt, width - 2 * CELL_MARGIN.h) + 2 * CELL_MARGIN.v;
}

function tableRows(block: Extract<Block, { kind: 'table' }>, pt: number): { colW: number[]; rowH: number[] } {
  const count = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 1);
  const colW = columnWidths(block.widths, count);
  const all = [...(block.header ? [block.header] : []), ...block.rows];
  const rowH = all.map((row, r) =>
    Math.max(...row.map((cell, c) => cellHeight(cell, pt, colW[c] ?? CONTENT_W, r === 0 && !!block.header))),
  );
  return { colW, rowH };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The height a text block, list or table takes at `pt` points (pictures: 0, they are sized last). */
function blockHeight(block: Block, pt: number, floor = 0): number {
  switch (block.kind) {
    case 'text':
      return textBoxHeight(block.paragraphs, captionSize(block, pt, floor), CONTENT_W, false);
    case 'list': {
      const size = captionSize(block, pt, floor);
      if (block.columns > 1 || block.boxed) {
        const rows = cardRows(block.items, block.columns, size);
        return sum(rows) + Math.max(0, rows.length - 1) * GAP;
      }
      return textBoxHeight(block.items, size, CONTENT_W, true);
    }
    case 'table':
      return sum(tableRows(block, pt).rowH);
    case 'image':
      return 0;
  }
}

function captionSize(block: Block, pt: number, floor = 0): number {
  return Math.max(floor, 'caption' in block && block.caption ? Math.min(SIZES.caption, pt) : pt);
}

/** Only a long table continues below 14 pt: a text or a list on its slide keeps 14 pt. */
function textFloor(blocks: readonly Block[]): number {
  return blocks.some((b) => b.kind === 'table') ? SIZES.bodyMin : 0;
}

/** The height a picture takes at the content's full width. */
function naturalHeight(block: Extract<Block, { kind: 'image' }>): number {
  return block.width > 0 ? (CONTENT_W * block.height) / block.width : 0;
}

/** Does the body fit in `height` inches at `pt` points, the pictures kept at their least? */
function fits(blocks: readonly Block[], pt: number, height: number): boolean {
  const images = blocks.filter((b) => b.kind === 'image');
  const text = sum(blocks.map((b) => blockHeight(b, pt, textFloor(blocks))));
  const imageMin = sum(images.map((b) => (text > 0 ? Math.min(naturalHeight(b), IMAGE_MIN_SHARE * height) : 0)));
  return text + imageMin + Math.max(0, blocks.length - 1) * GAP <= height + 1e-9;
}

/**
 * Leave out the last items of the longest list or table until the body fits at `pt`, saying how many on the
 * slide. Returns the blocks and the number left out.
 */
function dropRows(blocks: readonly Block[], pt: number, height: number): { blocks: Block[]; omitted: number } {
  const longest = blocks.reduce<number>((best, b, i) => {
    const n = b.kind === 'list' ? b.items.length : b.kind === 'table' ? b.rows.length : 0;
    const bestBlock = blocks[best];
    const m =
      bestBlock?.kind === 'list' ? bestBlock.items.length : bestBlock?.kind === 'table' ? bestBlock.rows.length : 0;
    return n > m ? i : best;
  }, -1);
  if (longest < 0) return { blocks: [...blocks], omitted: 0 };
  const target = blocks[longest]!;
  const total = target.kind === 'list' ? target.items.length : target.kind === 'table' ? target.rows.length : 0;
  let omitted = 0;
  let next = [...blocks];
  while (omitted < total - 1) {
    omitted++;
    const kept =
      target.kind === 'list'
        ? { ...target, items: target.items.slice(0, total - omitted) }
        : target.kind === 'table'
          ? { ...target, rows: target.rows.slice(0, total - omitted) }
          : target;
    const note: Block = {
      kind: 'text',
      paragraphs: [
        {
          runs: [
            {
              text: `…and ${omitted} more ${target.kind === 'table' ? (omitted === 1 ? 'row' : 'rows') : omitted === 1 ? 'item' : 'items'}: see this slide in the dashboard.`,
              italic: true,
              muted: true,
            },
          ],
        },
      ],
    };
    next = [...blocks.slice(0, longest), kept, note, ...blocks.slice(longest + 1)];
    if (fits(next, pt, height)) break;
  }
  return { blocks: next, omitted };
}

/** The largest size in [min, max] at which `paragraphs` fit `h` inches (or `min`). */
function fitSize(paragraphs: readonly Paragraph[], w: number, h: number, max: number, min: number): number {
  for (let pt = max; pt > min; pt--) if (textBoxHeight(paragraphs, pt, w, false) <= h) return pt;
  return min;
}

/** Lay out one slide: title at the top, footer at the bottom, the body between them, top to bottom. */
export function layoutSlide(spec: SlideSpec): SlideLayout {
  const titleParas = [{ runs: [{ text: spec.title, bold: true }] }];
  const titleSize = fitSize(titleParas, CONTENT_W, TITLE_MIN_H, SIZES.titleMax, SIZES.titleMin);
  const titleH = Math.max(TITLE_MIN_H, textBoxHeight(titleParas, titleSize, CONTENT_W, false));
  const title: TextBox = {
    kind: 'text',
    role: 'title',
    x: MARGIN_X,
    y: TITLE_Y,
    w: CONTENT_W,
    h: titleH,
    fontSize: titleSize,
    paragraphs: titleParas,
    bullets: false,
    boxed: false,
    inset: TEXT_INSET,
  };

  const footerParas = [{ runs: [{ text: spec.footer, muted: true }] }];
  const footerMaxH = textBoxHeight(
    [{ runs: [{ text: 'A' }, { text: 'A', breakBefore: true }] }],
    SIZES.footerMax,
    1,
    false,
  );
  const footerSize = fitSize(footerParas, CONTENT_W, footerMaxH, SIZES.footerMax, SIZES.footerMin);
  const footerH = textBoxHeight(footerParas, footerSize, CONTENT_W, false);
  const footer: TextBox = {
    kind: 'text',
    role: 'footer',
    x: MARGIN_X,
    y: SLIDE.h - BOTTOM_MARGIN - footerH,
    w: CONTENT_W,
    h: footerH,
    fontSize: footerSize,
    paragraphs: footerParas,
    bullets: false,
    boxed: false,
    inset: TEXT_INSET,
  };

  const top = title.y + title.h + GAP;
  const bottom = footer.y - GAP;
  const height = bottom - top;

  let blocks = spec.blocks.filter(
    (b) =>
      (b.kind === 'text' && b.paragraphs.length > 0) ||
      (b.kind === 'list' && b.items.length > 0) ||
      (b.kind === 'table' && (b.rows.length > 0 || b.header)) ||
      (b.kind === 'image' && b.width > 0 && b.height > 0),
  );
  let size: number = SIZES.bodyFloor;
  for (let pt = SIZES.bodyMax; pt >= SIZES.bodyFloor; pt--) {
    if (fits(blocks, pt, height)) {
      size = pt;
      break;
    }
  }
  let omitted = 0;
  if (!fits(blocks, size, height)) ({ blocks, omitted } = dropRows(blocks, size, height));

  // Pictures share what the text leaves, in proportion to their height at full width, never taller than that.
  const images = blocks.filter((b) => b.kind === 'image');
  const floor = textFloor(blocks);
  const textH = sum(blocks.map((b) => blockHeight(b, size, floor)));
  const free = Math.max(0, height - textH - Math.max(0, blocks.length - 1) * GAP);
  const natural = sum(images.map(naturalHeight));
  const imageH = (b: Extract<Block, { kind: 'image' }>) =>
    Math.min(naturalHeight(b), (free * naturalHeight(b)) / natural);

  const body: Placement[] = [];
  let y = top;
  for (const block of blocks) {
    switch (block.kind) {
      case 'image': {
        const h = imageH(block);
        const w = (h * block.width) / block.height;
        body.push({ kind: 'image', x: MARGIN_X + (CONTENT_W - w) / 2, y, w, h, data: block.data, alt: block.alt });
        y += h;
        break;
      }
      case 'table': {
        const { colW, rowH } = tableRows(block, size);
        const h = sum(rowH);
        body.push({
          kind: 'table',
          x: MARGIN_X,
          y,
          w: CONTENT_W,
          h,
          fontSize: size,
          colW,
          rowH,
          header: block.header,
          rows: block.rows,
        });
        y += h;
        break;
      }
      case 'list':
      case 'text': {
        const pt = captionSize(block, size, floor);
        if (block.kind === 'list' && (block.columns > 1 || block.boxed)) {
          const w = cardWidth(block.columns);
          const rows = cardRows(block.items, block.columns, pt);
          block.items.forEach((item, i) => {
            const row = Math.floor(i / block.columns);
            body.push({
              kind: 'text',
              role: 'body',
              x: MARGIN_X + (i % block.columns) * (w + GAP),
              y: y + sum(rows.slice(0, row)) + row * GAP,
              w,
              h: rows[row]!,
              fontSize: pt,
              paragraphs: [item],
              bullets: false,
              boxed: true,
              inset: CARD_INSET,
            });
          });
          y += sum(rows) + Math.max(0, rows.length - 1) * GAP;
          break;
        }
        // One column: a text box, with bullets for a list.
        const paragraphs = block.kind === 'list' ? block.items : block.paragraphs;
        const bullets = block.kind === 'list';
        const h = textBoxHeight(paragraphs, pt, CONTENT_W, bullets);
        body.push({
          kind: 'text',
          role: 'body',
          x: MARGIN_X,
          y,
          w: CONTENT_W,
          h,
          fontSize: pt,
          paragraphs,
          bullets,
          boxed: false,
          inset: TEXT_INSET,
        });
        y += h;
        break;
      }
    }
    y += GAP;
  }

  return { title, footer, body, notes: spec.notes.join('\n'), bodySize: size, omitted };
}
