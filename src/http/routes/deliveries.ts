import type { Server } from 'restify';
import { z } from 'zod';
import { retryDelivery, undeliveredMessages } from '../../notifications/deliveries.ts';
import { myAlerts } from '../../notifications/my-alerts.ts';
import type { Services } from '../../services.ts';
import { endpoint } from '../endpoint.ts';

const params = z.object({ id: z.string().min(1).max(128) });

/** Messages: each person's own that still ask something of them, and those not delivered yet. */
export function registerDeliveryRoutes(server: Server, services: Services): void {
  // Everyone's own alerts and tasks that still stand, for Home.
  server.get(
    '/api/v1/my-alerts',
    endpoint(services, {}, async ({ principal }) => ({ items: await myAlerts(services, principal) })),
  );
  server.get(
    '/api/v1/deliveries',
    endpoint(services, {}, async ({ principal }) => ({ items: await undeliveredMessages(services, principal) })),
  );
  server.post(
    '/api/v1/deliveries/:id/retry',
    endpoint(services, { params }, async ({ principal, params }) => retryDelivery(services, principal, params.id)),
  );
}
