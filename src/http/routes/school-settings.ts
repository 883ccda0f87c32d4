import type { Server } from 'restify';
import { z } from 'zod';
import { escalationFor } from '../../domain/incidents/escalation.ts';
import { hasRole } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';
import { forbidden, notFound } from '../errors.ts';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);
const escalationBody = z
  .object({
    deputiesAfterMinutes: minutes,
    headteacherAfterMinutes: minutes,
    urgentDeputiesAfterMinutes: minutes,
    urgentHeadteacherAfterMinutes: minutes,
  })
  .strict()
  .refine((e) => e.headteacherAfterMinutes > e.deputiesAfterMinutes, {
    message: 'The headteacher is chased after the deputies, so headteacherAfterMinutes must be larger',
    path: ['headteacherAfterMinutes'],
  })
  .refine((e) => e.urgentHeadteacherAfterMinutes > e.urgentDeputiesAfterMinutes, {
    message: 'urgentHeadteacherAfterMinutes must be larger than urgentDeputiesAfterMinutes',
    path: ['urgentHeadteacherAfterMinutes'],
  });

/** A school's chasing intervals for unread reports: read and set by its senior leaders. */
export function registerSchoolSettingsRoutes(server: Server, services: Services): void {
  const { store } = services;
  const params = z.object({ id: z.string().min(1).max(128) });

  const schoolLedBy = async (principal: { person: Parameters<typeof hasRole>[0] }, id: string) => {
    const school = await store.schools.get(id);
    if (!school) throw notFound('The school');
    if (!hasRole(principal.person, 'SLT', id)) throw forbidden('Only senior leaders can change chasing intervals');
    return school;
  };

  server.get(
    '/api/v1/schools/:id/escalation',
    endpoint(services, { params }, async ({ principal, params }) =>
      escalationFor(await schoolLedBy(principal, params.id)),
    ),
  );

  server.put(
    '/api/v1/schools/:id/escalation',
    endpoint(services, { params, body: escalationBody }, async ({ principal, params, body }) => {
      const school = await schoolLedBy(principal, params.id);
      const at = services.now().toISOString();
      await store.commit((uow) => {
        uow.update('schools', school, { escalation: body });
        uow.append('audit', {
          at,
          actorId: principal.person.id,
          action: 'school.escalation.changed',
          targetKind: 'schools',
          targetId: school.id,
          schoolId: school.id,
          detail: { from: escalationFor(school), to: body },
        });
      });
      return body;
    }),
  );
}
