import { flagLeavers, withdrawLeaver } from '../accounts/handover.ts';
import type { Principal } from '../auth/principal.ts';
import { visibleOrNotFound } from '../errors.ts';
import type { Services } from '../services.ts';
import { overseenSchools } from './oversight.ts';

/**
 * HR (or SLT) records that someone is leaving, or clears a date set by mistake. Any official
 * account they lead or moderate is flagged for handover straight away, before the date arrives;
 * clearing the date takes them off the handover again.
 */
export async function setLeavingDate(
  services: Services,
  principal: Principal,
  personId: string,
  leavingOn: string | null,
) {
  const schools = overseenSchools(principal);
  const person = visibleOrNotFound(
    await services.store.people.get(personId),
    (p) => schools.includes(p.schoolId),
    'That member of staff',
  );
  const at = services.now().toISOString();
  await services.store.commit((uow) => {
    uow.update('people', person, { leavingOn: leavingOn ?? undefined });
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: leavingOn ? 'person.leaving-date-set' : 'person.leaving-date-cleared',
      targetKind: 'people',
      targetId: person.id,
      schoolId: person.schoolId,
      ...(leavingOn ? { detail: { leavingOn } } : {}),
    });
  });
  if (!leavingOn && person.active) await withdrawLeaver(services, principal.person.id, person.id);
  const flagged = leavingOn ? await flagLeavers(services) : 0;
  return { leavingOn, accountsFlagged: flagged };
}
