/** Stable kebab-case ids for the items of a pack (the slug itself is `slugify`, in src/model/format/ids.ts). */
import { slugify } from '../model/format/ids';

/** `<publisher-slug>-<YYYY-MM-DD>-<first words of the title>`, at most 60 characters. */
export function sourceIdFor(publisher: string, published: string, title: string): string {
  const head = `${slugify(publisher, 24) || 'article'}-${published}`;
  const room = 60 - head.length - 1;
  const words = room > 0 ? slugify(title, room) : '';
  return words ? `${head}-${words}` : head;
}
