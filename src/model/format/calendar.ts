/** English month names, January first (index = month − 1). */
export const MONTH_NAMES: readonly string[] = Object.freeze([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);

/** English month names shortened to three letters, "Jan" to "Dec" (index = month − 1): "12 Feb 2025", "May 2024". */
export const SHORT_MONTH_NAMES: readonly string[] = Object.freeze(MONTH_NAMES.map((name) => name.slice(0, 3)));
