import type { Principal } from '../auth/principal.ts';
import { hasRole } from '../domain/roles.ts';
import { RuleBroken, visibleOrNotFound } from '../errors.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { currentPolicy } from './current-policy.ts';

/** The asker hears that the policy does answer their question after all. */
export const QUESTION_POINTED_TOPIC = 'question.pointed';

/**
 * A senior leader points a question the policy did not answer well to the passage that does. From
 * then on the bot finds that passage for the question and for others worded like it, and the asker
 * is sent the answer. Pointing again moves the pointer; everything is audited.
 */
export async function pointQuestion(
  services: Services,
  principal: Principal,
  questionId: string,
  passageId: string,
): Promise<Rec<'policyPointers'>> {
  const { store } = services;
  const question = visibleOrNotFound(
    await store.questions.get(questionId),
    (q) => leads(principal, q.schoolId),
    'The question',
  );
  const policy = await currentPolicy(services, question.schoolId);
  const passage = policy?.index.passages.find((p) => p.id === passageId);
  if (!passage) {
    const problem = 'Choose a passage from the current version of the policy';
    throw new RuleBroken('unknown_passage', problem, [{ field: 'passageId', problem }]);
  }
  const at = services.now().toISOString();
  const existing = await store.policyPointers.get(questionId);
  const pointer = await store.commit((uow) => {
    const data = {
      schoolId: question.schoolId,
      question: question.text,
      sectionId: passage.sectionId,
      passage: passage.text,
      pointedById: principal.person.id,
      pointedAt: at,
    };
    const saved = existing
      ? uow.update('policyPointers', existing, { ...data, withdrawnAt: undefined })
      : uow.create('policyPointers', data, questionId);
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: 'question.pointed',
      targetKind: 'questions',
      targetId: questionId,
      schoolId: question.schoolId,
      detail: { sectionId: passage.sectionId, passageId },
    });
    queueMessage(uow, QUESTION_POINTED_TOPIC, { questionId, conversationId: `person-${question.askerId}` }, at);
    return saved;
  });
  services.outbox.kick();
  return pointer;
}

/** Takes a pointer back, for a passage chosen by mistake. The record stays, marked withdrawn. */
export async function withdrawPointer(
  services: Pick<Services, 'now' | 'store'>,
  principal: Principal,
  questionId: string,
): Promise<void> {
  const { store } = services;
  const pointer = visibleOrNotFound(
    await store.policyPointers.get(questionId),
    (p) => !p.withdrawnAt && leads(principal, p.schoolId),
    'A pointer for this question',
  );
  const at = services.now().toISOString();
  await store.commit((uow) => {
    uow.update('policyPointers', pointer, { withdrawnAt: at });
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: 'question.pointer-withdrawn',
      targetKind: 'questions',
      targetId: questionId,
      schoolId: pointer.schoolId,
    });
  });
}

/** Staff questions are SLT's to see, so pointing them is too. */
const leads = (principal: Principal, schoolId: string) => hasRole(principal.person, 'SLT', schoolId);
