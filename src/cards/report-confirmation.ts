import { incidentTypeLabel, NEVER_COPY_IMAGES } from '../domain/incidents/catalogue.ts';
import { alertedWords, reachesSafeguardingLeads, type AlertedGroup } from '../domain/incidents/routing.ts';
import { adaptiveCard, factSet, heading, paragraph, sendText, type AdaptiveCard } from './elements.ts';
import { IMMEDIATE_ACTION } from './report-form.ts';
import { EVIDENCE_WINDOW_HOURS } from '../incidents/evidence.ts';
import { ukTime } from '../uk-time.ts';
import type { AlertDelivery } from '../incidents/alert-delivery.ts';

export interface ConfirmationInput {
  reference: string;
  type: string;
  /** Urgent for any reason: the reporter's answer, the type, or a harm read in their words. */
  urgent: boolean;
  savedAt: Date;
  /** How many people were alerted; zero when nobody could be routed to. */
  alerted: number;
  /** Whom the routing sent the alerts to: the confirmation names them, never a fixed phrase. */
  alertedTo: AlertedGroup;
  /** What to do now, for what happened (see adviceFor). */
  advice: readonly string[];
  /** Whether Teams has delivered the alert yet: "alerted" is said only once it has. */
  delivery: AlertDelivery;
}

export type { AlertDelivery };

/** Who was told, as the reporter reads it, and a nudge when the safeguarding lead was not among them. */
function whoWasTold(input: ConfirmationInput, time: string): string[] {
  if (input.alerted === 0)
    return [
      `Your report was saved at ${time}. Nobody could be alerted automatically, so please also tell your safeguarding lead in person.`,
    ];
  const whom = alertedWords(input.alertedTo, input.alerted);
  const { delivery } = input;
  const told = [
    delivery.state === 'delivered'
      ? `Your report was saved at ${time}, and the alert reached ${whom} in Teams at ${ukTime(delivery.at)}.`
      : delivery.state === 'waiting'
        ? `Your report was saved at ${time}, but Teams has not yet delivered the alert to ${whom}. The hub keeps trying, and the safeguarding leads can see that it is waiting. Tell a safeguarding lead in person now.`
        : `Your report was saved at ${time}. An alert is on its way to ${whom}; this card will say when Teams has delivered it.`,
  ];
  if (!reachesSafeguardingLeads(input.alertedTo))
    told.push('It did not go to the safeguarding lead. If you think a child may be at risk, tell them as well.');
  return told;
}

/** Shown to the reporter only after the report is saved. Carries no detail beyond their own choices. */
export function reportConfirmationCard(input: ConfirmationInput): AdaptiveCard {
  const time = ukTime(input.savedAt);
  return adaptiveCard(
    [
      ...(input.urgent ? [paragraph(IMMEDIATE_ACTION, { color: 'Attention', weight: 'Bolder', size: 'Medium' })] : []),
      heading(`Report saved: ${input.reference}`),
      ...whoWasTold(input, time).map((line) => paragraph(line)),
      factSet([
        ['Reference', input.reference],
        ['What happened', incidentTypeLabel(input.type)],
      ]),
      paragraph('What to do now', { weight: 'Bolder', spacing: 'Medium' }),
      ...input.advice.map((line) => paragraph(`- ${line}`, { spacing: 'Small' })),
      paragraph(
        // Where a sexual image of a child may be involved, the hub must not invite a copy of it.
        input.advice.includes(NEVER_COPY_IMAGES)
          ? `Do not send screenshots of any image of the child here. Messages that hold no images may be sent in this chat within ${EVIDENCE_WINDOW_HOURS} hours and are added to ${input.reference}.`
          : `Screenshots: send them in this chat within ${EVIDENCE_WINDOW_HOURS} hours and they are added to ${input.reference}.`,
        { spacing: 'Medium' },
      ),
      paragraph('You will get a message here when a safeguarding lead has read your report, and when it is closed.', {
        isSubtle: true,
      }),
    ],
    [sendText('My reports', 'my reports')],
  );
}

/**
 * The report is safe on the hub's server but the school's records service (SharePoint) is not
 * answering: it is sent on automatically, and the reference follows in this chat.
 */
export function reportSyncingCard(input: {
  savedAt: Date;
  urgent: boolean;
  advice: readonly string[];
  /** Away: the records service is not answering. Busy: it is, but the report could not be filed just now. */
  why?: 'away' | 'busy';
}): AdaptiveCard {
  return adaptiveCard([
    ...(input.urgent ? [paragraph(IMMEDIATE_ACTION, { color: 'Attention', weight: 'Bolder', size: 'Medium' })] : []),
    heading('Report saved, syncing'),
    paragraph(
      input.why === 'busy'
        ? `Your report was saved at ${ukTime(input.savedAt)}. The school's records were too busy to file it just now, so it is waiting safely on the hub's server and will be filed and sent on to the people who handle it within a minute or two. You will get its reference, and who was alerted, in this chat then.`
        : `Your report was saved at ${ukTime(input.savedAt)}. The school's records service is not answering just now, so it is waiting safely on the hub's server and will be sent on to the people who handle it as soon as the service is back. You will get its reference, and who was alerted, in this chat then.`,
    ),
    paragraph('If a child may be at risk, do not wait: tell your designated safeguarding lead in person now.', {
      weight: 'Bolder',
    }),
    paragraph('What to do now', { weight: 'Bolder', spacing: 'Medium' }),
    ...input.advice.map((line) => paragraph(`- ${line}`, { spacing: 'Small' })),
  ]);
}

/** A report that waited for the records service has reached the safeguarding lead. */
export function reportSyncedCard(reference: string, alerted?: { group: AlertedGroup; people: number }): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Report synced: ${reference}`),
      paragraph(
        alerted && alerted.people > 0
          ? `The report you made while the records service was away has now been recorded, and an alert is on its way to ${alertedWords(alerted.group, alerted.people)}. If a child may be at risk, tell them in person as well.`
          : 'The report you made while the records service was away has now been recorded. Nobody could be alerted automatically, so please also tell your safeguarding lead in person.',
      ),
      factSet([['Reference', reference]]),
    ],
    [sendText('My reports', 'my reports')],
  );
}
