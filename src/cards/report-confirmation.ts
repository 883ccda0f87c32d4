import { INCIDENT_TYPES, isIncidentType } from '../domain/incidents/catalogue.ts';
import { adaptiveCard, factSet, heading, paragraph, sendText, type AdaptiveCard } from './elements.ts';
import { IMMEDIATE_ACTION } from './report-form.ts';
import { EVIDENCE_WINDOW_HOURS } from '../incidents/evidence.ts';
import { ukTime } from '../uk-time.ts';

export interface ConfirmationInput {
  reference: string;
  type: string;
  immediateRisk: boolean;
  savedAt: Date;
  /** How many people were alerted; zero when nobody could be routed to. */
  alerted: number;
}

/** Shown to the reporter only after the report is saved. Carries no detail beyond their own choices. */
export function reportConfirmationCard(input: ConfirmationInput): AdaptiveCard {
  const advice = isIncidentType(input.type) ? INCIDENT_TYPES[input.type].advice : INCIDENT_TYPES.other.advice;
  const time = ukTime(input.savedAt);
  return adaptiveCard(
    [
      ...(input.immediateRisk
        ? [paragraph(IMMEDIATE_ACTION, { color: 'Attention', weight: 'Bolder', size: 'Medium' })]
        : []),
      heading(`Report saved: ${input.reference}`),
      paragraph(
        input.alerted > 0
          ? `Your report was saved at ${time} and the safeguarding lead has been alerted.`
          : `Your report was saved at ${time}. Nobody could be alerted automatically, so please also tell your safeguarding lead in person.`,
      ),
      factSet([
        ['Reference', input.reference],
        ['What happened', isIncidentType(input.type) ? INCIDENT_TYPES[input.type].label : input.type],
      ]),
      paragraph('What to do now', { weight: 'Bolder', spacing: 'Medium' }),
      ...advice.map((line) => paragraph(`- ${line}`, { spacing: 'Small' })),
      paragraph(
        `Screenshots: send them in this chat within ${EVIDENCE_WINDOW_HOURS} hours and they are added to ${input.reference}.`,
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
export function reportSyncingCard(input: { savedAt: Date; type: string; immediateRisk: boolean }): AdaptiveCard {
  const advice = isIncidentType(input.type) ? INCIDENT_TYPES[input.type].advice : INCIDENT_TYPES.other.advice;
  return adaptiveCard([
    ...(input.immediateRisk
      ? [paragraph(IMMEDIATE_ACTION, { color: 'Attention', weight: 'Bolder', size: 'Medium' })]
      : []),
    heading('Report saved, syncing'),
    paragraph(
      `Your report was saved at ${ukTime(input.savedAt)}. The school's records service is not answering just now, so it is waiting safely on the hub's server and will reach the safeguarding lead automatically as soon as the service is back. You will get its reference in this chat then.`,
    ),
    paragraph('If a child may be at risk, do not wait: tell your designated safeguarding lead in person now.', {
      weight: 'Bolder',
    }),
    paragraph('What to do now', { weight: 'Bolder', spacing: 'Medium' }),
    ...advice.map((line) => paragraph(`- ${line}`, { spacing: 'Small' })),
  ]);
}

/** A report that waited for the records service has reached the safeguarding lead. */
export function reportSyncedCard(reference: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Report synced: ${reference}`),
      paragraph(
        'The report you made while the records service was away has now been recorded, and the safeguarding lead has been alerted.',
      ),
      factSet([['Reference', reference]]),
    ],
    [sendText('My reports', 'my reports')],
  );
}
