/**
 * A slide of the deck, read from the page as blocks for PowerPoint (pptx-layout): what the slide shows, as it
 * shows it. Lists, tables and paragraphs become text (bold, italic, quotes and legend colours kept); a chart's
 * drawings (`.chart-panel svg.recharts-surface`) and any element that registered a snapshot (the map's frame)
 * become PNG pictures. Whatever the slide hides (controls, hints, screen-reader text) stays out.
 */
import { standaloneSvg, svgToPng, themeColours } from '../../components/export-image';
import { snapshotOf } from '../../components/snapshots';
import type { Block, Paragraph, Run } from './slide-spec';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SKIP_TAGS = new Set([
  'BUTTON',
  'SELECT',
  'INPUT',
  'TEXTAREA',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'DIALOG',
]);
const INLINE = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'contents']);
const TEXT_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGCAPTION', 'BLOCKQUOTE', 'LABEL', 'DT', 'DD']);

/** A drawing to rasterise once the slide is hidden again. */
interface Drawing {
  kind: 'drawing';
  svg: SVGSVGElement;
  width: number;
  height: number;
  alt: string;
}
type Read = Exclude<Block, { kind: 'image' }> | Drawing;

interface Context {
  /** The slide body's font size and colour: text larger than it is scaled up, text of another colour muted. */
  base: number;
  colour: RGB | null;
  styles: Map<Element, CSSStyleDeclaration>;
}

type RGB = [number, number, number];

function style(el: Element, ctx: Context): CSSStyleDeclaration {
  let s = ctx.styles.get(el);
  if (!s) {
    s = getComputedStyle(el);
    ctx.styles.set(el, s);
  }
  return s;
}

function isSwatch(el: Element): boolean {
  return /swatch/.test(el.getAttribute('class') ?? '');
}

/** What the slide does not show, or shows only to a screen reader. */
function skipped(el: Element, ctx: Context): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el instanceof HTMLElement && el.hidden) return true;
  if (el.classList.contains('visually-hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !isSwatch(el)) return true;
  const s = style(el, ctx);
  if (s.display === 'none') return true;
  // Kept for screen readers only: taken out of the flow and shrunk to a pixel.
  return s.position === 'absolute' && parseFloat(s.width) <= 1 && parseFloat(s.height) <= 1;
}

/** "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)" or "color(srgb 0.1 0.2 0.3)" as 0–255 values; null when transparent. */
export function parseColour(value: string): RGB | null {
  const rgb = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(value);
  const srgb = /color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+%?))?\s*\)/.exec(value);
  const m = rgb ?? srgb;
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.1) return null;
  const k = rgb ? 1 : 255;
  return [Number(m[1]) * k, Number(m[2]) * k, Number(m[3]) * k].map((v) => Math.round(Math.min(255, v))) as RGB;
}

function hex([r, g, b]: RGB): string {
  return [r, g, b].map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('');
}

/** A legend swatch's colour: its fill, else its border, else the first colour of its gradient. */
function swatchColour(s: CSSStyleDeclaration): string {
  const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
  const border = sides
    .filter((side) => parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0)
    .map((side) => parseColour(s.getPropertyValue(`border-${side.toLowerCase()}-color`)))
    .find((c) => c !== null);
  const gradient = /(rgba?\([^)]*\)|color\(srgb[^)]*\))/.exec(s.backgroundImage)?.[1];
  const colour = parseColour(s.backgroundColor) ?? border ?? (gradient ? parseColour(gradient) : null);
  return colour ? hex(colour) : '8C8C8C';
}

/** Does `el` start a line of its own inside a paragraph? Not if inline, nor if its parent lays its children in a row. */
function breaksLine(el: Element, ctx: Context): boolean {
  if (el.tagName === 'BR') return true;
  if (INLINE.has(style(el, ctx).display)) return false;
  const parent = el.parentElement;
  if (!parent) return true;
  const p = style(parent, ctx);
  return !(/flex/.test(p.display) && p.flexDirection.startsWith('row'));
}

