import type { AccountCredential, CredentialVault } from '../ports.ts';
import { runnersReadiness } from '../applications/applications.ts';
import type { Principal } from '../auth/principal.ts';
import {
  accountProblems,
  credentialProblems,
  mailDomains,
  type NewAccountField,
} from '../domain/accounts/new-account.ts';
import { monitorsOf, stillServing } from '../domain/accounts/monitoring-duty.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { accountAudit, administeredAccount, schoolAccount } from './account-access.ts';
import { rotationStep } from './handover.ts';
import { hasRole } from '../domain/roles.ts';
import type { ACCOUNT_STATUSES } from '../domain/records.ts';
import { NotAllowed, NotFound, RuleBroken, Conflict, Unavailable, visibleOrNotFound } from '../errors.ts';
import { fieldProblems } from '../domain/field-problems.ts';
import { queueMessage } from '../notifications/outbox.ts';
import { displayName } from '../people/directory.ts';
import { schoolsWhere } from '../people/oversight.ts';
import type { Services } from '../services.ts';
import { DuplicateError, expectVersion } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';

/** The account is ready: the applicant and its moderators are told. */
export const ACCOUNT_CREATED_TOPIC = 'account.created';

export interface NewAccount {
  applicationId: string;
  handle: string;
  url: string;
  leadId: string;
  moderatorIds: string[];
  credential: AccountCredential;
}

/** One account per application: the id says which, so two administrators cannot both create it. */
export const accountIdFor = (applicationId: string) => `account-${applicationId}`;

function vaultOf(services: Pick<Services, 'vault'>): CredentialVault {
  if (!services.vault) {
    throw new Unavailable(
      'no_credential_store',
      'Account sign-in details cannot be stored until KEY_VAULT_URL or SECRET_CREDENTIAL_KEY is configured',
    );
  }
  return services.vault;
}

const alreadyRecorded = () => new Conflict('already_recorded', 'This account has already been recorded');

const isAdminAt = (principal: Principal, schoolId: string) => hasRole(principal.person, 'Admin', schoolId);

/** Approved applications whose account nobody has recorded yet, at the schools this administrator serves. */
export async function creationTasks(services: Services, principal: Principal) {
  const { store } = services;
  const tasks = [];
  for (const schoolId of schoolsWhere(principal, ['Admin'])) {
    for (const application of await store.applications.listAll({ where: { schoolId, status: 'approved' } })) {
      if (await store.socialAccounts.get(accountIdFor(application.id))) continue;
      const runners = await runnersReadiness(services, schoolId, application.runnerIds);
      tasks.push({
        applicationId: application.id,
        schoolId,
        accountName: application.accountName,
        platform: application.platform ?? 'Other',
        applicantId: application.applicantId,
        applicantName: await displayName(store, application.applicantId),
        approvedAt: application.decisions.filter((d) => d.decision === 'approve').at(-1)?.at,
        runners: runners.map(({ personId, name, ready, gaps }) => ({ personId, name, ready, gaps })),
      });
    }
  }
  return tasks;
}

/**
 * The administrator records the account they created. Its sign-in details are sealed in the
 * vault first; the record, which keeps only the reference, is written with its audit entry.
 */
export async function recordAccount(services: Services, principal: Principal, input: NewAccount) {
  const { store } = services;
  // Only the school's administrators work on approved applications; to anyone else none exists.
  const application = visibleOrNotFound(
    await store.applications.get(input.applicationId),
    (a) => isAdminAt(principal, a.schoolId),
    'The application',
  );
  if (application.status !== 'approved') {
    throw new Conflict('not_approved', 'Only an application SLT has approved can become an account');
  }
  const id = accountIdFor(application.id);
  // Checked before sealing, so a second attempt leaves no stray secret; the unique id settles races.
  if (await store.socialAccounts.get(id)) throw alreadyRecorded();
  const staff = await store.people.listAll({ where: { schoolId: application.schoolId, active: true } });
  const moderators = await runnersReadiness(services, application.schoolId, [...new Set(input.moderatorIds)]);
  // The lead receives the sign-in details too, so the same training gate holds for them.
  const [lead] = await runnersReadiness(services, application.schoolId, [input.leadId]);
  const problems = accountProblems({
    leadId: input.leadId,
    lead,
    moderators,
    staffIds: staff.map((p) => p.id),
    credential: input.credential,
    schoolDomains: mailDomains(staff.map((p) => p.upn)),
  });
  if (problems) throw new RuleBroken('invalid_account', 'Please check the answers marked', fieldProblems(problems));

  const credentialRef = await vaultOf(services).seal(id, input.credential);
  const at = services.now().toISOString();
  try {
    const account = await store.commit((uow) => {
      const created = uow.create(
        'socialAccounts',
        {
          schoolId: application.schoolId,
          applicationId: application.id,
          platform: application.platform ?? 'Other',
          handle: input.handle,
          url: input.url,
          leadId: input.leadId,
          moderatorIds: moderators.map((m) => m.personId),
          status: 'active',
          createdOn: at.slice(0, 10),
          credentialRef,
          retentionCategory: 'account-governance',
        },
        id,
      );
      uow.append(
        'audit',
        accountAudit(principal.person.id, created, 'account.created', at, { applicationId: application.id }),
      );
      for (const personId of new Set([application.applicantId, input.leadId, ...input.moderatorIds])) {
        queueMessage(uow, ACCOUNT_CREATED_TOPIC, { accountId: id, conversationId: `person-${personId}` }, at);
      }
      return created;
    });
    services.outbox.kick();
    return account;
  } catch (err) {
    throw err instanceof DuplicateError ? alreadyRecorded() : err;
  }
}

