import type { Server } from 'restify';
import { TEXT_LIMITS } from '../../domain/text-limits.ts';
import { z } from 'zod';
import {
  applicationReadiness,
  colleaguesReadiness,
  myApplications,
  saveDraft,
  submitApplication,
  withdrawApplication,
} from '../../applications/applications.ts';
import { PLATFORMS } from '../../domain/records.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';
import { approvalView, decide, pendingApprovals } from '../../applications/approval.ts';

const personId = z.string().min(1).max(128);
/** What a draft may hold: each field optional, so a half-written form can be saved as it is. */
const draftFields = z
  .object({
    accountName: z.string().max(TEXT_LIMITS.line),
    platform: z.enum(PLATFORMS),
    aim: z.string().max(TEXT_LIMITS.businessCase),
    audience: z.string().max(TEXT_LIMITS.businessCase),
    promotion: z.string().max(TEXT_LIMITS.businessCase),
    runnerIds: z.array(personId).max(20),
    volunteers: z
      .array(
        z.object({ name: z.string().max(TEXT_LIMITS.line), relationship: z.string().max(TEXT_LIMITS.line) }).strict(),
      )
      .max(20),
    visibility: z.enum(['open', 'private']),
  })
  .partial()
  .strict();
const idParam = z.object({ id: z.string().min(1).max(128) });
const etagBody = z.object({ etag: z.string().min(1).max(100) }).strict();

export function registerApplicationRoutes(server: Server, services: Services): void {
  server.get(
    '/api/v1/applications/mine',
    endpoint(services, {}, async ({ principal }) => ({ items: await myApplications(services, principal) })),
  );

  server.post(
    '/api/v1/applications',
    endpoint(services, { body: draftFields }, async ({ principal, body }) => saveDraft(services, principal, body)),
  );

  server.put(
    '/api/v1/applications/:id',
    endpoint(
      services,
      { params: idParam, body: z.object({ etag: z.string().min(1).max(100), fields: draftFields }).strict() },
      async ({ principal, params, body }) =>
        saveDraft(services, principal, body.fields, { id: params.id, etag: body.etag }),
    ),
  );

  server.post(
    '/api/v1/applications/:id/submit',
    endpoint(services, { params: idParam, body: etagBody }, async ({ principal, params, body }) =>
      submitApplication(services, principal, params.id, body.etag),
    ),
  );

  server.post(
    '/api/v1/applications/:id/withdraw',
    endpoint(services, { params: idParam, body: etagBody }, async ({ principal, params, body }) =>
      withdrawApplication(services, principal, params.id, body.etag),
    ),
  );

  // The form shows, for each runner picked, whether they are trained and have read the policy.
  server.get(
    '/api/v1/applications/pending',
    endpoint(services, {}, async ({ principal }) => ({ items: await pendingApprovals(services, principal) })),
  );

  // The tab's way to decide: the same rules, audit and messages as the card's buttons.
  server.post(
    '/api/v1/applications/:id/decision',
    endpoint(
      services,
      {
        params: idParam,
        body: z
          .object({
            decision: z.enum(['approve', 'reject', 'request-changes', 'reassign']),
            comment: z.string().max(TEXT_LIMITS.decisionComment).default(''),
            reassignTo: z.string().min(1).max(128).optional(),
          })
          .strict(),
      },
      async ({ principal, params, body }) => {
        const { application } = await decide(services, principal.person, params.id, body);
        return approvalView(services, application, principal.person);
      },
    ),
  );

  // For the school's leaders and administrators choosing moderators: any colleague's readiness.
  server.get(
    '/api/v1/applications/readiness',
    endpoint(
      services,
      {
        query: z
          .object({
            ids: z
              .string()
              .transform((s) => s.split(',').filter(Boolean))
              .pipe(z.array(personId).min(1).max(20)),
          })
          .strict(),
      },
      async ({ principal, query }) => ({ items: await colleaguesReadiness(services, principal, query.ids) }),
    ),
  );

  // For the application form: the runners on this saved application, as its viewer may see them.
  server.get(
    '/api/v1/applications/:id/readiness',
    endpoint(services, { params: idParam }, async ({ principal, params }) => ({
      items: await applicationReadiness(services, principal, params.id),
    })),
  );
}
