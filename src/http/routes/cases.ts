import type { Server } from 'restify';
import { z } from 'zod';
import { INCIDENT_STATUSES } from '../../domain/records.ts';
import { listCases, myReports, openCase } from '../../incidents/cases.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';

const list = <T extends [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export function registerCaseRoutes(server: Server, services: Services): void {
  server.get(
    '/api/v1/cases',
    endpoint(
      services,
      {
        query: z
          .object({
            status: list([...INCIDENT_STATUSES]).optional(),
            urgent: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
            type: z.string().max(64).optional(),
          })
          .strict(),
      },
      async ({ principal, query }) => ({ items: await listCases(services, principal, query) }),
    ),
  );

  server.get(
    '/api/v1/cases/:id',
    endpoint(services, { params: z.object({ id: z.string().min(1).max(200) }) }, async ({ principal, params }) =>
      openCase(services, principal, params.id),
    ),
  );

  server.get(
    '/api/v1/my-reports',
    endpoint(services, {}, async ({ principal }) => ({ items: await myReports(services, principal) })),
  );
}
