/**
 * People and organisations named in a sentence that the dashboard does not know yet: capitalised names with a
 * cue that they are a person (a title before them, a first name the NLP lexicon knows, an apposition with a
 * role, a speech verb) or an organisation (Institute, Ministry, Group…), with the role the text gives them.
 */
import nlp from 'compromise';
import type { ActorKind } from '../model/dataset/schema';
import type { Gazetteer } from './gazetteer';
import { TITLE_WORDS } from './entities-actors';
import { countryIndex } from './entities-countries';
import { isPlaceName } from './entities-places';
import { FUNCTION_WORDS, tokenize, type Token } from './entities-text';

export interface NameCandidate {
  name: string;
  /** Offsets of the name (without title) in the sentence. */
  start: number;
  end: number;
  kind: ActorKind;
  /** The title or apposition the text gives them, as written ("Defence Secretary", "chairman of Eurasia Group"). */
  role: string | null;
  /** Single-word mention ("Mr. Kupchan", "Kupchan said"): only links to a full name found elsewhere. */
  surnameOnly: boolean;
}

/** Nouns that make an apposition a role ("Cliff Kupchan, chairman of Eurasia Group"). */
const ROLE_NOUNS =
  /\b(?:secretary|minister|president|vice-president|spokesman|spokeswoman|spokesperson|adviser|advisor|envoy|chief|director|chairman|chairwoman|chair|head|leader|analyst|official|ambassador|commander|general|governor|mayor|senator|congressman|congresswoman|lawmaker|legislator|economist|researcher|fellow|professor|expert|founder|editor|correspondent|journalist|reporter|executive|officer|negotiator|diplomat|strategist|historian|scholar|commentator|blogger|spokesman|premier|chancellor|king|queen|prince|pope|deputy|aide|member|nominee|pick|candidate|teacher|lawyer|attorney|judge|investor|founder|owner|ceo|chief executive|colonel|captain|admiral|sergeant|soldier|pilot|activist|dissident|operator|boss|banker|trader|broker)s?\b/i;

/** Words ending an organisation's name, with the kind they suggest. */
const ORG_CUES: readonly [RegExp, ActorKind][] = [
  [
    /^(?:Times|News|Post|Journal|Telegraph|Guardian|Gazette|Tribune|Herald|Press|Radio|TV|Television|Broadcasting|Channel|Media|Wire)$/,
    'media',
  ],
  [/^(?:Institute|Centre|Center|Foundation|Studies|Institution|Endowment)$/, 'think-tank'],
  [
    /^(?:Ministry|Department|Government|Parliament|Senate|Congress|Duma|Rada|Army|Navy|Forces|Staff|Command|Guard|Agency|Bureau|Service|Office|Cabinet|Administration|Commission|Court|Police|Fleet|Brigade|Force|Corps|Guards|Kremlin|Pentagon)$/,
    'government',
  ],
  [
    /^(?:Inc\.?|Corp\.?|Corporation|Company|Co\.?|Ltd\.?|Plc|PLC|LLC|AG|SA|Group|Holdings|Bank|Airlines|Industries|Technologies|Motors|Energy|Exchange|Partners|Capital|Consulting)$/,
    'company',
  ],
  [
    /^(?:Union|Organization|Organisation|Alliance|Party|Association|Committee|Council|Forum|Initiative|Fund|Conference|Movement|Federation|League|Coalition|Front)$/,
    'organisation',
  ],
];
/** Words that open an organisation's name ("Institute for the Study of War", "Ministry of Defence"). */
const ORG_OPENERS =
  /^(?:Institute|Ministry|Department|Bank|Council|Centre|Center|University|Office|Organization|Organisation|Committee|Union|Federation|Commission|Court|Academy|School|Fund|Foundation)$/;
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'on', '&', 'de', 'du', 'des']);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'da', 'dos', 'le', 'la', 'di', 'ter']);
const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;
const SPEECH_AFTER =
  /^\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told|wrote|writes|added|adds|warned|argued|noted|posted|stated|insisted|declared|tweeted|explained|replied|asked|acknowledged|admitted|claimed|predicted|recalled|cautioned|countered)\b/;
