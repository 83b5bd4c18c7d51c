import { useLayoutEffect, useRef, useState } from 'react';

interface Size {
  width: number;
  height: number;
  /** The element's computed font size in px (0 where there is no style, as in jsdom). */
  fontSize: number;
}

/** The content-box size and font size of an element, followed as they change (ResizeObserver). */
export function useSize<T extends HTMLElement>(initial: Size) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // The first size before the first paint (the observer reports later), where there is layout.
    const rect = element.getBoundingClientRect();
    if (rect.width > 0) {
      const fontSize = parseFloat(getComputedStyle(element).fontSize) || 0;
      setSize({ width: Math.floor(rect.width), height: Math.floor(rect.height), fontSize });
    }
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.floor(entry.contentRect.width);
      const height = Math.floor(entry.contentRect.height);
      const fontSize = parseFloat(getComputedStyle(element).fontSize) || 0;
      setSize((s) =>
        s.width === width && s.height === height && s.fontSize === fontSize ? s : { width, height, fontSize },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}
