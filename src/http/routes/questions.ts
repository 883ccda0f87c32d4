import type { Server } from 'restify';
import { z } from 'zod';
import { hasRole } from '../../domain/roles.ts';
import { pointersInForce } from '../../policy/current-policy.ts';
import { pointQuestion, withdrawPointer } from '../../policy/pointers.ts';
import type { Services } from '../../services.ts';
import type { Rec } from '../../store/kinds.ts';
import { endpoint } from '../endpoint.ts';
import { NotAllowed } from '../../errors.ts';

const params = z.object({ id: z.string().min(1).max(128) }).strict();

/**
 * The policy's gaps, for senior leaders: questions the bot could not answer, questions sent to
 * SLT (answered or not), and answers staff said did not help, newest first; and the pointers
 * senior leaders set from a question to the passage that answers it.
 */
export function registerQuestionRoutes(server: Server, services: Services): void {
  const { store } = services;
  server.get(
    '/api/v1/questions',
    endpoint(
      services,
      {
        query: z.object({ schoolId: z.string().min(1).max(128).optional() }).strict(),
      },
      async ({ principal, query }) => {
        const schoolId = query.schoolId ?? principal.person.schoolId;
        if (!hasRole(principal.person, 'SLT', schoolId))
          throw new NotAllowed('Only senior leaders see staff questions');
        const questions = await store.questions.listAll({
          where: { schoolId },
          orderBy: 'createdAt',
          descending: true,
        });
        // Everything except what the policy answered to the asker's satisfaction (or without complaint).
        const gaps = questions.filter((q) => q.status !== 'answered' || q.answer || q.feedback === 'not-helpful');
        const pointers = new Map((await pointersInForce(services, schoolId)).map((p) => [p.id, p]));
        const names = new Map<string, string>();
        for (const id of new Set(gaps.flatMap((q) => [q.askerId, ...(q.answeredById ? [q.answeredById] : [])]))) {
          names.set(id, (await store.people.get(id))?.displayName ?? 'Unknown person');
        }
        return {
          items: gaps.map((q) => ({
            id: q.id,
            text: q.text,
            askedBy: names.get(q.askerId),
            askedAt: q.createdAt,
            status: q.status,
            feedback: q.feedback,
            answer: q.answer,
            answeredBy: q.answeredById ? names.get(q.answeredById) : undefined,
            pointer: pointerSummary(pointers.get(q.id)),
          })),
        };
      },
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

const pointerSummary = (pointer: Rec<'policyPointers'> | undefined) =>
  pointer && { sectionId: pointer.sectionId, passage: pointer.passage, pointedAt: pointer.pointedAt };