export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** The register: every official account at the schools the viewer works at, with names resolved. */
export async function accountRegister(services: Pick<Services, 'now' | 'store'>, principal: Principal) {
  const { store } = services;
  const name = (id: string) => displayName(store, id);
  const today = londonDate(services.now());
  const rows = [];
  for (const schoolId of principal.schoolIds) {
    for (const account of await store.socialAccounts.listAll({ where: { schoolId }, orderBy: 'createdAt' })) {
      const application = account.applicationId ? await store.applications.get(account.applicationId) : undefined;
      rows.push({
        id: account.id,
        etag: account.etag,
        schoolId,
        platform: account.platform,
        handle: account.handle,
        url: account.url,
        status: account.status,
        createdOn: account.createdOn,
        lead: { id: account.leadId, name: await name(account.leadId) },
        moderators: await Promise.all(account.moderatorIds.map(async (id) => ({ id, name: await name(id) }))),
        application: application ? { id: application.id, accountName: application.accountName } : undefined,
        hasCredential: Boolean(account.credentialRef),
        canManage: isAdminAt(principal, schoolId),
        canReveal: Boolean(account.credentialRef) && mayRevealCredential(principal.person, account, today),
        handover: account.handover
          ? {
              leavers: await Promise.all(account.handover.leaverIds.map(async (id) => ({ id, name: await name(id) }))),
              leavingOn: account.handover.leavingOn,
              flaggedAt: account.handover.flaggedAt,
              transferredAt: account.handover.transferredAt,
              credentialRotatedAt: account.handover.credentialRotatedAt,
              credentialRotatedBy: account.handover.credentialRotatedById
                ? await name(account.handover.credentialRotatedById)
                : undefined,
            }
          : undefined,
        closedOn: account.closedOn,
        closedReason: account.closedReason,
      });
    }
  }
  return rows;
}

/**
 * Who may see an account's sign-in details: its school's administrators, and its lead and
 * moderators while it is open. Nobody who has left, or whose leaving date has passed, whatever
 * the account still says; a handover takes leavers off the team, so they lose it then too.
 */
function mayRevealCredential(person: Rec<'people'>, account: Rec<'socialAccounts'>, today: string): boolean {
  if (!stillServing(person, today)) return false;
  if (hasRole(person, 'Admin', account.schoolId)) return true;
  return account.status !== 'closed' && monitorsOf(account).includes(person.id);
}

/** Shows an account's sign-in details to someone allowed them; the audit entry is written first. */
export async function revealCredential(services: Services, principal: Principal, id: string) {
  const account = await schoolAccount(services, principal, id);
  // Whether sign-in details exist is itself kept from those who may not see them.
  if (!mayRevealCredential(principal.person, account, londonDate(services.now()))) throw new NotFound('The account');
  // A lead or moderator sees the sign-in details only while trained and up to date with the policy,
  // the gate that held when the account was approved; administrators hold them as custodians.
  if (!hasRole(principal.person, 'Admin', account.schoolId)) {
    const [readiness] = await runnersReadiness(services, account.schoolId, [principal.person.id]);
    if (readiness && !readiness.ready) {
      throw new NotAllowed(
        `You can see this account’s sign-in details once your training and policy reading are up to date (${readiness.gaps.join('; ')}). See My training.`,
      );
    }
  }
  if (!account.credentialRef)
    throw new NotFound('', { code: 'no_credential', message: 'No sign-in details are stored for this account' });
  const vault = vaultOf(services);
  await services.store.audit.append(
    accountAudit(principal.person.id, account, 'account.credential-revealed', services.now().toISOString()),
  );
  return vault.open(account.id, account.credentialRef);
}

/**
 * Replaces the sign-in details after a password change. During a handover this is the required
 * rotation step: it records who did it and when, never the secret.
 */
export async function replaceCredential(
  services: Services,
  principal: Principal,
  id: string,
  etag: string,
  credential: AccountCredential,
) {
  const account = await administeredAccount(services, principal, id, 'change sign-in details');
  expectVersion('socialAccounts', account, etag);
  const staff = await services.store.people.listAll({ where: { schoolId: account.schoolId, active: true } });
  const problems = credentialProblems(credential, mailDomains(staff.map((p) => p.upn)));
  if (Object.keys(problems).length)
    throw new RuleBroken('invalid_credential', 'Please check the answers marked', fieldProblems(problems));
  const credentialRef = await vaultOf(services).seal(account.id, credential);
  const at = services.now().toISOString();
  const updated = await services.store.commit((uow) => {
    uow.append('audit', accountAudit(principal.person.id, account, 'account.credential-changed', at));
    return uow.update('socialAccounts', account, {
      credentialRef,
      ...rotationStep(account, principal.person.id, at),
    });
  });
  return { status: updated.status, handover: updated.handover ?? null };
}

export type { NewAccountField };

/** An account in the register, as the API answers it. */
export type RegisterAccount = Awaited<ReturnType<typeof accountRegister>>[number];
