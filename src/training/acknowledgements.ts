import type { Principal } from '../auth/principal.ts';
import { Conflict } from '../errors.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { DuplicateError } from '../store/errors.ts';
import type { Store, UnitOfWork } from '../store/store.ts';

/** A new policy version was published: each member of staff is asked to read it. */
export const POLICY_UPDATED_TOPIC = 'policy.updated';

/** One acknowledgement per person and version; the id says which, so a double click records it once. */
const acknowledgementId = (personId: string, versionId: string) => `ack-${personId}-${versionId}`;

/** Whether, and when, this person confirmed reading this version. */
export async function acknowledgementOf(services: Pick<Services, 'store'>, personId: string, versionId: string) {
  const [existing] = (
    await services.store.acknowledgements.list({ where: { personId, policyVersionId: versionId }, limit: 1 })
  ).items;
  return existing ? { at: existing.at, versionNumber: existing.versionNumber } : undefined;
}

/**
 * "I have read and understood this policy", for the version the person read. Only the current
 * version of their own school's policy can be acknowledged: confirming an old one means nothing.
 */
export async function acknowledgePolicy(services: Services, principal: Principal, versionId: string) {
  const { store } = services;
  const person = principal.person;
  const [document] = (await store.policyDocuments.list({ where: { schoolId: person.schoolId }, limit: 1 })).items;
  const version = document?.currentVersionId ? await store.policyVersions.get(document.currentVersionId) : undefined;
  if (!version) throw new Conflict('no_policy', 'Your school has not published a policy yet');
  if (version.id !== versionId) {
    throw new Conflict(
      'not_current_version',
      `That is not the current version of your school’s policy (version ${version.versionNumber} is); read that one and confirm it`,
    );
  }
  const previous = await acknowledgementOf(services, person.id, version.id);
  if (previous) return { ...previous, alreadyConfirmed: true };
  const at = services.now().toISOString();
  try {
    await store.commit((uow) => {
      uow.append(
        'acknowledgements',
        {
          personId: person.id,
          schoolId: person.schoolId,
          policyVersionId: version.id,
          versionNumber: version.versionNumber,
          at,
          retentionCategory: 'training',
        },
        acknowledgementId(person.id, version.id),
      );
      uow.append('audit', {
        at,
        actorId: person.id,
        action: 'policy.acknowledged',
        targetKind: 'policyVersions',
        targetId: version.id,
        schoolId: person.schoolId,
        detail: { versionNumber: version.versionNumber },
      });
    });
  } catch (err) {
    if (!(err instanceof DuplicateError)) throw err;
    // A second click got there first: it stands.
    return { ...(await acknowledgementOf(services, person.id, version.id))!, alreadyConfirmed: true };
  }
  return { at, versionNumber: version.versionNumber, alreadyConfirmed: false };
}

/**
 * Queues "a new version needs your confirmation" to every member of staff at the school who has
 * a chat with the bot, in the same commit as the new version. Staff without a chat see it in the tab.
 */
export async function planPolicyUpdatedNotices(store: Store, schoolId: string) {
  const chats = await store.conversationRefs.listAll({ where: { scope: 'person', schoolId } });
  return (uow: UnitOfWork, versionId: string, at: string) => {
    for (const chat of chats) {
      if (chat.personId) queueMessage(uow, POLICY_UPDATED_TOPIC, { conversationId: chat.id, versionId }, at);
    }
  };
}
