import type { Server } from 'restify';
import { LANGUAGES } from '../../domain/strings.ts';
import { z } from 'zod';
import {
  ANSWER_CERTAINTIES,
  approvalSettingsSchema,
  closuresSchema,
  escalationSettingsSchema,
  monitoringSettingsSchema,
  trainingSettingsSchema,
} from '../../domain/records.ts';
import {
  changeSchoolSetting,
  schoolSetting,
  type SchoolSetting,
  type SchoolSettingValues,
} from '../../schools/settings.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';

/** A person's id, or nobody (empty or null). */
const personOrNone = z.union([z.string().min(1).max(128), z.literal(''), z.null()]).transform((id) => id || null);

/** Each setting is sent whole, in the record's own shape, with the rules that tie its fields together. */
const BODIES: { [S in SchoolSetting]: z.ZodType<SchoolSettingValues[S]> } = {
  approvals: approvalSettingsSchema.strict().refine((a) => a.expireAfterWorkingDays > a.remindAfterWorkingDays, {
    message: 'SLT is reminded before an application closes, so make this more than the days before the reminder',
    path: ['expireAfterWorkingDays'],
  }),
  training: trainingSettingsSchema.strict(),
  monitoring: monitoringSettingsSchema.extend({ closures: closuresSchema }).strict(),
  escalation: escalationSettingsSchema
    .strict()
    .refine((e) => e.headteacherAfterMinutes > e.deputiesAfterMinutes, {
      message: 'The headteacher is chased after the deputies, so make this more than the deputies’ wait',
      path: ['headteacherAfterMinutes'],
    })
    .refine((e) => e.urgentHeadteacherAfterMinutes > e.urgentDeputiesAfterMinutes, {
      message:
        'For urgent reports too, the headteacher is chased after the deputies: make this more than the deputies’ wait',
      path: ['urgentHeadteacherAfterMinutes'],
    }),
  language: z.object({ language: z.enum(LANGUAGES) }).strict(),
  'policy-answers': z.object({ certainty: z.enum(ANSWER_CERTAINTIES) }).strict(),
  'concern-readers': z
    .object({
      headteacherId: personOrNone,
      chairOfGovernorsId: personOrNone,
    })
    .strict()
    .refine((r) => !r.headteacherId || r.headteacherId !== r.chairOfGovernorsId, {
      message: 'The chair reads concerns about the headteacher, so choose someone other than the headteacher',
      path: ['chairOfGovernorsId'],
    }),
  'slt-team': z
    .object({
      // Empty or null: no team (SLT cards go to each leader's chat, or a channel set up by hand).
      teamId: z
        .union([
          z.guid({ message: 'Give the team’s id: in Teams, Get link to team, then the groupId in it' }),
          z.literal(''),
          z.null(),
        ])
        .transform((teamId) => teamId || null),
    })
    .strict(),
};

/**
 * A school's settings that its leaders own: chasing intervals for unread reports, how account
 * applications are decided, training notice periods, account monitoring, and SLT's Teams team.
 */
export function registerSchoolSettingsRoutes(server: Server, services: Services): void {
  const params = z.object({ id: z.string().min(1).max(128) });
  const register = <S extends SchoolSetting>(setting: S) => {
    const path = `/api/v1/schools/:id/${setting}`;
    server.get(
      path,
      endpoint(services, { params }, async ({ principal, params }) =>
        schoolSetting(services, principal, params.id, setting),
      ),
    );
    server.put(
      path,
      endpoint(services, { params, body: BODIES[setting] }, async ({ principal, params, body }) =>
        changeSchoolSetting(services, principal, params.id, setting, body),
      ),
    );
  };
  for (const setting of Object.keys(BODIES) as SchoolSetting[]) register(setting);
}
