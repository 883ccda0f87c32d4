import { routingFor, type SchoolRouting } from '../domain/incidents/routing.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import type { UnitOfWork } from '../store/store.ts';

/** A case with its school's routing, which every access decision needs. */
export async function loadCase(
  services: Services,
  incidentId: string,
): Promise<{ incident?: Rec<'incidents'>; routing: SchoolRouting }> {
  const incident = await services.store.incidents.get(incidentId);
  const routing = routingFor(incident ? await services.store.schools.get(incident.schoolId) : undefined);
  return { incident, routing };
}

/** Adds to a case's chronology; entries share the case's retention, so they are reviewed with it. */
export function appendEntry(
  uow: UnitOfWork,
  incident: Rec<'incidents'>,
  entry: {
    byId: string;
    at: string;
    kind: Rec<'incidentEntries'>['kind'];
    text: string;
    data?: Record<string, unknown>;
  },
): void {
  uow.append('incidentEntries', {
    incidentId: incident.id,
    schoolId: incident.schoolId,
    ...entry,
    retentionCategory: incident.retentionCategory,
    reviewOn: incident.reviewOn,
  });
}
