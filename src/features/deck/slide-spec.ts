/**
 * What a PowerPoint slide holds before layout (`SlideSpec`: title, footer, notes and the blocks read from the
 * deck) and where layout puts it (`SlideLayout`: boxes of text, tables and pictures, in inches). Types only.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Size relative to the block's text: 1, or more for a figure's value. */
  scale?: number;
  /** Secondary text, in grey. */
  muted?: boolean;
  /** The accent colour (a figure's value). */
  accent?: boolean;
  /** A colour of its own, "RRGGBB" (a legend's swatch). */
  colour?: string;
  /** Starts a new line within its paragraph (a soft break). */
  breakBefore?: boolean;
}

export interface Paragraph {
  runs: Run[];
}

export type Block =
  /** Paragraphs. A caption (a chart's legend and source) is set at 14 pt whatever the body's size. */
  | { kind: 'text'; paragraphs: Paragraph[]; caption?: boolean }
  /** A list: bullets in one column, or boxes (cards) in `columns` columns. */
  | { kind: 'list'; items: Paragraph[]; columns: number; boxed: boolean; caption?: boolean }
  /** `widths`: the columns' relative widths, as on screen. */
  | { kind: 'table'; header: Run[][] | null; rows: Run[][][]; widths: number[] }
  /** A PNG as a data URL; `width` and `height` give its proportions. */
  | { kind: 'image'; data: string; width: number; height: number; alt: string };

export interface SlideSpec {
  title: string;
  /** "As of 14 Feb 2025 · Sources: …" */
  footer: string;
  notes: readonly string[];
  blocks: Block[];
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextBox extends Box {
  kind: 'text';
  fontSize: number;
  paragraphs: Paragraph[];
  bullets: boolean;
  /** Drawn with a thin frame (a figure's card). */
  boxed: boolean;
  /** The inset between the box's edge and its text, in inches. */
  inset: number;
  role: 'title' | 'footer' | 'body';
}

export interface TableBox extends Box {
  kind: 'table';
  fontSize: number;
  colW: number[];
  rowH: number[];
  header: Run[][] | null;
  rows: Run[][][];
}

export interface ImageBox extends Box {
  kind: 'image';
  data: string;
  alt: string;
}

export type Placement = TextBox | TableBox | ImageBox;

export interface SlideLayout {
  title: TextBox;
  footer: TextBox;
  body: Placement[];
  notes: string;
  /** The body's text size, in points. */
  bodySize: number;
  /** Rows or items left out because even 10 pt could not hold them (said on the slide). */
  omitted: number;
}
