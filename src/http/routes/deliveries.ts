import type { Server } from 'restify';
import { z } from 'zod';
import { retryDelivery, undeliveredMessages } from '../../notifications/deliveries.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';

const params = z.object({ id: z.string().min(1).max(128) });

/** Messages that have not reached their person yet, for the school's leaders and administrators. */
export function registerDeliveryRoutes(server: Server, services: Services): void {
  server.get(
    '/api/v1/deliveries',
    endpoint(services, {}, async ({ principal }) => ({ items: await undeliveredMessages(services, principal) })),
  );
  server.post(
    '/api/v1/deliveries/:id/retry',
    endpoint(services, { params }, async ({ principal, params }) => retryDelivery(services, principal, params.id)),
  );
}
