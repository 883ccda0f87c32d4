import { hasRole, type HasRoles, type Role } from '../roles.ts';
import type { Audience } from './catalogue.ts';

/**
 * Who is alerted for each duty, per school. This is data: a school sets it in its own record,
 * and these defaults apply where it has not.
 */
export interface SchoolRouting {
  /** Roles alerted for safeguarding reports (the DSL and deputies hold the DSL role). */
  safeguardingRoles: Role[];
  /** Roles alerted for reputation-only reports, such as a parent's post. */
  reputationRoles: Role[];
  /** Roles alerted when an account may be compromised. */
  accountSecurityRoles: Role[];
  /** Concerns about an adult go to the headteacher, or to the chair if they concern the head. */
  headteacherId?: string;
  chairOfGovernorsId?: string;
}

/** Who is not named to read concerns about adults; such concerns go to the safeguarding leads instead. */
export function unnamedConcernReaders(
  routing: Pick<SchoolRouting, 'headteacherId' | 'chairOfGovernorsId'> | undefined,
): ('headteacher' | 'chair of governors')[] {
  return [
    ...(routing?.headteacherId ? [] : (['headteacher'] as const)),
    ...(routing?.chairOfGovernorsId ? [] : (['chair of governors'] as const)),
  ];
}

export const DEFAULT_ROUTING: SchoolRouting = {
  safeguardingRoles: ['DSL'],
  reputationRoles: ['SLT'],
  accountSecurityRoles: ['Admin', 'DSL'],
};

export interface Colleague extends HasRoles {
  id: string;
  active: boolean;
}

export interface RoutingInput {
  audience: Audience;
  schoolId: string;
  /** The adult a conduct concern is about: never alerted, whatever their roles. */
  subjectPersonId?: string;
}

/** A school's own routing settings over the defaults. */
export function routingFor(school: { routing?: Partial<SchoolRouting> } | undefined): SchoolRouting {
  const own = school?.routing ?? {};
  return {
    safeguardingRoles: own.safeguardingRoles ?? DEFAULT_ROUTING.safeguardingRoles,
    reputationRoles: own.reputationRoles ?? DEFAULT_ROUTING.reputationRoles,
    accountSecurityRoles: own.accountSecurityRoles ?? DEFAULT_ROUTING.accountSecurityRoles,
    headteacherId: own.headteacherId,
    chairOfGovernorsId: own.chairOfGovernorsId,
  };
}

export type RoutingResult = { ok: true; recipientIds: string[] } | { ok: false; problem: string };

export function recipientsFor(
  input: RoutingInput,
  colleagues: readonly Colleague[],
  routing: SchoolRouting,
): RoutingResult {
  const active = colleagues.filter((c) => c.active && c.id !== input.subjectPersonId);
  const withRoles = (roles: Role[]) =>
    active.filter((c) => roles.some((role) => hasRole(c, role, input.schoolId))).map((c) => c.id);

  let ids: string[];
  switch (input.audience) {
    case 'safeguarding':
      ids = withRoles(routing.safeguardingRoles);
      break;
    case 'reputation':
      ids = withRoles(routing.reputationRoles);
      break;
    case 'account-security':
      ids = withRoles(routing.accountSecurityRoles);
      break;
    case 'adult-conduct': {
      const aboutHead = input.subjectPersonId !== undefined && input.subjectPersonId === routing.headteacherId;
      const target = aboutHead ? routing.chairOfGovernorsId : routing.headteacherId;
      ids = active.some((c) => c.id === target) ? [target!] : [];
      if (ids.length === 0) {
        return {
          ok: false,
          problem: aboutHead
            ? 'No chair of governors is set for this school, so a concern about the headteacher cannot be routed'
            : 'No headteacher is set for this school, so a concern about an adult cannot be routed',
        };
      }
      break;
    }
  }
  if (ids.length === 0)
    return { ok: false, problem: `Nobody at this school holds a role that receives ${input.audience} reports` };
  return { ok: true, recipientIds: [...new Set(ids)] };
}

export interface ChaseInput extends RoutingInput {
  /** 'first' is the "still unread" alert; 'second' goes further up. */
  step: 'first' | 'second';
}

/**
 * Who is chased about a report nobody has opened. Chasing follows the report's own routing and
 * only ever reaches people who may open the case, never its subject:
 * - first, the report's own recipients again (the DSLs; or the head, or the chair where the
 *   concern is about the head);
 * - then, for a concern about an adult, everyone who may read it (the head and the chair);
 *   for anything else, the headteacher, or the first recipients again when the head cannot
 *   open it, so a chase is never a message to nobody.
 */
export function chaseRecipientsFor(
  input: ChaseInput,
  colleagues: readonly Colleague[],
  routing: SchoolRouting,
  mayOpen: (personId: string) => boolean,
): RoutingResult {
  const first = recipientsFor(input, colleagues, routing);
  const readable = (ids: readonly (string | undefined)[]) => [
    ...new Set(
      ids.filter(
        (id): id is string =>
          id !== undefined &&
          id !== input.subjectPersonId &&
          colleagues.some((c) => c.id === id && c.active) &&
          mayOpen(id),
      ),
    ),
  ];
  const firstIds = readable(first.ok ? first.recipientIds : []);
  let ids = firstIds;
  if (input.step === 'second') {
    const further =
      input.audience === 'adult-conduct'
        ? readable([routing.headteacherId, routing.chairOfGovernorsId])
        : readable([routing.headteacherId]);
    ids = further.length ? further : firstIds;
  }
  if (ids.length) return { ok: true, recipientIds: ids };
  return { ok: false, problem: first.ok ? 'Nobody who may open this case can be chased' : first.problem };
}

/** Whom a report's alert went to, as the routing applied it: by role, or one named office. */
export type AlertedGroup = { roles: Role[] } | { office: 'headteacher' | 'chair of governors' };

/** The group a routed report reached, for telling the reporter who really was told. */
export function alertedGroup(
  audience: Audience,
  routing: SchoolRouting,
  subjectPersonId: string | undefined,
): AlertedGroup {
  switch (audience) {
    case 'safeguarding':
      return { roles: routing.safeguardingRoles };
    case 'reputation':
      return { roles: routing.reputationRoles };
    case 'account-security':
      return { roles: routing.accountSecurityRoles };
    case 'adult-conduct':
      return {
        office:
          subjectPersonId !== undefined && subjectPersonId === routing.headteacherId
            ? 'chair of governors'
            : 'headteacher',
      };
  }
}

const ROLE_NAMES: Record<Role, [one: string, many: string]> = {
  DSL: ['the designated safeguarding lead', 'the designated safeguarding leads'],
  SLT: ['a senior leader', 'the senior leadership team'],
  Admin: ['the hub’s administrator', 'the hub’s administrators'],
  HR: ['HR', 'HR'],
  Staff: ['a member of staff', 'staff'],
};

/** "the designated safeguarding leads", "the senior leadership team and the hub's administrators", "the headteacher". */
export function alertedWords(group: AlertedGroup, people: number): string {
  if ('office' in group) return `the ${group.office}`;
  // Several roles share the alerts, so each is named as a group.
  const many = people > 1 || group.roles.length > 1;
  const names = group.roles.map((role) => ROLE_NAMES[role][many ? 1 : 0]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'nobody');
}

/** Whether a report's alerts reached the safeguarding leads, so the reporter knows to tell them too if not. */
export const reachesSafeguardingLeads = (group: AlertedGroup): boolean =>
  'roles' in group && group.roles.includes('DSL');
