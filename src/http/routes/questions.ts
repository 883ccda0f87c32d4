import type { Server } from 'restify';
import { z } from 'zod';
import { pointQuestion, withdrawPointer } from '../../policy/pointers.ts';
import { pointerSummary, policyGaps } from '../../policy/questions.ts';
import { requestedSchool } from '../../people/oversight.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';

const params = z.object({ id: z.string().min(1).max(128) }).strict();

/** The policy's gaps for senior leaders, and the pointers they set from a question to its answer. */
export function registerQuestionRoutes(server: Server, services: Services): void {
  server.get(
    '/api/v1/questions',
    endpoint(
      services,
      {
        query: z.object({ schoolId: z.string().min(1).max(128).optional() }).strict(),
      },
      async ({ principal, query }) => ({
        items: await policyGaps(services, principal, requestedSchool(principal, query.schoolId)),
      }),
    ),
  );

  server.put(
    '/api/v1/questions/:id/pointer',
    endpoint(
      services,
      { params, body: z.object({ passageId: z.string().min(1).max(300) }).strict() },
      async ({ principal, params, body }) => ({
        pointer: pointerSummary(await pointQuestion(services, principal, params.id, body.passageId)),
      }),
    ),
  );

  server.del(
    '/api/v1/questions/:id/pointer',
    endpoint(services, { params }, async ({ principal, params }) => {
      await withdrawPointer(services, principal, params.id);
      return { withdrawn: true };
    }),
  );
}
