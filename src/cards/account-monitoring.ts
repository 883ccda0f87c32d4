import { ukDate } from '../uk-time.ts';
import { adaptiveCard, factSet, heading, openUrl, paragraph, userText, type AdaptiveCard } from './elements.ts';

export const CHECK_IN_VERB = 'account.check-in';

export const CHECK_IN_CHOICES = [
  { title: 'Checked: nothing needs a reply', value: 'nothing-needed' },
  { title: 'Replied to comments or messages', value: 'replied' },
  { title: 'Hid or deleted comments (say why)', value: 'hidden-or-deleted' },
  { title: 'Escalated: something needs reporting', value: 'escalated' },
] as const;

export interface CheckInCardInput {
  accountId: string;
  handle: string;
  platform: string;
  url: string;
  /** Sent as the daily reminder rather than asked for. */
  reminder?: boolean;
  /** What the moderator had chosen and typed, kept when the card comes back with a problem. */
  draft?: { outcome?: string; count?: string; note?: string };
  problem?: string;
  /** Once recorded, the card says so and offers nothing more to press. */
  recorded?: { at: string; by: string };
}

/**
 * A moderator's check-in on an official account, answered on the card. The server checks that
 * whoever pressed it monitors the account; the card carries only the account's id.
 */
export function checkInCard(input: CheckInCardInput): AdaptiveCard {
  const title = `${input.handle} on ${input.platform}`;
  if (input.recorded) {
    return adaptiveCard([
      heading('Check-in recorded'),
      userText(title, { weight: 'Bolder' }),
      paragraph(`${input.recorded.by}, ${input.recorded.at}.`, { isSubtle: true }),
    ]);
  }
  const draft = input.draft ?? {};
  return adaptiveCard(
    [
      heading(input.reminder ? 'No check-in yet today' : 'Check in on the account'),
      userText(title, { weight: 'Bolder' }),
      paragraph(
        'The policy asks moderators to look at the account every day, and to reply to comments, queries and complaints within 24 hours (by the next working day at weekends and holidays).',
        { isSubtle: true },
      ),
      {
        type: 'Input.ChoiceSet',
        id: 'outcome',
        label: 'What did you find?',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose what you found',
        choices: CHECK_IN_CHOICES,
        value: draft.outcome ?? 'nothing-needed',
      },
      {
        type: 'Input.Number',
        id: 'count',
        label: 'How many comments or messages (if any)',
        min: 0,
        max: 10000,
        ...(draft.count ? { value: Number(draft.count) } : {}),
      },
      {
        type: 'Input.Text',
        id: 'note',
        label: 'Note (needed when you hid or deleted anything: say why)',
        isMultiline: true,
        maxLength: 4000,
        placeholder: 'No pupils’ names, please',
        ...(draft.note ? { value: draft.note } : {}),
      },
      ...(input.problem ? [paragraph(input.problem, { color: 'Attention', weight: 'Bolder' })] : []),
    ],
    [
      {
        type: 'Action.Execute',
        verb: CHECK_IN_VERB,
        title: 'Record check-in',
        style: 'positive',
        data: { accountId: input.accountId },
      },
      openUrl('Open the account', input.url),
    ],
  );
}

/**
 * SLT hear an account is being neglected. It may be posted in the SLT channel, so it names the
 * account and counts only: no comment summaries, no names of staff or pupils.
 */
export function monitoringEscalationCard(input: {
  handle: string;
  platform: string;
  uncheckedDays: number;
  overdueReplies: number;
  monitoringUrl: string;
}): AdaptiveCard {
  const facts: [string, string][] = [];
  if (input.uncheckedDays > 0) facts.push(['Days without a check-in', String(input.uncheckedDays)]);
  if (input.overdueReplies > 0) facts.push(['Replies past the 24-hour rule', String(input.overdueReplies)]);
  return adaptiveCard(
    [
      heading('An official account needs attention'),
      userText(`${input.handle} on ${input.platform}`, { weight: 'Bolder' }),
      factSet(facts),
      paragraph('Please check with its lead and moderators that it is being monitored as the policy requires.', {
        isSubtle: true,
      }),
    ],
    [openUrl('Open account monitoring', input.monitoringUrl)],
  );
}

/** The administrators' task when someone on an account's team is leaving. */
export function handoverTaskCard(input: {
  handle: string;
  platform: string;
  leaverNames: string[];
  leavingOn?: string;
  taskUrl: string;
}): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Official account handover needed'),
      userText(`${input.handle} on ${input.platform}`, { weight: 'Bolder' }),
      factSet([
        ['Leaving', input.leaverNames.join(', ')],
        ...(input.leavingOn ? ([['Leaving date', ukDate(input.leavingOn)]] as [string, string][]) : []),
      ]),
      paragraph(
        'Hand the account to a trained lead with at least two trained moderators, then change its password and record that in the hub. Or close the account, with the date and the reason.',
      ),
    ],
    [openUrl('Hand over or close', input.taskUrl)],
  );
}

/** SLT are asked to review an account: yearly, or because the policy has changed. Names the account only. */
export function reviewDueCard(input: {
  handle: string;
  platform: string;
  reason: 'yearly' | 'policy-changed';
  monitoringUrl: string;
}): AdaptiveCard {
  return adaptiveCard(
    [
      heading('An official account is due for review'),
      userText(`${input.handle} on ${input.platform}`, { weight: 'Bolder' }),
      paragraph(
        input.reason === 'policy-changed'
          ? 'The school’s social media policy has a new version since this account was last reviewed.'
          : 'It is a year since this account was created or last reviewed.',
      ),
      paragraph(
        'Is it still needed, is it meeting its aims, and are the moderators right? Record keep, change or close.',
        {
          isSubtle: true,
        },
      ),
    ],
    [openUrl('Review it in the hub', input.monitoringUrl)],
  );
}
