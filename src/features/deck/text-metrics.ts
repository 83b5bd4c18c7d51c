/**
 * Text measured without a browser: Arial's character widths (the font the file names), lines wrapped at
 * spaces, a paragraph's height, and the spacing the layout measures with and the writer sets
 * (`TEXT_METRICS`). Pure.
 */
import type { Paragraph, Run } from './slide-spec';

/** Line height as a multiple of the font size: PowerPoint's single spacing for Arial is 1.15 (ascent, descent and gap). */
const LINE = 1.17;
/** Space after a paragraph or list item, as a multiple of the font size. */
export const PARA_AFTER = 0.35;
export const TEXT_INSET = 4 / 72;
export const CARD_INSET = 0.12;
export const BULLET_INDENT = 0.3;
export const CELL_MARGIN = { v: 0.04, h: 0.08 };
/** Widths are measured a little wide: the text wraps in the file no later than here. */
const SAFETY = 1.04;

// Advance widths of Arial (metric-compatible with Helvetica and Liberation Sans), in 1/1000 em, for ASCII 32–126.
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const OTHER_WIDTHS: Record<string, number> = {
  '“': 333,
  '”': 333,
  '‘': 222,
  '’': 222,
  '–': 556,
  '—': 1000,
  '·': 278,
  '…': 1000,
  '•': 350,
  '■': 604,
  '²': 333,
  '×': 584,
  '€': 556,
  '£': 556,
  '\u00a0': 278,
};
/** Bold Arial is wider than regular by up to a tenth. */
const BOLD = 1.1;

/** The width of a character in em. Unknown letters count as wide ones. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32]! / 1000;
  const known = OTHER_WIDTHS[ch];
  if (known !== undefined) return known / 1000;
  // Accented Latin letters are as wide as their base letter, about 0.56 em; CJK is square.
  return code >= 0x2e80 ? 1 : 0.6;
}

/** The width of `text` at `pt` points, in inches. */
export function textWidth(text: string, pt: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return (em * pt * (bold ? BOLD : 1) * SAFETY) / 72;
}

interface Glyph {
  ch: string;
  /** Width in inches. */
  w: number;
}

/** Split `glyphs` into lines no wider than `width`, at spaces; a word longer than a line is cut between letters. */
function wrapGlyphs(glyphs: readonly Glyph[], width: number): Glyph[][] {
  const lines: Glyph[][] = [];
  let line: Glyph[] = [];
  let lineW = 0;
  let i = 0;
  const flush = () => {
    while (line.length > 0 && line[line.length - 1]!.ch === ' ') line.pop();
    lines.push(line);
    line = [];
    lineW = 0;
  };
  while (i < glyphs.length) {
    if (glyphs[i]!.ch === ' ') {
      if (line.length > 0) {
        line.push(glyphs[i]!);
        lineW += glyphs[i]!.w;
      }
      i++;
      continue;
    }
    let j = i;
    let wordW = 0;
    while (j < glyphs.length && glyphs[j]!.ch !== ' ') wordW += glyphs[j++]!.w;
    if (lineW + wordW <= width) {
      line.push(...glyphs.slice(i, j));
      lineW += wordW;
      i = j;
    } else if (line.length > 0) {
      flush();
    } else {
      // A word wider than the line: as many letters as fit (at least one), the rest on the next line.
      let k = i;
      while (k < j && (k === i || lineW + glyphs[k]!.w <= width)) lineW += glyphs[k++]!.w;
      line.push(...glyphs.slice(i, k));
      i = k;
      flush();
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/** `text` wrapped into lines that fit `width` inches at `pt` points. */
export function wrapText(text: string, pt: number, width: number, bold = false): string[] {
  const glyphs = [...text].map((ch) => ({ ch, w: textWidth(ch, pt, bold) }));
  return wrapGlyphs(glyphs, width).map((line) => line.map((g) => g.ch).join(''));
}

/** The height of a paragraph at `pt` points in a column `width` inches wide (without the space after it). */
export function paragraphHeight(paragraph: Paragraph, pt: number, width: number): number {
  // Soft breaks cut a paragraph into lines of their own; each part wraps, its lines as tall as its largest text.
  const parts: Run[][] = [];
  for (const run of paragraph.runs) {
    if (run.breakBefore || parts.length === 0) parts.push([]);
    parts[parts.length - 1]!.push(run);
  }
  let height = 0;
  for (const part of parts) {
    const glyphs: Glyph[] = [];
    let scale = 1;
    for (const run of part) {
      const size = pt * (run.scale ?? 1);
      scale = Math.max(scale, run.scale ?? 1);
      for (const ch of run.text) glyphs.push({ ch, w: textWidth(ch, size, run.bold) });
    }
    const lines = wrapGlyphs(glyphs, width).length;
    height += (lines * LINE * pt * scale) / 72;
  }
  return height;
}

/** Layout constants the writer needs to set the same spacing the layout measured. */
export const TEXT_METRICS = {
  lineHeight: LINE,
  paraAfter: PARA_AFTER,
  bulletIndentPt: BULLET_INDENT * 72,
  cellMargin: [CELL_MARGIN.v, CELL_MARGIN.h, CELL_MARGIN.v, CELL_MARGIN.h] as [number, number, number, number],
} as const;
