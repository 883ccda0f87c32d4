import { applicationApprovalCard } from '../cards/application-approval.ts';
import type { AdaptiveCard } from '../cards/elements.ts';
import { applyAction, currentApprovals, isFinal } from '../domain/applications/lifecycle.ts';
import { checkTrainingGate } from '../domain/applications/readiness.ts';
import { hasRole } from '../domain/roles.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { ConflictError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { runnersReadiness } from './applications.ts';
import { ukDateTime } from '../uk-time.ts';

export const APPLICATION_DECIDED_TOPIC = 'application.decided';

const STATUS_WORDS: Record<string, string> = {
  submitted: 'Waiting for a decision',
  approved: 'Approved',
  rejected: 'Rejected',
  'changes-requested': 'Changes requested',
  withdrawn: 'Withdrawn by the applicant',
  expired: 'Expired without a decision',
};

async function schoolRules(services: Services, schoolId: string) {
  const school = await services.store.schools.get(schoolId);
  return {
    approvalsNeeded: school?.approvals?.approvalsNeeded ?? 1,
    gate: school?.approvals?.trainingGate ?? ('block' as const),
  };
}

const nameOf = async (services: Services, id: string) => (await services.store.people.get(id))?.displayName ?? id;

/** The approval card as `viewer` should see it: with buttons only for the school's senior leaders. */
export async function approvalCard(
  services: Services,
  application: Rec<'applications'>,
  viewer?: Rec<'people'>,
  error?: string,
): Promise<AdaptiveCard> {
  const { store } = services;
  const rules = await schoolRules(services, application.schoolId);
  const staff = await store.people.listAll({ where: { schoolId: application.schoolId, active: true } });
  const leaders = staff.filter((p) => hasRole(p, 'SLT', application.schoolId));
  const runners = await runnersReadiness(services, application.schoolId, application.runnerIds);
  const last = application.decisions.at(-1);
  const outcome =
    isFinal(application.status) || application.status === 'changes-requested'
      ? last && application.status !== 'withdrawn' && application.status !== 'expired'
        ? `${STATUS_WORDS[application.status]} by ${await nameOf(services, last.byId)} at ${ukDateTime(last.at)}${last.comment ? `: ${last.comment}` : ''}`
        : STATUS_WORDS[application.status]
      : undefined;
  return applicationApprovalCard({
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
    outcome,
    approvalsSoFar: await Promise.all(currentApprovals(application.decisions).map((id) => nameOf(services, id))),
    approvalsNeeded: rules.approvalsNeeded,
    canDecide: viewer !== undefined && hasRole(viewer, 'SLT', application.schoolId),
    // Teams identifies users in refresh.userIds by their MRI.
    deciderIds: leaders.filter((p) => p.aadObjectId).map((p) => `8:orgid:${p.aadObjectId}`),
    error,
    gate: rules.gate,
  });
}

export type DecideOutcome = { kind: 'card'; card: AdaptiveCard } | { kind: 'refused'; why: string };

/**
 * A senior leader's decision from the card. The role is checked on the server for every invoke;
 * the decision, the audit entry and the message to the applicant are one commit; two leaders
 * deciding at once produce one decision, and the second is shown who decided.
 */
export async function decideApplication(
  services: Services,
  leader: Rec<'people'> | undefined,
  applicationId: string,
  decision: string,
  comment: string,
): Promise<DecideOutcome> {
  const { store } = services;
  if (decision !== 'approve' && decision !== 'reject' && decision !== 'request-changes') {
    return { kind: 'refused', why: 'This button is no longer available.' };
  }
  for (let attempt = 1; ; attempt++) {
    const application = await store.applications.get(applicationId);
    if (!application) return { kind: 'refused', why: 'This application no longer exists.' };
    if (!leader || !hasRole(leader, 'SLT', application.schoolId)) {
      return { kind: 'refused', why: 'Only the senior leadership team of this school can decide applications.' };
    }
    if (application.status !== 'submitted') {
      return {
        kind: 'card',
        card: await approvalCard(services, application, leader, 'This application has already been decided.'),
      };
    }
    const rules = await schoolRules(services, application.schoolId);
    let override: string | undefined;
    if (decision === 'approve') {
      const runners = await runnersReadiness(services, application.schoolId, application.runnerIds);
      const gate = checkTrainingGate(runners, rules.gate, comment);
      if (!gate.ok) return { kind: 'card', card: await approvalCard(services, application, leader, gate.problem) };
      if (gate.overridden) override = comment.trim();
    }
    const at = services.now().toISOString();
    const result = applyAction(
      application,
      { kind: 'decide', decision, byId: leader.id, comment, at },
      { approvalsNeeded: rules.approvalsNeeded },
    );
    if (!result.ok) return { kind: 'card', card: await approvalCard(services, application, leader, result.problem) };
    if (!result.changed) return { kind: 'card', card: await approvalCard(services, application, leader) };
    const decisions = result.state.decisions.map((d, i) =>
      i === result.state.decisions.length - 1 && override ? { ...d, trainingOverride: override } : d,
    );
    try {
      const updated = await store.commit((uow) => {
        uow.append('audit', {
          at,
          actorId: leader.id,
          action: `application.${decision}`,
          targetKind: 'applications',
          targetId: application.id,
          schoolId: application.schoolId,
          detail: { status: result.state.status, ...(override ? { trainingOverride: override } : {}) },
        });
        if (result.state.status !== 'submitted') {
          queueMessage(
            uow,
            APPLICATION_DECIDED_TOPIC,
            { applicationId: application.id, conversationId: `person-${application.applicantId}` },
            at,
          );
        }
        return uow.update('applications', application, { status: result.state.status, decisions });
      });
      services.outbox.kick();
      return { kind: 'card', card: await approvalCard(services, updated, leader) };
    } catch (err) {
      // Another leader decided in between: look again, and show them what happened.
      if (!(err instanceof ConflictError) || attempt >= 3) throw err;
    }
  }
}
