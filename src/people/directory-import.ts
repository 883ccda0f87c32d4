import type { Principal } from '../auth/principal.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { mappingProblems, suggestMapping, type ColumnMapping } from '../domain/imports/columns.ts';
import { planDirectorySync, type DirectoryPlan } from '../domain/people/directory-sync.ts';
import { applyDirectoryPlan } from './apply-directory-plan.ts';
import { checkStaffRows, STAFF_FIELDS, type StaffField } from '../domain/people/staff-import.ts';
import { readImportCsv, refuseBadMapping, refuseUnconfirmedBadRows } from '../imports/checks.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { schoolsInScope } from './oversight.ts';

export interface StaffImportInput {
  /** The school the list is for, when the file has no school column. */
  schoolId?: string;
  csv: string;
  mapping?: ColumnMapping<StaffField>;
  /** The file lists everyone at its schools: anyone missing has left. */
  fullList: boolean;
}

const PREVIEW_ROWS = 25;

async function check(services: Pick<Services, 'now' | 'store'>, principal: Principal, input: StaffImportInput) {
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

/** Applies the staff list in one commit: joiners, changes and leavers together, or nothing. */
export async function runStaffImport(
  services: Services,
  principal: Principal,
  input: StaffImportInput & { acceptBadRows: boolean },
) {
  const { problems, checked, plan, known, schools } = await check(services, principal, input);
  refuseBadMapping(problems);
  refuseUnconfirmedBadRows(checked.bad, input.acceptBadRows);
  await applyDirectoryPlan(services, principal.person.id, plan, known, schools, {
    source: 'csv',
    skippedBadRows: checked.bad.map((b) => b.row),
  });
  return {
    joined: plan.joiners.length,
    updated: plan.changed.length,
    left: plan.leavers.length,
    unchanged: plan.unchanged,
    skippedBadRows: checked.bad.map((b) => b.row),
  };
}
