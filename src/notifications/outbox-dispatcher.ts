import type { FeedNotice, Messenger } from '../ports.ts';
import type { Services } from '../services.ts';
import { ConflictError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { Undeliverable, type Delivery, type Messages } from './message.ts';
import { PermissionMissing } from './graph-calls.ts';
import { conversationFor } from './reach.ts';
import { isTopic } from './topics.ts';
import { personOfChat } from './recipients.ts';

const MAX_ATTEMPTS = 8;
/**
 * Messages sent at once by one instance: a slow connector (300 ms a send) would otherwise hold
 * the fiftieth alert of a burst for fifteen seconds. Each is still claimed alone, under its ETag.
 */
const SENDERS = 6;
/** Safeguarding alerts go before anything else due, so no notice or card edit holds one up. */
const FIRST_TOPIC = 'incident.alert';
/** Waits between attempts: quick at first, then backing off to about an hour. */
const backoffMs = (attempt: number) => Math.min(60 * 60_000, 15_000 * 2 ** (attempt - 1));

export interface OutboxDispatcher {
  /** Sends what is due now; called right after a commit that queued messages, and on a timer. */
  kick(): void;
  /** Resolves when the current round (if any) has finished; for shutdown and tests. */
  idle(): Promise<void>;
  stop(graceMs?: number): Promise<void>;
}

const SEND_TIMEOUT_MS = 20_000;
/**
 * How long a claimed message is left to its claimer: longer than a send may take plus recording
 * it, and no longer, since it is also how soon a message whose sender died is tried again.
 */
export const CLAIM_LEASE_MS = 3 * SEND_TIMEOUT_MS;

/** One unanswered send must not hold up every message behind it; it is retried like any failure. */
function answered<T>(sending: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the Bot Connector did not answer in time')), SEND_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([sending, timeout]).finally(() => clearTimeout(timer));
}

/** Why a send failed, in words: the connector's 503 comes as an error with no message at all. */
export function failureReason(err: unknown): string {
  const e = err as { message?: string; statusCode?: number; code?: string; response?: { status?: number } };
  const status = e.statusCode ?? e.response?.status;
  const said = [e.message?.trim(), status ? `Teams answered ${status}` : undefined, e.code]
    .filter((part): part is string => Boolean(part))
    .filter((part, i, all) => all.indexOf(part) === i);
  return said.join('; ') || 'the send failed and gave no reason';
}

/**
 * Delivers queued messages. The outbox is written in the same commit as the record that caused
 * it, so an alert can be late but never lost; each entry is marked done only after it was sent.
 */
export function createOutboxDispatcher(
  services: Services,
  messenger: Messenger,
  messages: Messages,
  intervalMs = 30_000,
): OutboxDispatcher {
  const { store, log } = services;
  /** Sent, but the store did not take the record of it: recorded next round, never sent again from here. */
  const sentNotRecorded = new Set<string>();
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  type AnyKind = {
    render(payload: unknown): Promise<Delivery>;
    notice?(payload: unknown): Promise<FeedNotice | undefined>;
    delivered?(payload: unknown): Promise<void>;
    failed?(payload: unknown): Promise<void>;
  };
  // The payload was written for this topic by queueMessage, which takes only its declared shape.
  const kindOf = (entry: Rec<'outbox'>) => (isTopic(entry.topic) ? (messages[entry.topic] as AnyKind) : undefined);

  /** A kind's follow-up to a send or a failure: logged if it fails, never a reason to send again. */
  async function tell(entry: Rec<'outbox'>, what: 'delivered' | 'failed'): Promise<void> {
    const hook = kindOf(entry)?.[what];
    if (!hook) return;
    await hook(entry.payload).catch((err: unknown) =>
      log.warn({ err, outboxId: entry.id }, `could not follow up a ${what} message`),
    );
    kick();
  }

  async function deliver(entry: Rec<'outbox'>): Promise<void> {
    // Written by an older or newer version of the app: said, not guessed at.
    if (!isTopic(entry.topic)) throw new Undeliverable(`no handler for ${entry.topic}`);
    const kind = kindOf(entry)!;
    const rendered = await kind.render(entry.payload);
    const notice = 'card' in rendered && 'conversationId' in rendered ? await kind.notice?.(entry.payload) : undefined;
    const delivery: Delivery = notice ? { ...rendered, notice } : rendered;
    if ('skip' in delivery) {
      log.info({ outboxId: entry.id, topic: entry.topic, reason: delivery.skip }, 'message no longer needed');
      return;
    }
    if ('reach' in delivery) {
      await conversationFor(services, messenger, delivery.reach);
      return;
    }
    if ('edits' in delivery) {
      // Edits are idempotent, so a retry after a partial failure simply edits them all again.
      for (const { conversationId, activityId } of delivery.edits) {
        const conversation = await store.conversationRefs.get(conversationId);
        if (conversation) await answered(messenger.updateCard(conversation.reference, activityId, delivery.card));
      }
      return;
    }
    const conversation = await conversationFor(services, messenger, delivery.conversationId);
    const activityId = await answered(messenger.sendCard(conversation.reference, delivery.card));
    if (activityId && delivery.afterSend) {
      // Sent is sent: failing to remember the copy must not send it again.
      await delivery.afterSend(activityId).catch((err: unknown) => log.warn({ err }, 'could not remember a sent card'));
    }
    if (delivery.notice) await notifyFeed(delivery.conversationId, delivery.notice);
  }

  /** The activity-feed notice beside a chat message. The message went: a failed notice is logged, never resent. */
  async function notifyFeed(conversationId: string, notice: FeedNotice): Promise<void> {
    const personId = personOfChat(conversationId);
    if (!services.feed || !personId) return;
    const person = await store.people.get(personId);
    if (!person?.aadObjectId) return;
    await services.feed.notify(person.aadObjectId, notice).catch((err: unknown) => {
      if (err instanceof PermissionMissing) log.error({ personId }, err.message);
      else log.warn({ err, personId }, 'could not add a notification to the activity feed');
    });
  }

  async function round(): Promise<void> {
    const now = services.now();
    const due = (
      await store.outbox.listAll({
        where: { status: 'pending', notBefore: { lte: now.toISOString() } },
        orderBy: 'notBefore',
      })
    ).sort((a, b) => Number(b.topic === FIRST_TOPIC) - Number(a.topic === FIRST_TOPIC));
    /** One message: claimed, sent, and recorded; several go at once (see SENDERS). */
    const handle = async (pending: Rec<'outbox'>): Promise<void> => {
      if (stopped) return;
      // Claim it first: moving its due time past the lease, under its ETag, so another instance
      // (or round) that read it too gets a conflict and leaves it. A claimer that dies mid-send
      // leaves it due again once the lease runs out: at most one resend, never a lost message.
      let entry: Rec<'outbox'>;
      try {
        entry = await store.outbox.update(pending, {
          notBefore: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
        });
      } catch (err) {
        if (err instanceof ConflictError) return;
        throw err;
      }
      try {
        if (!sentNotRecorded.has(entry.id)) await deliver(entry);
        sentNotRecorded.add(entry.id);
        await store.outbox.update(entry, { status: 'done', attempts: entry.attempts + 1, lastError: undefined });
        sentNotRecorded.delete(entry.id);
        await tell(entry, 'delivered');
      } catch (err) {
        if (err instanceof ConflictError) {
          sentNotRecorded.delete(entry.id);
          return; // already settled elsewhere
        }
        if (sentNotRecorded.has(entry.id)) {
          // Teams has it; only the record failed (the store is away). The lease brings it back here.
          log.warn({ outboxId: entry.id, err: failureReason(err) }, 'sent, but could not record it as sent yet');
          return;
        }
        const attempts = entry.attempts + 1;
        const final = err instanceof Undeliverable || attempts >= MAX_ATTEMPTS;
        if (err instanceof PermissionMissing) {
          // The school must act; say so loudly, once per failed attempt, with what to grant.
          log.error({ outboxId: entry.id, topic: entry.topic, attempts }, err.message);
        }
        const reason = failureReason(err);
        log.warn({ outboxId: entry.id, topic: entry.topic, attempts, final, err: reason }, 'outbox delivery failed');
        const recorded = await store.outbox
          .update(entry, {
            status: final ? 'failed' : 'pending',
            attempts,
            lastError: reason.slice(0, 500),
            notBefore: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
          })
          .catch((e: unknown) => log.error({ err: e }, 'could not record an outbox failure'));
        if (recorded && (attempts === 1 || final)) await tell(recorded, 'failed');
      }
    };
    const queue = [...due];
    await Promise.all(
      Array.from({ length: Math.min(SENDERS, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await handle(next);
      }),
    );
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((err: unknown) => log.error({ err }, 'outbox round failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  const timer = setInterval(kick, intervalMs);
  timer.unref();

  return {
    kick,
    async idle() {
      while (running) await running;
    },
    /**
     * Stops taking work and gives a send in progress a short grace period. Entries are durable, so
     * one cut off here stays pending and is sent after restart: delivery is at least once.
     */
    async stop(graceMs = 2000) {
      stopped = true;
      clearInterval(timer);
      if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    },
  };
}
