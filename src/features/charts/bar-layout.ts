/**
 * How a bar chart is laid out at a given size. Pure: the drawing component asks it for font size,
 * margins, row height and the wrapped lines of each label, and only draws.
 *
 * Wide ("side"): labels in a column left of the bars, values right of each bar's end; both columns
 * shrink with the chart, so the bars always keep at least half of the width.
 * Narrow ("stacked", phones): each row's label and value stand on their own lines above its bar, and
 * the bars use the whole width.
 */

export type BarLayoutMode = 'side' | 'stacked';

/** `panel`: the explore view. `slide`: a projected slide, whose text scales with the slide. */
export type BarLayoutVariant = 'panel' | 'slide';

export interface BarLayoutRow {
  label: string;
  display: string;
}

export interface BarLayout {
  mode: BarLayoutMode;
  fontSize: number;
  /** Height of each row's band. */
  rowHeight: number;
  /** Thickness of a bar. */
  barSize: number;
  /** Width of the label column (0 when labels stand above the bars). */
  labelWidth: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Height of the x axis with its ticks and unit label. */
  axisHeight: number;
  /** The whole chart's height. */
  height: number;
  /** Text width a label or a value may take, in characters. */
  labelChars: number;
  valueChars: number;
  maxLabelLines: number;
  maxValueLines: number;
  lineHeight: number;
}

/** Average advance of a character of the UI font, in ems (a little generous, so text never overruns). */
export const CHAR_EM = 0.58;

/** Below this many ems of width, labels go above the bars. */
const STACK_BELOW_EM = 30;

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}

/** Characters that fit in `px` at `fontSize`. */
export function charsIn(px: number, fontSize: number): number {
  return Math.max(1, Math.floor(px / (fontSize * CHAR_EM)));
}

/**
 * Word-wrap `text` into lines of at most `maxChars` characters, at most `maxLines` lines; what does
 * not fit ends the last line with "…". A word longer than a line is cut. Whole text stays in the
 * tooltip and the data table.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars) {
      line = next;
      continue;
    }
    if (line) {
      lines.push(line);
      if (lines.length === maxLines) break;
    }
    line = word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word;
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    i = words.length;
  }
  if (i < words.length && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    const room = maxChars - 1;
    lines[lines.length - 1] = `${last.length > room ? last.slice(0, room).trimEnd() : last}…`;
  }
  return lines.length > 0 ? lines : [''];
}

/** The font size of chart text for a chart `width` px wide. */
export function chartFontSize(width: number, variant: BarLayoutVariant): number {
  // A slide is read from the back of a room: about 1/80 of its width (21 px on a 1920 px projector).
  if (variant === 'slide') return clamp(Math.round(width / 80), 16, 24);
  return width < STACK_BELOW_EM * 12.5 ? 13 : 12.5;
}

/**
 * The layout of `rows` in a chart `width` px wide. `fontSize` is the text size the page's style gives
 * the chart (a slide scales it with the projector); without it, one follows from the width. In a slide,
 * `fillHeight` (when known) is the height the chart may take: rows grow to fill it, within reason.
 */
export function barLayout(
  width: number,
  rows: readonly BarLayoutRow[],
  options: {
    variant?: BarLayoutVariant;
    fillHeight?: number;
    fontSize?: number;
    /** The widest the label column may be, in ems (default 17); never past 30 % of the width. */
    labelEm?: number;
    /** The least row height beside a side label, at 12.5 px text (default 48; rows still fit their lines). */
    minRowPx?: number;
  } = {},
): BarLayout {
  const { variant = 'panel', fillHeight } = options;
  const fontSize = options.fontSize && options.fontSize > 0 ? options.fontSize : chartFontSize(width, variant);
  const lineHeight = Math.round(fontSize * 1.2);
  const scale = fontSize / 12.5;
  // Ticks (a line of text under a short tick mark), then the unit's line.
  const axisHeight = Math.round(2.6 * fontSize + 18);
  const count = Math.max(rows.length, 1);
  const maxValueLines = 3;
  // The value column: a fifth of the width or more, enough for every value whole in three lines.
  const valueFits = (chars: number) =>
    rows.every((r) => !wrapText(r.display, chars, maxValueLines).some((line) => line.endsWith('…')));
  let right = Math.round(clamp(width * 0.22, 6 * fontSize, 12 * fontSize));
  while (!valueFits(charsIn(right - 8, fontSize)) && right < width * 0.3) right += Math.round(fontSize);
  const mode: BarLayoutMode =
    width < STACK_BELOW_EM * fontSize || !valueFits(charsIn(right - 8, fontSize)) ? 'stacked' : 'side';

  if (mode === 'side') {
    const labelWidth = Math.round(clamp(width * 0.3, 7 * fontSize, (options.labelEm ?? 17) * fontSize));
    const labelChars = charsIn(labelWidth - 10, fontSize);
    const valueChars = charsIn(right - 8, fontSize);
    const maxLabelLines = 3;
    const lines = Math.max(
      1,
      ...rows.map((r) =>
        Math.max(
          wrapText(r.label, labelChars, maxLabelLines).length,
          wrapText(r.display, valueChars, maxValueLines).length,
        ),
      ),
    );
    const minRow = Math.max(Math.round((options.minRowPx ?? 48) * scale), lines * lineHeight + Math.round(12 * scale));
    const rowHeight = fillRows(minRow, count, fillHeight, axisHeight + 4);
    const margin = { top: 4, right, bottom: 0, left: 4 };
    return {
      mode,
      fontSize,
      rowHeight,
      barSize: Math.round(Math.min(rowHeight * 0.62, 40 * scale)),
      labelWidth,
      margin,
      axisHeight,
      height: count * rowHeight + margin.top + axisHeight,
      labelChars,
      valueChars,
      maxLabelLines,
      maxValueLines,
      lineHeight,
    };
  }

  const labelChars = charsIn(width - 8, fontSize);
  const maxLabelLines = 3;
  const text = Math.max(
    1,
    ...rows.map(
      (r) =>
        wrapText(r.label, labelChars, maxLabelLines).length + wrapText(r.display, labelChars, maxValueLines).length,
    ),
  );
  const barSize = Math.round(18 * scale);
  const textBlock = text * lineHeight + 6;
  const minRow = barSize + textBlock + 8;
  // The first row's text needs room above its band's bar, as later rows take it from the gap between bars.
  const topFor = (row: number) => Math.max(4, textBlock + 4 - Math.round((row - barSize) / 2));
  // Filling a height: the rows and that top margin together (the margin shrinks as the rows grow).
  let rowHeight = fillRows(minRow, count, fillHeight, axisHeight + topFor(minRow));
  while (fillHeight && rowHeight > minRow && count * rowHeight + topFor(rowHeight) + axisHeight > fillHeight) {
    rowHeight -= 1;
  }
  const top = topFor(rowHeight);
  const margin = { top, right: 12, bottom: 0, left: 10 };
  return {
    mode,
    fontSize,
    rowHeight,
    barSize,
    labelWidth: 0,
    margin,
    axisHeight,
    height: count * rowHeight + margin.top + axisHeight,
    labelChars,
    valueChars: labelChars,
    maxLabelLines,
    maxValueLines,
    lineHeight,
  };
}

/** Row height: the minimum, or a share of the height to fill (at most twice the minimum). */
function fillRows(minRow: number, count: number, fillHeight: number | undefined, chrome: number): number {
  if (!fillHeight) return minRow;
  // Down, not to the nearest: rows rounded up would run past the height they fill.
  return Math.floor(clamp((fillHeight - chrome) / count, minRow, minRow * 2));
}
