import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed: from `beforeprint` to `afterprint` (the browser's own printing, Ctrl+P or
 * page.pdf), or while print media apply (a print preview, an emulated print medium). Set synchronously in
 * `beforeprint`, so what renders only for paper is in the page before the browser lays it out for print.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
    let inPrint = false;
    const update = (next: boolean) => flushSync(() => setPrinting(next));
    const before = () => {
      inPrint = true;
      update(true);
    };
    const after = () => {
      inPrint = false;
      update(media?.matches ?? false);
    };
    const change = () => update(inPrint || (media?.matches ?? false));
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media?.addEventListener('change', change);
    if (media?.matches) update(true);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media?.removeEventListener('change', change);
    };
  }, []);
  return printing;
}
