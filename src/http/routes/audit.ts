import type { Server } from 'restify';
import { z } from 'zod';
import { exportAudit, searchAudit } from '../../audit/audit-log.ts';
import type { Services } from '../../services.ts';
import { download, endpoint } from '../endpoint.ts';

const id = z.string().min(1).max(128);
const query = z
  .object({
    schoolId: id.optional(),
    actorId: id.optional(),
    targetKind: id.optional(),
    targetId: id.optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    wholeTrust: z.stringbool().optional(),
  })
  .strict();

/** The audit log: searched and exported by a school's senior leaders and administrators; never edited. */
export function registerAuditRoutes(server: Server, services: Services): void {
  server.get(
    '/api/v1/audit',
    endpoint(services, { query }, async ({ principal, query }) => searchAudit(services, principal, query)),
  );
  server.get(
    '/api/v1/audit/export.csv',
    endpoint(services, { query: query.omit({ cursor: true, limit: true }) }, async ({ principal, query }) =>
      download(await exportAudit(services, principal, query)),
    ),
  );
}
