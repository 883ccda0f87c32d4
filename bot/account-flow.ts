import { principalFor } from '../src/auth/principal.ts';
import { monitorsOf } from '../src/domain/accounts/monitoring-duty.ts';
import { monitors, recordCheckIn } from '../src/accounts/monitoring.ts';
import { checkInCard } from '../src/cards/account-monitoring.ts';
import { adaptiveCard, paragraph, type AdaptiveCard } from '../src/cards/elements.ts';
import { CHECKIN_OUTCOMES } from '../src/domain/records.ts';
import { DomainError } from '../src/errors.ts';
import { accountReportForm } from '../src/incidents/report-form-for.ts';
import type { Services } from '../src/services.ts';
import type { Rec } from '../src/store/kinds.ts';
import { ukTime } from '../src/uk-time.ts';

/** More than this many accounts is a job for the tab's monitoring page, not a stack of cards. */
const MAX_CARDS = 5;

/** "check in": a check-in card for each open account this person leads or moderates. */
export async function checkInCards(services: Pick<Services, 'store'>, person: Rec<'people'>): Promise<AdaptiveCard[]> {
  const accounts = (await services.store.socialAccounts.listAll({ where: { schoolId: person.schoolId } })).filter(
    (a) => a.status !== 'closed' && monitorsOf(a).includes(person.id),
  );
  if (accounts.length === 0) {
    return [adaptiveCard([paragraph('You are not a moderator of any of the school’s official accounts.')])];
  }
  return accounts
    .slice(0, MAX_CARDS)
    .map((a) => checkInCard({ accountId: a.id, handle: a.handle, platform: a.platform, url: a.url }));
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * "Record check-in" on the card. Whoever pressed it is identified from the activity; the server
 * checks they monitor the account. An escalation answers with the incident report form, already
 * about the account, so the moderator can report it there and then.
 */
export async function checkInFromCard(
  services: Services,
  person: Rec<'people'> | undefined,
  data: Record<string, unknown>,
): Promise<AdaptiveCard> {
  const accountId = text(data.accountId);
  const account = accountId ? await services.store.socialAccounts.get(accountId) : undefined;
  // Someone who does not monitor the account sees the same as for one that does not exist.
  if (!person || !account || !monitors(account, person))
    return adaptiveCard([paragraph('This account is not available.')]);
  const draft = { outcome: text(data.outcome), count: text(data.count), note: text(data.note) };
  const again = (problem: string) =>
    checkInCard({ accountId, handle: account.handle, platform: account.platform, url: account.url, draft, problem });
  const outcome = CHECKIN_OUTCOMES.find((o) => o === draft.outcome);
  const count = draft.count ? Number(draft.count) : 0;
  if (!outcome) return again('Choose what you found.');
  if (!Number.isInteger(count) || count < 0 || count > 10_000)
    return again('Give the number of comments as a whole number.');
  try {
    const recorded = await recordCheckIn(
      services,
      principalFor(person),
      accountId,
      { outcome, count, note: draft.note },
      'card',
    );
    if (outcome === 'escalated') return accountReportForm(services, person, account, draft.note);
    return checkInCard({
      accountId,
      handle: account.handle,
      platform: account.platform,
      url: account.url,
      recorded: { at: ukTime(recorded.at), by: person.displayName },
    });
  } catch (err) {
    // A refusal in the domain's words is shown on the card; a fault is not the person's to fix.
    if (err instanceof DomainError) return again(err.message);
    throw err;
  }
}
