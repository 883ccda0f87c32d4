import { adaptiveCard, factSet, heading, openUrl, paragraph, userText, type AdaptiveCard } from './elements.ts';

/**
 * The administrators' task after SLT approves: create the account and record it. The card only
 * points to the tab, because credentials are never typed into, or shown in, a card.
 */
export function accountTaskCard(input: {
  accountName: string;
  platform: string;
  applicantName: string;
  approvedBy: string;
  runnerNames: string[];
  taskUrl: string;
}): AdaptiveCard {
  return adaptiveCard(
    [
      heading('New official account to create'),
      userText(input.accountName, { weight: 'Bolder' }),
      factSet([
        ['Platform', input.platform],
        ['Applicant', input.applicantName],
        ['Approved by', input.approvedBy],
      ]),
      paragraph('Who will run it', { weight: 'Bolder' }),
      userText(input.runnerNames.join(', ')),
      paragraph(
        'Create the account with a school-owned email address, then record its handle, link, moderators and sign-in details in the hub. The sign-in details are encrypted there and never shown in Teams chats.',
        { isSubtle: true },
      ),
    ],
    [openUrl('Record the account', input.taskUrl)],
  );
}

/** The applicant, the lead and the moderators hear that the account exists, with where to find it. */
export function accountReadyCard(input: {
  handle: string;
  platform: string;
  url: string;
  leadName: string;
  moderatorNames: string[];
  registerUrl: string;
  /** Added to the team of an existing account, at a handover. */
  joined?: boolean;
}): AdaptiveCard {
  return adaptiveCard(
    [
      heading(input.joined ? 'You are now on an official account’s team' : 'The official account is ready'),
      userText(`${input.handle} on ${input.platform}`, { weight: 'Bolder' }),
      factSet([['Lead', input.leadName]]),
      paragraph('Moderators', { weight: 'Bolder' }),
      userText(input.moderatorNames.join(', ')),
      paragraph(
        'Post only as the school, from this account, and follow the policy. The sign-in details are in the hub’s account register (every view is recorded); they are never sent in chat.',
        { isSubtle: true },
      ),
    ],
    [openUrl('Open the account', input.url), openUrl('Account register', input.registerUrl)],
  );
}
