import { adaptiveCard, paragraph, type AdaptiveCard } from '../src/cards/elements.ts';
import { policyAnswerCard } from '../src/cards/policy-answer.ts';
import { policyUrl } from '../src/config/urls.ts';
import { currentPolicy } from '../src/policy/current-policy.ts';
import type { Services } from '../src/services.ts';
import type { Rec } from '../src/store/kinds.ts';

const NO_POLICY = adaptiveCard([
  paragraph(
    'Your school has not published its social media policy here yet, so I cannot answer policy questions. Ask a member of the senior leadership team.',
  ),
]);

/**
 * Answers a question from the asker's school's current policy. Every question is kept (with
 * whether it was answered), so senior leaders can see what the policy does not cover.
 */
export async function answerQuestion(services: Services, asker: Rec<'people'>, text: string): Promise<AdaptiveCard> {
  const policy = await currentPolicy(services, asker.schoolId);
  if (!policy) return NO_POLICY;
  const answer = policy.index.answer(text);
  const question = await services.store.questions.create({
    schoolId: asker.schoolId,
    askerId: asker.id,
    text: text.slice(0, 4000),
    status: answer.answered ? 'answered' : 'unanswered',
  });
  return policyAnswerCard({
    answer,
    questionId: question.id,
    readUrl: policyUrl(services.config, answer.answered ? answer.sectionId : undefined),
  });
}

/** "Helpful" / "Not helpful" on an answer. Only the asker can rate their own question. */
export async function recordFeedback(
  services: Services,
  asker: Rec<'people'> | undefined,
  data: Record<string, unknown>,
): Promise<AdaptiveCard> {
  const id = typeof data.questionId === 'string' ? data.questionId : '';
  const question = id ? await services.store.questions.get(id) : undefined;
  if (!asker || !question || question.askerId !== asker.id || typeof data.helpful !== 'boolean') {
    return adaptiveCard([paragraph('This button is no longer available. Ask your question again.')]);
  }
  const feedback = data.helpful ? 'helpful' : 'not-helpful';
  await services.store.questions.update(question, { feedback });
  const policy = await currentPolicy(services, question.schoolId);
  if (!policy) return NO_POLICY;
  const answer = policy.index.answer(question.text);
  return policyAnswerCard({
    answer,
    questionId: question.id,
    readUrl: policyUrl(services.config, answer.answered ? answer.sectionId : undefined),
    feedback,
  });
}
