import type { Principal } from '../auth/principal.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import {
  checkRows,
  mappingProblems,
  suggestMapping,
  type ColumnMapping,
  type ImportCheck,
  type ImportedCompletion,
} from '../domain/training/completion-import.ts';
import { CsvError, parseCsv } from '../export/spreadsheet.ts';
import { ApiError } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { coursesFor } from './picture.ts';
import { schoolsInScope } from './training-records.ts';

export const MAX_IMPORT_ROWS = 10_000;
const PREVIEW_ROWS = 25;

/** Re-importing the same file records nothing twice: the id is the person, course and date. */
const importedId = (personId: string, courseId: string, completedOn: string) =>
  `training-import-${personId}-${courseId}-${completedOn}`;

export interface ImportInput {
  schoolId?: string;
  csv: string;
  mapping?: ColumnMapping;
}

async function check(services: Services, principal: Principal, input: ImportInput) {
  const { store } = services;
  let rows: string[][];
  try {
    rows = parseCsv(input.csv, MAX_IMPORT_ROWS);
  } catch (err) {
    if (err instanceof CsvError) throw new ApiError(400, 'invalid_csv', err.message);
    throw err;
  }
  const [headers = [], ...data] = rows;
  const mapping = input.mapping ?? suggestMapping(headers);
  const problems = mappingProblems(mapping, headers.length);
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
  input: ImportInput & { mapping: ColumnMapping; acceptBadRows: boolean },
) {
  const { store } = services;
  const { problems, result, peopleById } = await check(services, principal, input);
  if (problems.length > 0) throw new ApiError(400, 'invalid_mapping', problems[0]!, problems);
  if (result.bad.length > 0 && !input.acceptBadRows) {
    throw new ApiError(
      422,
      'rows_have_errors',
      `${result.bad.length} row${result.bad.length === 1 ? ' has' : 's have'} problems, so nothing was imported. Fix them, or confirm importing only the good rows.`,
      result.bad,
    );
  }
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
      ...(input.schoolId ? { schoolId: input.schoolId } : {}),
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