function runStyle(el: Element, ctx: Context): Omit<Run, 'text'> {
  const s = style(el, ctx);
  const ratio = (parseFloat(s.fontSize) || ctx.base) / ctx.base;
  const colour = parseColour(s.color);
  const differs = !!colour && !!ctx.colour && colour.some((v, i) => Math.abs(v - ctx.colour![i]!) > 24);
  const saturated = !!colour && Math.max(...colour) - Math.min(...colour) > 60;
  return {
    ...(Number(s.fontWeight) >= 600 ? { bold: true } : {}),
    ...(s.fontStyle === 'italic' ? { italic: true } : {}),
    ...(ratio >= 1.25 ? { scale: Math.min(2, Math.round(ratio * 4) / 4) } : {}),
    ...(differs && saturated ? { accent: true } : differs ? { muted: true } : {}),
  };
}

/** The text of `root` as runs: styles kept, whitespace collapsed, lines broken where the slide breaks them. */
function runsOf(root: Element, ctx: Context): Run[] {
  const runs: Run[] = [];
  let pendingBreak = false;
  const push = (text: string, style: Omit<Run, 'text'>) => {
    const last = runs[runs.length - 1];
    const breakBefore = pendingBreak && runs.length > 0;
    // HTML's whitespace only: a no-break space stays.
    let t = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (breakBefore || runs.length === 0 || last?.text.endsWith(' ')) t = t.replace(/^ /, '');
    if (t === '') return;
    if (breakBefore && last) last.text = last.text.replace(/ $/, '');
    pendingBreak = false;
    const same =
      last &&
      !breakBefore &&
      last.bold === style.bold &&
      last.italic === style.italic &&
      last.scale === style.scale &&
      last.muted === style.muted &&
      last.accent === style.accent &&
      last.colour === style.colour;
    if (same) last.text += t;
    else runs.push({ text: t, ...style, ...(breakBefore ? { breakBefore: true } : {}) });
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement ?? root;
      if (node.textContent) push(node.textContent, runStyle(parent, ctx));
      return;
    }
    if (!(node instanceof Element) || skipped(node, ctx)) return;
    if (node instanceof SVGElement && !(node instanceof SVGSVGElement && isSwatch(node))) return;
    if (isSwatch(node)) {
      push('■\u00a0', { colour: swatchColour(style(node, ctx)) });
      return;
    }
    const own = node !== root && breaksLine(node, ctx);
    if (own) pendingBreak = true;
    if (node.tagName === 'BR') return;
    // A <q>'s quotation marks are drawn by CSS, not written in the text.
    const quoted = node.tagName === 'Q';
    if (quoted) push('“', runStyle(node, ctx));
    node.childNodes.forEach(walk);
    if (quoted) push('”', runStyle(node, ctx));
    if (own) pendingBreak = true;
  };
  walk(root);
  const last = runs[runs.length - 1];
  if (last) last.text = last.text.replace(/ $/, '');
  return runs.filter((r) => r.text !== '');
}

function paragraphOf(el: Element, ctx: Context): Paragraph | null {
  const runs = runsOf(el, ctx);
  return runs.length > 0 ? { runs } : null;
}

/** A paragraph-like element: a text tag, or one whose own text sits among inline children. */
function isText(el: Element, ctx: Context): boolean {
  if (TEXT_TAGS.has(el.tagName)) return true;
  const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
  if (ownText) return true;
  const kids = [...el.children].filter((k) => !skipped(k, ctx));
  return kids.length > 0 && kids.every((k) => INLINE.has(style(k, ctx).display) || isSwatch(k));
}

