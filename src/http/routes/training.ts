import type { Server } from 'restify';
import { z } from 'zod';
import { IMPORT_FIELDS } from '../../domain/training/completion-import.ts';
import { TRAINING_STATUSES } from '../../domain/training/status.ts';
import { ROLES } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import { acknowledgePolicy } from '../../training/acknowledgements.ts';
import { createCourse, listCourses, updateCourse } from '../../training/courses.ts';
import { exportDashboard, trainingDashboard } from '../../training/dashboard.ts';
import { previewImport, runImport } from '../../training/import-completions.ts';
import { MAX_IMPORT_ROWS } from '../../imports/checks.ts';
import { MAX_REMINDERS_PER_REQUEST, sendReminders } from '../../training/reminders.ts';
import {
  declareCompletion,
  pendingDeclarations,
  personTraining,
  recordCompletion,
  reviewDeclaration,
} from '../../training/training-records.ts';
import { compressedOnce, download, endpoint } from '../endpoint.ts';

const id = z.string().min(1).max(128);
const date = z.iso.date({ message: 'Use a date in the form yyyy-mm-dd' });
/** `v` is the tab's reload counter: it changes the address so the browser asks again, and means nothing here. */
const schoolQuery = z.object({ schoolId: id.optional() }).strict();
const filters = z
  .object({
    schoolId: id.optional(),
    search: z.string().max(100).optional(),
    department: z.string().max(255).optional(),
    role: z.enum(ROLES).optional(),
    requirementId: id.optional(),
    status: z.enum(TRAINING_STATUSES).optional(),
  })
  .strict();
const mapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(200));
const importBody = z
  .object({
    schoolId: id.optional(),
    // Roughly 200 bytes a row is generous for a completions file.
    csv: z
      .string()
      .min(1, { message: 'Choose a CSV file' })
      .max(MAX_IMPORT_ROWS * 200),
    mapping: mapping.optional(),
  })
  .strict();

const courseBody = z
  .object({
    title: z.string().trim().min(2, { message: 'Give the course a title' }).max(255),
    schoolId: id.optional(),
    refresherMonths: z.number().int().min(1).max(120).optional(),
    requiredForRoles: z.array(z.enum(ROLES)).max(ROLES.length),
    requiredForAccountRunners: z.boolean().default(false),
  })
  .strict();

/** Training and acknowledgement: staff's own, and HR's dashboard, records, imports and reminders. */
export function registerTrainingRoutes(server: Server, services: Services): void {
  server.post(
    '/api/v1/policy/acknowledgements',
    endpoint(services, { body: z.object({ versionId: id }).strict() }, async ({ principal, body }) =>
      acknowledgePolicy(services, principal, body.versionId),
    ),
  );

  server.get(
    '/api/v1/training/mine',
    endpoint(services, {}, async ({ principal }) => personTraining(services, principal.person)),
  );

  server.post(
    '/api/v1/training/declarations',
    endpoint(services, { body: z.object({ courseId: id, completedOn: date }).strict() }, async ({ principal, body }) =>
      declareCompletion(services, principal, body),
    ),
  );

  server.get(
    '/api/v1/training/declarations',
    endpoint(services, { query: schoolQuery }, async ({ principal, query }) => ({
      items: await pendingDeclarations(services, principal, query.schoolId),
    })),
  );

  server.post(
    '/api/v1/training/declarations/:id/review',
    endpoint(
      services,
      {
        params: z.object({ id }),
        body: z
          .object({
            etag: z.string().min(1).max(100),
            outcome: z.enum(['accepted', 'rejected']),
            note: z.string().max(1000).default(''),
          })
          .strict(),
      },
      async ({ principal, params, body }) => reviewDeclaration(services, principal, params.id, body),
    ),
  );

  server.post(
    '/api/v1/training/records',
    endpoint(
      services,
      { body: z.object({ personId: id, courseId: id, completedOn: date, expiresOn: date.optional() }).strict() },
      async ({ principal, body }) => recordCompletion(services, principal, body),
    ),
  );

  server.get(
    '/api/v1/training/dashboard',
    endpoint(services, { query: schoolQuery }, async ({ principal, query }) =>
      compressedOnce(await trainingDashboard(services, principal, query.schoolId)),
    ),
  );

  server.get(
    '/api/v1/training/export.csv',
    endpoint(services, { query: filters }, async ({ principal, query }) =>
      download(await exportDashboard(services, principal, 'csv', query)),
    ),
  );

  server.get(
    '/api/v1/training/export.xlsx',
    endpoint(services, { query: filters }, async ({ principal, query }) =>
      download(await exportDashboard(services, principal, 'xlsx', query)),
    ),
  );

  server.post(
    '/api/v1/training/imports/preview',
    endpoint(services, { body: importBody }, async ({ principal, body }) => previewImport(services, principal, body)),
  );

  server.post(
    '/api/v1/training/imports',
    endpoint(
      services,
      { body: importBody.extend({ mapping, acceptBadRows: z.boolean().default(false) }).strict() },
      async ({ principal, body }) => runImport(services, principal, body),
    ),
  );

  server.get(
    '/api/v1/training/courses',
    endpoint(services, {}, async ({ principal }) => ({ items: await listCourses(services, principal) })),
  );

  server.post(
    '/api/v1/training/courses',
    endpoint(services, { body: courseBody }, async ({ principal, body }) => createCourse(services, principal, body)),
  );

  server.put(
    '/api/v1/training/courses/:id',
    endpoint(
      services,
      { params: z.object({ id }), body: courseBody.extend({ etag: z.string().min(1).max(100) }).strict() },
      async ({ principal, params, body }) => updateCourse(services, principal, params.id, body),
    ),
  );

  server.post(
    '/api/v1/training/reminders',
    endpoint(
      services,
      {
        body: z
          .object({
            schoolId: id.optional(),
            personIds: z.array(id).max(MAX_REMINDERS_PER_REQUEST).optional(),
            everyoneOverdue: z.boolean().optional(),
          })
          .strict(),
      },
      async ({ principal, body }) => sendReminders(services, principal, body),
    ),
  );
}
