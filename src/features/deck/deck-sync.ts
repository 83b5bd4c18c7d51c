/**
 * Two windows, one deck: the projected window and the presenter view stay on the same slide through a
 * BroadcastChannel (same origin, same browser). Each window posts the slide it moves to by its own keys or
 * buttons; a window that receives a slide moves there without posting it back (no echo, so quick steps
 * cannot bounce between the windows). The presenter view asks for the projected slide when it opens.
 */
import { useEffect, useEffectEvent, useRef } from 'react';

const CHANNEL = 'geobrief-deck';

type Message = { type: 'slide'; slide: number } | { type: 'hello' };

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; slide?: unknown };
  return m.type === 'hello' || (m.type === 'slide' && Number.isSafeInteger(m.slide) && (m.slide as number) >= 1);
}

/** Keep this window's slide in step with the other deck windows. */
export function useDeckSync(slide: number, setSlide: (n: number) => void, role: 'projector' | 'presenter'): void {
  const channel = useRef<BroadcastChannel | null>(null);
  /** The slide last moved to on another window's word: not posted back. */
  const received = useRef<number | null>(null);

  const onMessage = useEffectEvent((message: Message) => {
    if (message.type === 'hello') {
      if (role === 'projector') channel.current?.postMessage({ type: 'slide', slide } satisfies Message);
    } else if (message.slide !== slide) {
      received.current = message.slide;
      setSlide(message.slide);
    }
  });

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(CHANNEL);
    channel.current = ch;
    ch.onmessage = (event: MessageEvent<unknown>) => {
      if (isMessage(event.data)) onMessage(event.data);
    };
    if (role === 'presenter') ch.postMessage({ type: 'hello' } satisfies Message);
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [role]);

  useEffect(() => {
    if (received.current === slide) {
      received.current = null;
      return;
    }
    received.current = null;
    channel.current?.postMessage({ type: 'slide', slide } satisfies Message);
  }, [slide]);
}
