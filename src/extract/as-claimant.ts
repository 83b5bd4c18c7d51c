/**
 * Whether words name a claimant: a person, a body or a described group ("Glenn Jusnes", "the central bank",
 * "Western officials"), never a pronoun, a day, a month or a fragment of the sentence. Pure.
 */

export const PRONOUNS =
  /^(?:he|she|they|it|we|i|you|one|this|that|there|these|those|both|all|some|many|most|others|another|each|such|who|which)$/i;
export const TIME_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tonight|tomorrow|last|this|next|earlier|later|morning|evening|week|weekend|month|year)(?:['’]s)?$/i;
/** Words a described claimant ends with: "Western officials", "the central bank", "military analysts". */
export const ROLE =
  /(?:officials?|experts?|analysts?|executives?|sources?|report|people|person|ministry|ministries|institute|agency|agencies|data|diplomats?|commentators?|researchers?|economists?|traders?|government|governments|military|army|police|authorities|observers|lawmakers|legislators|bank|banks|minister|ministers|president|spokesperson|spokesman|spokeswoman|spokespeople|governor|mayor|commander|chief|head|secretary|ambassador|envoy|adviser|advisor|director|office|department|council|commission|committee|court|parliament|kremlin|pentagon|white house|administration|company|firm|group|organisation|organization|union|alliance|coalition|forces|military|intelligence|regulator|watchdog|operator|utility|producer|exporter|importer|statistics service|statistics office|think tank|think-tank|survey|study|poll|census|monitor|mission|fund|bureau|service|board|cabinet|presidency|senate|congress|assembly|staff|general|admiral|operator|association|federation|chamber|industry|ministry of [a-z]+|leader|leaders|premier|arm|branch|wing|body|executive|head|tank|force|guard|navy|command|website|newspaper|outlet|site|broadcaster|media|publication|journal|magazine|daily|consultancy|consultants|researchers|scientists|authors|charity|network|platform|tracker|project|initiative)$/i;
export const LEAD_OFF =
  /^(?:and|but|so|while|as|then|because|although|though|if|when|that|which|who|where|yet|also|meanwhile|however)$/i;

export const capital = (w: string) =>
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