function readList(list: Element, ctx: Context): Read[] {
  const items = [...list.children]
    .filter((li) => !skipped(li, ctx))
    .map((li) => paragraphOf(li, ctx))
    .filter((p): p is Paragraph => p !== null);
  if (items.length === 0) return [];
  const s = style(list, ctx);
  // A legend laid out in a row reads as one line of text.
  if (/flex/.test(s.display) && s.flexDirection.startsWith('row')) {
    const runs = items.flatMap((item, i) => [...(i > 0 ? [{ text: '   ' }] : []), ...item.runs]);
    return [{ kind: 'text', paragraphs: [{ runs }] }];
  }
  const columns = s.display === 'grid' ? s.gridTemplateColumns.split(/\s+(?![^(]*\))/).filter(Boolean).length : 1;
  const first = [...list.children].find((li) => !skipped(li, ctx));
  const boxed =
    !!first && parseFloat(style(first, ctx).borderTopWidth) > 0 && style(first, ctx).borderTopStyle !== 'none';
  return [{ kind: 'list', items, columns: Math.max(1, columns), boxed }];
}

function readTable(table: HTMLTableElement, ctx: Context): Read[] {
  const visible = (row: HTMLTableRowElement) => !skipped(row, ctx);
  const head = table.tHead ? [...table.tHead.rows].filter(visible) : [];
  const body = [...table.rows].filter((r) => visible(r) && !head.includes(r));
  const cells = (row: HTMLTableRowElement) => [...row.cells].filter((c) => !skipped(c, ctx)).map((c) => runsOf(c, ctx));
  const measure = head[0] ?? body[0];
  const widths = measure
    ? [...measure.cells].filter((c) => !skipped(c, ctx)).map((c) => c.getBoundingClientRect().width)
    : [];
  const caption = table.caption && !skipped(table.caption, ctx) ? paragraphOf(table.caption, ctx) : null;
  return [
    ...(caption ? [{ kind: 'text' as const, paragraphs: [caption] }] : []),
    { kind: 'table', header: head[0] ? cells(head[0]) : null, rows: body.map(cells), widths },
  ];
}

/**
 * A chart's panels (each a Recharts drawing under its unit) as one drawing, laid out as the slide lays them
 * out (side by side or one under the other), in the slide's own 1920 × 1080 units.
 */
function chartDrawing(panels: readonly Element[], ctx: Context): Drawing | null {
  const slide = panels[0]?.closest<HTMLElement>('.slide');
  const k = slide && slide.offsetWidth > 0 ? slide.getBoundingClientRect().width / slide.offsetWidth : 1;
  const { background, text } = themeColours();
  const parts: { el: Element; rect: DOMRect }[] = [];
  for (const panel of panels) {
    const unit = panel.querySelector('.chart-panel__unit');
    if (unit && !skipped(unit, ctx) && unit.textContent?.trim())
      parts.push({ el: unit, rect: unit.getBoundingClientRect() });
    for (const svg of panel.querySelectorAll<SVGSVGElement>('svg.recharts-surface')) {
      if (svg.width.baseVal.value > 0 && svg.height.baseVal.value > 0)
        parts.push({ el: svg, rect: svg.getBoundingClientRect() });
    }
  }
  if (!parts.some((p) => p.el instanceof SVGSVGElement)) return null;
  const pad = 16;
  const left = Math.min(...parts.map((p) => p.rect.left));
  const top = Math.min(...parts.map((p) => p.rect.top));
  const w = Math.max(...parts.map((p) => p.rect.right - left)) / k + 2 * pad;
  const h = Math.max(...parts.map((p) => p.rect.bottom - top)) / k + 2 * pad;
  const content = parts.map(({ el, rect }) => {
    const x = (rect.left - left) / k + pad;
    const y = (rect.top - top) / k + pad;
    if (el instanceof SVGSVGElement) {
      const copy = standaloneSvg(el);
      copy.setAttribute('x', String(x));
      copy.setAttribute('y', String(y));
      copy.setAttribute('width', String(el.width.baseVal.value));
      copy.setAttribute('height', String(el.height.baseVal.value));
      return copy;
    }
    const size = parseFloat(style(el, ctx).fontSize) || 24;
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', String(x));
    label.setAttribute('y', String(y + size * 0.9));
    label.setAttribute('font-family', 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif');
    label.setAttribute('font-size', String(size));
    label.setAttribute('font-weight', 'bold');
    label.setAttribute('fill', text);
    label.textContent = el.textContent!.trim();
    return label;
  });
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(w));
  root.setAttribute('height', String(h));
  root.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  root.append(bg, ...content);
  const title = panels[0]?.closest('.chart-card')?.querySelector('.chart-card__title')?.textContent?.trim();
  return { kind: 'drawing', svg: root, width: w, height: h, alt: title ? `Chart: ${title}` : 'Chart' };
}

