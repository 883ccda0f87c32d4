import type { Principal } from '../auth/principal.ts';
import type { Language } from '../domain/strings.ts';
import { monitoringSettingsFor } from '../domain/accounts/monitoring-duty.ts';
import { approvalSettingsFor } from '../domain/applications/follow-up.ts';
import { escalationFor } from '../domain/incidents/escalation.ts';
import { hasRole, ROLE_LABELS, type Role } from '../domain/roles.ts';
import { NotAllowed, NotFound, RuleBroken } from '../errors.ts';
import { queueMessage } from '../notifications/outbox.ts';
import { REACH_TOPIC } from '../notifications/reach.ts';
import { sltChannelId } from '../notifications/slt-destinations.ts';
import type { Services } from '../services.ts';
import type { Data, Rec } from '../store/kinds.ts';
import type { AnswerCertainty } from '../domain/records.ts';
import { statusSettingsFor } from '../training/picture.ts';

/** Each setting as the school's leaders see and send it, defaults filled in. */
export interface SchoolSettingValues {
  approvals: ReturnType<typeof approvalSettingsFor>;
  training: ReturnType<typeof statusSettingsFor>;
  monitoring: ReturnType<typeof monitoringSettingsFor> & { closures: string[] };
  escalation: ReturnType<typeof escalationFor>;
  'slt-team': { teamId: string | null };
  language: { language: Language };
  'policy-answers': { certainty: AnswerCertainty };
  /** Who reads a concern about an adult: the headteacher, and the chair of governors for one about the head. */
  'concern-readers': { headteacherId: string | null; chairOfGovernorsId: string | null };
}
export type SchoolSetting = keyof SchoolSettingValues;

interface Setting<V> {
  /** Who may see and change it: SLT always; HR runs training; administrators run the accounts day to day. */
  owners: readonly Role[];
  /** What it is now, defaults filled in. */
  of(school: Rec<'schools'>): V;
  /** The school record's change for a new value. */
  patch(value: V, school: Rec<'schools'>): Partial<Data<'schools'>>;
  /** Refuses a value that names something it may not (each named person must be on the school's staff). */
  check?(value: V, services: Pick<Services, 'store'>, school: Rec<'schools'>): Promise<void>;
}

/** The people a setting names must be active staff of the school it is for. */
async function onStaff(
  services: Pick<Services, 'store'>,
  school: Rec<'schools'>,
  named: Record<string, string | null>,
) {
  for (const [field, personId] of Object.entries(named)) {
    if (!personId) continue;
    const person = await services.store.people.get(personId);
    if (!person?.active || person.schoolId !== school.id) {
      throw new RuleBroken('invalid_setting', 'Choose someone on this school’s staff', [
        { field, problem: 'Choose someone on this school’s staff' },
      ]);
    }
  }
}

const SETTINGS: { [S in SchoolSetting]: Setting<SchoolSettingValues[S]> } = {
  approvals: { owners: ['SLT'], of: approvalSettingsFor, patch: (approvals) => ({ approvals }) },
  training: { owners: ['SLT', 'HR'], of: statusSettingsFor, patch: (training) => ({ training }) },
  monitoring: {
    owners: ['SLT', 'Admin'],
    of: (school) => ({ ...monitoringSettingsFor(school), closures: school.closures ?? [] }),
    patch: ({ closures, ...monitoring }) => ({ monitoring, closures: [...new Set(closures)].sort() }),
  },
  escalation: { owners: ['SLT'], of: escalationFor, patch: (escalation) => ({ escalation }) },
  // The Teams team whose General channel is SLT's: the app installs itself there (Graph).
  'slt-team': {
    owners: ['SLT'],
    of: (school) => ({ teamId: school.teamId ?? null }),
    patch: ({ teamId }) => ({ teamId: teamId || undefined }),
  },
  language: {
    owners: ['SLT'],
    of: (school) => ({ language: school.language ?? 'en-GB' }),
    patch: ({ language }) => ({ language }),
  },
  'policy-answers': {
    owners: ['SLT'],
    of: (school) => ({ certainty: school.answerCertainty ?? 'fairly-sure' }),
    patch: ({ certainty }) => ({ answerCertainty: certainty }),
  },
  'concern-readers': {
    owners: ['SLT'],
    of: (school) => ({
      headteacherId: school.routing?.headteacherId ?? null,
      chairOfGovernorsId: school.routing?.chairOfGovernorsId ?? null,
    }),
    patch: ({ headteacherId, chairOfGovernorsId }, school) => ({
      routing: {
        ...school.routing,
        headteacherId: headteacherId ?? undefined,
        chairOfGovernorsId: chairOfGovernorsId ?? undefined,
      },
    }),
    check: (value, services, school) => onStaff(services, school, value),
  },
};

async function ownedSchool(
  services: Pick<Services, 'store'>,
  principal: Principal,
  id: string,
  setting: SchoolSetting,
) {
  const school = await services.store.schools.get(id);
  if (!school) throw new NotFound('The school');
  const { owners } = SETTINGS[setting];
  if (!owners.some((role) => hasRole(principal.person, role, id))) {
    throw new NotAllowed(
      `Only ${owners.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or ')} can change this setting`,
    );
  }
  return school;
}

export async function schoolSetting<S extends SchoolSetting>(
  services: Services,
  principal: Principal,
  schoolId: string,
  setting: S,
): Promise<SchoolSettingValues[S]> {
  return SETTINGS[setting].of(await ownedSchool(services, principal, schoolId, setting));
}

/**
 * Changes one of a school's settings with its audit entry, which records what it was and what it
 * became; answers with the setting as now stored.
 */
export async function changeSchoolSetting<S extends SchoolSetting>(
  services: Services,
  principal: Principal,
  schoolId: string,
  setting: S,
  value: SchoolSettingValues[S],
): Promise<SchoolSettingValues[S]> {
  const { store } = services;
  const rule: Setting<SchoolSettingValues[S]> = SETTINGS[setting];
  const school = await ownedSchool(services, principal, schoolId, setting);
  await rule.check?.(value, services, school);
  const patch = rule.patch(value, school);
  const changed = { ...school, ...patch };
  const at = services.now().toISOString();
  await store.commit((uow) => {
    uow.update('schools', school, patch);
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: `school.${setting}.changed`,
      targetKind: 'schools',
      targetId: school.id,
      schoolId: school.id,
      detail: { from: rule.of(school), to: rule.of(changed) },
    });
    // A new SLT team: set up its channel now, not when the first application arrives.
    if (setting === 'slt-team' && changed.teamId) {
      queueMessage(uow, REACH_TOPIC, { conversationId: sltChannelId(school.id) }, at);
    }
  });
  services.outbox.kick();
  return rule.of(changed);
}
