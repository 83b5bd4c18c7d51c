/**
 * The figures' search index in a Web Worker (started by search-index.ts after the first paint): MiniSearch and
 * the index live here, off the page's main thread and out of its bundle. Plain messages (SearchRequest in,
 * SearchReply out), handled in the order sent; an answer's bitmap is transferred, not copied.
 */
import { FigureIndex, type SearchReply, type SearchRequest } from './figure-index';

const index = new FigureIndex();
const post = (reply: SearchReply) =>
  self.postMessage(reply, reply.type === 'found' ? { transfer: [reply.hits.buffer] } : undefined);

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  try {
    const reply = index.answer(event.data);
    if (reply) post(reply);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
