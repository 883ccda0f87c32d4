import { Client, type FetchOptions } from '@microsoft/microsoft-graph-client';
import type { TokenSource } from '../config/azure-identity.ts';
import { entryFromEntraUser, planDirectorySync, type EntraUser } from '../domain/people/directory-sync.ts';
import type { Services } from '../services.ts';
import { applyDirectoryPlan } from './apply-directory-plan.ts';
import { NOT_PLACED } from './first-contact.ts';
import { ConflictError, DuplicateError } from '../store/errors.ts';

/** The actor the audit log names for changes the daily sync makes. */
export const DIRECTORY_SYNC_ACTOR = 'entra-directory-sync';

/**
 * A sync that would mark more than this share of active staff as leavers stops instead: an empty
 * or half-read directory (a wrong school attribute, a permissions change) must not empty the hub.
 */
const MAX_LEAVER_SHARE = 0.2;

const USER_FIELDS = [
  'id',
  'userPrincipalName',
  'mail',
  'givenName',
  'surname',
  'displayName',
  'department',
  'jobTitle',
  'companyName',
  'employeeType',
  'accountEnabled',
];

/** A Graph client with an app-only token; the SDK's middleware retries 429 and 503 after Retry-After. */
export function graphClient(
  token: TokenSource,
  options: { baseUrl?: string; customHosts?: Set<string>; fetchOptions?: FetchOptions } = {},
): Client {
  return Client.initWithMiddleware({ authProvider: { getAccessToken: token }, ...options });
}

/** The fields read for each user: ours, and wherever the tenant keeps the school. */
const fieldsFor = (schoolAttribute: string) => [...new Set([...USER_FIELDS, schoolAttribute])];

/** A user with their school read from the attribute the tenant keeps it in. */
function withSchool(user: EntraUser & Record<string, unknown>, schoolAttribute: string): EntraUser {
  const school = user[schoolAttribute];
  return { ...user, school: typeof school === 'string' ? school : null };
}

interface UsersPage {
  value: (EntraUser & Record<string, unknown>)[];
  '@odata.nextLink'?: string;
}

/** Every user in the tenant, following @odata.nextLink page by page (999 is Graph's largest page for /users). */
export async function* entraUsers(client: Client, schoolAttribute: string): AsyncGenerator<EntraUser> {
  let page = (await client.api('/users').select(fieldsFor(schoolAttribute)).top(999).get()) as UsersPage;
  for (;;) {
    for (const user of page.value) yield withSchool(user, schoolAttribute);
    const next = page['@odata.nextLink'];
    if (!next) return;
    page = (await client.api(next).get()) as UsersPage;
  }
}

/** One person, looked up when they first contact the bot; undefined when Entra has no such user. */
export async function entraUser(client: Client, id: string, schoolAttribute: string): Promise<EntraUser | undefined> {
  try {
    const user = (await client
      .api(`/users/${encodeURIComponent(id)}`)
      .select(fieldsFor(schoolAttribute))
      .get()) as EntraUser & Record<string, unknown>;
    return withSchool(user, schoolAttribute);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

export class DirectorySyncRefused extends Error {
  override name = 'DirectorySyncRefused';
}

/**
 * Brings the hub's staff up to date from Entra ID: joiners, changes, and leavers (accounts
 * disabled or no longer in the tenant). Entra lists everyone, so it is the full list for every
 * school it names.
 */
export async function syncFromEntra(services: Services, client: Client, schoolAttribute: string) {
  const { store } = services;
  const schools = await store.schools.listAll();
  const schoolByName = new Map<string, string>();
  for (const s of schools) schoolByName.set(s.name.toLowerCase(), s.id);
  const entries = [];
  // Enabled users no school claims: anyone of them filed at the triage school on first contact stays.
  const unplaced = new Set<string>();
  let seen = 0;
  for await (const user of entraUsers(client, schoolAttribute)) {
    seen += 1;
    const entry = entryFromEntraUser(user, schoolByName);
    if (entry) entries.push(entry);
    else if (user.accountEnabled !== false) unplaced.add(user.id);
  }
  if (entries.length === 0) {
    throw new DirectorySyncRefused(
      `None of the ${seen} Entra users names one of the schools in "${schoolAttribute}"; nothing was changed`,
    );
  }
  const known = await store.people.listAll();
  const protectedIds = new Set(
    known.filter((p) => p.department === NOT_PLACED && p.aadObjectId && unplaced.has(p.aadObjectId)).map((p) => p.id),
  );
  const plan = planDirectorySync(known, entries, { fullListFor: schools.map((s) => s.id), protectedIds });
  const active = known.filter((p) => p.active).length;
  if (plan.leavers.length > Math.max(5, active * MAX_LEAVER_SHARE)) {
    throw new DirectorySyncRefused(
      `The sync would mark ${plan.leavers.length} of ${active} staff as having left; nothing was changed. Check the directory, then run it again.`,
    );
  }
  try {
    await applyDirectoryPlan(services, DIRECTORY_SYNC_ACTOR, plan, known, schools, { source: 'entra', users: seen });
  } catch (err) {
    // Another instance synced the same people a moment ago; its commit stands, and nothing was half-done here.
    if (err instanceof DuplicateError || err instanceof ConflictError) {
      services.log.info('the staff directory was synced by another instance at the same time');
      return { users: seen, joined: 0, updated: 0, left: 0 };
    }
    throw err;
  }
  return { users: seen, joined: plan.joiners.length, updated: plan.changed.length, left: plan.leavers.length };
}
