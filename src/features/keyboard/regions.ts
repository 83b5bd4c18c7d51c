/**
 * The dashboard's landmark regions (DESIGN.md: "Filters" … "Sources"), the keys that jump to them, and the
 * pure decision of what a key press means. No React.
 */

export interface RegionTarget {
  /** The region's id: its heading is `#region-${id}` (see components/region.tsx). */
  id: string;
  title: string;
  /** The key that jumps to it. */
  key: string;
}

/** In page order; digits, so they clash with none of the deck's keys (arrows, F, N, Space, Esc). */
export const REGION_TARGETS: readonly RegionTarget[] = [
  { id: 'filters', title: 'Filters', key: '1' },
  { id: 'key-figures', title: 'Key figures', key: '2' },
  { id: 'charts', title: 'Charts', key: '3' },
  { id: 'map', title: 'Map', key: '4' },
  { id: 'actors', title: 'Actors', key: '5' },
  { id: 'timeline', title: 'Timeline', key: '6' },
  { id: 'sources', title: 'Sources', key: '7' },
];

export type ShortcutAction = { type: 'region'; id: string } | { type: 'search' } | { type: 'help' } | null;

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The element the key was pressed in: a text field or a select keeps its keys. */
  target: { tagName: string; isContentEditable?: boolean; type?: string } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Inputs that take no text: a key pressed on them is free for a shortcut. */
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** What a key press asks for: a region, the search box, the help, or nothing (the key is left alone). */
export function shortcutFor(press: KeyPress, enabled: boolean): ShortcutAction {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  const t = press.target;
  if (t?.isContentEditable) return null;
  if (t && TYPING.has(t.tagName.toUpperCase()) && !(t.tagName.toUpperCase() === 'INPUT' && NOT_TEXT.has(t.type ?? '')))
    return null;
  // "?" always opens the help, where the single-key shortcuts can be switched off and on.
  if (press.key === '?') return { type: 'help' };
  if (!enabled) return null;
  if (press.key === '/') return { type: 'search' };
  const region = REGION_TARGETS.find((r) => r.key === press.key);
  return region ? { type: 'region', id: region.id } : null;
}

/** Move the keyboard focus to a region's heading (and so scroll it into view). */
export function focusRegion(id: string): boolean {
  const heading = document.getElementById(`region-${id}`);
  if (!heading) return false;
  heading.focus();
  keepInView(heading);
  return document.activeElement === heading;
}

/**
 * Panels above a region render when they come near the viewport, and push it down: for a few seconds after a jump,
 * while the focus stays on the heading, bring it back into view whenever the page's layout changes size.
 */
function keepInView(heading: HTMLElement) {
  if (typeof ResizeObserver === 'undefined') return;
  const main = heading.closest('main') ?? document.body;
  const observer = new ResizeObserver(() => {
    if (document.activeElement === heading) heading.scrollIntoView?.({ block: 'start' });
    else observer.disconnect();
  });
  observer.observe(main);
  setTimeout(() => observer.disconnect(), 3000);
}

/** Move the keyboard focus to the start of the content: the first heading in <main> (whatever region is first). */
export function focusContent(): boolean {
  const heading = document.querySelector<HTMLElement>('main h2');
  if (!heading) return focusRegion('filters');
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
  return document.activeElement === heading;
}
