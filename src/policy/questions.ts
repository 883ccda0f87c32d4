import { hasRole } from '../domain/roles.ts';
import { queueMessage } from '../notifications/outbox.ts';
import { sltDestinations } from '../notifications/slt-destinations.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { NotAllowed, NotFound, RuleBroken } from '../errors.ts';
import type { Principal } from '../auth/principal.ts';
import { displayNames } from '../people/directory.ts';
import { pointersInForce } from './current-policy.ts';

/** A question goes to SLT: to the school's SLT channel if one is set up, else to each senior leader. */
export const QUESTION_FOR_SLT_TOPIC = 'question.for-slt';
/** A senior leader's answer goes back to the person who asked. */
export const QUESTION_ANSWERED_TOPIC = 'question.answered';

/**
 * "Ask SLT" on an answer card. Only the asker can send their own question, and sending it
 * twice sends it once. The question and the messages to SLT are one commit.
 */
export async function askSlt(services: Services, asker: Rec<'people'>, questionId: string): Promise<Rec<'questions'>> {
  const { store } = services;
  const question = await store.questions.get(questionId);
  if (!question || question.askerId !== asker.id) throw new NotFound('That question');
  if (question.status === 'asked-slt' || question.answer) return question;
  const destinations = await sltDestinations(services, question.schoolId, asker.id);
  const at = services.now().toISOString();
  const updated = await store.commit((uow) => {
    for (const conversationId of destinations) {
      queueMessage(uow, QUESTION_FOR_SLT_TOPIC, { questionId, conversationId }, at);
    }
    uow.append('audit', {
      at,
      actorId: asker.id,
      action: 'question.asked-slt',
      targetKind: 'questions',
      targetId: questionId,
      schoolId: question.schoolId,
      detail: { to: destinations },
    });
    return uow.update('questions', question, { status: 'asked-slt' });
  });
  services.outbox.kick();
  return updated;
}

export interface Answered {
  question: Rec<'questions'>;
  byName: string;
}

/**
 * A senior leader answers from the card. Who they are comes from the activity, and they must be
 * a senior leader at the question's school; the answer is kept with the question and sent back.
 */
export async function answerAsSlt(
  services: Pick<Services, 'now' | 'outbox' | 'store'>,
  leader: Rec<'people'> | undefined,
  questionId: string,
  text: string,
): Promise<Answered> {
  const { store } = services;
  const question = await store.questions.get(questionId);
  // One answer whether or not the question exists, so a crafted press cannot probe ids.
  if (!question || !leader || !hasRole(leader, 'SLT', question.schoolId)) {
    throw new NotFound('That question', {
      message: 'Only the senior leadership team of the question’s school can answer it; it is not available to you.',
    });
  }
  if (question.answer && question.answeredById) {
    const by = await store.people.get(question.answeredById);
    return { question, byName: by?.displayName ?? 'a senior leader' };
  }
  const answer = text.trim();
  if (answer.length < 2) throw new RuleBroken('answer_needed', 'Write an answer before sending it.');
  if (answer.length > 4000) throw new RuleBroken('answer_too_long', 'Keep the answer under 4,000 characters.');
  const at = services.now().toISOString();
  const updated = await store.commit((uow) => {
    queueMessage(uow, QUESTION_ANSWERED_TOPIC, { questionId, conversationId: `person-${question.askerId}` }, at);
    uow.append('audit', {
      at,
      actorId: leader.id,
      action: 'question.answered',
      targetKind: 'questions',
      targetId: questionId,
      schoolId: question.schoolId,
    });
    return uow.update('questions', question, {
      status: 'answered',
      answer,
      answeredById: leader.id,
      answeredAt: at,
    });
  });
  services.outbox.kick();
  return { question: updated, byName: leader.displayName };
}

/**
 * The policy's gaps, for a school's senior leaders: questions the bot could not answer, questions
 * sent to SLT (answered or not), and answers staff said did not help, newest first, each with the
 * pointer a leader set from it to the passage that answers it.
 */
export async function policyGaps(services: Services, principal: Principal, schoolId: string) {
  if (!hasRole(principal.person, 'SLT', schoolId)) throw new NotAllowed('Only senior leaders see staff questions');
  const questions = await services.store.questions.listAll({
    where: { schoolId },
    orderBy: 'createdAt',
    descending: true,
  });
  // Everything except what the policy answered to the asker's satisfaction (or without complaint).
  const gaps = questions.filter((q) => q.status !== 'answered' || q.answer || q.feedback === 'not-helpful');
  const pointers = new Map((await pointersInForce(services, schoolId)).map((p) => [p.id, p]));
  const names = await displayNames(
    services.store,
    schoolId,
    gaps.flatMap((q) => [q.askerId, ...(q.answeredById ? [q.answeredById] : [])]),
  );
  return gaps.map((q) => ({
    id: q.id,
    text: q.text,
    askedBy: names.get(q.askerId),
    askedAt: q.createdAt,
    status: q.status,
    feedback: q.feedback,
    answer: q.answer,
    answeredBy: q.answeredById ? names.get(q.answeredById) : undefined,
    pointer: pointerSummary(pointers.get(q.id)),
  }));
}

/** Where a question now points, as the questions page shows it. */
export const pointerSummary = (pointer: Rec<'policyPointers'> | undefined) =>
  pointer && { sectionId: pointer.sectionId, passage: pointer.passage, pointedAt: pointer.pointedAt };

/** A question on the policy-gaps page, as the API answers it. */
export type GapQuestion = Awaited<ReturnType<typeof policyGaps>>[number];
