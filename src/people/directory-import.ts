import type { Principal } from '../auth/principal.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { mappingProblems, suggestMapping, type ColumnMapping } from '../domain/imports/columns.ts';
import { planDirectorySync, type DirectoryPlan, type PersonChange } from '../domain/people/directory-sync.ts';
import { checkStaffRows, STAFF_FIELDS, type StaffField } from '../domain/people/staff-import.ts';
import type { RoleAssignment } from '../domain/roles.ts';
import { readImportCsv, refuseBadMapping, refuseUnconfirmedBadRows } from '../imports/checks.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { schoolsInScope } from '../training/training-records.ts';

export interface StaffImportInput {
  /** The school the list is for, when the file has no school column. */
  schoolId?: string;
  csv: string;
  mapping?: ColumnMapping<StaffField>;
  /** The file lists everyone at its schools: anyone missing has left. */
  fullList: boolean;
}

const PREVIEW_ROWS = 25;

async function check(services: Services, principal: Principal, input: StaffImportInput) {
  const { store } = services;
  const scope = schoolsInScope(principal, input.schoolId);
  const schools = (await Promise.all(scope.map((id) => store.schools.get(id)))).filter((s) => s !== undefined);
  const { headers, rows } = readImportCsv(input.csv);
  const mapping = input.mapping ?? suggestMapping(STAFF_FIELDS, headers);
  const problems = mappingProblems(STAFF_FIELDS, mapping, headers.length);
  const schoolByName = new Map<string, string>();
  for (const s of schools) {
    schoolByName.set(s.name.toLowerCase(), s.id);
    schoolByName.set(s.id.toLowerCase(), s.id);
  }
  const checked =
    problems.length > 0
      ? { good: [], bad: [], duplicates: 0 }
      : checkStaffRows(rows, mapping, {
          schoolByName,
          defaultSchoolId: input.schoolId ?? (scope.length === 1 ? scope[0] : undefined),
          today: londonDate(services.now()),
        });
  const known = await store.people.listAll({ where: { schoolId: scope } });
  // Someone at a school this importer does not manage is not theirs to create again or move.
  const knownEmails = new Set(known.map((p) => p.upn.toLowerCase()));
  for (const entry of [...checked.good]) {
    if (knownEmails.has(entry.email)) continue;
    const elsewhere = (await store.people.list({ where: { upn: entry.email }, limit: 1 })).items[0];
    if (elsewhere) {
      checked.good.splice(checked.good.indexOf(entry), 1);
      checked.bad.push({ row: entry.row, problems: [`${entry.email} already works at a school you do not manage`] });
    }
  }
  checked.bad.sort((a, b) => a.row - b.row);
  const fileSchools = [...new Set(checked.good.map((g) => g.schoolId))];
  const plan = planDirectorySync(known, checked.good, {
    fullListFor: input.fullList ? fileSchools : undefined,
    protectedIds: new Set([principal.person.id]),
  });
  return { headers, mapping, problems, rowCount: rows.length, checked, plan, known, schools };
}

function planNotes(plan: DirectoryPlan, known: readonly Rec<'people'>[]): string[] {
  const name = (id: string) => known.find((p) => p.id === id)?.displayName ?? id;
  const notes = [
    `${plan.joiners.length} will join, ${plan.changed.length} will be updated, ${plan.unchanged} are unchanged.`,
  ];
  if (plan.leavers.length > 0) {
    const names = plan.leavers.slice(0, 10).map((l) => name(l.personId));
    const more = plan.leavers.length > 10 ? ` and ${plan.leavers.length - 10} more` : '';
    notes.push(
      `${plan.leavers.length} not in the file will be marked as having left: ${names.join(', ')}${more}. Their records are kept.`,
    );
  }
  return notes;
}

export async function previewStaffImport(services: Services, principal: Principal, input: StaffImportInput) {
  const { headers, mapping, problems, rowCount, checked, plan, known, schools } = await check(
    services,
    principal,
    input,
  );
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const knownEmails = new Set(known.map((p) => p.upn.toLowerCase()));
  return {
    headers,
    mapping,
    mappingProblems: problems,
    rowCount,
    goodCount: checked.good.length,
    duplicates: checked.duplicates,
    sample: checked.good.slice(0, PREVIEW_ROWS).map((g) => ({
      row: g.row,
      name: `${g.givenName} ${g.surname}`,
      email: g.email,
      school: schoolName.get(g.schoolId) ?? g.schoolId,
      department: g.department,
      action: knownEmails.has(g.email) ? 'update' : 'join',
    })),
    bad: checked.bad,
    notes: problems.length ? [] : planNotes(plan, known),
  };
}

/** When someone moves school, their roles at the old one end; they are staff at the new one. */
function movedRoles(person: Rec<'people'>, change: PersonChange): RoleAssignment[] | undefined {
  const to = change.changes.schoolId;
  if (!to || to === person.schoolId) return undefined;
  const kept = person.roles.filter((r) => r.schoolId !== person.schoolId && r.schoolId !== to);
  const staffThere: RoleAssignment = { role: 'Staff', schoolId: to };
  return [...kept, ...person.roles.filter((r) => r.schoolId === to), staffThere].filter(
    (r, i, all) => all.findIndex((o) => o.role === r.role && o.schoolId === r.schoolId) === i,
  );
}

/** Applies the staff list in one commit: joiners, changes and leavers together, or nothing. */
export async function runStaffImport(
  services: Services,
  principal: Principal,
  input: StaffImportInput & { acceptBadRows: boolean },
) {
  const { problems, checked, plan, known, schools } = await check(services, principal, input);
  refuseBadMapping(problems);
  refuseUnconfirmedBadRows(checked.bad, input.acceptBadRows);
  const today = londonDate(services.now());
  const at = services.now().toISOString();
  const trustOf = new Map(schools.map((s) => [s.id, s.trustId]));
  const byId = new Map(known.map((p) => [p.id, p]));
  await services.store.commit((uow) => {
    for (const entry of plan.joiners) {
      uow.create('people', {
        trustId: trustOf.get(entry.schoolId)!,
        schoolId: entry.schoolId,
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
      });
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
      at,
      actorId: principal.person.id,
      action: 'directory.imported',
      targetKind: 'people',
      targetId: 'staff-import',
      detail: {
        joined: plan.joiners.length,
        updated: plan.changed.length,
        left: plan.leavers.map((l) => l.personId),
        skippedBadRows: checked.bad.map((b) => b.row),
      },
    });
  });
  return {
    joined: plan.joiners.length,
    updated: plan.changed.length,
    left: plan.leavers.length,
    unchanged: plan.unchanged,
    skippedBadRows: checked.bad.map((b) => b.row),
  };
}
