import { adaptiveCard, paragraph, type AdaptiveCard } from '../cards/elements.ts';
import { policyAnswerCard } from '../cards/policy-answer.ts';
import { policyUrl } from '../config/urls.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { currentPolicy } from './current-policy.ts';

export const NO_POLICY_CARD = adaptiveCard([
  paragraph(
    'Your school has not published its social media policy here yet, so I cannot answer policy questions. Ask a member of the senior leadership team.',
  ),
]);

/**
 * The answer card for a question as it stands now: answered afresh from the school's current
 * policy (and any pointers senior leaders have set), with its feedback and "Ask SLT" state.
 */
export async function answerCardFor(
  services: Services,
  question: Rec<'questions'>,
  notice?: string,
): Promise<AdaptiveCard> {
  const policy = await currentPolicy(services, question.schoolId);
  if (!policy) return NO_POLICY_CARD;
  const answer = policy.answer(question.text);
  return policyAnswerCard({
    answer,
    questionId: question.id,
    readUrl: policyUrl(services.config, answer.answered ? answer.sectionId : undefined),
    sectionUrl: (sectionId) => policyUrl(services.config, sectionId),
    feedback: question.feedback,
    askedSlt: question.status === 'asked-slt' || question.answer !== undefined,
    ...(notice ? { notice: { text: notice, question: question.text } } : {}),
  });
}
