import type { UnitOfWork } from '../store/store.ts';
import type { MessagePayloads, Topic } from './topics.ts';

/**
 * The one way to queue a message: inside the commit that causes it, so the message exists
 * exactly when the change does. The dispatcher sends it later.
 */
export function queueMessage<T extends Topic>(
  uow: UnitOfWork,
  topic: T,
  payload: MessagePayloads[T],
  at: string,
  /** Given when something else must name this message before it is sent. */
  id?: string,
): void {
  uow.create('outbox', { topic, payload: { ...payload }, status: 'pending', attempts: 0, notBefore: at }, id);
}
