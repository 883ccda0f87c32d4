import { adaptiveCard, heading, paragraph, userText, type AdaptiveCard } from './elements.ts';

export const SLT_ANSWER_VERB = 'policy.answer';

export interface SltQuestionInput {
  questionId: string;
  askerName: string;
  question: string;
  /** Set once a senior leader has answered. */
  answered?: { byName: string; text: string };
  error?: string;
  /** What the leader had typed, kept when the card comes back with an error. */
  draft?: string;
}

/**
 * A staff question the policy did not settle, in the SLT channel (or a senior leader's chat).
 * A leader answers on the card; the server checks they are a senior leader of that school.
 */
export function sltQuestionCard(input: SltQuestionInput): AdaptiveCard {
  const body = [
    heading('A question for SLT'),
    paragraph(`${input.askerName} asked:`, { isSubtle: true }),
    userText(input.question),
  ];
  if (input.answered) {
    return adaptiveCard([
      ...body,
      paragraph(`Answered by ${input.answered.byName}:`, { weight: 'Bolder', spacing: 'Medium' }),
      userText(input.answered.text),
    ]);
  }
  return adaptiveCard(
    [
      ...body,
      {
        type: 'Input.Text',
        id: 'answer',
        label: 'Your answer (sent to them in Teams)',
        isMultiline: true,
        isRequired: true,
        maxLength: 4000,
        errorMessage: 'Write an answer',
        ...(input.draft ? { value: input.draft } : {}),
      },
      ...(input.error ? [paragraph(input.error, { color: 'Attention', size: 'Small' })] : []),
    ],
    [
      {
        type: 'Action.Execute',
        verb: SLT_ANSWER_VERB,
        title: 'Send answer',
        style: 'positive',
        data: { questionId: input.questionId },
      },
    ],
  );
}

/** The answer reaching the person who asked, in their personal chat. */
export function questionAnsweredCard(input: { question: string; byName: string; answer: string }): AdaptiveCard {
  return adaptiveCard([
    heading('Your question has been answered'),
    paragraph('You asked:', { isSubtle: true }),
    userText(input.question),
    paragraph(`${input.byName} answered:`, { weight: 'Bolder', spacing: 'Medium' }),
    userText(input.answer),
  ]);
}
