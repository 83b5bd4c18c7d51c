/**
 * Slugs: words as kebab-case ASCII, for ids and file names. One function; the few ways its users have always
 * differed (how an apostrophe or an accent reads, where a long slug is cut) are named rules, so that every id
 * and file name comes out as it always has.
 */

/** How `slugify` reads a few characters and cuts a long slug; each choice says what it does when left out. */
export interface SlugRules {
  /** An apostrophe is dropped ("Russia’s" → "russias") unless 'break', where it parts words ("russia-s"). */
  apostrophes?: 'drop' | 'break';
  /** An accent is dropped ("Zürich" → "zurich") unless 'break', where it parts the word ("zu-rich"). */
  accents?: 'drop' | 'break';
  /**
   * Compatibility letters are spelt as plain ones ("ﬁ" → "fi", "km²" → "km2", full-width "Ｇ７" → "g7") unless
   * false, where they part words like any other sign ("km²" → "km").
   */
  compatibility?: boolean;
  /**
   * The text is lower-cased after compatibility letters are spelt out, unless true, where it is lower-cased first:
   * then the capitals a sign spells ("™" → "TM", "℃" → "°C") part words like the sign ("ab™cd" → "ab-cd").
   */
  lowerCaseFirst?: boolean;
  /**
   * Where a slug longer than the limit is cut:
   * - 'word' (when left out): after the last whole word that fits, mid-word only when the first word alone is longer;
   * - 'word-before-limit': after the last word that ends before the limit (one ending just at it goes too), when
   *   that keeps more than 10 characters, else at the limit;
   * - 'character': at the limit itself.
   */
  cut?: 'word' | 'word-before-limit' | 'character';
}

/**
 * Ids made from a name the analyst types (a saved briefing's, a new measure's): apostrophes part words and a long
 * name is cut at the limit ("Russia's week" → "russia-s-week").
 */
export const NAME_SLUG: SlugRules = Object.freeze({ apostrophes: 'break', cut: 'character' });

/** Chart image file names: apostrophes and accents part words ("Russia’s war economy" → "russia-s-war-economy"). */
export const FILE_NAME_SLUG: SlugRules = Object.freeze({
  apostrophes: 'break',
  accents: 'break',
  lowerCaseFirst: true,
});

/** Ids of the actors, places and events an article brings: compatibility letters part words; the earlier word cut. */
export const ENTITY_SLUG: SlugRules = Object.freeze({ compatibility: false, cut: 'word-before-limit' });

/**
 * "Reuters / The Economist" → "reuters-the-economist", "Déjà vu" → "deja-vu": lower-case letters and digits
 * joined by single hyphens, at most `max` characters (`Infinity` for no limit). Empty when the text has no
 * letter or digit; the caller says what stands in then.
 */
export function slugify(text: string, max = 60, rules: SlugRules = {}): string {
  let s = (rules.lowerCaseFirst ? text.toLowerCase() : text).normalize(rules.compatibility === false ? 'NFD' : 'NFKD');
  if (rules.accents !== 'break') s = s.replace(/[\u0300-\u036f]/g, '');
  if (!rules.lowerCaseFirst) s = s.toLowerCase();
  if (rules.apostrophes !== 'break') s = s.replace(/['’]/g, '');
  const slug = s.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  return cutSlug(slug, max, rules.cut ?? 'word').replace(/-+$/, '');
}

function cutSlug(slug: string, max: number, cut: NonNullable<SlugRules['cut']>): string {
  if (cut === 'character') return slug.slice(0, max);
  if (cut === 'word') {
    // One character more: a word that ends just at the limit is followed by a hyphen there.
    const head = slug.slice(0, max + 1);
    const at = head.lastIndexOf('-');
    return at > 0 ? head.slice(0, at) : slug.slice(0, max);
  }
  const head = slug.slice(0, max);
  const at = head.lastIndexOf('-');
  return at > 10 ? head.slice(0, at) : head;
}
