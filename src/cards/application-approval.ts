import {
  adaptiveCard,
  factSet,
  heading,
  titleWith,
  paragraph,
  userText,
  type AdaptiveCard,
  type CardElement,
} from './elements.ts';

export const APPLICATION_DECIDE_VERB = 'application.decide';
export const APPLICATION_REFRESH_VERB = 'application.refresh';

export interface ApprovalCardInput {
  applicationId: string;
  applicantName: string;
  accountName: string;
  platform: string;
  aim: string;
  audience: string;
  promotion: string;
  visibility: string;
  runners: { name: string; ready: boolean; gaps: string[] }[];
  volunteers: { name: string; relationship: string }[];
  status: string;
  /** "Approved by Priya Whitlock at 10:42: …" once decided; approvals so far while pending. */
  outcome?: string;
  approvalsSoFar: string[];
  approvalsNeeded: number;
  /** Buttons are shown only to senior leaders of the school (refresh.userIds and a server check). */
  canDecide: boolean;
  /** MRIs of those who get the live view with buttons. */
  deciderIds: string[];
  error?: string;
  gate: 'block' | 'warn-and-record';
  /** Why this copy was sent: a reminder, or a colleague handing the decision over. */
  notice?: string;
  /** The leader a colleague asked to decide, if any. */
  assignedTo?: string;
  /** Senior leaders the viewer may hand the decision to. */
  colleagues: { id: string; name: string }[];
}

/** What SLT see of an application, on the card and in the tab: the card's content, and when it was sent. */
export type ApprovalView = Omit<ApprovalCardInput, 'error' | 'notice'> & { submittedAt?: string };

/** Everything the applicant wrote is their text, so it is shown literally. */
const answer = (label: string, text: string): CardElement[] => [
  paragraph(label, { weight: 'Bolder', spacing: 'Medium' }),
  userText(text),
];

/**
 * The SLT approval card (Adaptive Card 1.5, Universal Actions). Senior leaders of the school see
 * Approve / Reject / Request changes through the refresh; everyone else, a read-only card.
 */
export function applicationApprovalCard(input: ApprovalCardInput): AdaptiveCard {
  const anyNotReady = input.runners.some((r) => !r.ready);
  const body: CardElement[] = [
    ...(input.notice ? [paragraph(input.notice, { weight: 'Bolder', color: 'Accent' })] : []),
    titleWith('Account application: ', input.accountName),
    factSet([
      ['Applicant', input.applicantName],
      ['Platform', input.platform],
      ['Open or private', input.visibility],
      ['Status', input.status],
      ...(input.assignedTo && !input.outcome ? [['Asked to decide', input.assignedTo] as [string, string]] : []),
    ]),
    ...answer('Aim', input.aim),
    ...answer('Audience', input.audience),
    ...answer('How it will be promoted', input.promotion),
    paragraph('Who will run it', { weight: 'Bolder', spacing: 'Medium' }),
    ...input.runners.map((r) =>
      userText(`${r.name}: ${r.ready ? 'trained and has read the policy' : r.gaps.join('; ')}`, {
        color: r.ready ? 'Good' : 'Attention',
      }),
    ),
    ...input.volunteers.map((v) => userText(`${v.name} (${v.relationship}), volunteer`)),
    ...(input.approvalsNeeded > 1 && !input.outcome
      ? [
          paragraph(
            `Approvals: ${input.approvalsSoFar.length} of ${input.approvalsNeeded}${input.approvalsSoFar.length ? ` (${input.approvalsSoFar.join(', ')})` : ''}`,
          ),
        ]
      : []),
    ...(input.outcome ? [paragraph(input.outcome, { weight: 'Bolder', spacing: 'Medium' })] : []),
    ...(input.error ? [paragraph(input.error, { color: 'Attention', weight: 'Bolder' })] : []),
  ];
  const decide = (decision: string, title: string, style?: string): CardElement => ({
    type: 'Action.Execute',
    verb: APPLICATION_DECIDE_VERB,
    title,
    ...(style ? { style } : {}),
    data: { applicationId: input.applicationId, decision },
  });
  const live = input.canDecide && !input.outcome;
  const card = adaptiveCard(
    live
      ? [
          ...body,
          ...(anyNotReady && input.gate === 'block'
            ? [
                paragraph('It cannot be approved until every runner is trained and has read the policy.', {
                  color: 'Attention',
                }),
              ]
            : []),
          {
            type: 'Input.Text',
            id: 'comment',
            label:
              anyNotReady && input.gate === 'warn-and-record'
                ? 'Comment (a reason is needed to reject, to request changes, or to approve untrained runners)'
                : 'Comment (a reason is needed to reject or request changes)',
            isMultiline: true,
            maxLength: 4000,
          },
        ]
      : body,
    live
      ? [
          decide('approve', 'Approve', 'positive'),
          decide('reject', 'Reject', 'destructive'),
          decide('request-changes', 'Request changes'),
          ...(input.colleagues.length
            ? [
                {
                  type: 'Action.ShowCard',
                  title: 'Ask a colleague to decide',
                  card: {
                    type: 'AdaptiveCard',
                    body: [
                      {
                        type: 'Input.ChoiceSet',
                        id: 'reassignTo',
                        label: 'Senior leader to decide instead',
                        isRequired: true,
                        errorMessage: 'Choose a colleague',
                        choices: input.colleagues.map((c) => ({ title: c.name, value: c.id })),
                      },
                    ],
                    actions: [decide('reassign', 'Hand it over')],
                  },
                },
              ]
            : []),
        ]
      : [],
  );
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: APPLICATION_REFRESH_VERB, data: { applicationId: input.applicationId } },
      userIds: input.deciderIds,
    },
  };
}

/** The applicant hears the decision in personal chat, with the reason or what to change. */
export function applicationDecidedCard(input: {
  accountName: string;
  status: string;
  byName: string;
  comment: string;
  myApplicationsUrl: string;
}): AdaptiveCard {
  const headline: Record<string, string> = {
    approved: 'approved',
    rejected: 'not approved',
    'changes-requested': 'sent back for changes',
    expired: 'closed without a decision',
  };
  const expired = input.status === 'expired';
  return adaptiveCard(
    [
      heading(`Your application was ${headline[input.status] ?? input.status}`),
      userText(`Account: ${input.accountName}`),
      paragraph(
        expired
          ? 'The senior leadership team did not decide in time, so it has been closed rather than left waiting.'
          : `Decided by ${input.byName}.`,
      ),
      ...(input.comment ? [paragraph('Their comment:', { weight: 'Bolder' }), userText(input.comment)] : []),
      paragraph(
        input.status === 'approved'
          ? 'An administrator will now create the account and tell you when it is ready.'
          : input.status === 'changes-requested'
            ? 'Open My applications in the hub, make the changes and send it again.'
            : expired
              ? 'If you still want the account, apply again from My applications, or speak to a senior leader.'
              : 'You can talk to the senior leadership team about it, or apply again later.',
        { isSubtle: true },
      ),
    ],
    [{ type: 'Action.OpenUrl', title: 'My applications', url: input.myApplicationsUrl }],
  );
}
