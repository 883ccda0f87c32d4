import type { Principal } from '../auth/principal.ts';
import { accountIdFor } from '../accounts/accounts.ts';
import { ACCOUNT_HANDOVER_TOPIC } from '../accounts/handover.ts';
import { APPLICATION_FOR_SLT_TOPIC } from '../applications/applications.ts';
import { APPLICATION_FOR_ADMINS_TOPIC, APPLICATION_REASSIGNED_TOPIC } from '../applications/approval.ts';
import { APPLICATION_REMINDER_TOPIC } from '../applications/follow-up-applications.ts';
import { canReadCase } from '../domain/incidents/access.ts';
import { hasRole } from '../domain/roles.ts';
import { incidentTypeLabel } from '../domain/incidents/catalogue.ts';
import { ASSIGNED_TOPIC } from '../incidents/case-actions.ts';
import { ALERT_TOPIC } from '../incidents/report-incident.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { loadCase } from '../incidents/case-record.ts';
import { recipientOf } from './recipients.ts';

/** One thing waiting for this person, as Home lists it: what, when, and the page that deals with it. */
export interface MyAlert {
  /** The record it is about, so several messages about one thing show once. */
  key: string;
  text: string;
  urgent: boolean;
  at: string;
  page: string;
}

const LOOK_BACK_DAYS = 30;
/** A safeguarding alert still not delivered this long after the report is shown to those who must act. */
export const STUCK_AFTER_MS = 5 * 60_000;
const STUCK_WATCHERS = ['DSL', 'SLT'] as const;

/**
 * Safeguarding alerts Teams has not delivered for a while, to anyone at a school where this person
 * is a safeguarding lead or senior leader, about cases they may read: the report may be sitting
 * unseen, so someone must tell its lead in person.
 */
async function stuckAlerts(services: Services, principal: Principal): Promise<MyAlert[]> {
  if (!STUCK_WATCHERS.some((role) => principal.person.roles.some((r) => r.role === role))) return [];
  const { store } = services;
  const before = new Date(services.now().getTime() - STUCK_AFTER_MS).toISOString();
  const entries = await store.outbox.listAll({ where: { topic: ALERT_TOPIC, status: ['pending', 'failed'] } });
  const found: MyAlert[] = [];
  for (const entry of entries.filter((e) => e.createdAt <= before)) {
    const { incident, routing } = await loadCase(services, String(entry.payload.incidentId));
    if (!incident || !STUCK_WATCHERS.some((role) => hasRole(principal.person, role, incident.schoolId))) continue;
    if (!canReadCase(principal.person, incident, routing)) continue;
    const recipient = await store.people.get(String(entry.payload.recipientId));
    const minutes = Math.round((services.now().getTime() - Date.parse(entry.createdAt)) / 60_000);
    found.push({
      key: `stuck:${entry.id}`,
      text: `The alert about ${incident.reference} has not reached ${recipient?.displayName ?? 'its recipient'} in Teams after ${minutes} minutes. Tell them in person, and see Undelivered messages.`,
      urgent: true,
      at: entry.createdAt,
      page: 'deliveries',
    });
  }
  return found;
}

type Outstanding = (services: Services, principal: Principal, entry: Rec<'outbox'>) => Promise<MyAlert | undefined>;

/** A report alert stands while the case is unread; an assignment while the case is open. */
const aboutCase =
  (open: (incident: Rec<'incidents'>) => boolean, words: (reference: string, kind: string) => string): Outstanding =>
  async (services, principal, entry) => {
    const { incident, routing } = await loadCase(services, String(entry.payload.incidentId));
    if (!incident || !open(incident) || !canReadCase(principal.person, incident, routing)) return undefined;
    const kind = incidentTypeLabel(incident.type);
    return {
      key: `case:${incident.id}`,
      text: words(incident.reference, kind),
      urgent: incident.urgent,
      at: entry.createdAt,
      page: `cases/${incident.id}`,
    };
  };

/** An approval request stands while the application waits for a decision. */
const awaitingDecision: Outstanding = async (services, _principal, entry) => {
  const application = await services.store.applications.get(String(entry.payload.applicationId));
  if (!application || application.status !== 'submitted') return undefined;
  return {
    key: `application:${application.id}`,
    text: `Account application waiting for your decision: ${application.accountName}`,
    urgent: false,
    at: entry.createdAt,
    page: 'approvals',
  };
};

/** The messages that ask something of a person, and whether each still does. */
const OUTSTANDING: Record<string, Outstanding> = {
  [ALERT_TOPIC]: aboutCase(
    (i) => i.status === 'new',
    (reference, kind) => `New report ${reference} (${kind}) waiting for a safeguarding lead`,
  ),
  [ASSIGNED_TOPIC]: aboutCase(
    (i) => i.status !== 'closed',
    (reference) => `Case ${reference} assigned to you`,
  ),
  [APPLICATION_FOR_SLT_TOPIC]: awaitingDecision,
  [APPLICATION_REASSIGNED_TOPIC]: awaitingDecision,
  [APPLICATION_REMINDER_TOPIC]: awaitingDecision,
  [APPLICATION_FOR_ADMINS_TOPIC]: async (services, _principal, entry) => {
    const application = await services.store.applications.get(String(entry.payload.applicationId));
    if (!application || application.status !== 'approved') return undefined;
    if (await services.store.socialAccounts.get(accountIdFor(application.id))) return undefined;
    return {
      key: `create:${application.id}`,
      text: `Approved account to create: ${application.accountName}`,
      urgent: false,
      at: entry.createdAt,
      page: `accounts?create=${application.id}`,
    };
  },
  [ACCOUNT_HANDOVER_TOPIC]: async (services, _principal, entry) => {
    const account = await services.store.socialAccounts.get(String(entry.payload.accountId));
    if (!account?.handover || account.status === 'closed') return undefined;
    return {
      key: `handover:${account.id}`,
      text: `Official account to hand over: ${account.handle}`,
      urgent: false,
      at: entry.createdAt,
      page: `accounts?handover=${account.id}`,
    };
  },
};

/**
 * What is waiting for this person: the alerts and tasks sent to them that still stand, newest
 * first, urgent ones on top. This is how they see them without Teams (the embedded demo), and
 * whether or not a message reached them.
 */
export async function myAlerts(services: Services, principal: Principal): Promise<MyAlert[]> {
  const since = new Date(services.now().getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString();
  const found = new Map<string, MyAlert>();
  for (const [topic, outstanding] of Object.entries(OUTSTANDING)) {
    const entries = await services.store.outbox.listAll({ where: { topic, notBefore: { gte: since } } });
    for (const entry of entries.filter((e) => recipientOf(e).personId === principal.person.id)) {
      const alert = await outstanding(services, principal, entry);
      if (alert && !found.has(alert.key)) found.set(alert.key, alert);
    }
  }
  for (const stuck of await stuckAlerts(services, principal)) found.set(stuck.key, stuck);
  return [...found.values()].sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.at.localeCompare(a.at));
}
