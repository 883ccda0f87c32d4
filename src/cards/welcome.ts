import { adaptiveCard, heading, openUrl, paragraph, sendText, userText, type AdaptiveCard } from './elements.ts';

export interface WelcomeCardInput {
  /** The person's own name, as held in the directory or sent by Teams. */
  name?: string;
  schoolName?: string;
  hubUrl: string;
  dslName?: string;
}

const SAFEGUARDING_FIRST =
  'If a child may be at risk of harm, speak to your designated safeguarding lead now. If a life is at risk, call 999 first.';

function dslLine(dslName: string | undefined): string {
  return dslName
    ? `Your designated safeguarding lead is ${dslName}.`
    : 'Your school office can tell you who your designated safeguarding lead is.';
}

export function welcomeCard(input: WelcomeCardInput): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Social Media Policy Hub'),
      ...(input.name ? [userText(`Hello ${input.name}`, { weight: 'Bolder' })] : []),
      paragraph(
        `I help you follow ${input.schoolName ? 'your school' : 'the school'}'s social media policy. Tell me about something that happened online, such as a friend request from a pupil, and I will help you report it to your safeguarding lead.`,
      ),
      paragraph(SAFEGUARDING_FIRST, { color: 'Attention', weight: 'Bolder' }),
      paragraph(dslLine(input.dslName), { isSubtle: true }),
    ],
    [sendText('What can you do?', 'help'), openUrl('Open the hub', input.hubUrl)],
  );
}

export function helpCard(input: { hubUrl: string; dslName?: string; notUnderstood?: boolean }): AdaptiveCard {
  return adaptiveCard(
    [
      heading('How I can help'),
      ...(input.notUnderstood ? [paragraph("Sorry, I didn't understand that. Here is what I can do.")] : []),
      {
        type: 'FactSet',
        facts: [
          { title: 'report', value: 'Report something, or just tell me what happened' },
          { title: 'my reports', value: 'See the status of the reports you have made' },
          { title: 'check in', value: 'Record your daily check of an official account you moderate' },
          { title: 'hub', value: 'Open the Social Media Policy Hub tab' },
          { title: 'help', value: 'Show this card' },
        ],
      },
      paragraph('Ask me anything about the social media policy, in your own words, and I will answer from it.', {
        isSubtle: true,
      }),
      paragraph(SAFEGUARDING_FIRST, { color: 'Attention', weight: 'Bolder' }),
      paragraph(dslLine(input.dslName), { isSubtle: true }),
    ],
    [openUrl('Open the hub', input.hubUrl)],
  );
}
