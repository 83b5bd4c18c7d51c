/**
 * One colour-blind-safe palette (Okabe–Ito hues) for the countries, used the same way in charts and
 * map: Russia vermillion, Ukraine blue, the United States bluish green, Taiwan reddish purple, others
 * grey. The values are CSS variables so that each theme can tune lightness for contrast.
 */
export const PALETTE_COUNTRIES = ['RU', 'UA', 'US', 'TW'] as const;

export type PaletteKey = (typeof PALETTE_COUNTRIES)[number] | 'other';

export function paletteKey(country: string | undefined): PaletteKey {
  return (PALETTE_COUNTRIES as readonly string[]).includes(country ?? '') ? (country as PaletteKey) : 'other';
}

/** The CSS colour for a country: `var(--c-ru)` etc. */
export function countryColour(country: string | undefined): string {
  return `var(--c-${paletteKey(country).toLowerCase()})`;
}

export const PALETTE_LABELS: Record<PaletteKey, string> = {
  RU: 'Russia',
  UA: 'Ukraine',
  US: 'United States',
  TW: 'Taiwan',
  other: 'Other',
};
