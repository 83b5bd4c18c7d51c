import type * as L from 'leaflet';
import { composeSvg, standaloneSvg, themeColours } from '../../components/export-image';
import { HATCH_ID } from './frontline/frontline-layers';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The z-index of the Leaflet pane an element is in (panes stack by it, not by document order). */
function paneZ(el: Element): number {
  const pane = el.closest('.leaflet-pane:not(.leaflet-map-pane)');
  return pane ? Number(getComputedStyle(pane).zIndex) || 0 : 0;
}

/**
 * The map as drawn now, as one SVG the size of its container: the vector layers (offline base, outlines,
 * front line, changes), the names and the place markers. Online tiles are pictures from elsewhere and are
 * never included.
 */
function mapDrawing(map: L.Map): { svg: SVGSVGElement; box: DOMRect } {
  const container = map.getContainer();
  const box = container.getBoundingClientRect();
  // The map may be drawn scaled (on a slide): sizes read from styles are scaled like the positions.
  const k = container.offsetWidth > 0 ? box.width / container.offsetWidth : 1;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  const hatch = document.getElementById(HATCH_ID)?.parentElement;
  if (hatch) svg.append(hatch.cloneNode(true));
  const sea = document.createElementNS(SVG_NS, 'rect');
  sea.setAttribute('width', String(box.width));
  sea.setAttribute('height', String(box.height));
  sea.setAttribute('fill', getComputedStyle(container).backgroundColor || '#cfe0ee');
  svg.append(sea);
  const layers = [...container.querySelectorAll<SVGSVGElement>('.leaflet-map-pane svg.leaflet-zoom-animated')].sort(
    (a, b) => paneZ(a) - paneZ(b),
  );
  for (const overlay of layers) {
    const r = overlay.getBoundingClientRect();
    const clone = standaloneSvg(overlay);
    clone.setAttribute('x', String(r.left - box.left));
    clone.setAttribute('y', String(r.top - box.top));
    clone.setAttribute('width', String(r.width));
    clone.setAttribute('height', String(r.height));
    svg.append(clone);
  }
  for (const label of container.querySelectorAll<HTMLElement>('.map-label')) {
    const r = label.getBoundingClientRect();
    const x = r.left - box.left + r.width / 2;
    const y = r.top - box.top + r.height / 2 + 4;
    if (x < 0 || y < 0 || x > box.width || y > box.height) continue;
    const name = document.createElementNS(SVG_NS, 'text');
    name.setAttribute('x', String(x));
    name.setAttribute('y', String(y));
    name.setAttribute('text-anchor', 'middle');
    name.setAttribute('font-size', String((parseFloat(getComputedStyle(label).fontSize) || 12) * k));
    name.setAttribute('font-weight', label.classList.contains('map-label--country') ? '600' : '700');
    name.setAttribute('font-family', 'system-ui, sans-serif');
    name.setAttribute('fill', '#1b1d21');
    name.setAttribute('stroke', '#ffffff');
    name.setAttribute('stroke-width', '3');
    name.setAttribute('paint-order', 'stroke');
    name.textContent = label.textContent;
    svg.append(name);
  }
  for (const marker of container.querySelectorAll<HTMLElement>('.leaflet-marker-icon.place-marker')) {
    const r = marker.getBoundingClientRect();
    const cx = r.left - box.left + r.width / 2;
    const cy = r.top - box.top + r.height / 2;
    if (cx < 0 || cy < 0 || cx > box.width || cy > box.height) continue;
    const dot = document.createElementNS(SVG_NS, 'circle');
    dot.setAttribute('cx', String(cx));
    dot.setAttribute('cy', String(cy));
    dot.setAttribute('r', String(12 * k));
    dot.setAttribute('fill', '#1b1d21');
    dot.setAttribute('stroke', '#ffffff');
    dot.setAttribute('stroke-width', '2');
    const count = document.createElementNS(SVG_NS, 'text');
    count.setAttribute('x', String(cx));
    count.setAttribute('y', String(cy + 4 * k));
    count.setAttribute('text-anchor', 'middle');
    count.setAttribute('font-size', String(11 * k));
    count.setAttribute('font-weight', 'bold');
    count.setAttribute('font-family', 'system-ui, sans-serif');
    count.setAttribute('fill', '#ffffff');
    count.textContent = marker.textContent;
    svg.append(dot, count);
  }
  return { svg, box };
}

/** The map as a file: its drawing under a title, with the situation and the attribution. */
export function mapSnapshot(map: L.Map, title: { subtitle: string; attribution: string }): SVGSVGElement {
  const { svg, box } = mapDrawing(map);
  const { background, text, muted } = themeColours();
  return composeSvg({
    title: 'Front line and places of the events',
    subtitle: `${title.subtitle} · offline layers only`,
    footer: [
      `${title.attribution} (© DEEPSTATEUATECH LLC). Borders: Natural Earth. Places: GeoNames.`,
      'Markers: places named in the articles; numbers are events that match the filters.',
    ],
    background,
    text,
    muted,
    width: box.width,
    parts: [{ svg, width: box.width, height: box.height }],
  });
}

/**
 * The map as its frame shows it, for a slide exported elsewhere (the deck's PowerPoint): the drawing with the
 * stamp that sits on it (the situation date and DeepStateMap.live, and the comparison), where it sits.
 */
export function framedMapSnapshot(map: L.Map, frame: HTMLElement): SVGSVGElement {
  const { svg, box } = mapDrawing(map);
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(box.width));
  svg.setAttribute('height', String(box.height));
  for (const stamp of frame.querySelectorAll<HTMLElement>('.map-stamp')) {
    const r = stamp.getBoundingClientRect();
    const style = getComputedStyle(stamp);
    const k = stamp.offsetWidth > 0 ? r.width / stamp.offsetWidth : 1;
    const size = (parseFloat(style.fontSize) || 16) * k;
    const plate = document.createElementNS(SVG_NS, 'rect');
    plate.setAttribute('x', String(r.left - box.left));
    plate.setAttribute('y', String(r.top - box.top));
    plate.setAttribute('width', String(r.width));
    plate.setAttribute('height', String(r.height));
    plate.setAttribute('rx', String(r.height / 2));
    plate.setAttribute('fill', style.backgroundColor || '#ffffff');
    plate.setAttribute('stroke', style.borderTopColor || '#8c8c8c');
    const words = document.createElementNS(SVG_NS, 'text');
    words.setAttribute('x', String(r.left - box.left + (parseFloat(style.paddingLeft) || 0) * k));
    words.setAttribute('y', String(r.top - box.top + r.height / 2 + size * 0.35));
    words.setAttribute('font-size', String(size));
    words.setAttribute('font-weight', style.fontWeight);
    words.setAttribute('font-family', style.fontFamily || 'system-ui, sans-serif');
    words.setAttribute('fill', style.color || '#1b1d21');
    words.textContent = stamp.textContent;
    svg.append(plate, words);
  }
  return svg;
}
