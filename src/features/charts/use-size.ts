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
