import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

export interface Size {
  width: number;
  height: number;
  /** The element's computed font size in px (0 where there is no style, as in jsdom). */
  fontSize: number;
  /** The box asks the drawing to fit its height (CSS `--chart-fit: height`), not to grow past it. */
  fitHeight?: boolean;
  /** Measured for the printed page (on `beforeprint`), until the page is back on screen. */
  print?: boolean;
}

/** The content box of `element` (its layout size: a scaled slide's transform does not change it). */
function measure(element: HTMLElement): Size | null {
  const style = getComputedStyle(element);
  const padX = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
  const padY = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
  // The layout width to the fraction where nothing scales the box (clientWidth rounds: a 710.55 px page
  // would get a 711 px drawing), else clientWidth (a slide's transform scales the client rect).
  const rect = element.getBoundingClientRect();
  const border = element.offsetWidth - element.clientWidth;
  const inner = Math.abs(rect.width - element.offsetWidth) < 1 ? rect.width - border : element.clientWidth;
  const width = Math.floor(inner - padX);
  if (width <= 0) return null;
  return {
    width,
    height: Math.max(0, Math.floor(element.clientHeight - padY)),
    fontSize: parseFloat(style.fontSize) || 0,
    fitHeight: style.getPropertyValue('--chart-fit').trim() === 'height',
  };
}

const same = (a: Size, b: Size) =>
  a.width === b.width &&
  a.height === b.height &&
  a.fontSize === b.fontSize &&
  !!a.fitHeight === !!b.fitHeight &&
  !!a.print === !!b.print;

/* ---- Print ----
   The browser prints without running ResizeObserver: a chart measured on screen would print at the screen's
   width (cropped, or a phone's narrow drawing on an A4 page). On `beforeprint` (sent by the browser's own
   print command, window.print() and page.pdf alike, while the page still has its screen layout) the page is
   laid out once as it will print: for a moment every @media rule holds as it will on paper (print rules on,
   width rules judged at the page's size, see `onPaper`) and the root takes the page's content width. Every chart box is measured in that layout, the screen layout comes
   back, and the charts redraw for their printed boxes before the browser lays out the page. After printing
   they measure their screen boxes again. */

interface Tracked {
  element: HTMLElement;
  set: (size: Size) => void;
}

const tracked = new Set<Tracked>();

/** Set on <html> while the page is laid out as it will print (for tests and any rule that needs it). */
export const PRINT_LAYOUT_ATTRIBUTE = 'data-print-layout';

/**
 * Whether a media query list holds on the printed page: the media type is print, and sizes are the page's
 * content box (`probe` evaluates a condition such as `(max-width: 700px)` in a frame of that size).
 */
export function onPaper(mediaText: string, probe: (condition: string) => boolean): boolean {
  return mediaText.split(',').some((raw) => {
    const query = raw.trim();
    if (!query) return false;
    const typed = /^(not\s+|only\s+)?([a-z-]+)(?:\s+and\s+(.*))?$/i.exec(query);
    if (!typed || typed[2]!.startsWith('(')) return probe(query);
    const type = typed[2]!.toLowerCase();
    const holds = (type === 'all' || type === 'print') && (typed[3] ? probe(typed[3]) : true);
    return typed[1]?.trim().toLowerCase() === 'not' ? !holds : holds;
  });
}

/** A condition evaluated for a box the page's content size, in a hidden frame of that size. */
function paperProbe(root: HTMLElement): { probe: (condition: string) => boolean; remove: () => void } {
  const style = getComputedStyle(root);
  const width = style.getPropertyValue('--print-content-width').trim();
  const height = style.getPropertyValue('--print-content-height').trim();
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = `position:fixed;left:0;top:0;border:0;visibility:hidden;pointer-events:none;width:${width || '188mm'};height:${height || '273mm'}`;
  document.body.append(frame);
  void frame.offsetWidth; // its size, laid out before its media queries are asked
  const view = frame.contentWindow;
  const probe = (condition: string) => {
    if (view && typeof view.matchMedia === 'function') return view.matchMedia(condition).matches;
    return typeof matchMedia === 'function' ? matchMedia(condition).matches : false;
  };
  return { probe, remove: () => frame.remove() };
}

