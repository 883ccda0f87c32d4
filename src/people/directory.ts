import { hasRole, type Role } from '../domain/roles.ts';
import type { Store } from '../store/store.ts';
import type { Rec } from '../store/kinds.ts';

/** A person's name as colleagues read it, or `fallback` for someone not (or no longer) in the directory. */
export async function displayName(store: Store, id: unknown, fallback = 'Unknown person'): Promise<string> {
  return (typeof id === 'string' && id ? await store.people.get(id) : undefined)?.displayName ?? fallback;
}

/**
 * Names for many ids at once: one read of the school's staff, then one read each only for anyone
 * who has since moved school, so a long list does not cost a read per row.
 */
export async function displayNames(
  store: Store,
  schoolId: string,
  ids: Iterable<string>,
  fallback = 'Unknown person',
): Promise<Map<string, string>> {
  const staff = new Map((await store.people.listAll({ where: { schoolId } })).map((p) => [p.id, p.displayName]));
  const names = new Map<string, string>();
  for (const id of new Set(ids)) names.set(id, staff.get(id) ?? (await displayName(store, id, fallback)));
  return names;
}

/** The active staff of a school who hold a role there: its senior leaders, its administrators… */
export async function staffWithRole(store: Store, schoolId: string, role: Role): Promise<Rec<'people'>[]> {
  const staff = await store.people.listAll({ where: { schoolId, active: true } });
  return staff.filter((p) => hasRole(p, role, schoolId));
}

/**
 * Active staff at one school whose name contains the search text, A to Z by surname. Used by
 * the tab's people picker and the bot's typeahead, so both find the same people.
 */
export async function findColleagues(store: Store, schoolId: string, search?: string): Promise<Rec<'people'>[]> {
  const people = await store.people.listAll({ where: { schoolId, active: true } });
  const needle = search?.trim().toLocaleLowerCase('en-GB');
  return people
    .filter((p) => !needle || p.displayName.toLocaleLowerCase('en-GB').includes(needle))
    .sort((a, b) => a.surname.localeCompare(b.surname, 'en-GB') || a.givenName.localeCompare(b.givenName, 'en-GB'));
}
