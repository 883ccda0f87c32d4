import type { Store } from '../../src/store/store.ts';

/**
 * Some Oakfield staff given Entra ids, as Teams senders, so a burst of reports can come from many
 * people (each person may send only so many reports in a few minutes).
 */
export async function reportersWithEntraIds(
  store: Store,
  count: number,
): Promise<{ id: string; name: string; aadObjectId: string }[]> {
  const staff = (await store.people.listAll({ where: { schoolId: 'school-oakfield', active: true } }))
    .filter((p) => !p.aadObjectId && p.roles.every((r) => r.role === 'Staff'))
    .slice(0, count);
  const reporters = [];
  for (const [i, person] of staff.entries()) {
    const aadObjectId = `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
    await store.people.update(person, { aadObjectId });
    reporters.push({ id: `29:reporter-${i}`, name: person.displayName, aadObjectId });
  }
  return reporters;
}
