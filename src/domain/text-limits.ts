/**
 * How many characters each piece of free text holds. The server validates with these and the
 * tab counts against them, so a person sees the limit coming instead of meeting a refusal.
 */
export const TEXT_LIMITS = {
  /** Names, handles, titles and other one-line answers. */
  line: 255,
  /** An application's aim, audience and promotion plan. */
  businessCase: 4000,
  /** A leader's comment on a decision, and a recorded training override. */
  decisionComment: 4000,
  /** A note, action, outcome or reason on a safeguarding case. */
  caseNote: 8000,
  /** An agency's own reference number for a referral (a MASH reference, say). */
  agencyReference: 100,
  /** Why an official account is closing. */
  closingReason: 1000,
  /** A termly review's note. */
  reviewNote: 2000,
  /** Recovery notes kept beside an account's sign-in details, and a moderator's check-in note. */
  accountNote: 4000,
} as const;

/** Past this share of the limit, the tab shows the count as the person types. */
export const COUNT_FROM_SHARE = 0.8;

export interface LengthCheck {
  /** "1,650 of 2,000 characters", once worth showing. */
  count?: string;
  /** Set once the text is over the limit: by how much, and what to do. */
  over?: string;
}

const number = new Intl.NumberFormat('en-GB');

/** What to tell someone about the length of what they have typed. */
export function checkLength(text: string, limit: number): LengthCheck {
  // UTF-16 units, as the server's validation counts, so the two never disagree.
  const length = text.length;
  if (length < limit * COUNT_FROM_SHARE) return {};
  const count = `${number.format(length)} of ${number.format(limit)} characters`;
  if (length <= limit) return { count };
  const excess = length - limit;
  return {
    count,
    over: `This holds ${number.format(limit)} characters: shorten it by ${number.format(excess)}`,
  };
}
