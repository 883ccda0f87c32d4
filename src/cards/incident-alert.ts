import { alertTypeLabel } from '../domain/incidents/catalogue.ts';
import { adaptiveCard, factSet, heading, openUrl, paragraph, type AdaptiveCard } from './elements.ts';
import { ukDateTime } from '../uk-time.ts';

export interface AlertInput {
  reference: string;
  type: string;
  urgent: boolean;
  reportedAt: Date;
  caseUrl: string;
  /** Set when this is a reminder because nobody has opened the report yet. */
  escalation?: 'deputies' | 'headteacher';
  /** Set when a safeguarding lead has assigned the case to the recipient. */
  assigned?: boolean;
}

/**
 * The alert to a safeguarding lead or leader. It carries no names and no description: only the
 * reference, the kind of incident, its urgency and a link; the detail is shown after a role check.
 */
export function incidentAlertCard(input: AlertInput): AdaptiveCard {
  const time = ukDateTime(input.reportedAt);
  return adaptiveCard(
    [
      heading(
        input.assigned
          ? `Assigned to you: ${input.reference}`
          : input.escalation
            ? `Still unread: ${input.reference}`
            : input.urgent
              ? `Urgent report: ${input.reference}`
              : `New report: ${input.reference}`,
      ),
      ...(input.escalation
        ? [
            paragraph('Nobody has opened this report yet. Please open it, or make sure a safeguarding lead does.', {
              weight: 'Bolder',
            }),
          ]
        : []),
      ...(input.urgent
        ? [
            // Urgent for the reporter's answer, its type or its words: the alert does not say which.
            paragraph('This report is urgent: a child may be at risk. Please open it now.', {
              color: 'Attention',
              weight: 'Bolder',
            }),
          ]
        : []),
      factSet([
        ['Reference', input.reference],
        ['Type', alertTypeLabel(input.type)],
        ['Urgency', input.urgent ? 'Urgent' : 'Normal'],
        ['Reported', time],
      ]),
    ],
    [openUrl('Open case', input.caseUrl)],
  );
}

/** Tells a reporter their report was read, with nothing from the case file. */
export function readReceiptCard(reference: string): AdaptiveCard {
  return adaptiveCard([
    paragraph(`A safeguarding lead has read your report ${reference}.`, { weight: 'Bolder' }),
    paragraph('You will get another message when it is closed. Type "my reports" to see the status of your reports.', {
      isSubtle: true,
    }),
  ]);
}

/** Tells a reporter their report was closed; the outcome itself stays in the case file. */
export function closedNoticeCard(reference: string): AdaptiveCard {
  return adaptiveCard([
    paragraph(`Your report ${reference} has been closed by a safeguarding lead.`, { weight: 'Bolder' }),
    paragraph('Thank you for reporting it. If anything else happens, tell me or your safeguarding lead.', {
      isSubtle: true,
    }),
  ]);
}
