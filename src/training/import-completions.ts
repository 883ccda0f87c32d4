import type { Principal } from '../auth/principal.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { mappingProblems, suggestMapping, type ColumnMapping } from '../domain/imports/columns.ts';
import {
  checkRows,
  COMPLETION_FIELDS,
  type ImportCheck,
  type ImportedCompletion,
  type ImportField,
} from '../domain/training/completion-import.ts';
import { readImportCsv, refuseBadMapping, refuseUnconfirmedBadRows } from '../imports/checks.ts';
import type { Services } from '../services.ts';
import { coursesFor } from './picture.ts';
import { schoolsInScope } from '../people/oversight.ts';

const PREVIEW_ROWS = 25;

/** Re-importing the same file records nothing twice: the id is the person, course and date. */
const importedId = (personId: string, courseId: string, completedOn: string) =>
  `training-import-${personId}-${courseId}-${completedOn}`;

export interface ImportInput {
  schoolId?: string;
  csv: string;
  mapping?: ColumnMapping<ImportField>;
}

async function check(services: Services, principal: Principal, input: ImportInput) {
  const { store } = services;
  const { headers, rows: data } = readImportCsv(input.csv);
  const mapping = input.mapping ?? suggestMapping(COMPLETION_FIELDS, headers);
  const problems = mappingProblems(COMPLETION_FIELDS, mapping, headers.length);
  const schoolIds = schoolsInScope(principal, input.schoolId);
  const schools = (await Promise.all(schoolIds.map((id) => store.schools.get(id)))).filter((s) => s !== undefined);
  const [people, courses] = await Promise.all([
    store.people.listAll({ where: { schoolId: schoolIds } }),
    coursesFor(services, schools),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const result: ImportCheck =
    problems.length > 0
      ? { good: [], bad: [], duplicates: 0 }
      : checkRows(data, mapping, {
          personByEmail: new Map(people.map((p) => [p.upn.toLowerCase(), p.id])),
          courseByTitle: new Map(courses.map((c) => [c.title.toLowerCase(), c.id])),
          today: londonDate(services.now()),
          importerId: principal.person.id,
        });
  const courseTitles = new Map(courses.map((c) => [c.id, c.title]));
  return { headers, mapping, problems, rowCount: data.length, result, peopleById, courseTitles };
}

/** The preview step: the columns found, how they map, a sample of good rows and every bad row. */
export async function previewImport(services: Services, principal: Principal, input: ImportInput) {
  const { headers, mapping, problems, rowCount, result, peopleById, courseTitles } = await check(
    services,
    principal,
    input,
  );
  return {
    headers,
    mapping,
    mappingProblems: problems,
    rowCount,
    goodCount: result.good.length,
    duplicates: result.duplicates,
    sample: result.good.slice(0, PREVIEW_ROWS).map((g) => ({
      row: g.row,
      name: peopleById.get(g.personId)?.displayName ?? g.personId,
      course: courseTitles.get(g.courseId) ?? g.courseId,
      completedOn: g.completedOn,
      expiresOn: g.expiresOn,
    })),
    bad: result.bad,
  };
}

/**
 * Writes the good rows in one commit. With any bad row, nothing is written unless the importer
 * confirmed they want the good rows alone (`acceptBadRows`).
 */
export async function runImport(
  services: Services,
  principal: Principal,
  input: ImportInput & { mapping: ColumnMapping<ImportField>; acceptBadRows: boolean },
) {
  const { store } = services;
  const { problems, result, peopleById } = await check(services, principal, input);
  refuseBadMapping(problems);
  refuseUnconfirmedBadRows(result.bad, input.acceptBadRows);
  const fresh: ImportedCompletion[] = [];
  for (const g of result.good) {
    if (!(await store.trainingRecords.get(importedId(g.personId, g.courseId, g.completedOn)))) fresh.push(g);
  }
  const at = services.now().toISOString();
  await store.commit((uow) => {
    for (const g of fresh) {
      uow.create(
        'trainingRecords',
        {
          personId: g.personId,
          courseId: g.courseId,
          schoolId: peopleById.get(g.personId)!.schoolId,
          completedOn: g.completedOn,
          ...(g.expiresOn ? { expiresOn: g.expiresOn } : {}),
          source: 'import',
          verified: true,
          recordedById: principal.person.id,
          retentionCategory: 'training',
        },
        importedId(g.personId, g.courseId, g.completedOn),
      );
    }
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: 'training.imported',
      targetKind: 'trainingRecords',
      targetId: 'import',
      ...(input.schoolId ? { schoolId: input.schoolId } : { trustId: principal.person.trustId }),
      detail: {
        imported: fresh.length,
        alreadyRecorded: result.good.length - fresh.length,
        skippedBadRows: result.bad.length,
      },
    });
  });
  return {
    imported: fresh.length,
    alreadyRecorded: result.good.length - fresh.length,
    skippedBadRows: result.bad.map((b) => b.row),
  };
}
