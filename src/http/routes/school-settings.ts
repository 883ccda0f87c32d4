import type { Server } from 'restify';
import { z } from 'zod';
import { approvalSettingsFor } from '../../domain/applications/follow-up.ts';
import { escalationFor } from '../../domain/incidents/escalation.ts';
import type { Data, Rec } from '../../store/kinds.ts';
import { hasRole, ROLE_LABELS, type Role } from '../../domain/roles.ts';
import { statusSettingsFor } from '../../training/picture.ts';
import { monitoringSettingsFor } from '../../domain/accounts/monitoring-duty.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';
import { NotAllowed, NotFound } from '../../errors.ts';
import { queueMessage } from '../../notifications/outbox.ts';
import { REACH_TOPIC } from '../../notifications/reach.ts';
import { sltChannelId } from '../../notifications/slt-destinations.ts';

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

const approvalsBody = z
  .object({
    approvalsNeeded: z.number().int().min(1).max(5),
    trainingGate: z.enum(['block', 'warn-and-record']),
    remindAfterWorkingDays: z.number().int().min(1).max(30),
    expireAfterWorkingDays: z.number().int().min(2).max(120),
  })
  .strict()
  .refine((a) => a.expireAfterWorkingDays > a.remindAfterWorkingDays, {
    message: 'SLT is reminded before an application expires, so expireAfterWorkingDays must be larger',
    path: ['expireAfterWorkingDays'],
  });

const monitoringBody = z
  .object({
    reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Give a time such as 16:00' }),
    escalateUncheckedAfterDays: z.number().int().min(1).max(30),
    closures: z.array(z.iso.date({ message: 'Give each closure day as a date' })).max(400),
  })
  .strict();

const trainingBody = z
  .object({
    dueSoonDays: z.number().int().min(1).max(180),
    graceDays: z.number().int().min(0).max(365),
  })
  .strict();

/**
 * A school's settings that senior leaders own: chasing intervals for unread reports, how account
 * applications are decided (approvals needed, training gate, reminders and expiry), training
 * notice periods, and official account monitoring (reminder time, escalation, closure days).
 */
export function registerSchoolSettingsRoutes(server: Server, services: Services): void {
  const { store } = services;
  const params = z.object({ id: z.string().min(1).max(128) });

  const schoolLedBy = async (principal: Principal, id: string, roles: readonly Role[] = ['SLT']) => {
    const school = await store.schools.get(id);
    if (!school) throw new NotFound('The school');
    if (!roles.some((role) => hasRole(principal.person, role, id))) {
      throw new NotAllowed(
        `Only ${roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or ')} can change this setting`,
      );
    }
    return school;
  };

  /** Each setting is changed with its audit entry, which records what it was and what it became. */
  const change = async (
    principal: Principal,
    id: string,
    what: 'escalation' | 'approvals' | 'training' | 'monitoring' | 'slt-team',
    describe: (school: Rec<'schools'>) => object,
    patch: Partial<Data<'schools'>>,
    roles: readonly Role[] = ['SLT'],
  ) => {
    const school = await schoolLedBy(principal, id, roles);
    const at = services.now().toISOString();
    await store.commit((uow) => {
      uow.update('schools', school, patch);
      uow.append('audit', {
        at,
        actorId: principal.person.id,
        action: `school.${what}.changed`,
        targetKind: 'schools',
        targetId: school.id,
        schoolId: school.id,
        detail: { from: describe(school), to: describe({ ...school, ...patch }) },
      });
    });
  };

  server.get(
    '/api/v1/schools/:id/approvals',
    endpoint(services, { params }, async ({ principal, params }) =>
      approvalSettingsFor(await schoolLedBy(principal, params.id)),
    ),
  );

  server.put(
    '/api/v1/schools/:id/approvals',
    endpoint(services, { params, body: approvalsBody }, async ({ principal, params, body }) => {
      await change(principal, params.id, 'approvals', approvalSettingsFor, { approvals: body });
      return body;
    }),
  );

  // HR runs training, so HR may tune when it counts as due soon and how long new starters have.
  const trainingOwners: Role[] = ['SLT', 'HR'];
  server.get(
    '/api/v1/schools/:id/training',
    endpoint(services, { params }, async ({ principal, params }) =>
      statusSettingsFor(await schoolLedBy(principal, params.id, trainingOwners)),
    ),
  );

  server.put(
    '/api/v1/schools/:id/training',
    endpoint(services, { params, body: trainingBody }, async ({ principal, params, body }) => {
      await change(principal, params.id, 'training', statusSettingsFor, { training: body }, trainingOwners);
      return body;
    }),
  );

  // Administrators run the accounts day to day, so they may set when moderators are reminded.
  const monitoringOwners: Role[] = ['SLT', 'Admin'];
  const monitoringOf = (school: Rec<'schools'>) => ({
    ...monitoringSettingsFor(school),
    closures: school.closures ?? [],
  });
  server.get(
    '/api/v1/schools/:id/monitoring',
    endpoint(services, { params }, async ({ principal, params }) =>
      monitoringOf(await schoolLedBy(principal, params.id, monitoringOwners)),
    ),
  );

  server.put(
    '/api/v1/schools/:id/monitoring',
    endpoint(services, { params, body: monitoringBody }, async ({ principal, params, body }) => {
      const { closures, ...monitoring } = body;
      const days = [...new Set(closures)].sort();
      await change(principal, params.id, 'monitoring', monitoringOf, { monitoring, closures: days }, monitoringOwners);
      return { ...monitoring, closures: days };
    }),
  );

  server.get(
    '/api/v1/schools/:id/escalation',
    endpoint(services, { params }, async ({ principal, params }) =>
      escalationFor(await schoolLedBy(principal, params.id)),
    ),
  );

  server.put(
    '/api/v1/schools/:id/escalation',
    endpoint(services, { params, body: escalationBody }, async ({ principal, params, body }) => {
      await change(principal, params.id, 'escalation', escalationFor, { escalation: body });
      return body;
    }),
  );

  // The Teams team whose General channel is SLT's: the app installs itself there (Graph).
  const sltTeamOf = (school: Rec<'schools'>) => ({ teamId: school.teamId ?? null });
  server.get(
    '/api/v1/schools/:id/slt-team',
    endpoint(services, { params }, async ({ principal, params }) => sltTeamOf(await schoolLedBy(principal, params.id))),
  );

  server.put(
    '/api/v1/schools/:id/slt-team',
    endpoint(
      services,
      {
        params,
        body: z
          .object({
            // Empty or null: no team (SLT cards go to each leader's chat, or a channel set up by hand).
            teamId: z.union([
              z.guid({ message: 'Give the team’s id: in Teams, Get link to team, then the groupId in it' }),
              z.literal(''),
              z.null(),
            ]),
          })
          .strict(),
      },
      async ({ principal, params, body }) => {
        const teamId = body.teamId || undefined;
        await change(principal, params.id, 'slt-team', sltTeamOf, { teamId });
        if (teamId) {
          // Set up the channel now, not when the first application arrives.
          await store.commit((uow) =>
            queueMessage(uow, REACH_TOPIC, { conversationId: sltChannelId(params.id) }, services.now().toISOString()),
          );
          services.outbox.kick();
        }
        return { teamId: teamId ?? null };
      },
    ),
  );
}