function readElement(el: Element, ctx: Context): Read[] {
  const snapshot = snapshotOf(el);
  if (snapshot) {
    const svg = snapshot();
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const alt = el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? 'Map';
    return width > 0 && height > 0 ? [{ kind: 'drawing', svg, width, height, alt }] : [];
  }
  // A map whose drawing is not registered (still loading): nothing rather than its controls.
  if (el.classList.contains('leaflet-container') || el instanceof SVGElement) return [];
  if (el instanceof HTMLTableElement) return readTable(el, ctx);
  if (el.tagName === 'UL' || el.tagName === 'OL') return readList(el, ctx);
  if (isText(el, ctx)) {
    const p = paragraphOf(el, ctx);
    return p ? [{ kind: 'text', paragraphs: [p] }] : [];
  }
  return readChildren(el, ctx);
}

function readChildren(el: Element, ctx: Context): Read[] {
  const out: Read[] = [];
  const kids = [...el.children];
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    if (skipped(kid, ctx)) continue;
    if (kid.classList.contains('chart-panel')) {
      // Panels side by side or one under the other: one picture.
      const panels = [kid];
      while (kids[i + 1]?.classList.contains('chart-panel')) panels.push(kids[++i]!);
      const drawing = chartDrawing(
        panels.filter((p) => !skipped(p, ctx)),
        ctx,
      );
      if (drawing) out.push(drawing);
      continue;
    }
    out.push(...readElement(kid, ctx));
  }
  // Text beside a picture is its legend and source: set as captions.
  if (out.some((b) => b.kind === 'drawing')) {
    for (const b of out) if (b.kind === 'text' || b.kind === 'list') b.caption = true;
  }
  // Paragraphs one after the other make one text block.
  return out.reduce<Read[]>((acc, b) => {
    const last = acc[acc.length - 1];
    if (b.kind === 'text' && last?.kind === 'text' && !!last.caption === !!b.caption) {
      acc[acc.length - 1] = { ...last, paragraphs: [...last.paragraphs, ...b.paragraphs] };
    } else acc.push(b);
    return acc;
  }, []);
}

async function pngDataUrl(svg: SVGSVGElement): Promise<string> {
  const blob = await svgToPng(svg, 2);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('the picture could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** Read a slide's body (`section` is a `.slide`): its text as blocks, its charts and map as PNG data URLs. */
export async function readSlide(section: HTMLElement): Promise<Block[]> {
  const body = section.querySelector<HTMLElement>('.slide__body');
  if (!body) return [];
  // A slide not on screen is visibility:hidden, and its drawings' copies would say so. It is shown for the
  // length of this synchronous read, and never painted so.
  const frame = section.closest<HTMLElement>('.slide-frame') ?? section;
  const before = frame.style.visibility;
  frame.style.visibility = 'visible';
  let read: Read[];
  try {
    const ctx: Context = { base: 1, colour: null, styles: new Map() };
    ctx.base = parseFloat(style(body, ctx).fontSize) || 30;
    ctx.colour = parseColour(style(body, ctx).color);
    read = readChildren(body, ctx);
  } finally {
    frame.style.visibility = before;
  }
  return Promise.all(
    read.map(async (b): Promise<Block> => {
      if (b.kind !== 'drawing') return b;
      return { kind: 'image', data: await pngDataUrl(b.svg), width: b.width, height: b.height, alt: b.alt };
    }),
  );
}
