import {
  entryAt,
  entryFromEntraUser,
  planDirectorySync,
  type DirectoryEntry,
} from '../domain/people/directory-sync.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { applyDirectoryPlan } from './apply-directory-plan.ts';
import { ConflictError, DuplicateError } from '../store/errors.ts';

/** The actor the audit log names when someone is added on first contacting the bot. */
export const FIRST_CONTACT_ACTOR = 'entra-first-contact';

/** Shown in the directory for someone filed at the triage school because Entra names no school of theirs. */
export const NOT_PLACED = 'Not placed in a school yet';

/**
 * The school where reports from people the directory cannot place are filed: the one the
 * configuration names, else the trust's only school, else the first by name (and a warning).
 */
async function triageSchool(services: Pick<Services, 'config' | 'log' | 'store'>): Promise<Rec<'schools'> | undefined> {
  const schools = await services.store.schools.listAll();
  const named = services.config.directory.triageSchoolId;
  if (named) return schools.find((s) => s.id === named);
  if (schools.length > 1) {
    services.log.warn(
      'someone no school claims contacted the bot; set TRIAGE_SCHOOL_ID to the school whose DSLs should triage such reports',
    );
  }
  return [...schools].sort((a, b) => a.name.localeCompare(b.name))[0];
}

/**
 * Someone from the school's tenant whom the hub does not know yet (a new starter before the
 * nightly sync, a governor with no school attribute): looked up in Entra there and then and
 * added as staff, at their school if Entra names one, otherwise at the triage school so their
 * report reaches a DSL. A safeguarding report from a verified member of the tenant is never
 * turned away for want of a directory entry. Returns undefined for someone Entra does not have,
 * or whose account is disabled.
 */
export async function placeOnFirstContact(services: Services, aadObjectId: string): Promise<Rec<'people'> | undefined> {
  const { store, directory, log } = services;
  if (!directory) return undefined;
  const user = await directory.user(aadObjectId);
  if (!user || user.accountEnabled === false) return undefined;
  const schools = await store.schools.listAll();
  const byName = new Map(schools.map((s) => [s.name.toLowerCase(), s.id]));
  let entry: DirectoryEntry | undefined = entryFromEntraUser(user, byName);
  if (!entry) {
    const triage = await triageSchool(services);
    if (!triage) return undefined;
    entry = { ...entryAt(user, triage.id), department: NOT_PLACED };
  }
  const known = (await store.people.listAll({ where: { aadObjectId } })).concat(
    await store.people.listAll({ where: { upn: entry.email } }),
  );
  const person = await addOne(services, aadObjectId, entry, known, schools, 'entra-first-contact');
  log.info({ personId: person?.id, schoolId: entry.schoolId }, 'added someone to the staff directory on first contact');
  return person;
}

/** Adds (or brings back) one person from their directory entry, and reads the record that results. */
async function addOne(
  services: Services,
  aadObjectId: string,
  entry: DirectoryEntry,
  known: Rec<'people'>[],
  schools: Rec<'schools'>[],
  source: string,
): Promise<Rec<'people'> | undefined> {
  const plan = planDirectorySync(known, [entry]);
  try {
    await applyDirectoryPlan(services, FIRST_CONTACT_ACTOR, plan, known, schools, { source });
  } catch (err) {
    // Their first two messages, or the sync, added them a moment ago: the record is there all the same.
    if (!(err instanceof DuplicateError) && !(err instanceof ConflictError)) throw err;
  }
  const [person] = (await services.store.people.list({ where: { aadObjectId }, limit: 1 })).items;
  return person?.active ? person : undefined;
}

/**
 * When Entra cannot be asked (Graph down or throttled), someone writing from the school's tenant
 * is still a verified member of it (the Bot Framework signed the activity, and the tenant guard
 * checked it), so they are added at the triage school under the name Teams gave, and their report
 * is taken. The next directory sync finds them by their Entra id and puts the record right.
 */
export async function placeUnverified(
  services: Services,
  aadObjectId: string,
  teamsName: string | undefined,
): Promise<Rec<'people'> | undefined> {
  const { store, log } = services;
  const triage = await triageSchool(services);
  if (!triage) return undefined;
  const [first = 'Unknown', ...rest] = (teamsName ?? '').trim().split(/\s+/).filter(Boolean);
  const entry: DirectoryEntry = {
    email: `${aadObjectId}@not-yet-in-directory.invalid`,
    givenName: first,
    surname: rest.join(' ') || '(not yet in the directory)',
    department: NOT_PLACED,
    jobTitle: 'Not known yet',
    schoolId: triage.id,
    staffType: 'support',
    aadObjectId,
  };
  const schools = await store.schools.listAll();
  const known = await store.people.listAll({ where: { aadObjectId } });
  // Someone the hub already knows as having left is not brought back on an unchecked name.
  if (known.length > 0) return undefined;
  const person = await addOne(services, aadObjectId, entry, known, schools, 'teams-unverified');
  log.warn({ personId: person?.id, schoolId: triage.id }, 'added someone Entra could not be asked about, for triage');
  return person;
}
