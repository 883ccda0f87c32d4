import type { Principal } from '../auth/principal.ts';
import { schoolsWhere } from '../people/oversight.ts';
import { Conflict, DomainError, NotAllowed, NotFound, RuleBroken } from '../errors.ts';
import { applicationApprovalCard, type ApprovalView } from '../cards/application-approval.ts';
import { adaptiveCard, paragraph, type AdaptiveCard } from '../cards/elements.ts';
import { applyAction, currentApprovals, isFinal, type ApplicationAction } from '../domain/applications/lifecycle.ts';
import { checkTrainingGate } from '../domain/applications/readiness.ts';
import { approvalSettingsFor } from '../domain/applications/follow-up.ts';
import { sltDestinations } from '../notifications/slt-destinations.ts';
import { displayName, staffWithRole } from '../people/directory.ts';
import { hasRole } from '../domain/roles.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { ConflictError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { APPLICATION_CARD_CHANGED_TOPIC, runnersReadiness } from './applications.ts';
import { ukDateTime } from '../uk-time.ts';

export const APPLICATION_DECIDED_TOPIC = 'application.decided';
export const APPLICATION_REASSIGNED_TOPIC = 'application.reassigned';
/** After approval: the administrators' task to create the account. */
export const APPLICATION_FOR_ADMINS_TOPIC = 'application.for-admins';

const STATUS_WORDS: Record<string, string> = {
  submitted: 'Waiting for a decision',
  approved: 'Approved',
  rejected: 'Rejected',
  'changes-requested': 'Changes requested',
  withdrawn: 'Withdrawn by the applicant',
  expired: 'Expired without a decision',
};

const settingsFor = async (services: Services, schoolId: string) =>
  approvalSettingsFor(await services.store.schools.get(schoolId));

const nameOf = (services: Services, id: string) => displayName(services.store, id, id);
const leadersOf = (services: Services, schoolId: string) => staffWithRole(services.store, schoolId, 'SLT');

/** What a senior leader sees of an application, on the card or in the tab. */
export async function approvalView(
  services: Services,
  application: Rec<'applications'>,
  viewer?: Rec<'people'>,
): Promise<ApprovalView> {
  const rules = await settingsFor(services, application.schoolId);
  const leaders = await leadersOf(services, application.schoolId);
  const runners = await runnersReadiness(services, application.schoolId, application.runnerIds);
  const last = application.decisions.filter((d) => d.decision !== 'reassign').at(-1);
  const outcome =
    isFinal(application.status) || application.status === 'changes-requested'
      ? last && application.status !== 'withdrawn' && application.status !== 'expired'
        ? `${STATUS_WORDS[application.status]} by ${await nameOf(services, last.byId)} at ${ukDateTime(last.at)}${last.comment ? `: ${last.comment}` : ''}`
        : STATUS_WORDS[application.status]
      : undefined;
  const canDecide = viewer !== undefined && hasRole(viewer, 'SLT', application.schoolId);
  return {
    applicationId: application.id,
    applicantName: await nameOf(services, application.applicantId),
    accountName: application.accountName,
    platform: application.platform ?? '—',
    aim: application.aim,
    audience: application.audience,
    promotion: application.promotion,
    visibility: application.visibility === 'private' ? 'Private or closed' : 'Open',
    runners: runners.map(({ name, ready, gaps }) => ({ name, ready, gaps })),
    volunteers: application.volunteers,
    status: STATUS_WORDS[application.status] ?? application.status,
    submittedAt: application.submittedAt,
    outcome,
    approvalsSoFar: await Promise.all(currentApprovals(application.decisions).map((id) => nameOf(services, id))),
    approvalsNeeded: rules.approvalsNeeded,
    canDecide,
    gate: rules.trainingGate,
    assignedTo: application.assignedToId ? await nameOf(services, application.assignedToId) : undefined,
    colleagues: canDecide
      ? leaders.filter((p) => p.id !== viewer.id).map((p) => ({ id: p.id, name: p.displayName }))
      : [],
    /** Teams identifies users in a card's refresh.userIds by their MRI. */
    deciderIds: leaders.filter((p) => p.aadObjectId).map((p) => `8:orgid:${p.aadObjectId}`),
  };
}

/** The approval card as `viewer` should see it: with buttons only for the school's senior leaders. */
export async function approvalCard(
  services: Services,
  application: Rec<'applications'>,
  viewer?: Rec<'people'>,
  extra: { error?: string; notice?: string } = {},
): Promise<AdaptiveCard> {
  return applicationApprovalCard({ ...(await approvalView(services, application, viewer)), ...extra });
}

/** Applications waiting for this senior leader's schools, oldest first, as the tab lists them. */
export async function pendingApprovals(services: Services, principal: Principal) {
  const schoolIds = schoolsWhere(principal, ['SLT']);
  if (schoolIds.length === 0) throw new NotAllowed('Only senior leaders decide applications');
  const waiting = await services.store.applications.listAll({ where: { schoolId: schoolIds, status: 'submitted' } });
  waiting.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return Promise.all(waiting.map((application) => approvalView(services, application, principal.person)));
}

export async function rememberPostedCard(
  services: Pick<Services, 'store'>,
  applicationId: string,
  message: { conversationId: string; activityId: string },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const application = await services.store.applications.get(applicationId);
    if (!application) return;
    try {
      // Bounded: a long-running application with many reminders keeps its latest copies.
      await services.store.applications.update(application, {
        sltMessages: [...(application.sltMessages ?? []), message].slice(-50),
      });
      return;
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 3) throw err;
    }
  }
}

