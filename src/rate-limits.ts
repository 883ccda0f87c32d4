import type { LimitedAction, RateLimits } from './ports.ts';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * How often one person may do the things that write or search a lot: enough for anyone working
 * normally, too few to flood the DSL, SLT or the server. Per server instance, in memory.
 */
export const RATE_LIMITS = {
  /** Report submissions: a member of staff may have several in a bad hour, never dozens. */
  report: { points: 20, duration: 10 * 60 },
  /** Policy questions to the bot. */
  question: { points: 30, duration: 5 * 60 },
  /** Questions sent on to SLT. */
  askSlt: { points: 10, duration: 60 * 60 },
  /** The policy page's search box. */
  search: { points: 60, duration: 60 },
} as const satisfies Record<LimitedAction, { points: number; duration: number }>;

export function createRateLimits(): RateLimits {
  const limiters = Object.fromEntries(
    Object.entries(RATE_LIMITS).map(([action, limit]) => [
      action,
      new RateLimiterMemory({ ...limit, keyPrefix: action }),
    ]),
  ) as Record<LimitedAction, RateLimiterMemory>;
  return {
    async take(action, personId) {
      try {
        await limiters[action].consume(personId);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
  };
}

/** "in 3 minutes" / "in 40 seconds", for messages. */
export const waitWords = (seconds: number) =>
  seconds >= 90 ? `in ${Math.ceil(seconds / 60)} minutes` : `in ${seconds} seconds`;
