import { waitWords } from '../src/rate-limits.ts';
import { randomUUID } from 'node:crypto';
import { reportConfirmationCard, reportSyncingCard } from '../src/cards/report-confirmation.ts';
import { StoreError, StoreUnavailableError } from '../src/store/errors.ts';
import { NotFound, RuleBroken } from '../src/errors.ts';
import { problemsByField } from '../src/domain/field-problems.ts';
import { reportFormCard, type ReportDraft } from '../src/cards/report-form.ts';
import { subjectChoices } from '../src/incidents/report-form-for.ts';
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from '../src/cards/elements.ts';
import { reportIncident } from '../src/incidents/report-incident.ts';
import { assessReport } from '../src/domain/incidents/classification.ts';
import { isIncidentType } from '../src/domain/incidents/catalogue.ts';
import type { Services } from '../src/services.ts';
import type { Rec } from '../src/store/kinds.ts';

const DRAFT_FIELDS: (keyof ReportDraft)[] = [
  'type',
  'subject',
  'platform',
  'occurredOn',
  'occurredTime',
  'people',
  'description',
  'actionsTaken',
  'immediateRisk',
  'toldDsl',
];

/** Only the form's own fields, as strings, are carried back into a re-shown form. */
function draftFrom(data: Record<string, unknown>): ReportDraft {
  const draft: ReportDraft = { draftId: typeof data.draftId === 'string' ? data.draftId : randomUUID() };
  for (const field of DRAFT_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') (draft as unknown as Record<string, string>)[field] = value;
  }
  return draft;
}

/** Urgency and advice for a validated form not yet in the store, read the same way as a saved one. */
function adviceForDraft(draft: ReportDraft): { urgent: boolean; advice: string[] } {
  const type = draft.type && isIncidentType(draft.type) ? draft.type : 'other';
  const { urgent, advice } = assessReport({
    type,
    description: draft.description ?? '',
    people: draft.people ?? '',
    immediateRisk: draft.immediateRisk === 'yes',
  });
  return { urgent, advice };
}

export const NOT_IN_DIRECTORY =
  'We could not match your Teams account to a member of staff in the school directory, so a report from you cannot be recorded here. Tell your designated safeguarding lead in person.';

export const notSavedCard = (why: string): AdaptiveCard =>
  adaptiveCard([
    heading('Your report was not saved'),
    paragraph(why, { color: 'Attention', weight: 'Bolder' }),
    paragraph(
      'If a child may be at risk, speak to your designated safeguarding lead now. If a life is at risk, call 999 first.',
    ),
  ]);

/**
 * Handles "Send report". The reporter is whoever the server identified from the activity, never
 * anything in the card data. The answer is a card: the confirmation, or the form again with
 * every value kept and the problems shown.
 */
export async function submitReport(
  services: Services,
  reporter: Rec<'people'> | undefined,
  data: Record<string, unknown>,
  cardId?: string,
): Promise<AdaptiveCard> {
  if (!reporter) return notSavedCard(NOT_IN_DIRECTORY);
  const draft = draftFrom(data);
  // A failed lookup must not stop the report itself from being tried.
  const colleagues = await subjectChoices(services, reporter).catch(() => []);
  const allowance = await services.limits.take('report', reporter.id);
  if (!allowance.ok) {
    // The form comes back with every answer kept, so waiting loses nothing.
    return reportFormCard(
      draft,
      {},
      `You have sent many reports in a few minutes, so this one was not saved yet. Press Send again ${waitWords(allowance.retryAfterSeconds)}. If a child may be at risk now, speak to your designated safeguarding lead in person.`,
      colleagues,
    );
  }
  try {
    const outcome = await reportIncident(services, reporter, data, { cardId });
    return reportConfirmationCard({
      reference: outcome.incident.reference,
      type: outcome.incident.type,
      urgent: outcome.incident.urgent,
      savedAt: new Date(outcome.incident.createdAt),
      alerted: outcome.alerted,
      alertedTo: outcome.alertedTo,
      advice: outcome.advice,
      // Told when Teams has delivered the alert: this card is changed then (see the receipt message).
      delivery: outcome.delivery,
    });
  } catch (err) {
    if (err instanceof RuleBroken) return reportFormCard(draft, problemsByField(err.fields), err.message, colleagues);
    if (err instanceof NotFound)
      return notSavedCard('This form cannot be used. Start a new report by typing "report".');
    if (err instanceof StoreError && services.pendingReports) {
      // Validated, but the store is away or too contended to file it now (a burst of reports across
      // instances racing for references): kept on this server's disk and filed by the next replay.
      services.pendingReports.add(reporter.id, data, services.now().toISOString());
      services.log.warn(
        { draftId: draft.draftId, err: err.message },
        'report kept on disk until the store can take it',
      );
      const why = err instanceof StoreUnavailableError ? 'away' : 'busy';
      return reportSyncingCard({ savedAt: services.now(), ...adviceForDraft(draft), why });
    }
    services.log.error({ err }, 'saving an incident report failed');
    return reportFormCard(
      draft,
      {},
      'Your report has NOT been saved because of a problem on our side. Your answers are still here: try "Send report" again. If a child may be at risk, tell your safeguarding lead now.',
      colleagues,
    );
  }
}