/** What a decision came to: the application as it now is, and whether this press changed it. */
export interface Decided {
  application: Rec<'applications'>;
  changed: boolean;
}

export interface CardDecision {
  decision: string;
  comment: string;
  /** For "reassign": the colleague asked to decide instead. */
  reassignTo?: string;
}

/**
 * A senior leader's decision, from the card or the tab: approve, reject, request changes, or hand
 * the decision to a colleague. The role is checked on the server every time; the change, its audit
 * entry and its messages are one commit; two leaders at once make one decision, and the second is
 * shown who decided. Every manual action edits the posted cards (automatic refreshes never do).
 */
export async function decide(
  services: Services,
  leader: Rec<'people'> | undefined,
  applicationId: string,
  input: CardDecision,
): Promise<Decided> {
  const { store } = services;
  const { decision, comment } = input;
  if (decision !== 'approve' && decision !== 'reject' && decision !== 'request-changes' && decision !== 'reassign') {
    throw new RuleBroken('unknown_decision', 'This button is no longer available.');
  }
  for (let attempt = 1; ; attempt++) {
    const application = await store.applications.get(applicationId);
    // One refusal whether or not the application exists, so a crafted press cannot probe ids.
    if (!application || !leader || !hasRole(leader, 'SLT', application.schoolId)) {
      throw new NotFound('That application', {
        message:
          'Only the senior leadership team of the application’s school can decide it; it is not available to you.',
      });
    }
    const again = (problem: string) => new Conflict('cannot_decide', problem);
    if (application.status !== 'submitted') {
      throw again('This application has already been decided.');
    }
    const rules = await settingsFor(services, application.schoolId);
    const at = services.now().toISOString();
    let action: ApplicationAction;
    let override: string | undefined;
    if (decision === 'reassign') {
      const colleague = (await leadersOf(services, application.schoolId)).find((p) => p.id === input.reassignTo);
      if (!colleague) throw again('Choose a senior leader of this school.');
      action = { kind: 'reassign', byId: leader.id, toId: colleague.id, comment, at };
    } else {
      if (decision === 'approve') {
        const runners = await runnersReadiness(services, application.schoolId, application.runnerIds);
        const gate = checkTrainingGate(runners, rules.trainingGate, comment);
        if (!gate.ok) throw again(gate.problem);
        if (gate.overridden) override = comment.trim();
      }
      action = { kind: 'decide', decision, byId: leader.id, comment, at };
    }
    const result = applyAction(application, action, { approvalsNeeded: rules.approvalsNeeded });
    if (!result.ok) throw again(result.problem);
    if (!result.changed) return { application, changed: false };
    const { status } = result.state;
    const decisions = result.state.decisions.map((d, i) =>
      i === result.state.decisions.length - 1 && override ? { ...d, trainingOverride: override } : d,
    );
    const admins = status === 'approved' ? await adminDestinations(services, application.schoolId) : [];
    try {
      const updated = await store.commit((uow) => {
        uow.append('audit', {
          at,
          actorId: leader.id,
          action: decision === 'reassign' ? 'application.reassigned' : `application.${decision}`,
          targetKind: 'applications',
          targetId: application.id,
          schoolId: application.schoolId,
          detail: {
            status,
            ...(override ? { trainingOverride: override } : {}),
            ...(action.kind === 'reassign' ? { toId: action.toId } : {}),
          },
        });
        if (action.kind === 'reassign') {
          queueMessage(
            uow,
            APPLICATION_REASSIGNED_TOPIC,
            { applicationId: application.id, conversationId: `person-${action.toId}`, byId: leader.id },
            at,
          );
        } else if (status !== 'submitted') {
          queueMessage(
            uow,
            APPLICATION_DECIDED_TOPIC,
            { applicationId: application.id, conversationId: `person-${application.applicantId}` },
            at,
          );
        }
        for (const conversationId of admins) {
          queueMessage(uow, APPLICATION_FOR_ADMINS_TOPIC, { applicationId: application.id, conversationId }, at);
        }
        queueMessage(uow, APPLICATION_CARD_CHANGED_TOPIC, { applicationId: application.id }, at);
        return uow.update('applications', application, {
          status,
          decisions,
          ...(action.kind === 'reassign' ? { assignedToId: action.toId } : {}),
        });
      });
      services.outbox.kick();
      return { application: updated, changed: true };
    } catch (err) {
      // Another leader decided in between: look again, and show them what happened.
      if (!(err instanceof ConflictError) || attempt >= 3) throw err;
    }
  }
}

/**
 * The card's answer to a decision: the card again, showing what happened or what stopped it.
 * A refusal about the application's state is shown on its card; any other, on its own.
 */
export async function decideApplication(
  services: Services,
  leader: Rec<'people'> | undefined,
  applicationId: string,
  input: CardDecision,
): Promise<AdaptiveCard> {
  try {
    const { application } = await decide(services, leader, applicationId, input);
    return await approvalCard(services, application, leader);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const application = err instanceof Conflict ? await services.store.applications.get(applicationId) : undefined;
    if (application) return approvalCard(services, application, leader, { error: err.message });
    return adaptiveCard([paragraph(err.message, { color: 'Attention' })]);
  }
}

/** The school's account administrators' chats; its senior leaders' if it has no administrator yet. */
async function adminDestinations(services: Services, schoolId: string): Promise<string[]> {
  const admins = await staffWithRole(services.store, schoolId, 'Admin');
  if (admins.length) return admins.map((p) => `person-${p.id}`);
  services.log.warn({ schoolId }, 'no account administrator: the creation task goes to SLT');
  return sltDestinations(services, schoolId);
}
