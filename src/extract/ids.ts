/** Stable kebab-case ids for the items of a pack. */

/** "Reuters / The Economist" → "reuters-the-economist"; accents dropped; at most `max` characters, whole words. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/** `<publisher-slug>-<YYYY-MM-DD>-<first words of the title>`, at most 60 characters. */
export function sourceIdFor(publisher: string, published: string, title: string): string {
  const head = `${slugify(publisher, 24) || 'article'}-${published}`;
  const room = 60 - head.length - 1;
  const words = room > 0 ? slugify(title, room) : '';
  return words ? `${head}-${words}` : head;
}
