import { waitWords } from '../src/rate-limits.ts';
import { adaptiveCard, paragraph, type AdaptiveCard } from '../src/cards/elements.ts';
import { sltQuestionCard } from '../src/cards/slt-question.ts';
import { answerAsSlt, askSlt } from '../src/policy/questions.ts';
import { currentPolicy } from '../src/policy/current-policy.ts';
import { answerCardFor, NO_POLICY_CARD } from '../src/policy/answer-card.ts';
import type { Services } from '../src/services.ts';
import type { Rec } from '../src/store/kinds.ts';
import { NotFound, RuleBroken } from '../src/errors.ts';

/**
 * Answers a question from the asker's school's current policy. Every question is kept (with
 * whether it was answered), so senior leaders can see what the policy does not cover.
 */
export async function answerQuestion(services: Services, asker: Rec<'people'>, text: string): Promise<AdaptiveCard> {
  const allowance = await services.limits.take('question', asker.id);
  if (!allowance.ok) {
    return adaptiveCard([
      paragraph(
        `That is a lot of questions in a few minutes. Ask again ${waitWords(allowance.retryAfterSeconds)}, or read the policy in the hub.`,
      ),
    ]);
  }
  const policy = await currentPolicy(services, asker.schoolId);
  if (!policy) return NO_POLICY_CARD;
  const answer = policy.answer(text);
  const question = await services.store.questions.create({
    schoolId: asker.schoolId,
    askerId: asker.id,
    text: text.slice(0, 4000),
    status: answer.answered ? 'answered' : 'unanswered',
  });
  return answerCardFor(services, question);
}

/** "Helpful" / "Not helpful" on an answer. Only the asker can rate their own question. */
export async function recordFeedback(
  services: Services,
  asker: Rec<'people'> | undefined,
  data: Record<string, unknown>,
): Promise<AdaptiveCard> {
  const id = questionIdOf(data);
  const question = id ? await services.store.questions.get(id) : undefined;
  if (!asker || !question || question.askerId !== asker.id || typeof data.helpful !== 'boolean') return gone();
  const feedback = data.helpful ? 'helpful' : 'not-helpful';
  return answerCardFor(services, await services.store.questions.update(question, { feedback }));
}

const gone = () => adaptiveCard([paragraph('This button is no longer available. Ask your question again.')]);
const questionIdOf = (data: Record<string, unknown>) => (typeof data.questionId === 'string' ? data.questionId : '');

/** "Ask SLT" on an answer card. */
export async function askSltFromCard(
  services: Services,
  asker: Rec<'people'> | undefined,
  data: Record<string, unknown>,
): Promise<AdaptiveCard> {
  if (!asker) return gone();
  const allowance = await services.limits.take('askSlt', asker.id);
  if (!allowance.ok) {
    return adaptiveCard([
      paragraph(
        `You have sent several questions to SLT this hour. Try again ${waitWords(allowance.retryAfterSeconds)}, or speak to a senior leader.`,
      ),
    ]);
  }
  try {
    return await answerCardFor(services, await askSlt(services, asker, questionIdOf(data)));
  } catch (err) {
    if (err instanceof NotFound) return gone();
    throw err;
  }
}

/** "Send answer" on the SLT card. */
export async function sltAnswerFromCard(
  services: Services,
  leader: Rec<'people'> | undefined,
  data: Record<string, unknown>,
): Promise<AdaptiveCard> {
  const text = typeof data.answer === 'string' ? data.answer : '';
  const questionId = questionIdOf(data);
  const cardFor = async (question: Rec<'questions'>) => ({
    questionId: question.id,
    askerName: (await services.store.people.get(question.askerId))?.displayName ?? 'A member of staff',
    question: question.text,
  });
  try {
    const { question, byName } = await answerAsSlt(services, leader, questionId, text);
    return sltQuestionCard({ ...(await cardFor(question)), answered: { byName, text: question.answer ?? '' } });
  } catch (err) {
    // An answer too short or too long: the card again, with what they typed kept.
    const question = err instanceof RuleBroken ? await services.store.questions.get(questionId) : undefined;
    if (question) return sltQuestionCard({ ...(await cardFor(question)), error: (err as Error).message, draft: text });
    if (err instanceof NotFound) return adaptiveCard([paragraph(err.message, { color: 'Attention' })]);
    throw err;
  }
}
