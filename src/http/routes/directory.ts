import type { Server } from 'restify';
import { z } from 'zod';
import { STAFF_FIELDS_LIST } from '../../domain/people/staff-import.ts';
import { MAX_IMPORT_ROWS } from '../../imports/checks.ts';
import { previewStaffImport, runStaffImport } from '../../people/directory-import.ts';
import { setLeavingDate } from '../../people/leaving.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';

const body = z
  .object({
    schoolId: z.string().min(1).max(128).optional(),
    csv: z
      .string()
      .min(1, { message: 'Choose a CSV file' })
      .max(MAX_IMPORT_ROWS * 300),
    mapping: z.partialRecord(z.enum(STAFF_FIELDS_LIST), z.number().int().min(0).max(200)).optional(),
    fullList: z.boolean().default(false),
  })
  .strict();

/** The staff directory in embedded mode: a CSV list from the MIS or HR system (a tenant reads Entra ID). */
export function registerDirectoryRoutes(server: Server, services: Services): void {
  server.post(
    '/api/v1/directory/imports/preview',
    endpoint(services, { body }, async ({ principal, body }) => previewStaffImport(services, principal, body)),
  );

  server.post(
    '/api/v1/directory/imports',
    endpoint(
      services,
      { body: body.extend({ acceptBadRows: z.boolean().default(false) }).strict() },
      async ({ principal, body }) => runStaffImport(services, principal, body),
    ),
  );

  server.put(
    '/api/v1/people/:id/leaving',
    endpoint(
      services,
      {
        params: z.object({ id: z.string().min(1).max(128) }),
        body: z.object({ leavingOn: z.iso.date({ message: 'Give the leaving date' }).nullable() }).strict(),
      },
      async ({ principal, params, body }) => setLeavingDate(services, principal, params.id, body.leavingOn),
    ),
  );
}
