import { adaptiveCard, heading, openUrl, paragraph, userText, type AdaptiveCard } from './elements.ts';

export interface OutstandingItem {
  title: string;
  /** "Overdue since 3 Oct 2026", "Due by 1 Dec 2026", "Waiting for HR to check". */
  state: string;
}

/** HR's personal reminder: what is outstanding for this person, and where to do it. Nothing about anyone else. */
export function trainingReminderCard(input: {
  firstName: string;
  items: OutstandingItem[];
  policyUrl?: string;
  trainingUrl: string;
}): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Training reminder'),
      userText(`${input.firstName}, HR has asked you to bring these up to date:`),
      // Course titles are typed by HR, so they go in as literal text, never markdown.
      ...input.items.map((item) => userText(`• ${item.title}: ${item.state}`)),
      paragraph(
        'Completed a course elsewhere? Record it on My training and HR will check it. Reading the policy takes about ten minutes.',
        { isSubtle: true },
      ),
    ],
    [
      ...(input.policyUrl ? [openUrl('Read the policy', input.policyUrl)] : []),
      openUrl('My training', input.trainingUrl),
    ],
  );
}

/** A new policy version was published: everyone confirms they have read it again. */
export function policyUpdatedCard(input: { title: string; versionNumber: number; policyUrl: string }): AdaptiveCard {
  return adaptiveCard(
    [
      heading('The policy has been updated'),
      userText(`${input.title}, version ${input.versionNumber}`, { weight: 'Bolder' }),
      paragraph(
        'Please read the new version to the end and confirm you have read and understood it. Your confirmation of the previous version no longer counts.',
      ),
    ],
    [openUrl('Read and confirm', input.policyUrl)],
  );
}
