import type { PolicyAnswer } from '../policy/answer.ts';
import {
  adaptiveCard,
  heading,
  openUrl,
  paragraph,
  userText,
  type AdaptiveCard,
  type CardElement,
} from './elements.ts';

export const POLICY_FEEDBACK_VERB = 'policy.feedback';
export const ASK_SLT_VERB = 'policy.ask-slt';

export interface PolicyAnswerInput {
  answer: PolicyAnswer;
  questionId: string;
  /** Link to the answering section in the tab, or to the whole policy when there is no answer. */
  readUrl: string;
  /** Link to one section of the policy in the tab, for the sections offered when declining. */
  sectionUrl?: (sectionId: string) => string;
  feedback?: 'helpful' | 'not-helpful';
  /** The question has gone to the senior leadership team. */
  askedSlt?: boolean;
  /** Why the answer is being sent now, with the question it answers (staff's words, shown literally). */
  notice?: { text: string; question: string };
}

/** The policy's own words are the school's text, not ours, so they are shown literally. */
const quote = (text: string): CardElement => ({
  type: 'Container',
  style: 'emphasis',
  items: [userText(text)],
});

function feedbackActions(input: PolicyAnswerInput): CardElement[] {
  const data = (helpful: boolean) => ({ questionId: input.questionId, helpful });
  return [
    ...(input.feedback
      ? []
      : [
          { type: 'Action.Execute', verb: POLICY_FEEDBACK_VERB, title: 'Helpful', data: data(true) },
          { type: 'Action.Execute', verb: POLICY_FEEDBACK_VERB, title: 'Not helpful', data: data(false) },
        ]),
    ...(input.askedSlt
      ? []
      : [{ type: 'Action.Execute', verb: ASK_SLT_VERB, title: 'Ask SLT', data: { questionId: input.questionId } }]),
  ];
}

const seeAlso = (others: PolicyAnswer['alternates']): CardElement[] =>
  others.length
    ? [
        paragraph('See also', { weight: 'Bolder', spacing: 'Medium' }),
        ...others.flatMap((a) => [userText(a.heading, { isSubtle: true }), userText(a.passage)]),
      ]
    : [];

/** The answer to a policy question: the passage quoted exactly, where it comes from, and a link to read it in context. */
export function policyAnswerCard(input: PolicyAnswerInput): AdaptiveCard {
  const { answer } = input;
  const notice = input.notice
    ? [paragraph(input.notice.text, { weight: 'Bolder' }), userText(`“${input.notice.question}”`, { isSubtle: true })]
    : [];
  const thanks = [
    ...(input.feedback
      ? [paragraph('Thank you: your feedback helps the school improve its policy.', { isSubtle: true, size: 'Small' })]
      : []),
    ...(input.askedSlt
      ? [paragraph('Sent to the senior leadership team. Their answer will come to you here.', { weight: 'Bolder' })]
      : []),
  ];
  if (!answer.answered) {
    // Said plainly, and still helpful: the closest sections, marked as only possibly related.
    const related = answer.suggestions.length
      ? [
          paragraph('These parts of the policy may be related:', { weight: 'Bolder', spacing: 'Medium' }),
          ...answer.suggestions.flatMap((s) => [
            userText(s.heading, { weight: 'Bolder' }),
            userText(s.passage, { isSubtle: true }),
            ...(input.sectionUrl
              ? [{ type: 'ActionSet', actions: [openUrl(`Read “${s.heading}”`, input.sectionUrl(s.sectionId))] }]
              : []),
          ]),
        ]
      : [];
    return adaptiveCard(
      [
        ...notice,
        heading(answer.tooGeneral ? 'Can you say a little more?' : 'I could not find this in the policy'),
        paragraph(
          answer.tooGeneral
            ? 'Your question fits many parts of the school’s social media policy, so I will not pick one. Ask again with what happened or what you want to do, press "Ask SLT" to send it to the senior leadership team, or read the policy yourself.'
            : 'I am not sure the school’s social media policy answers this, so I will not guess. Press "Ask SLT" to send your question to the senior leadership team, or read the policy yourself.',
        ),
        ...related,
        ...thanks,
      ],
      [openUrl('Read the policy', input.readUrl), ...feedbackActions(input)],
    );
  }
  const sourceOf = (a: { clause?: string; heading: string }) =>
    [a.clause ? `Section ${a.clause}` : undefined, a.heading].filter(Boolean).join(', ');
  const source = sourceOf(answer);
  // Not clearly one or the other: say so, and quote both as possible answers.
  const [second, ...rest] = answer.alternates;
  if (answer.closeCall && second) {
    return adaptiveCard(
      [
        ...notice,
        heading('Two parts of the policy may answer this'),
        userText(source, { weight: 'Bolder' }),
        quote(answer.passage),
        userText(sourceOf(second), { weight: 'Bolder', spacing: 'Medium' }),
        quote(second.passage),
        ...(input.sectionUrl
          ? [{ type: 'ActionSet', actions: [openUrl(`Read “${second.heading}”`, input.sectionUrl(second.sectionId))] }]
          : []),
        ...seeAlso(rest),
        ...thanks,
      ],
      [openUrl('Read it in context', input.readUrl), ...feedbackActions(input)],
    );
  }
  return adaptiveCard(
    [
      ...notice,
      heading('From the policy'),
      userText(source, { weight: 'Bolder' }),
      quote(answer.passage),
      ...seeAlso(answer.alternates),
      ...thanks,
    ],
    [openUrl('Read it in context', input.readUrl), ...feedbackActions(input)],
  );
}
