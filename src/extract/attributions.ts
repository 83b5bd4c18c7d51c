/**
 * The attributions of a sentence: "according to X", "X said / estimates / told", "…, said X", "X's data
 * show", "data from X", the maker of a proposal or pledge, and "he said" left for the reader to resolve; and
 * which of them reaches a figure. Pure.
 */
import { asClaimant, capital, LEAD_OFF, PRONOUNS, ROLE } from './as-claimant';

/** Verbs after which, or before which, the speaker of a claim is named. */
const SPEECH =
  'said|says|say|told|tells|reported|reports|report|announcing|estimated|estimates|estimate|claimed|claims|announced|announces|wrote|writes|added|adds|noted|notes|stated|believes|calculated|calculates|found|finds|showed|shows|show|suggested|suggests|confirmed|confirms|warned|warns|explained|explains|predicted|predicts|projected|projects|forecast|forecasts|counted|tallied|recorded|documented|registered|acknowledged|acknowledges|admitted|disclosed|revealed|declared|insisted|argued|put|puts|testified|briefed|posted|tweeted|indicated|indicates|concluded|assessed|assesses|reckoned|reckons|cited|cites|quoted|quotes|places|placed|pegs|pegged|demanded|urged|accused|threatened|added';
const SPEECH_RE = new RegExp(`^(?:${SPEECH})$`, 'i');
/** Verbs by which a body states its own number: its proposal, pledge or decision. */
const DECIDE =
  'announcing|providing|sending|committing|pledging|allocating|doubling|doubled|tripling|tripled|raising|imposing|hiking|hiked|cutting|slashing|slashed|proposed|proposes|announced|pledged|pledges|committed|commits|allocated|approved|approves|unveiled|unveils|plans|planned|budgeted|requested|offered|offers|signed|imposed|imposes|levied|sanctioned|designated|authorized|authorised|set|raised|doubled|provided|provides|will provide|has provided|delivered|sent|sends|agreed|agrees|decided|ordered|paid|pays|spent|spends|invested|invests|received|receives|needs|seeks|sought|aims|aim|intend|intends|expects|expect|targets|plan';
const DECIDE_RE = new RegExp(`^(?:${DECIDE})$`, 'i');
/** Verbs whose subject names the claim's source only through data ("U.S. data showed", "the survey found"). */
/** Verbs after which the speaker may follow ("…,” said Ben Barry"): not "told" (told whom). */
const INVERTED =
  /^(?:said|says|added|adds|noted|wrote|estimated|reported|explained|warned|stated|continued|insisted|argued|cautioned)$/;
const DATA_VERBS = /^(?:showed|shows|show|found|finds|suggested|suggests|indicated|indicates|revealed)$/i;
const DATA_NOUN =
  /^(?:data|figures|statistics|estimates?|report|reports|survey|surveys|study|studies|analysis|records|poll|polls|census|tally|count|assessment|research|review|index|model|projections?|numbers)$/i;
const AUXILIARY =
  /^(?:has|have|had|is|was|were|are|will|would|also|earlier|previously|later|repeatedly|publicly|recently|separately|last|this|on|in|has\s+since)$/i;

