import type { Server } from 'restify';
import { TEXT_LIMITS } from '../../domain/text-limits.ts';
import { z } from 'zod';
import {
  accountRegister,
  creationTasks,
  recordAccount,
  replaceCredential,
  revealCredential,
} from '../../accounts/accounts.ts';
import { closeAccount, transferAccount } from '../../accounts/handover.ts';
import { recordReview } from '../../accounts/reviews.ts';
import { CredentialUnavailableError } from '../../accounts/credential-vault.ts';
import { CHECKIN_OUTCOMES, REVIEW_OUTCOMES } from '../../domain/records.ts';
import { logReplyItem, markReplied, monitoringOverview, recordCheckIn, setRota } from '../../accounts/monitoring.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';
import { Unavailable } from '../../errors.ts';

const id = z.string().min(1).max(128);
const credential = z
  .object({
    username: z.string().max(320),
    password: z.string().max(1024),
    notes: z.string().max(TEXT_LIMITS.accountNote).default(''),
  })
  .strict();
const newAccount = z
  .object({
    applicationId: id,
    handle: z.string().trim().min(1, { message: 'Enter the account’s handle or name' }).max(TEXT_LIMITS.line),
    url: z.url({ protocol: /^https$/, message: 'Enter the account’s web address, starting https://' }).max(2048),
    leadId: id,
    moderatorIds: z.array(id).max(20),
    credential,
  })
  .strict();
const params = z.object({ id });
const etag = z.string().min(1).max(100);

/** A vault that cannot answer is a service problem, said plainly, never a stack trace. */
async function withVault<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof CredentialUnavailableError) throw new Unavailable('credential_unavailable', err.message);
    throw err;
  }
}

/** Official accounts: the administrators' creation tasks, the register, and sign-in details. */
export function registerAccountRoutes(server: Server, services: Services): void {
  server.get(
    '/api/v1/accounts',
    endpoint(services, {}, async ({ principal }) => ({ items: await accountRegister(services, principal) })),
  );

  server.get(
    '/api/v1/accounts/tasks',
    endpoint(services, {}, async ({ principal }) => ({ items: await creationTasks(services, principal) })),
  );

  server.post(
    '/api/v1/accounts',
    endpoint(services, { body: newAccount }, async ({ principal, body }) =>
      withVault(() => recordAccount(services, principal, body)),
    ),
  );

  // POST, not GET: revealing is an action (audited), and must never be cached or prefetched.
  server.post(
    '/api/v1/accounts/:id/credential/reveal',
    endpoint(services, { params }, async ({ principal, params }) =>
      withVault(() => revealCredential(services, principal, params.id)),
    ),
  );

  server.put(
    '/api/v1/accounts/:id/credential',
    endpoint(
      services,
      { params, body: z.object({ etag, credential }).strict() },
      async ({ principal, params, body }) => {
        return withVault(() => replaceCredential(services, principal, params.id, body.etag, body.credential));
      },
    ),
  );

  server.post(
    '/api/v1/accounts/:id/transfer',
    endpoint(
      services,
      { params, body: z.object({ etag, leadId: id, moderatorIds: z.array(id).max(20) }).strict() },
      async ({ principal, params, body }) => transferAccount(services, principal, params.id, body),
    ),
  );

  server.post(
    '/api/v1/accounts/:id/close',
    endpoint(
      services,
      {
        params,
        body: z
          .object({
            etag,
            closedOn: z.iso.date({ message: 'Give the date the account was closed' }),
            reason: z
              .string()
              .trim()
              .min(3, { message: 'Say why the account is closing' })
              .max(TEXT_LIMITS.closingReason),
          })
          .strict(),
      },
      async ({ principal, params, body }) => {
        const closed = await closeAccount(services, principal, params.id, body);
        return { status: closed.status, closedOn: closed.closedOn };
      },
    ),
  );

  server.post(
    '/api/v1/accounts/:id/reviews',
    endpoint(
      services,
      {
        params,
        body: z
          .object({
            etag,
            outcome: z.enum(REVIEW_OUTCOMES),
            stillNeeded: z.boolean(),
            aimsMet: z.boolean(),
            moderatorsRight: z.boolean(),
            note: z.string().max(TEXT_LIMITS.reviewNote).default(''),
          })
          .strict(),
      },
      async ({ principal, params, body }) => recordReview(services, principal, params.id, body),
    ),
  );

  server.put(
    '/api/v1/accounts/:id/rota',
    endpoint(
      services,
      {
        params,
        body: z
          .object({
            etag,
            rota: z.array(z.object({ from: z.iso.date(), to: z.iso.date(), personId: id }).strict()).max(200),
          })
          .strict(),
      },
      async ({ principal, params, body }) => setRota(services, principal, params.id, body),
    ),
  );

  server.get(
    '/api/v1/monitoring',
    endpoint(services, {}, async ({ principal }) => ({ items: await monitoringOverview(services, principal) })),
  );

  server.post(
    '/api/v1/accounts/:id/check-ins',
    endpoint(
      services,
      {
        params,
        body: z
          .object({
            outcome: z.enum(CHECKIN_OUTCOMES),
            count: z.number().int().min(0).max(10_000).default(0),
            note: z.string().max(TEXT_LIMITS.accountNote).default(''),
          })
          .strict(),
      },
      async ({ principal, params, body }) => {
        const { id, at } = await recordCheckIn(services, principal, params.id, body);
        return { id, at, reportFormSent: body.outcome === 'escalated' };
      },
    ),
  );

  server.post(
    '/api/v1/accounts/:id/reply-items',
    endpoint(
      services,
      {
        params,
        body: z
          .object({
            arrivedAt: z.iso.datetime({ offset: true, message: 'Say when it arrived, as a date and time' }),
            summary: z.string().trim().min(1, { message: 'Say in a few words what needs a reply' }).max(300),
          })
          .strict(),
      },
      async ({ principal, params, body }) => logReplyItem(services, principal, params.id, body),
    ),
  );

  server.post(
    '/api/v1/reply-items/:id/replied',
    endpoint(services, { params }, async ({ principal, params }) => markReplied(services, principal, params.id)),
  );
}
