/**
 * The quote of a figure: the shortest clause of its sentence that states it, at most about 30 words,
 * always a verbatim substring of the sentence (and so of the article).
 */

/** Fewest words a quote should have to carry its subject; more are added clause by clause. */
const MIN_WORDS = 7;
const MAX_WORDS = 30;
/** Characters either side of the stated words that a quote can reach. */
const REACH = 600;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Offsets where clauses start: after ", " "; " ": " " — " brackets and quotation marks. */
function clauseBounds(s: string): number[] {
  const cuts = new Set<number>([0, s.length]);
  for (const m of s.matchAll(
    /[,;:](?=\s)|\s[—–-]\s|[()“”"]|(?<!\b(?:of|in|to|for|by|with|from|on|at|among))\s(?=(?:which|who|while|whereas|but|and|although|though|because|after|before|despite|when|if)\s)/g,
  )) {
    cuts.add(m.index + m[0].length);
  }
  return [...cuts].sort((a, b) => a - b);
}

const TRIM_START = /^[\s,;:.—–“”"'‘’(-]+/;
const TRIM_END = /[\s,;:—–“”"‘(-]+$/;

function trimSpan(s: string, start: number, end: number): [number, number] {
  const lead = TRIM_START.exec(s.slice(start, end));
  if (lead) start += lead[0].length;
  const tail = TRIM_END.exec(s.slice(start, end));
  if (tail) end -= tail[0].length;
  // A closing bracket or quotation mark stays only with its opening one.
  const text = s.slice(start, end);
  if (/\)$/.test(text) && !text.includes('(')) end -= 1;
  if (/”$/.test(text) && !text.includes('“')) end -= 1;
  if (/^\(/.test(text) && !text.includes(')')) start += 1;
  if (/^“/.test(text) && !text.includes('”')) start += 1;
  // Dangling joining words at the end say nothing ("…to Washington this week to").
  for (let guard = 0; guard < 4; guard++) {
    const dangling = /\s+(?:to|and|or|but|of|the|a|an|for|with|that|in|on|at|by|from|as|which|who)$/i.exec(
      s.slice(start, end),
    );
    if (!dangling) break;
    end -= dangling[0].length;
  }
  if (/\.$/.test(s.slice(start, end)) && !/\b[A-Z]\.$|\b(?:U\.S|Mr|Ms|Dr|St|Gen|Inc|Co)\.$/.test(s.slice(start, end)))
    end -= 1;
  return [start, end];
}

/**
 * The span [start, end) of sentence `s` to quote for the stated words at [a, b): the clause holding them,
 * grown by neighbouring clauses (earlier first, where the subject usually is) until it reads as a statement,
 * then cut to at most 30 words around the stated words.
 */
export function quoteSpan(s: string, a: number, b: number): [number, number] {
  // A quote is at most about 30 words: only the text near the stated words matters (long sentences stay linear).
  const lo0 = Math.max(0, a - REACH);
  const hi0 = Math.min(s.length, b + REACH);
  if (lo0 > 0 || hi0 < s.length) {
    const [start, end] = quoteSpan(s.slice(lo0, hi0), a - lo0, b - lo0);
    return [start + lo0, end + lo0];
  }
  const bounds = clauseBounds(s);
  let lo = bounds.filter((x) => x <= a).pop() ?? 0;
  let hi = bounds.find((x) => x >= b) ?? s.length;
  const grow = () => {
    const prev = bounds.filter((x) => x < lo).pop();
    const next = bounds.find((x) => x > hi);
    const text = s.slice(lo, hi).trim();
    // A clause that starts with a relative or joining word needs what comes before it.
    const needsBefore = /^(?:which|who|that|and|but|or|while|whereas|although|though|because|with|to|as)\b/i.test(text);
    if (
      prev !== undefined &&
      (needsBefore || next === undefined || words(s.slice(prev, lo)) <= words(s.slice(hi, next)) + 4)
    ) {
      lo = prev;
      return true;
    }
    if (next !== undefined) {
      hi = next;
      return true;
    }
    return false;
  };
  while (words(s.slice(lo, hi)) < MIN_WORDS || /^\s*(?:which|who|and|but)\b/i.test(s.slice(lo, hi))) {
    const before = [lo, hi];
    if (!grow() || words(s.slice(lo, hi)) > MAX_WORDS) {
      if (words(s.slice(lo, hi)) > MAX_WORDS) [lo, hi] = before as [number, number];
      break;
    }
  }
  if (words(s.slice(lo, hi)) > MAX_WORDS) [lo, hi] = window(s, lo, hi, a, b);
  const [start, end] = trimSpan(s, lo, hi);
  return start <= a && end >= b ? [start, end] : [Math.min(start, a), Math.max(end, b)];
}

/** At most 30 words of [lo, hi) around [a, b), cut at word boundaries. */
function window(s: string, lo: number, hi: number, a: number, b: number): [number, number] {
  let start = a;
  let end = b;
  let left = true;
  for (let guard = 0; guard < 200 && words(s.slice(start, end)) < MAX_WORDS; guard++) {
    const canLeft = start > lo;
    const canRight = end < hi;
    if (!canLeft && !canRight) break;
    if ((left && canLeft) || !canRight) {
      const m = /\S+\s*$/.exec(s.slice(lo, start).replace(/\s+$/, ''));
      start = m ? lo + m.index : lo;
    } else {
      const m = /^\s*\S+/.exec(s.slice(end, hi));
      end = m ? end + m[0].length : hi;
    }
    left = !left;
  }
  return [start, end];
}
