/**
 * Who makes a claim, as the article attributes it: "according to X", "X said", "…, said X", "X told
 * Reuters", "X estimates", "X's data showed". Nobody named → the publisher.
 */

const SPEECH = new Set(
  'said says told reported reports estimated estimates estimate claimed claims announced wrote added noted stated believes calculated found showed shows show suggested'.split(
    ' ',
  ),
);
/** Verbs after which the claimant may follow (", said the official"): not "told" (told whom). */
const INVERTED = new Set('said says reported wrote added noted estimated'.split(' '));
const LEAD_OFF = new Set(
  'and but so while as then because although though if when that which who where yet'.split(' '),
);
const END_AT = new Set(
  'on in at who which that last this familiar speaking asking citing during after before when while with because to of according'.split(
    ' ',
  ),
);
const PRONOUNS = /^(?:he|she|they|it|we|i|you|one|this|that|there|these|those|both)$/i;
const DETERMINERS =
  /^(?:the|a|an|other|some|many|several|two|three|four|five|most|senior|western|military|US|U\.S\.)$/i;

/** Abbreviations without their dots, so that "U.S. data" and "Mr. Kuo" read as one name. */
function plain(text: string): string {
  return text
    .replace(/\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?/g, (_m, a: string, b: string, c?: string) => `${a}${b}${c ?? ''}`)
    .replace(/\b(Mr|Ms|Mrs|Dr|Gen|Sen|Rep|Gov|Lt|Col|St)\./g, '$1')
    .replace(/[“”"]/g, '"')
    .replace(/\s+/g, ' ');
}

function finish(words: readonly string[]): string | undefined {
  const list = [...words];
  while (list.length && LEAD_OFF.has(list[0]!.toLowerCase())) list.shift();
  while (list.length && /^(?:of|and|the|a|an)$/i.test(list[list.length - 1]!)) list.pop();
  if (list.length === 0 || list.length > 9) return undefined;
  const name = list.join(' ').replace(/^[^\w]+|[^\w’'.)]+$/g, '');
  if (name.length < 2 || PRONOUNS.test(name)) return undefined;
  const named = list.some((w) => /^[A-Z]/.test(w));
  const group =
    /(?:officials?|experts?|analysts?|executives?|sources?|report|people|person|ministry|institute|agency|data|diplomats?|commentators?|researchers?|economists?|traders?|government|military|army|police|authorities|observers|lawmakers)$/i.test(
      name,
    );
  // "the regional governor", "a spokesperson": a described person or body.
  const described =
    /^(?:the|a|an)\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}$/i.test(name) && !/\b(?:it|this|that)$/i.test(name);
  if (!named && !group && !described) return undefined;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

interface Tok {
  w: string;
  start: number;
  end: number;
  /** Punctuation right after the word (",", ".", "\""). */
  punct: string;
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const lead = /^["'‘(“]*/.exec(m[0])![0].length;
    const body = m[0].slice(lead);
    const punct = /[,;:.!?"'”’)(]*$/.exec(body)![0];
    let word = body.slice(0, body.length - punct.length);
    // An abbreviation keeps its full stop ("U.S."); a possessive its ’s.
    if (/^(?:[A-Z]\.)+[A-Z]$/.test(word) && punct.startsWith('.')) word += '.';
    if (word.length === 0) continue;
    out.push({
      w: word,
      start: m.index + lead,
      end: m.index + lead + word.length,
      punct: punct.replace(/^\./, word.endsWith('.') ? '' : '.'),
    });
  }
  return out;
}

/** The claimant of a figure in sentence `s` (its stated words at [a, b)), or `fallback` when nobody is named. */
export function claimantOf(s: string, a: number, b: number, fallback: string): string {
  return claimantsOf(s)(a, b, fallback);
}

/**
 * Reads the attributions of sentence `s` once and returns the chooser of a figure's claimant: the attribution
 * nearest the figure's stated words at [a, b), or `fallback` when nobody is named.
 */
export function claimantsOf(s: string): (a: number, b: number, fallback: string) => string {
  // Offsets are kept by `plain` only roughly; they serve to choose the nearest attribution.
  const text = plain(s);
  const according =
    /\baccording to ((?:the |a |an )?[^,;()"]+?)(?=[,;)"]|\.(?:\s|$)|\s+(?:on|in|who|which|that|last|this|published|released|cited)\b|$)/i.exec(
      text,
    );
  const accordingName = according ? finish(according[1]!.split(' ')) : undefined;
  const found = accordingName ? [] : attributions(text);
  return (a, b, fallback) => {
    if (accordingName) return accordingName;
    if (found.length === 0) return fallback;
    const distance = (at: number) => (at < a ? a - at : at > b ? at - b : 0);
    return [...found].sort((x, y) => distance(x.at) - distance(y.at))[0]!.name;
  };
}

function attributions(text: string): { name: string; at: number }[] {
  const toks = tokens(text);
  const found: { name: string; at: number }[] = [];
  toks.forEach((tok, i) => {
    const verb = tok.w.toLowerCase();
    if (!SPEECH.has(verb)) return;
    const prev = toks[i - 1];
    // "…, said the official", "…” said Zelensky"
    if (INVERTED.has(verb) && prev && /[,"]$/.test(prev.punct)) {
      const words: string[] = [];
      for (let k = i + 1; k < toks.length && words.length < 9; k++) {
        const t = toks[k]!;
        if (END_AT.has(t.w.toLowerCase()) && words.length > 0) break;
        words.push(t.w);
        if (t.punct) break;
      }
      const name = finish(words);
      if (name) found.push({ name, at: tok.start });
      return;
    }
    // "Zelensky's office said", "The IISS estimates", "Kuo told Reuters", "U.S. data showed"
    if (verb === 'showed' || verb === 'shows' || verb === 'show' || verb === 'found' || verb === 'suggested') {
      if (!prev || !/^(?:data|figures|statistics|estimates|report|survey|study|analysis|records)$/i.test(prev.w))
        return;
    }
    const words: string[] = [];
    let first = i - 1;
    // "has said", "had earlier told": the auxiliary is not part of the name.
    while (
      first >= 0 &&
      /^(?:has|have|had|is|was|were|are|will|would|also|earlier|previously|later|repeatedly|publicly)$/i.test(
        toks[first]!.w,
      )
    )
      first--;
    for (let k = first; k >= 0 && words.length < 7; k--) {
      const t = toks[k]!;
      if (t.punct && k !== first) break;
      if (k === first && /[,.;:"]/.test(t.punct)) break;
      const lower = t.w.toLowerCase();
      if (LEAD_OFF.has(lower) && lower !== 'and') break;
      if (/^[a-z]/.test(t.w) && !DETERMINERS.test(t.w) && words.length > 0 && !/^(?:of|and)$/.test(lower)) {
        // A lower-case word before a name ends it, unless it is part of a described group ("military analysts").
        const next = words[0]!;
        if (/^[A-Z]/.test(next) || words.length >= 3) break;
      }
      words.unshift(t.w);
    }
    const name = finish(words);
    if (name) found.push({ name, at: tok.start });
  });
  return found;
}
