import { accountTaskCard } from '../cards/account-task.ts';
import { applicationDecidedCard } from '../cards/application-approval.ts';
import type { AdaptiveCard } from '../cards/elements.ts';
import { accountTaskUrl, pageLink } from '../config/urls.ts';
import { simpleNotice, Undeliverable, type Delivery, type Messages } from '../notifications/message.ts';
import type { MessagePayloads } from '../notifications/topics.ts';
import { displayName } from '../people/directory.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { approvalCard, rememberPostedCard } from './approval.ts';

type ApplicationTopic =
  | 'application.for-slt'
  | 'application.reassigned'
  | 'application.reminder'
  | 'application.decided'
  | 'application.for-admins'
  | 'application.card-changed';

/** The messages about account applications: SLT's card and its copies, the applicant's answer, the administrators' task. */
export function applicationMessages(services: Services): Messages<ApplicationTopic> {
  const { store } = services;
  const leaderName = (id: unknown) => displayName(store, id, 'A senior leader');
  const personName = (id: unknown) => displayName(store, id);

  const aboutApplication =
    <P extends MessagePayloads['application.for-slt']>(
      build: (application: Rec<'applications'>, payload: P) => Promise<AdaptiveCard>,
    ) =>
    async (payload: P): Promise<Delivery> => {
      const application = await store.applications.get(payload.applicationId);
      if (!application) throw new Undeliverable('the application no longer exists');
      return { conversationId: payload.conversationId, card: await build(application, payload) };
    };

  /** A copy of the SLT approval card; each copy is remembered so a decision can edit it. */
  const approvalCopy =
    <P extends MessagePayloads['application.for-slt']>(
      notice?: (application: Rec<'applications'>, payload: P) => Promise<string>,
    ) =>
    async (payload: P): Promise<Delivery> => {
      const delivery = await aboutApplication(async (application, p: P) =>
        approvalCard(services, application, undefined, { notice: await notice?.(application, p) }),
      )(payload);
      const { conversationId, applicationId } = payload;
      return {
        ...delivery,
        afterSend: (activityId) => rememberPostedCard(services, applicationId, { conversationId, activityId }),
      };
    };

  return {
    'application.for-slt': {
      render: approvalCopy(),
      notice: simpleNotice('decisionNeeded', 'An account application waits for your decision', () => 'approvals'),
    },
    'application.reassigned': {
      render: approvalCopy(
        async (_, payload: MessagePayloads['application.reassigned']) =>
          `${await leaderName(payload.byId)} has asked you to decide this application.`,
      ),
      notice: simpleNotice('decisionNeeded', 'A colleague asked you to decide an application', () => 'approvals'),
    },
    'application.reminder': {
      render: approvalCopy(
        async (_, payload: MessagePayloads['application.reminder']) =>
          `Reminder: this has waited ${payload.waitingDays} working days for a decision. It closes unanswered after ${payload.daysLeft} more.`,
      ),
      notice: simpleNotice('reminder', 'An account application is still waiting for a decision', () => 'approvals'),
    },
    'application.card-changed': {
      async render(payload) {
        const application = await store.applications.get(payload.applicationId);
        if (!application) throw new Undeliverable('the application no longer exists');
        return { edits: application.sltMessages ?? [], card: await approvalCard(services, application) };
      },
    },
    'application.for-admins': {
      render: aboutApplication(async (application) => {
        const approval = application.decisions.filter((d) => d.decision === 'approve').at(-1);
        return accountTaskCard({
          accountName: application.accountName,
          platform: application.platform ?? 'Other',
          applicantName: await personName(application.applicantId),
          approvedBy: await leaderName(approval?.byId),
          runnerNames: await Promise.all(application.runnerIds.map(personName)),
          taskUrl: accountTaskUrl(services.config, application.id),
        });
      }),
      notice: simpleNotice(
        'taskAssigned',
        'An approved account is waiting to be created',
        (p) => `accounts?create=${p.applicationId}`,
      ),
    },
    'application.decided': {
      render: aboutApplication(async (application) => {
        const last = application.decisions.filter((d) => d.decision !== 'reassign').at(-1);
        const expired = application.status === 'expired';
        return applicationDecidedCard({
          accountName: application.accountName,
          status: application.status,
          byName: last && !expired ? await leaderName(last.byId) : 'The senior leadership team',
          comment: expired ? '' : (last?.comment ?? ''),
          myApplicationsUrl: pageLink(services.config, 'my-applications'),
        });
      }),
    },
  };
}
