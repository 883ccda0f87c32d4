import { z } from 'zod';

/**
 * The minimum an incoming Bot Framework activity must carry before the SDK sees it. Anything
 * less is a client error (400) with the field named, rather than an exception deep in the SDK.
 */
const envelope = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2048),
  from: z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() }),
  recipient: z.object({ id: z.string().min(1).max(512) }),
  conversation: z.object({ id: z.string().min(1).max(1024) }),
  text: z.string().max(28_000).optional(),
});

export function activityProblems(body: unknown): { field: string; problem: string }[] {
  const result = envelope.safeParse(body);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ field: i.path.join('.') || '(activity)', problem: i.message }));
}
