import type { Server } from 'restify';
import { TEXT_LIMITS } from '../../domain/text-limits.ts';
import { z } from 'zod';
import { INCIDENT_STATUSES, RISK_AREAS, RISK_TYPES } from '../../domain/records.ts';
import { actOnCase } from '../../incidents/case-actions.ts';
import { AGENCIES } from '../../domain/incidents/agencies.ts';
import { INCIDENT_TYPE_IDS } from '../../domain/incidents/catalogue.ts';
import { listCases, myReports, openCase } from '../../incidents/cases.ts';
import type { Services } from '../../services.ts';
import { download, endpoint } from '../endpoint.ts';
import { DOCX_TYPE } from '../../download.ts';
import { openEvidence } from '../../incidents/evidence.ts';
import { exportChronology } from '../../incidents/chronology-export.ts';

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
            schoolId: z.string().min(1).max(128).optional(),
            assignee: z.string().min(1).max(128).optional(),
            minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
            maxAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
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

  const text = z.string().trim().min(3, { message: 'Write at least a few words' }).max(TEXT_LIMITS.caseNote);
  server.post(
    '/api/v1/cases/:id/actions',
    endpoint(
      services,
      {
        params: z.object({ id: z.string().min(1).max(200) }),
        body: z.object({
          etag: z.string().min(1).max(100),
          action: z.discriminatedUnion('kind', [
            z.object({ kind: z.enum(['assessment', 'action', 'correction']), text }).strict(),
            z
              .object({
                kind: z.literal('referral'),
                agency: z.enum(AGENCIES),
                agencyReference: z.string().trim().max(TEXT_LIMITS.agencyReference).optional(),
                text,
              })
              .strict(),
            z
              .object({
                kind: z.literal('status'),
                to: z.enum(INCIDENT_STATUSES),
                outcome: z.string().max(TEXT_LIMITS.caseNote).optional(),
                reason: z.string().max(TEXT_LIMITS.caseNote).optional(),
              })
              .strict(),
            z.object({ kind: z.literal('assign'), assigneeId: z.string().min(1).max(128) }).strict(),
            z
              .object({
                kind: z.literal('classification'),
                riskArea: z.enum(RISK_AREAS),
                riskType: z.enum(RISK_TYPES),
                type: z.enum(INCIDENT_TYPE_IDS).optional(),
              })
              .strict(),
          ]),
        }),
      },
      async ({ principal, params, body }) => actOnCase(services, principal, params.id, body.etag, body.action),
    ),
  );

  server.get(
    '/api/v1/cases/:id/files/:fileId',
    endpoint(
      services,
      { params: z.object({ id: z.string().min(1).max(200), fileId: z.string().min(1).max(200) }) },
      async ({ principal, params }) => {
        const { name, file } = await openEvidence(services, principal, params.id, params.fileId);
        return download({ name, contentType: file.contentType, bytes: file.bytes });
      },
    ),
  );

  server.get(
    '/api/v1/cases/:id/export',
    endpoint(services, { params: z.object({ id: z.string().min(1).max(200) }) }, async ({ principal, params }) => {
      const { name, bytes } = await exportChronology(services, principal, params.id);
      return download({ name, contentType: DOCX_TYPE, bytes });
    }),
  );

  server.get(
    '/api/v1/my-reports',
    endpoint(services, {}, async ({ principal }) => ({ items: await myReports(services, principal) })),
  );
}
