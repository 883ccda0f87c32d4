import type { Store } from '../store/store.ts';
import type { Rec } from '../store/kinds.ts';

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