const SPEECH_BEFORE = /\b(?:said|says|told|wrote|added|according to|asked|warned)\s+$/;

const lexicon = (): Record<string, string | string[] | undefined> =>
  (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

function lexiconTags(word: string): string[] {
  const entry = lexicon()[word.toLowerCase()];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

export const isFirstName = (word: string): boolean =>
  lexiconTags(word).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');

const clean = (t: string): string => t.replace(/['’]s?$/, '').replace(/(?<!^\p{Lu})\.$/u, '');
const isNameToken = (t: string): boolean =>
  /^\p{Lu}[\p{L}'’-]*\.?$/u.test(t) || /^\p{Lu}\.$/u.test(t) || /^(?:\p{Lu}\.){2,}$/u.test(t);
const isInitial = (t: string): boolean => /^\p{Lu}\.$/u.test(t);

interface Run {
  tokens: Token[];
  start: number;
  end: number;
}

/** Capitalised runs of words, joined by single spaces (and by connectors for organisations). */
function capitalisedRuns(text: string, tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]!.text)) {
      i++;
      continue;
    }
    const run: Token[] = [tokens[i]!];
    let j = i + 1;
    while (j < tokens.length) {
      const prev = run[run.length - 1]!;
      const gap = text.slice(prev.end, tokens[j]!.start);
      if (gap !== ' ' && gap !== ', ' && gap !== '-') break;
      if (/['’]s?$/.test(prev.text)) break;
      if (gap === ', ') {
        // Only "Washington, D.C." style; a comma otherwise ends the name.
        break;
      }
      const t = tokens[j]!.text;
      if (gap === '-' && /^\p{Ll}{1,4}$/u.test(t)) {
        // "Lai Ching-te": the lower-case second half of a hyphenated given name.
        run.push(tokens[j]!);
        j++;
        continue;
      }
      if (isNameToken(t)) {
        run.push(tokens[j]!);
        j++;
        continue;
      }
      // "Institute for the Study of War", "Ludwig van Beethoven": a connector followed by a capitalised word.
      let k = j;
      while (
        k < tokens.length &&
        (CONNECTORS.has(tokens[k]!.text) || PARTICLES.has(tokens[k]!.text)) &&
        text.slice(tokens[k - 1]!.end, tokens[k]!.start) === ' '
      )
        k++;
      if (
        k > j &&
        k < tokens.length &&
        isNameToken(tokens[k]!.text) &&
        text.slice(tokens[k - 1]!.end, tokens[k]!.start) === ' '
      ) {
        for (let m = j; m <= k; m++) run.push(tokens[m]!);
        j = k + 1;
        continue;
      }
      if (PARTICLES.has(t) && j + 1 < tokens.length && isNameToken(tokens[j + 1]!.text)) {
        run.push(tokens[j]!, tokens[j + 1]!);
        j += 2;
        continue;
      }
      break;
    }
    runs.push({ tokens: run, start: run[0]!.start, end: run[run.length - 1]!.end });
    i = j;
  }
  return runs;
}

const cueKind = (word: string): ActorKind | null => {
  for (const [re, kind] of ORG_CUES) if (re.test(word)) return kind;
  return null;
};

function orgKind(tokens: readonly Token[]): ActorKind | null {
  if (tokens.length === 0) return null;
  const lastKind = cueKind(clean(tokens[tokens.length - 1]!.text));
  if (lastKind !== null) return lastKind;
  // "International Committee of the Red Cross", "Bank of Russia": a cue word followed by a connector.
  for (let i = 0; i < tokens.length - 1; i++) {
    const kind = cueKind(clean(tokens[i]!.text));
    if (kind !== null && CONNECTORS.has(tokens[i + 1]!.text)) return kind;
  }
  const first = clean(tokens[0]!.text);
  if (ORG_OPENERS.test(first) && tokens.length >= 3) {
    if (/^(?:Ministry|Department|Office|Court|Commission)$/.test(first)) return 'government';
    if (/^(?:Institute|Centre|Center|Foundation)$/.test(first)) return 'think-tank';
    if (first === 'Bank') return 'company';
    return 'organisation';
  }
  return null;
}

/** Abbreviated titles, spelt out for a role in our words. */
const ABBREVIATIONS: Record<string, string> = {
  'Gov.': 'governor',
  'Sen.': 'senator',
  'Rep.': 'representative',
  'Gen.': 'general',
  'Lt.': 'lieutenant',
  'Col.': 'colonel',
  'Maj.': 'major',
  'Adm.': 'admiral',
  'Capt.': 'captain',
  'Sgt.': 'sergeant',
  'Prof.': 'professor',
};
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord)\.?$/;

/** The role given in a title before the name: "US Defence Secretary" → "US defence secretary",
 * "NATO Secretary-General" → "NATO secretary-general", "Gov." → "governor". */
function roleFromTitle(text: string, titleTokens: readonly Token[]): string | null {
  const kept = titleTokens.filter((t) => !HONORIFIC.test(t.text));
  const first = kept[0];
  const last = kept[kept.length - 1];
  if (first === undefined || last === undefined) return null;
  let role = '';
  let at = first.start;
  for (const t of kept) {
    role += text.slice(at, t.start);
    role += ABBREVIATIONS[t.text] ?? (TITLE_WORDS.has(t.text) ? t.text.toLowerCase() : t.text);
    at = t.end;
  }
  return role.replace(/\s+/g, ' ').trim();
}

/** An apposition after the name: ", chairman of Eurasia Group," / ", a political analyst,". */
function roleAfter(rest: string): string | null {
  const m =
    /^,\s+(?:(?:the|a|an|his|her|their|its)\s+)?([^,;:()“”"—]{3,90}?)(?=,|;|\.(?:\s|$)|\s—|\s+who\b|\s+said\b|$)/.exec(
      rest,
    );
  if (m === null) return null;
  const phrase = m[1]!.trim();
  if (/\b(?:said|says|told|is|was|were|has|had|will)\b/.test(phrase)) return null;
  // The role noun comes early ("chairman of …", "a senior fellow at …"), not in a clause ("flew … a teacher").
  const role = ROLE_NOUNS.exec(phrase);
  if (role === null) return null;
  const wordsBefore = phrase
    .slice(0, role.index)
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0).length;
  if (wordsBefore > 3 || /^\p{Ll}+ed\b/u.test(phrase)) return null;
  return phrase;
}

const ROLE_STOP = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'that',
  'said',
  'says',
  'with',
  'by',
  'to',
  'of',
  'for',
  'in',
  'on',
  'at',
  'as',
  'from',
  'his',
  'her',
  'their',
  'its',
]);

