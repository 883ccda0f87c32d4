import type { Store } from '../store/store.ts';

/** Whether Teams has delivered a report's alert yet, as its reporter is told: "alerted" only once it has. */
export type AlertDelivery = { state: 'sending' } | { state: 'delivered'; at: Date } | { state: 'waiting' };

/** Delivered once any of the alerts is; waiting once one has failed and none has gone; else on its way. */
export async function alertDelivery(store: Pick<Store, 'outbox'>, alertIds: readonly string[]): Promise<AlertDelivery> {
  const alerts = (await Promise.all(alertIds.map((id) => store.outbox.get(id)))).filter((a) => a !== undefined);
  const firstDone = alerts
    .filter((a) => a.status === 'done')
    .map((a) => a.updatedAt)
    .sort()[0];
  if (firstDone) return { state: 'delivered', at: new Date(firstDone) };
  return alerts.some((a) => a.attempts > 0) ? { state: 'waiting' } : { state: 'sending' };
}
