import { createHash } from 'node:crypto';
import { auditScope } from '../audit/scope.ts';
import { flagLeavers } from '../accounts/handover.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import type { DirectoryPlan, PersonChange } from '../domain/people/directory-sync.ts';
import { uniqueRoles, type RoleAssignment } from '../domain/roles.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';

/**
 * A joiner's record id, from their Entra id (never reused) or else their email: two instances
 * syncing at once, or a sync racing a first contact, then try to create the same record, and the
 * store lets only one through.
 */
export const joinerId = (entry: { email: string; aadObjectId?: string }) =>
  `person-${createHash('sha256')
    .update(entry.aadObjectId ?? entry.email.toLowerCase())
    .digest('hex')
    .slice(0, 20)}`;

/** When someone moves school, their roles at the old one end; they are staff at the new one. */
function movedRoles(person: Rec<'people'>, change: PersonChange): RoleAssignment[] | undefined {
  const to = change.changes.schoolId;
  if (!to || to === person.schoolId) return undefined;
  const kept = person.roles.filter((r) => r.schoolId !== person.schoolId && r.schoolId !== to);
  const staffThere: RoleAssignment = { role: 'Staff', schoolId: to };
  return uniqueRoles([...kept, ...person.roles.filter((r) => r.schoolId === to), staffThere]);
}

/**
 * Writes a directory plan in one commit: joiners (as staff only), changes and leavers (kept,
 * marked as left) together, or nothing, with one audit entry saying what changed and why.
 * Official accounts run by a leaver are flagged for handover straight after.
 */
export async function applyDirectoryPlan(
  services: Services,
  actorId: string,
  plan: DirectoryPlan,
  known: readonly Rec<'people'>[],
  schools: readonly Rec<'schools'>[],
  detail: Record<string, unknown>,
): Promise<void> {
  const today = londonDate(services.now());
  const trustOf = new Map(schools.map((s) => [s.id, s.trustId]));
  const byId = new Map(known.map((p) => [p.id, p]));
  await services.store.commit((uow) => {
    for (const entry of plan.joiners) {
      uow.create(
        'people',
        {
          trustId: trustOf.get(entry.schoolId)!,
          schoolId: entry.schoolId,
          ...(entry.aadObjectId ? { aadObjectId: entry.aadObjectId } : {}),
          upn: entry.email,
          displayName: `${entry.givenName} ${entry.surname}`,
          givenName: entry.givenName,
          surname: entry.surname,
          department: entry.department,
          jobTitle: entry.jobTitle,
          staffType: entry.staffType,
          roles: [{ role: 'Staff', schoolId: entry.schoolId }],
          startedOn: entry.startedOn ?? today,
          active: true,
        },
        joinerId(entry),
      );
    }
    for (const change of plan.changed) {
      const person = byId.get(change.personId)!;
      const names = { ...person, ...change.changes };
      const roles = movedRoles(person, change);
      uow.update('people', person, {
        ...change.changes,
        displayName: `${names.givenName} ${names.surname}`,
        ...(roles ? { roles } : {}),
        ...(change.changes.active ? { leavingOn: undefined } : {}),
      });
    }
    for (const leaver of plan.leavers) {
      uow.update('people', byId.get(leaver.personId)!, { active: false, leavingOn: today });
    }
    uow.append('audit', {
      at: services.now().toISOString(),
      actorId,
      action: 'directory.updated',
      targetKind: 'people',
      targetId: 'directory',
      ...auditScope(
        schools[0]?.trustId ?? '',
        schools.map((s) => s.id),
      ),
      detail: {
        ...detail,
        joined: plan.joiners.length,
        updated: plan.changed.length,
        left: plan.leavers.map((l) => l.personId),
      },
    });
  });
  if (plan.leavers.length) await flagLeavers(services);
}
