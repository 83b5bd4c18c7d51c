import { useLayoutEffect, useRef, useState } from 'react';

/** The size every slide is laid out at (CSS px); the screen shows it scaled, print at 297 mm wide. */
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;

export interface Fit {
  /** Scale from the slide's own 1920×1080 to the box it is shown in. */
  k: number;
  /**
   * A box taller than wide (a phone upright): the slide is laid out at the box's own size instead of
   * scaled to a sliver, and its body scrolls inside it.
   */
  fluid: boolean;
}

/** Follows a box's size (ResizeObserver) and says how a 16:9 slide fits in it. */
export function useFit<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [fit, setFit] = useState<Fit>({ k: 0.5, fluid: false });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // The print layout stacks every slide on its own page: nothing to fit there, keep the screen's fit.
    const printing = typeof matchMedia === 'function' ? matchMedia('print') : null;
    const measure = (width: number, height: number) => {
      if (width <= 0 || height <= 0 || printing?.matches) return;
      const next: Fit = {
        k: Math.min(width / SLIDE_WIDTH, height / SLIDE_HEIGHT),
        fluid: height > width,
      };
      setFit((f) => (Math.abs(f.k - next.k) < 1e-4 && f.fluid === next.fluid ? f : next));
    };
    const style = getComputedStyle(element);
    const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) || 0;
    const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) || 0;
    measure(element.clientWidth - padX, element.clientHeight - padY);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measure(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, fit] as const;
}