interface Tok {
  w: string;
  start: number;
  end: number;
  /** Punctuation right after the word (",", ".", "\""). */
  punct: string;
  /** Punctuation right before it ("“", "("). */
  lead: string;
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const lead = /^["'‘(“[—–-]*/.exec(m[0])![0];
    const body = m[0].slice(lead.length);
    const punct = /[,;:.!?"'”’)(\]—–]*$/.exec(body)![0];
    let word = body.slice(0, body.length - punct.length);
    // An abbreviation keeps its full stop ("U.S."), a title too ("Lt.", "Gen.").
    let rest = punct;
    if (
      (/^(?:[A-Z]\.)+[A-Z]$/.test(word) ||
        /^(?:Mr|Ms|Mrs|Dr|Gen|Lt|Col|Sen|Rep|Gov|St|Maj|Capt|Sgt|Adm|Prof|Jr|Sr|Inc|Co|Corp|Ltd)$/.test(word)) &&
      punct.startsWith('.')
    ) {
      word += '.';
      rest = punct.slice(1);
    }
    if (word.length === 0) continue;
    out.push({ w: word, start: m.index + lead.length, end: m.index + lead.length + word.length, punct: rest, lead });
  }
  return out;
}

export interface Attribution {
  /** The claimant's name; undefined when the sentence says "he said" (see `pronoun`). */
  name?: string;
  /** "he", "she", "they", "it": to resolve to the person or body last named. */
  pronoun?: string;
  /** Where the attribution stands in the sentence (its verb). */
  at: number;
  /** Where its subject starts, for "X said …" and "X proposed …". */
  from?: number;
  how: 'according' | 'said' | 'inverted' | 'data' | 'decided';
}

/** The subject before token i (the verb): a name, a described group, or a name with an apposition. */
function subjectBefore(
  toks: readonly Tok[],
  i: number,
): { name?: string; pronoun?: string; from?: number } | undefined {
  let first = i - 1;
  while (first >= 0 && AUXILIARY.test(toks[first]!.w) && !/[,;:]/.test(toks[first]!.punct)) first--;
  if (first < 0) return undefined;
  // "The head of Doctors Without Borders (MSF) told": the bracket names what comes before it.
  if (/\)$/.test(toks[first]!.punct) && !/[,;]/.test(toks[first]!.punct)) {
    let open = first;
    while (open >= 0 && !/\(/.test(toks[open]!.lead)) open--;
    if (open > 0) first = open - 1;
  }
  const last = toks[first]!;
  // "…,” said X": a closing quotation mark ends the quotation, not a subject.
  if (/[”"]/.test(last.punct)) return undefined;
  if (PRONOUNS.test(last.w) && /^(?:he|she|they|it|we)$/i.test(last.w))
    return { pronoun: last.w.toLowerCase(), from: last.start };
  // "Glenn Jusnes, UNHCR Kenya spokesperson, told VOA": the name before the apposition.
  const run = (end: number): { words: string[]; start: number } => {
    const words: string[] = [];
    let k = end;
    for (; k >= 0 && words.length < 8; k--) {
      const t = toks[k]!;
      if (k !== end && (/[,;:.!?"”)]/.test(t.punct) || /[“"(]/.test(toks[k + 1]?.lead ?? ''))) break;
      if (LEAD_OFF.test(t.w) && t.w.toLowerCase() !== 'and') break;
      if (!capital(t.w) && words.length > 0) {
        // lower-case words before a role: adjectives and nouns of a body ("national defense ministry"), not verbs
        const lowerRole =
          /^[a-z-]+(?:['’]s)?$/.test(t.w) &&
          words.length <= 3 &&
          ROLE.test(words[words.length - 1] ?? '') &&
          !/^(?:said|says|told|has|have|had|is|was|were|are|be|that|which|who|he|she|they|it|we|and|or|but|to|of|in|on|at|by|for|with|from|as|also|not|would|will|could|should|may|might)$/.test(
            t.w,
          ) &&
          !/(?:ed|ing|ly)$/.test(t.w);
        const det =
          /^(?:the|a|an|some|many|several|two|three|four|most|senior|top|other|western|eastern|military|independent|local|regional|foreign|government|ministry|defence|defense|central|state|federal|national|international|former|deputy|acting|chief)$/i.test(
            t.w,
          );
        // "The head of Doctors Without Borders": a role of a named body
        const roleOf = ROLE.test(t.w) && words[0] === 'of';
        if (!det && !lowerRole && !roleOf) break;
        if (/^(?:the|a|an)$/i.test(t.w)) {
          words.unshift(t.w);
          k--;
          break;
        }
      }
      if (/[“"(]/.test(t.lead) && k !== end) {
        words.unshift(t.w);
        k--;
        break;
      }
      words.unshift(t.w);
    }
    return { words, start: k + 1 };
  };
  if (/,/.test(last.punct) && first > 0) {
    // the apposition runs back to the comma before it: "Tran Quoc Bao, the director at … in Ho Chi Minh City, told"
    let comma = first - 1;
    while (comma >= 0 && first - comma < 16 && !/[,;:.!?"”)]/.test(toks[comma]!.punct)) comma--;
    if (comma >= 0 && /,/.test(toks[comma]!.punct)) {
      const named = run(comma);
      const name = asClaimant(named.words);
      if (name) return { name, from: toks[named.start]?.start ?? 0 };
    }
    const roleRun = run(first);
    const role = asClaimant(roleRun.words);
    return role ? { name: role, from: toks[roleRun.start]?.start ?? 0 } : undefined;
  }
  if (/[,;:.!?"”)]/.test(last.punct)) return undefined;
  const subject = run(first);
  const name = asClaimant(subject.words);
  return name ? { name, from: toks[subject.start]?.start ?? 0 } : undefined;
}

/** The name after an inverted verb: "…,” said Ben Barry, a senior analyst" → "Ben Barry". */
function nameAfter(toks: readonly Tok[], i: number): { name?: string; pronoun?: string } | undefined {
  const words: string[] = [];
  for (let k = i + 1; k < toks.length && words.length < 9; k++) {
    const t = toks[k]!;
    if (words.length === 0 && /^(?:he|she|they|it)$/i.test(t.w)) return { pronoun: t.w.toLowerCase() };
    if (
      /^(?:on|in|at|who|which|that|last|this|during|after|before|when|while|with|because|to|of|according|earlier|later|told|in)$/i.test(
        t.w,
      ) &&
      words.length > 0 &&
      !capital(t.w)
    )
      break;
    if (/^(?:on|in|at|during|last|this)$/i.test(t.w) && words.length > 0) break;
    words.push(t.w);
    if (t.punct) break;
  }
  const name = asClaimant(words);
  return name ? { name } : undefined;
}

const ACCORDING =
  /\baccording to\s+((?:the\s+|a\s+|an\s+)?[^,;()“”"]+?)(?=\s*[,;)“”"]|\.\s*$|(?<!\b[A-Z])\.\s|\s+(?:on|in|who|which|that|last|this|published|released|cited|as|for)\b|$)/gi;
const DATA_FROM =
  /\b(?:data|figures|statistics|estimates|numbers|a report|a survey|a study|an analysis|a poll|research|records|a tally|a count)\s+(?:from|by|of|published by|released by|compiled by)\s+((?:the\s+)?[A-Z][^,;()“”"]*?)(?=\s*[,;)“”".]|\s+(?:on|in|who|which|that|last|this|published|released|showed|shows|show|found|suggest|suggested)\b|$)/g;

/** Every attribution of the sentence, with where it stands. */
export function attributionsIn(s: string): Attribution[] {
  const found: Attribution[] = [];
  for (const m of s.matchAll(ACCORDING)) {
    // "according to data from Bloomberg": the source of the data
    const words = m[1]!
      .trim()
      .replace(
        /^(?:the\s+)?(?:latest\s+|new\s+|official\s+)?(?:data|figures|statistics|estimates|numbers|a\s+report|a\s+survey|a\s+study|an\s+analysis|a\s+tally|a\s+count|research)\s+(?:from|by|of|compiled by|published by)\s+/i,
        '',
      );
    const name = asClaimant(words.split(/\s+/));
    if (name) found.push({ name, at: m.index, how: 'according' });
  }
  for (const m of s.matchAll(DATA_FROM)) {
    const name = asClaimant(m[1]!.trim().split(/\s+/));
    if (name) found.push({ name, at: m.index, how: 'data' });
  }
  const toks = tokens(s);
  toks.forEach((tok, i) => {
    // A verb is written in lower case: "States" in "the United States" is no verb.
    if (!/^[a-z]/.test(tok.w)) return;
    const verb = tok.w;
    const prev = toks[i - 1];
    if (SPEECH_RE.test(verb)) {
      // "U.S. data showed", "the survey found", "Zion Market Research has found": only a source of data shows.
      if (DATA_VERBS.test(verb)) {
        let k = i - 1;
        while (k >= 0 && AUXILIARY.test(toks[k]!.w)) k--;
        const noun = toks[k];
        if (!noun || !(DATA_NOUN.test(noun.w) || /^[A-Z]/.test(noun.w))) return;
      }
      // "…,” said Zelensky", "…, said the official": the speaker after the verb (never "…, told X": X listens).
      if (prev && /[,"”]/.test(prev.punct) && INVERTED.test(verb)) {
        const after = nameAfter(toks, i);
        if (after) {
          found.push({ ...after, at: tok.start, how: 'inverted' });
          return;
        }
      }
      const subject = subjectBefore(toks, i);
      if (subject) found.push({ ...subject, at: tok.start, how: 'said' });
      return;
    }
    if (DECIDE_RE.test(verb)) {
      // "Trump ramped up his trade war on Tuesday, doubling the 25% tariff": the sentence's subject decides.
      if (/ing$/.test(verb) && prev && /,/.test(prev.punct)) {
        const lead: string[] = [];
        for (const t of toks) {
          if (!capital(t.w) || lead.length >= 6) break;
          lead.push(t.w);
          if (t.punct) break;
        }
        const name = asClaimant(lead);
        if (name) found.push({ name, at: tok.start, from: 0, how: 'decided' });
        return;
      }
      const subject = subjectBefore(toks, i);
      if (subject?.name && /^[A-Z]/.test(subject.name) && !/^(?:The|A|An)\s+[a-z]/.test(subject.name))
        found.push({ ...subject, at: tok.start, how: 'decided' });
      else if (subject?.name && ROLE.test(subject.name)) found.push({ ...subject, at: tok.start, how: 'decided' });
    }
  });
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The attribution of the figure at [a, b): the nearest that reaches it. "X said …" and "X proposed …" reach the
 * figures after the verb, and those before the subject in the same clause ("1,400 tanks, the IISS estimates"),
 * not those of another clause ("doubling the tariff to 50% after Ontario's leader said …"). A speaker comes
 * before a decider.
 */
export function nearestAttribution(
  found: readonly Attribution[],
  a: number,
  b: number,
  s = '',
): Attribution | undefined {
  const distance = (at: number) => (at < a ? a - at : at > b ? at - b : 0);
  const reaches = (f: Attribution) => {
    // "…, according to Bloomberg, as drones struck three refineries": not into a clause of its own after it
    if (
      (f.how === 'according' || f.how === 'data') &&
      a > f.at &&
      /,\s*(?:as|while|but|when|after|whereas|and)\s/i.test(s.slice(f.at, a))
    )
      return false;
    if (f.from === undefined || a > f.at) return true;
    if (f.how === 'decided') return false;
    // "…, Lynch said." at the end of the sentence speaks for all of it
    if (
      /,\s*(?:\S+\s+){0,3}$/.test(s.slice(0, f.from)) &&
      /^\S*\s*(?:(?:in|on|at|to)\s+[^,;.]*)?(?:,\s*(?:as\s+)?(?:cited|reported|quoted)\b.*)?[.!?”"]*\s*$/.test(
        s.slice(f.at).replace(/^\w+/, ''),
      )
    )
      return true;
    // "… to 50% after Ontario's leader said …": the subject's own clause starts with a conjunction
    return !/\b(?:after|before|while|because|when|since|although|though|as|until|unless|whereas|if)\s*$/i.test(
      s.slice(0, f.from),
    );
  };
  const spoken = found.filter((f) => f.how !== 'decided' && reaches(f));
  const pool = spoken.length ? spoken : found.filter(reaches);
  return [...pool].sort((x, y) => distance(x.at) - distance(y.at))[0];
}
