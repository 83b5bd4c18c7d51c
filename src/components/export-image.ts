/**
 * Turning what is on screen into files: SVG with its styles inlined (so it stands alone), PNG through a
 * canvas, and a download through an object URL. Nothing leaves the page.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  // A gradient's stops (a fading bar for words read as a number) keep their colours in the file.
  'stop-color',
  'stop-opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Copy the computed style of each element of `source` onto the matching element of `clone`. */
function inlineStyles(source: Element, clone: Element) {
  const computed = getComputedStyle(source);
  for (const prop of STYLE_PROPS) {
    const value = computed.getPropertyValue(prop);
    if (value) clone.setAttribute(prop, value);
  }
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  const a = source.children;
  const b = clone.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!);
}

/** A standalone copy of an on-screen SVG, its colours and fonts written into attributes. */
export function standaloneSvg(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  return clone;
}

export interface ComposeOptions {
  title: string;
  subtitle: string;
  /** Source line, as-of date and attribution, printed at the bottom. */
  footer: string[];
  background: string;
  text: string;
  muted: string;
  width: number;
  /** Drawings to stack, each an SVG with its label (or none). */
  parts: { label?: string; svg: SVGSVGElement; width: number; height: number }[];
}

function text(x: number, y: number, content: string, size: number, fill: string, weight = 'normal'): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-family', 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif');
  t.setAttribute('font-size', String(size));
  t.setAttribute('font-weight', weight);
  t.setAttribute('fill', fill);
  t.textContent = content;
  return t;
}

/** One SVG with a title, the drawings stacked, and the source lines: the chart or map as a file. */
export function composeSvg(o: ComposeOptions): SVGSVGElement {
  const pad = 20;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  let y = pad + 20;
  const content: Element[] = [text(pad, y, o.title, 20, o.text, 'bold')];
  y += 24;
  content.push(text(pad, y, o.subtitle, 13, o.muted));
  y += 16;
  for (const part of o.parts) {
    if (part.label) {
      y += 18;
      content.push(text(pad, y, part.label, 13, o.text, 'bold'));
    }
    y += 6;
    const nested = part.svg;
    nested.setAttribute('x', String(pad));
    nested.setAttribute('y', String(y));
    nested.setAttribute('width', String(part.width));
    nested.setAttribute('height', String(part.height));
    content.push(nested);
    y += part.height;
  }
  y += 10;
  for (const line of o.footer) {
    y += 18;
    content.push(text(pad, y, line, 12, o.muted));
  }
  const height = y + pad;
  const width = Math.max(o.width, ...o.parts.map((p) => p.width)) + 2 * pad;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', o.background);
  root.append(bg, ...content);
  return root;
}

export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Rasterise an SVG at `scale` × its size. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the drawing could not be rasterised'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in this browser');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Save a blob under a file name through the browser's download. */
export function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The theme's colours, resolved to plain values (the tokens are light-dark() pairs), for drawings that stand alone. */
export function themeColours(): { background: string; text: string; muted: string } {
  const resolve = (name: string, fallback: string) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name}, ${fallback})`;
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value || fallback;
  };
  return {
    background: resolve('--surface', '#ffffff'),
    text: resolve('--text', '#1b1d21'),
    muted: resolve('--muted', '#545a64'),
  };
}
