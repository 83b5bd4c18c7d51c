/**
 * Laid-out slides (pptx-layout) as pptxgenjs calls: title, body and footer as real text in Arial, tables as
 * tables, pictures as images from data URLs (nothing is fetched), the speaker's notes as the slide's notes.
 * Takes the presentation as an argument, so the library itself loads only when a deck is exported.
 */
import type PptxGenJS from 'pptxgenjs';
import { layoutSlide } from './pptx-layout';
import type { Paragraph, Run, SlideLayout, SlideSpec } from './slide-spec';
import { TEXT_METRICS } from './text-metrics';

export const FONT = 'Arial';
const COLOURS = { text: '1B1D21', muted: '545A64', accent: '1F4E8C', frame: 'C9CCD1', header: 'EEF0F3' };

/** What the writer calls on a slide (a test records these). */
export type PptxSlide = Pick<PptxGenJS.Slide, 'addText' | 'addTable' | 'addImage' | 'addNotes'>;
export interface PptxPresentation {
  addSlide(): PptxSlide;
}

function runOptions(run: Run, pt: number): PptxGenJS.TextPropsOptions {
  return {
    fontFace: FONT,
    fontSize: Math.round(pt * (run.scale ?? 1) * 2) / 2,
    bold: !!run.bold,
    italic: !!run.italic,
    color: run.colour ?? (run.muted ? COLOURS.muted : run.accent ? COLOURS.accent : COLOURS.text),
  };
}

/** Paragraphs as pptxgenjs text runs: a paragraph ends with `breakLine`, a soft break is `softBreakBefore`. */
export function textRuns(paragraphs: readonly Paragraph[], pt: number, bullets = false): PptxGenJS.TextProps[] {
  const out: PptxGenJS.TextProps[] = [];
  paragraphs.forEach((paragraph, i) => {
    const runs = paragraph.runs.filter((r) => r.text !== '');
    runs.forEach((run, j) => {
      out.push({
        text: run.text,
        options: {
          ...runOptions(run, pt),
          ...(j === 0 && bullets ? { bullet: { indent: TEXT_METRICS.bulletIndentPt } } : {}),
          ...(j > 0 && run.breakBefore ? { softBreakBefore: true } : {}),
          ...(j === runs.length - 1 && i < paragraphs.length - 1 ? { breakLine: true } : {}),
        },
      });
    });
  });
  return out;
}

/** Put one laid-out slide on a pptxgenjs slide. */
export function writeSlide(slide: PptxSlide, layout: SlideLayout) {
  for (const box of [layout.title, ...layout.body, layout.footer]) {
    if (box.kind === 'text') {
      slide.addText(textRuns(box.paragraphs, box.fontSize, box.bullets), {
        x: box.x,
        y: box.y,
        w: box.w,
        h: box.h,
        margin: box.inset * 72,
        valign: 'top',
        fontFace: FONT,
        fontSize: box.fontSize,
        color: box.role === 'footer' ? COLOURS.muted : COLOURS.text,
        paraSpaceAfter: box.role === 'body' ? Math.round(TEXT_METRICS.paraAfter * box.fontSize * 10) / 10 : 0,
        fit: 'none',
        ...(box.boxed ? { line: { color: COLOURS.frame, width: 0.75 } } : {}),
      });
    } else if (box.kind === 'table') {
      const rows: PptxGenJS.TableRow[] = [
        ...(box.header
          ? [
              box.header.map((cell) => ({
                text: cellRuns(cell, box.fontSize),
                options: { bold: true, fill: { color: COLOURS.header } },
              })),
            ]
          : []),
        ...box.rows.map((row) => row.map((cell) => ({ text: cellRuns(cell, box.fontSize) }))),
      ];
      slide.addTable(rows, {
        x: box.x,
        y: box.y,
        w: box.w,
        h: box.h,
        colW: box.colW,
        rowH: box.rowH,
        fontFace: FONT,
        fontSize: box.fontSize,
        color: COLOURS.text,
        margin: TEXT_METRICS.cellMargin,
        valign: 'top',
        border: { type: 'solid', pt: 0.75, color: COLOURS.frame },
        autoPage: false,
      });
    } else {
      slide.addImage({ data: box.data, x: box.x, y: box.y, w: box.w, h: box.h, altText: box.alt });
    }
  }
  if (layout.notes) slide.addNotes(layout.notes);
}

/** A cell's runs; an empty cell keeps one empty run (a cell needs a paragraph). */
function cellRuns(runs: Run[], pt: number): PptxGenJS.TextProps[] {
  const props = textRuns([{ runs }], pt);
  return props.length > 0 ? props : [{ text: ' ', options: { fontFace: FONT, fontSize: pt } }];
}

/** Every slide, in order: one pptx slide per deck slide. Returns the layouts (what was placed where). */
export function writeDeck(pptx: PptxPresentation, specs: readonly SlideSpec[]): SlideLayout[] {
  return specs.map((spec) => {
    const layout = layoutSlide(spec);
    writeSlide(pptx.addSlide(), layout);
    return layout;
  });
}

/**
 * pptxgenjs 4.0.1 writes a paragraph's properties (`<a:pPr>`) before every run of it, not once at its start;
 * the schema allows one, first, and older PowerPoint asks to repair such a file (gitbrent/PptxGenJS#1083).
 * Keep only the leading one of each paragraph.
 */
export function keepFirstParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => {
    const cleaned = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr: string, offset: number) =>
      offset === 0 ? pPr : '',
    );
    return `<a:p>${cleaned}</a:p>`;
  });
}

/**
 * pptxgenjs 4.0.1 writes a slide's notes as one run with the line breaks inside it; PowerPoint shows each note
 * as its own paragraph only when they are paragraphs. Split a notes run at its line breaks.
 */
export function notesAsParagraphs(xml: string): string {
  return xml.replace(/<a:r>(<a:rPr[^>]*\/>)<a:t>([^<]*\n[^<]*)<\/a:t><\/a:r>/g, (_, rPr: string, text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => `<a:r>${rPr}<a:t>${line}</a:t></a:r>`)
      .join('</a:p><a:p>'),
  );
}
