/**
 * The shape of a policy's rules, from the words that carry it rather than from any one policy's
 * wording: whether a sentence forbids, requires, allows, or allows only with consent, and whom it
 * is for. The answerer uses it so that a question asking "can I…?" is never answered only with a
 * permission or a consent rule when the policy also has a rule that forbids what is asked.
 */
export type Modality = 'prohibition' | 'consent' | 'permission' | 'obligation' | 'statement';
export type Party = 'staff' | 'pupils' | 'parents' | 'school' | 'everyone';

const PROHIBITION =
  /\b(must not|mustn[’']t|should not|shouldn[’']t|may not|cannot|can[’']t|can not|will not|won[’']t|(?:is|are) not (?:permitted|allowed|acceptable)|not (?:permitted|allowed) to|never|under no circumstances|prohibited|forbidden|(?:is|are) discouraged|do not|don[’']t)\b/i;
const CONSENT =
  /\b(consent|permission\b.*\b(?:sought|given|obtained|asked)|(?:seek|ask for|obtain|get)\b.*\bpermission|agreed? to)\b/i;
const PERMISSION =
  /\b(may|can|(?:is|are) (?:permitted|allowed|welcome|encouraged) to|permits?|(?:is|are) acceptable|(?:is|are) encouraged)\b/i;
const OBLIGATION =
  /\b(must|should|shall|(?:is|are) (?:required|expected|responsible) to|need to|needs to|have to|has to|will)\b/i;

/** The party a sentence or heading names, first match by where it stands: the sentence's subject, then its heading. */
const PARTIES: [Party, RegExp][] = [
  ['pupils', /\b(pupils?|students?|children|learners?)\b/i],
  ['parents', /\b(parents?|carers?|families)\b/i],
  ['staff', /\b(staff|employees?|teachers?|colleagues?|governors?|volunteers?|members? of staff|adults?)\b/i],
  ['school', /\b(the (?:school|academy|trust|federation)|we|our accounts?)\b/i],
  ['everyone', /\b(users?|everyone|anyone|all members|members of the school(?: community)?|all)\b/i],
];

function partyIn(text: string): Party | undefined {
  // The subject comes before the verb: look at the words up to the first modal.
  const modal = text.search(/\b(must|should|may|can|will|shall|is|are|never|do|does)\b/i);
  const subject = modal >= 0 ? text.slice(0, modal) : text.slice(0, 60);
  let first: [Party, number] | undefined;
  for (const [party, pattern] of PARTIES) {
    const at = subject.search(pattern);
    if (at >= 0 && (!first || at < first[1])) first = [party, at];
  }
  return first?.[0];
}

export interface RuleShape {
  modality: Modality;
  /** Who must, must not or may; "everyone" when the rule names no one in particular. */
  party: Party;
}

/**
 * What a passage rules, read from its text and the words that introduce it (a list's lead-in,
 * "staff must not:", carries the rule for each item), and whom for, with the heading as a last resort.
 */
export function ruleOf(text: string, introduction = '', headingPath: readonly string[] = []): RuleShape {
  const words = `${introduction} ${text}`.trim();
  const modality: Modality = PROHIBITION.test(words)
    ? 'prohibition'
    : CONSENT.test(words)
      ? 'consent'
      : PERMISSION.test(words)
        ? 'permission'
        : OBLIGATION.test(words)
          ? 'obligation'
          : 'statement';
  const party =
    partyIn(introduction || text) ?? partyIn(text) ?? partyIn([...headingPath].reverse().join(' ')) ?? 'everyone';
  return { modality, party };
}

const ASKS_PERMISSION =
  /^\s*(can|could|may|might|am|are|is|should|would|do|does)\b.*?\b(i|we|staff|teachers?|pupils?|students?|parents?|carers?|you|it)\b|^\s*(is it (ok|okay|alright|all right|acceptable|fine|allowed|permitted)|am i allowed|are we allowed|are staff allowed|is it against)/i;

/** Whether a question asks if something may be done ("can I…", "is it OK to…", "am I allowed…"). */
export const asksPermission = (question: string): boolean =>
  ASKS_PERMISSION.test(question) &&
  /\b(can|could|may|might|allowed|ok|okay|alright|acceptable|fine|permitted|against)\b/i.test(question);

/**
 * Whom a question is about: the asker themselves when they say I, me, my, we or our (a member of
 * staff, who uses the hub), else the first party it names ("how should a pupil…"), else no one in
 * particular ("everyone"), when any rule may answer it.
 */
export function askedFor(question: string): Party {
  if (/\b(i|i['’]m|me|my|we|our|us)\b/i.test(question)) return 'staff';
  let first: [Party, number] | undefined;
  for (const [party, pattern] of PARTIES) {
    if (party === 'everyone' || party === 'school') continue;
    const at = question.search(pattern);
    if (at >= 0 && (!first || at < first[1])) first = [party, at];
  }
  return first?.[0] ?? 'everyone';
}

/** Whether a rule for `party` binds someone asking as `asker`: their own rules, everyone's, and the school's for its staff. */
export const bindsAsker = (party: Party, asker: Party): boolean =>
  party === asker || party === 'everyone' || asker === 'everyone' || (party === 'school' && asker === 'staff');

/**
 * Whom a question asks about when it names someone other than the asker as its subject: "how
 * should a pupil…", "would the school…", "can parents…". Undefined when the asker asks for
 * themselves ("can I", "can we") or names no one.
 */
export function thirdPartySubject(question: string): Party | undefined {
  const subject =
    /^\s*(?:(?:how|what|when|where|why|who|which\s+\w+)\s+)?(?:should|can|could|may|might|must|would|will|does|do|is|are|has|have)\s+(?:a|an|the|our|any)?\s*([\w/]+)/i.exec(
      question,
    )?.[1];
  if (!subject) return undefined;
  if (/^(school|academy|trust|federation)$/i.test(subject)) return 'school';
  if (/^(pupils?|students?|children|child)$/i.test(subject)) return 'pupils';
  if (/^(parents?|carers?|parents\/carers)$/i.test(subject)) return 'parents';
  return undefined;
}

/** Whom a section is for, when its heading says ("Personal use of social media by pupils", "Staff use of…", "Official school accounts"). */
export function headingParty(headingPath: readonly string[]): Party | undefined {
  for (const heading of [...headingPath].reverse()) {
    const by =
      /\b(?:by|for)\s+(staff|pupils|students|parents|carers)\b|^[\d.\s]*(staff|pupils|students|parents|carers)\s+use\b/i.exec(
        heading,
      );
    const who = by?.[1] ?? by?.[2];
    if (who) return PARTIES.find(([, pattern]) => pattern.test(who))![0];
    if (/\bofficial\b/i.test(heading)) return 'school';
  }
  return undefined;
}
