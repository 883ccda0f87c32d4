import { fitReportText, REPORT_TEXT_LIMIT } from '../domain/incidents/report.ts';
import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '../cards/elements.ts';
import { reportFormCard, type Choice } from '../cards/report-form.ts';
import { TELL_DSL_NOW, type IncidentType } from '../domain/incidents/catalogue.ts';
import { findColleagues } from '../people/directory.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';

/** Keeps the card well under Teams' 28 KB limit even for a large secondary school. */
const MAX_SUBJECT_CHOICES = 250;

/** Everyone the reporter may name as the subject of a concern: active colleagues at their school, not themselves. */
export async function subjectChoices(services: Pick<Services, 'store'>, reporter: Rec<'people'>): Promise<Choice[]> {
  const colleagues = await findColleagues(services.store, reporter.schoolId);
  return colleagues
    .filter((p) => p.id !== reporter.id)
    .slice(0, MAX_SUBJECT_CHOICES)
    .map((p) => ({ title: `${p.displayName} (${p.jobTitle})`, value: p.id }));
}

export async function newReportForm(
  services: Services,
  reporter: Rec<'people'>,
  prefill: { type?: IncidentType; platform?: string; description?: string },
  /** The words tell of a harm a DSL must act on now: the form says so before anything else. */
  highRisk = false,
): Promise<AdaptiveCard> {
  const fitted = prefill.description === undefined ? undefined : fitReportText(prefill.description);
  const cut = fitted?.cutFrom
    ? `Your message was ${fitted.cutFrom.toLocaleString('en-GB')} characters long, and a report’s description holds ${REPORT_TEXT_LIMIT.toLocaleString('en-GB')}, so the form below has the first part only. Keep what matters most; you can tell your safeguarding lead the rest, or send screenshots here after you report.`
    : undefined;
  const banner = [highRisk ? TELL_DSL_NOW : undefined, cut].filter(Boolean).join(' ') || undefined;
  return reportFormCard(
    { draftId: randomUUID(), ...prefill, ...(fitted ? { description: fitted.text } : {}) },
    {},
    banner,
    await subjectChoices(services, reporter),
  );
}

/** A report about one of the school's official accounts, started from a moderator's escalated check-in. */
export function accountReportForm(
  services: Services,
  reporter: Rec<'people'>,
  account: Pick<Rec<'socialAccounts'>, 'platform' | 'handle' | 'url'>,
  note: string,
): Promise<AdaptiveCard> {
  const about = `About the school’s official ${account.platform} account ${account.handle} (${account.url}).`;
  return newReportForm(services, reporter, {
    platform: account.platform,
    description: note.trim() ? `${about} ${note.trim()}` : about,
  });
}