/** A lower-case title right before the name: "the Russian-installed governor Mikhail Razvozhayev", "Kremlin
 * spokesman Dmitry Peskov". */
function roleJustBefore(head: string): string | null {
  if (!/\s$/.test(head)) return null;
  const words = head.trimEnd().split(/\s+/);
  const last = words[words.length - 1];
  if (last === undefined || !/^\p{Ll}/u.test(last) || !new RegExp(`^${ROLE_NOUNS.source}$`, 'i').test(last))
    return null;
  const kept = [last];
  for (let i = words.length - 2; i >= 0 && kept.length < 4; i--) {
    const w = words[i]!;
    if (ROLE_STOP.has(w.toLowerCase()) || /[,;:.”"]$/.test(w)) break;
    kept.unshift(w);
  }
  return kept.join(' ');
}

/** An apposition before the name: "Trump’s defence secretary, Pete Hegseth". */
function roleBefore(head: string): string | null {
  const m = /(?:^|,\s|\b(?:and|but|that|while|as)\s)([^,;:()“”"—]{3,80}),\s$/.exec(head);
  if (m === null) return null;
  let phrase = m[1]!.trim();
  phrase = phrase.replace(/^(?:(?:Earlier|Later|Meanwhile|Then|On \w+|In \w+)\s+)/, '');
  if (!ROLE_NOUNS.test(phrase) || /\b(?:said|says|told|is|was|were|has|had|will)\b/.test(phrase)) return null;
  const words = phrase.split(/\s+/);
  if (words.length > 8) return null;
  return phrase.replace(/^(?:the|a|an)\s+/i, '');
}

/** "Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky" are two names; "and" joins the
 * words of one name only in an organisation ("Institute for Democracy and Electoral Assistance"). */
function splitAtAnd(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (!run.tokens.some((t) => t.text === 'and' || t.text === '&') || orgKind(run.tokens) !== null) {
      out.push(run);
      continue;
    }
    let part: Token[] = [];
    for (const t of [...run.tokens, undefined]) {
      if (t === undefined || t.text === 'and' || t.text === '&') {
        if (part.length > 0) out.push({ tokens: part, start: part[0]!.start, end: part[part.length - 1]!.end });
        part = [];
      } else part.push(t);
    }
  }
  return out;
}

/** "the Kyiv-based Razumkov Centre" → "Based in Kyiv". */
function basedIn(
  text: string,
  tokens: readonly Token[],
  first: Token,
  isCountryWord: (w: string) => boolean,
): string | null {
  const i = tokens.indexOf(first);
  const based = tokens[i - 1];
  const where = tokens[i - 2];
  if (based === undefined || where === undefined || based.text !== 'based') return null;
  if (text.slice(where.end, based.start) !== '-' || !isCountryWord(where.text)) return null;
  return `Based in ${where.text}`;
}

/** Names of people and organisations in one sentence, with their roles. Known actors are filtered by the caller. */
export function nameCandidates(text: string, gaz: Gazetteer): NameCandidate[] {
  const tokens = tokenize(text);
  const countries = countryIndex(gaz);
  /** Is the whole of `w` a way to name a country ("Russia's", "U.S.", "Kremlin")? */
  const isCountryWord = (w: string): boolean => {
    const word = clean(w);
    return countries.find(word).some((m) => m.start === 0 && m.end === word.length);
  };
  const out: NameCandidate[] = [];
  for (const run of splitAtAnd(capitalisedRuns(text, tokens))) {
    let words = run.tokens.map((t) => t.text);
    let first = 0;
    // Leading function words ("The"), titles and country words are not part of a person's name.
    while (first < words.length && FUNCTION_WORDS.has(words[first]!)) first++;
    // "European Commission President Ursula von der Leyen": the name follows the last title word.
    let lastTitle = -1;
    run.tokens.forEach((t, i) => {
      if (i >= first && TITLE_WORDS.has(t.text)) lastTitle = i;
    });
    const titledName =
      lastTitle >= 0 &&
      run.tokens.length - lastTitle - 1 >= 2 &&
      !TITLE_WORDS.has(run.tokens[lastTitle + 1]!.text) &&
      orgKind(run.tokens.slice(lastTitle + 1)) === null;
    const org = titledName ? null : orgKind(run.tokens.slice(first));
    if (org !== null && run.tokens.length - first >= 2) {
      // "Russia's Defense Ministry": the country that owns it is part of the name.
      const before = tokens[tokens.indexOf(run.tokens[0]!) - 1];
      const owner =
        first === 0 && before !== undefined && /['’]s$/.test(before.text) && text.slice(before.end, run.start) === ' '
          ? before
          : undefined;
      const startTok = owner !== undefined && isCountryWord(owner.text) ? owner : run.tokens[first]!;
      const name = text
        .slice(startTok.start, run.end)
        .replace(/['’]s?$/, '')
        .replace(/[.,]$/, '');
      if (!isCountryWord(name)) {
        out.push({
          name,
          start: startTok.start,
          end: startTok.start + name.length,
          kind: org,
          role: basedIn(text, tokens, startTok, isCountryWord),
          surnameOnly: false,
        });
      }
      continue;
    }
    let titleEnd = first;
    // Titles, country words and acronyms of bodies ("NATO Secretary-General Mark Rutte") stand before the name.
    const isTitleWord = (w: string): boolean => TITLE_WORDS.has(w) || isCountryWord(w) || /^\p{Lu}{2,}$/u.test(w);
    while (titleEnd < words.length && isTitleWord(words[titleEnd]!)) titleEnd++;
    if (titledName) titleEnd = Math.max(titleEnd, lastTitle + 1);
    // A person's name stops at a connector ("Lai Ching-te of Taiwan"); particles ("van", "de") stay.
    const afterTitle = run.tokens.slice(titleEnd);
    const cutAt = afterTitle.findIndex((t) => CONNECTORS.has(t.text) && !PARTICLES.has(t.text));
    const nameTokens = cutAt < 0 ? afterTitle : afterTitle.slice(0, cutAt);
    if (nameTokens.length === 0 || nameTokens.length > 4) continue;
    words = nameTokens.map((t) => clean(t.text));
    if (words.some((w) => CALENDAR.test(w) || TITLE_WORDS.has(w) || FUNCTION_WORDS.has(w))) continue;
    if (isInitial(words[words.length - 1]!)) continue;
    const start = nameTokens[0]!.start;
    const lastTok = nameTokens[nameTokens.length - 1]!;
    const end = lastTok.start + clean(lastTok.text).length;
    const name = text.slice(start, end);
    if (isCountryWord(name) || isPlaceName(name, gaz)) continue;
    const titleTokens = run.tokens.slice(first, titleEnd);
    const titled = titleTokens.some((t) => TITLE_WORDS.has(t.text));
    const rest = text.slice(end).replace(/^['’]s?/, '');
    const head = text.slice(0, titled ? run.tokens[first]!.start : start);
    // "Taiwan's President Lai": the possessive country before the title belongs to the role.
    const runIndex = tokens.indexOf(run.tokens[0]!);
    const owner = runIndex > 0 ? tokens[runIndex - 1] : undefined;
    const ownerWord =
      titled &&
      owner !== undefined &&
      /['’]s$/.test(owner.text) &&
      isCountryWord(owner.text) &&
      text.slice(owner.end, run.start) === ' '
        ? `${owner.text} `
        : '';
    const titleRole = titled ? roleFromTitle(text, titleTokens) : null;
    const role =
      (titleRole !== null ? `${ownerWord}${titleRole}` : null) ??
      roleAfter(rest) ??
      roleJustBefore(head) ??
      roleBefore(head);
    const speaks = SPEECH_AFTER.test(rest) || SPEECH_BEFORE.test(head);
    const firstNamed = isFirstName(words[0]!);
    if (words.length === 1) {
      if (titled || speaks) out.push({ name, start, end, kind: 'person', role, surnameOnly: true });
      continue;
    }
    if (titled || firstNamed || role !== null || speaks) {
      out.push({ name, start, end, kind: 'person', role, surnameOnly: false });
    }
  }
  return out;
}

/** People compromise finds in a sentence (used where our cues found nobody), as plain names with offsets. */
export function compromisePeople(text: string): { name: string; start: number; end: number }[] {
  const found = nlp(text).people().json({ offset: true }) as {
    text: string;
    offset: { start: number; length: number };
  }[];
  const out: { name: string; start: number; end: number }[] = [];
  for (const p of found) {
    const raw = text.slice(p.offset.start, p.offset.start + p.offset.length);
    const words = raw
      .split(/\s+/)
      .map(clean)
      .filter((w) => w.length > 0 && !TITLE_WORDS.has(w) && !/^[“"‘]/.test(w));
    if (words.length < 2) continue;
    const name = words.join(' ');
    const start = text.indexOf(name, p.offset.start);
    if (start < 0) continue;
    out.push({ name, start, end: start + name.length });
  }
  return out;
}
