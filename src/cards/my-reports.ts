import { adaptiveCard, heading, MAX_CARD_LINES, paragraph, type AdaptiveCard } from './elements.ts';

export interface MyReportLine {
  reference: string;
  typeLabel: string;
  status: string;
  readAt?: string;
}

const STATUS_WORDS: Record<string, string> = {
  new: 'waiting to be read',
  read: 'read by a safeguarding lead',
  'in-progress': 'being dealt with',
  referred: 'referred to another agency',
  closed: 'closed',
  syncing: 'saved, syncing: it reaches the safeguarding lead as soon as the records service is back',
};

/** The reporter's own reports, status only: what happens inside a case is for the DSL. */
export function myReportsCard(reports: MyReportLine[], myReportsUrl: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Your reports'),
      ...(reports.length === 0
        ? [paragraph('You have not reported anything. To report something, tell me what happened or type "report".')]
        : [
            {
              type: 'FactSet',
              facts: reports.slice(0, MAX_CARD_LINES).map((r) => ({
                title: r.reference,
                value: `${r.typeLabel}: ${STATUS_WORDS[r.status] ?? r.status}`,
              })),
            },
            ...(reports.length > MAX_CARD_LINES
              ? [paragraph(`And ${reports.length - MAX_CARD_LINES} older reports in the hub.`, { isSubtle: true })]
              : []),
          ]),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open My reports', url: myReportsUrl }],
  );
}
