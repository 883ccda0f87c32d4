import type { UnitOfWork } from '../store/store.ts';

/**
 * The one way to queue a message: inside the commit that causes it, so the message exists
 * exactly when the change does. The dispatcher sends it later.
 */
export function queueMessage(uow: UnitOfWork, topic: string, payload: Record<string, unknown>, at: string): void {
  uow.create('outbox', { topic, payload, status: 'pending', attempts: 0, notBefore: at });
}
