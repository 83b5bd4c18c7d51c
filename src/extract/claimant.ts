/**
 * Who states a figure, as the article attributes it: "according to X", "X said / estimates / told /
 * confirmed", "…, said X", "X, a spokesperson, said", "X's data show", "data from X", the maker of a
 * proposal or pledge ("the European Commission has proposed a $873 billion plan"), "he said" resolved to the
 * person last named, and the speaker of a quotation named in the sentence before or after. A claimant is a
 * person, a body or a described group — never a day, a month, a city or a fragment of the sentence. Nobody
 * named: the author of a first-person statement (from its title), else the publisher.
 * The attributions are read in `attributions.ts`, the words that may name a claimant in `as-claimant.ts`.
 */
import { ROLE, TIME_WORDS } from './as-claimant';
import { attributionsIn, nearestAttribution, type Attribution } from './attributions';

const PERSON_PRONOUN = /^(?:he|she)$/i;

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