/** Every @media rule (and sheet media) made to hold as it will on the printed page; returns the undo. */
function applyPaperMedia(root: HTMLElement): () => void {
  const undo: (() => void)[] = [];
  const { probe, remove } = paperProbe(root);
  const onScreen = (text: string) =>
    typeof matchMedia === 'function' ? matchMedia(text).matches : !/\bprint\b/i.test(text);
  const settle = (media: MediaList) => {
    const text = media.mediaText;
    if (!text) return;
    const paper = onPaper(text, probe);
    if (paper === onScreen(text)) return;
    try {
      media.mediaText = paper ? 'all' : 'not all';
      undo.push(() => {
        media.mediaText = text;
      });
    } catch {
      // A media list that cannot change: its rules keep the screen's choice.
    }
  };
  const visit = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (typeof CSSMediaRule !== 'undefined' && rule instanceof CSSMediaRule) settle(rule.media);
      if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) visit((rule as CSSGroupingRule).cssRules);
    }
  };
  try {
    for (const sheet of Array.from(document.styleSheets)) {
      if (sheet.media) settle(sheet.media);
      let rules: CSSRuleList;
      try {
        rules = sheet.cssRules;
      } catch {
        continue; // another origin's sheet: not ours to read
      }
      visit(rules);
    }
  } finally {
    remove();
  }
  return () => undo.reverse().forEach((f) => f());
}

/** Lays the page out as it will print (see above); returns the function that brings the screen layout back. */
function enterPrintLayout(): () => void {
  const root = document.documentElement;
  const restoreMedia = applyPaperMedia(root);
  const width = root.style.width;
  // The A4 page's content width, declared next to the @page rule in print.css.
  const pageWidth = getComputedStyle(root).getPropertyValue('--print-content-width').trim();
  if (pageWidth) root.style.width = pageWidth;
  root.setAttribute(PRINT_LAYOUT_ATTRIBUTE, '');
  return () => {
    root.removeAttribute(PRINT_LAYOUT_ATTRIBUTE);
    root.style.width = width;
    restoreMedia();
  };
}

function beforePrint() {
  if (tracked.size === 0) return;
  const leave = enterPrintLayout();
  let sizes: [Tracked, Size | null][];
  try {
    sizes = [...tracked].map((t) => {
      const size = measure(t.element);
      return [t, size && { ...size, print: true }];
    });
  } finally {
    leave();
  }
  // Drawn now, synchronously: the browser lays the page out for print as soon as this event returns.
  flushSync(() => {
    for (const [t, size] of sizes) if (size) t.set(size);
  });
}

function afterPrint() {
  for (const t of tracked) {
    const size = measure(t.element);
    if (size) t.set(size);
  }
}

function track(entry: Tracked): () => void {
  if (tracked.size === 0 && typeof window !== 'undefined') {
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
  }
  tracked.add(entry);
  return () => {
    tracked.delete(entry);
    if (tracked.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    }
  };
}

/**
 * The content-box size and font size of an element, followed as they change (ResizeObserver), and
 * measured for the printed page when the page is printed (`beforeprint`, see above).
 */
export function useSize<T extends HTMLElement>(initial: Size) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const set = (next: Size) => setSize((s) => (same(s, next) ? s : next));
    // The first size before the first paint (the observer reports later), where there is layout.
    const first = measure(element);
    if (first) set(first);
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const style = getComputedStyle(element);
      set({
        width: Math.floor(entry.contentRect.width),
        height: Math.floor(entry.contentRect.height),
        fontSize: parseFloat(style.fontSize) || 0,
        fitHeight: style.getPropertyValue('--chart-fit').trim() === 'height',
      });
    });
    observer.observe(element);
    const untrack = track({ element, set });
    return () => {
      observer.disconnect();
      untrack();
    };
  }, []);
  return [ref, size] as const;
}
