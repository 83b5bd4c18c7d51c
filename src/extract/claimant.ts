/**
 * Who states a figure, as the article attributes it: "according to X", "X said / estimates / told /
 * confirmed", "…, said X", "X, a spokesperson, said", "X's data show", "data from X", the maker of a
 * proposal or pledge ("the European Commission has proposed a $873 billion plan"), "he said" resolved to the
 * person last named, and the speaker of a quotation named in the sentence before or after. A claimant is a
 * person, a body or a described group — never a day, a month, a city or a fragment of the sentence. Nobody
 * named: the author of a first-person statement (from its title), else the publisher.
 */

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

const PRONOUNS =
  /^(?:he|she|they|it|we|i|you|one|this|that|there|these|those|both|all|some|many|most|others|another|each|such|who|which)$/i;
const PERSON_PRONOUN = /^(?:he|she)$/i;
const TIME_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tonight|tomorrow|last|this|next|earlier|later|morning|evening|week|weekend|month|year)(?:['’]s)?$/i;
/** Words a described claimant ends with: "Western officials", "the central bank", "military analysts". */
const ROLE =
  /(?:officials?|experts?|analysts?|executives?|sources?|report|people|person|ministry|ministries|institute|agency|agencies|data|diplomats?|commentators?|researchers?|economists?|traders?|government|governments|military|army|police|authorities|observers|lawmakers|legislators|bank|banks|minister|ministers|president|spokesperson|spokesman|spokeswoman|spokespeople|governor|mayor|commander|chief|head|secretary|ambassador|envoy|adviser|advisor|director|office|department|council|commission|committee|court|parliament|kremlin|pentagon|white house|administration|company|firm|group|organisation|organization|union|alliance|coalition|forces|military|intelligence|regulator|watchdog|operator|utility|producer|exporter|importer|statistics service|statistics office|think tank|think-tank|survey|study|poll|census|monitor|mission|fund|bureau|service|board|cabinet|presidency|senate|congress|assembly|staff|general|admiral|operator|association|federation|chamber|industry|ministry of [a-z]+|leader|leaders|premier|arm|branch|wing|body|executive|head|tank|force|guard|navy|command|website|newspaper|outlet|site|broadcaster|media|publication|journal|magazine|daily|consultancy|consultants|researchers|scientists|authors|charity|network|platform|tracker|project|initiative)$/i;
const LEAD_OFF =
  /^(?:and|but|so|while|as|then|because|although|though|if|when|that|which|who|where|yet|also|meanwhile|however)$/i;

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

const capital = (w: string) =>
  /^[A-Z\u00C0-\u024F]/.test(w) || /^(?:al|bin|de|da|van|von|der|du|la|le|of|the|and|&|for|on)$/.test(w);

/**
 * A name as a claimant: capitalised words ("Glenn Jusnes", "UNHCR Kenya"), or a described person or group
 * ("the central bank", "Western officials", "a US official"). Undefined for a pronoun, a day, a month, a
 * sentence fragment.
 */
export function asClaimant(words: readonly string[]): string | undefined {
  const list = [...words];
  while (list.length && (LEAD_OFF.test(list[0]!) || /^(?:One|Another)$/.test(list[0]!))) list.shift();
  while (list.length && /^(?:of|and|the|a|an|for|on|in|to|at|by|with|from|&)$/i.test(list[list.length - 1]!))
    list.pop();
  if (list.length === 0 || list.length > 9) return undefined;
  const name = list
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}’'.)]+$/gu, '')
    .replace(/[’']s$/, (m) => (list.length > 1 ? m : ''));
  if (name.length < 2 || PRONOUNS.test(name)) return undefined;
  if (list.some((w) => TIME_WORDS.test(w)) && !list.some((w) => ROLE.test(w) && !TIME_WORDS.test(w))) return undefined;
  if (list.every((w) => /^\d|^[^\p{L}]*$/u.test(w))) return undefined;
  // A fragment holds a verb of its own: "This deal was first", "All of them have".
  if (
    list.some((w) =>
      /^(?:is|was|were|are|be|been|being|has|have|had|do|does|did|will|would|could|should|can|may|might|must|not|first|only|also|just)$/i.test(
        w,
      ),
    )
  )
    return undefined;
  const lower = list.filter((w) => !capital(w));
  const named = list.some(
    (w) =>
      /^[A-Z\u00C0-\u024F]/.test(w) &&
      !/^(?:The|A|An|This|That|These|Those|All|Some|Many|Most|Both|Other|Such|Each|Every|One)$/.test(w),
  );
  const described = ROLE.test(name) || ROLE.test(list[list.length - 1]!);
  if (!named && !described) return undefined;
  // Lower-case words are fine before a role ("the central bank", "military analysts"), not in a name.
  if (
    named &&
    !described &&
    lower.some((w) => !/^(?:of|the|and|for|de|al|bin|van|von|der|du|la|le|on|&)$/i.test(w) && !ROLE.test(w))
  )
    return undefined;
  if (PRONOUNS.test(list[0]!) && !described) return undefined;
  return name.charAt(0).toUpperCase() + name.slice(1);
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

/** The claimant of a figure in sentence `s` (its stated words at [a, b)), or `fallback` when nobody is named. */
export function claimantOf(s: string, a: number, b: number, fallback: string): string {
  return nearestAttribution(attributionsIn(s), a, b, s)?.name ?? fallback;
}

/** "Statement from President Joe Biden on …", "Remarks by the Secretary …": the author of a first-person text. */
export function authorOf(title: string, text: string): string | undefined {
  const m =
    /^(?:Statement|Remarks|Readout|Message|Proclamation|Letter|Op-ed|Address|Testimony)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:on|at|regarding|about|ahead|after|before|following|marking|celebrating|upon|as|with)\s+.*)?$/i.exec(
      title.trim(),
    );
  if (!m) return undefined;
  // A first-person text: "I am proud", "my Administration", "we waited".
  const outsideQuotes = text.replace(/[“"][^”"]*[”"]/g, ' ');
  if (!/\b(?:I|I['’]m|I['’]ve|my|My|we|We|our|Our)\b/.test(outsideQuotes)) return undefined;
  const who = m[1]!.trim();
  if (who.split(/\s+/).length <= 6) return who;
  // "Deputy National Security Advisor for … Daleep Singh": the person's name at the end.
  return (
    /(?:[A-Z][a-z’'-]+\s+)?[A-Z][a-z’'-]+\s+[A-Z][\w’'-]+$/
      .exec(who)?.[0]
      .replace(/^(?:Council|Committee|Office|Department|Agency|House|Security|Affairs|Economics|Staff)\s+/, '') ?? who
  );
}

/** What a described body ("the think tank", "the agency") may be called by name. */
const DESCRIBED: Record<string, RegExp> = {
  tank: /\b(?:Institute|Cent(?:er|re)|Studies|Foundation|Institution|Endowment|Council)\b/,
  'think-tank': /\b(?:Institute|Cent(?:er|re)|Studies|Foundation|Institution|Endowment|Council)\b/,
  group: /\b(?:Group|Association|Federation|Union|Alliance|Coalition|Network)\b/,
  agency: /\b(?:Agency|Administration|Service|Bureau|Office)\b/,
  bank: /\bBank\b/,
  ministry: /\bMinistry\b|\bDepartment\b/,
  company: /\b(?:Inc|Corp|Company|Group|Ltd|Plc|Holdings)\b|^[A-Z]\w+$/,
  firm: /\b(?:Inc|Corp|Company|Group|Ltd|Plc|Partners|Associates|Consulting)\b/,
  consultancy: /\b(?:Associates|Partners|Consulting|Group)\b/,
  organisation: /\b(?:Organi[sz]ation|Fund|Programme|Program|Agency)\b/,
  organization: /\b(?:Organi[sz]ation|Fund|Programme|Program|Agency)\b/,
  website: /\b(?:Review|News|Times|Post|Journal|Asia|Daily|Herald)\b/,
};

/**
 * Reads the claimants of an article sentence by sentence: keeps the people and bodies named so far, so that
 * "he said" means the person last named and "Ford" the "Doug Ford" named before.
 */
export class ClaimantReader {
  private readonly people: string[] = [];
  private readonly bodies: string[] = [];
  private readonly fullNames: string[] = [];
  /** "President" → "Donald Trump": the person last named with a title. */
  private readonly titled = new Map<string, string>();

  /**
   * @param fallback the author of a first-person text, else the publisher
   * @param isPlace true for the name of a city or region (never a claimant; a country may be one)
   */
  constructor(
    private readonly fallback: string,
    private readonly isPlace: (name: string) => boolean = () => false,
    /**
     * The text speaks for its author or publisher (a first-person statement, a fact sheet): what it says
     * its own officials did ("President Biden levied sanctions on more than 50 banks") is its claim, and a
     * sentence with no attribution is the author's, not the last speaker's.
     */
    private readonly authored = false,
  ) {}

  /** Notes the names a sentence holds (call for every sentence, in order). */
  see(s: string): void {
    for (const m of s.matchAll(
      /\b((?:[a-z]+\s+){0,2}(?:[Pp]resident|Prime Minister|[Pp]remier|[Cc]hancellor|[Ss]ecretary|[Mm]inister|[Gg]overnor|[Mm]ayor|Chief|General|Gen\.|[Dd]irector|[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|[Aa]mbassador|[Cc]ommissioner|Senator|Representative|[Cc]hairman|Chair))\s+(?:[A-Z][\w’'.-]+\s+){0,4}?((?:[A-Z][a-z’'-]+\s+)?[A-Z][a-z’'-]+)\b/g,
    )) {
      const role = m[1]!.toLowerCase().replace(/\.$/, '');
      this.titled.set(role, m[2]!);
      this.titled.set(role.split(' ').pop()!, m[2]!);
    }
    // "Ahmed Sharif Chaudhry, the military spokesperson,": "the military spokesperson" is Chaudhry.
    for (const m of s.matchAll(
      /\b((?:[A-Z][a-z’'-]+\s+){1,3}[A-Z][a-z’'-]+),\s+(?:the|a|an|[A-Z][\w’'.]*['’]s)\s+((?:[a-z-]+\s+){0,3}(?:spokesperson|spokesman|spokeswoman|minister|director|secretary|chief|head|president|governor|premier|leader|commander|ambassador|envoy|adviser|advisor|official|general|executive|chairman|chair|founder|analyst|economist|consultant))\b/g,
    )) {
      const role = m[2]!.toLowerCase();
      this.titled.set(role, m[1]!);
      this.titled.set(role.split(' ').pop()!, m[1]!);
    }
    for (const m of s.matchAll(/\b(?:[A-Z][a-z]+\.?\s+){0,3}[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)+/g)) {
      const name = m[0]
        .replace(
          /^(?:The|A|An|In|On|At|But|And|As|For|When|While|After|Before|President|Prime|Minister|Secretary|General|Gen\.|Lt\.|Mr\.|Ms\.|Mrs\.|Dr\.)\s+/g,
          '',
        )
        .trim();
      if (name.split(/\s+/).length >= 2 && !TIME_WORDS.test(name.split(/\s+/)[0]!)) this.fullNames.push(name);
    }
    for (const f of attributionsIn(s)) {
      if (!f.name) continue;
      const person =
        /^[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)*$/.test(f.name) && !ROLE.test(f.name) && !/^(?:The|A)\s/.test(f.name);
      (person ? this.people : this.bodies).push(f.name);
    }
  }

  /** The full name a surname stands for, when the article named the person in full before ("Ford" → "Doug Ford"). */
  fullName(name: string): string {
    if (!/^[A-Z][\w’'-]+$/.test(name)) return name;
    const full = [...this.fullNames].reverse().find((n) => n.endsWith(` ${name}`));
    return full ?? name;
  }

  /**
   * A definite description as the body or person it stands for: "the website" → "the government-run Vietnam
   * Investment Review news website", "the president" → "Donald Trump". Itself when nothing earlier fits.
   */
  described(name: string): string {
    const m = /^The\s+((?:[A-Za-z][\w-]*\s*){1,4})$/.exec(name) ?? /^([A-Z][a-z-]*(?:\s+[a-z-]+){1,3})$/.exec(name);
    if (
      !m ||
      /[A-Z]/.test(
        m[1]!.replace(/\b(?:Vice|President|Prime|Minister|Secretary|Premier|Chancellor|Governor|Mayor|General)\b/g, ''),
      )
    )
      return name;
    const role = m[1]!.trim().toLowerCase();
    const noun = role.split(' ').pop()!;
    const title = this.titled.get(role) ?? (role.split(' ').length === 1 ? this.titled.get(noun) : undefined);
    if (title) return this.fullName(title);
    const kind = DESCRIBED[noun] ?? new RegExp(`\\b${noun}$`, 'i');
    const body = [...this.bodies].reverse().find((b) => b !== name && kind.test(b) && /[A-Z]/.test(b.slice(1)));
    return body ?? name;
  }

  /** The person ("he", "she") or body ("it", "they") last named before. */
  resolve(pronoun: string): string | undefined {
    const list = PERSON_PRONOUN.test(pronoun)
      ? this.people
      : pronoun === 'it'
        ? this.bodies
        : [...this.bodies, ...this.people];
    const name = list[list.length - 1];
    return name ? this.fullName(name) : undefined;
  }

  /**
   * The claimant of the figure at [a, b) of sentence `s`; `neighbours` are the sentences around a quotation;
   * `before` the sentence just before in the same paragraph, whose speaker a sentence with no attribution of
   * its own continues ("Chaudhry said … . Five Frontier Corps personnel were also killed …").
   */
  claimant(s: string, a: number, b: number, neighbours: readonly string[] = [], before?: string): string {
    const all = attributionsIn(s);
    const here = nearestAttribution(this.authored ? all.filter((f) => f.how !== 'decided') : all, a, b, s);
    const named = (f: Attribution | undefined) => {
      const name = f?.name ? this.described(this.fullName(f.name)) : f?.pronoun ? this.resolve(f.pronoun) : undefined;
      return name && !this.isPlace(name) ? name : undefined;
    };
    const direct = named(here);
    if (direct) return direct;
    for (const other of neighbours) {
      const there = attributionsIn(other).find((f) => f.how !== 'decided');
      const name = named(there);
      if (name) return name;
    }
    // The speaker goes on only where the sentence names nobody new: it opens with a number, a pronoun or "the …".
    const continues =
      /^[“"‘]?(?:\d|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands|Millions|About|Some|More than|Nearly|Almost|Over|At least|Another|Only|Just|Roughly|Around|He|She|They|It|The|This|These|Those|Both|Of those|Of them|Among them)\b)/.test(
        s.trimStart(),
      );
    if (before !== undefined && !this.authored && all.length === 0 && continues) {
      // "It includes …" after "the Commission has proposed …": the plan is the proposer's
      const pronoun = /^[“"‘]?(?:It|They|This|These)\b/.test(s.trimStart());
      const previous = attributionsIn(before).filter(
        (f) => f.how === 'said' || f.how === 'inverted' || (pronoun && f.how === 'decided'),
      );
      const name = named(previous[previous.length - 1]);
      if (name) return name;
    }
    return this.fallback;
  }
}
