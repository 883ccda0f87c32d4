import { checkInCard, handoverTaskCard, monitoringEscalationCard, reviewDueCard } from '../cards/account-monitoring.ts';
import { accountReadyCard } from '../cards/account-task.ts';
import type { AdaptiveCard } from '../cards/elements.ts';
import { accountsUrl, handoverUrl, monitoringUrl } from '../config/urls.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { accountReportForm } from '../incidents/report-form-for.ts';
import { simpleNotice, Undeliverable, type Delivery, type Messages } from '../notifications/message.ts';
import type { MessagePayloads } from '../notifications/topics.ts';
import { displayName } from '../people/directory.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';

type AccountTopic =
  | 'account.created'
  | 'account.joined'
  | 'account.handover-needed'
  | 'account.check-in-reminder'
  | 'account.monitoring-escalation'
  | 'account.review-due'
  | 'account.report-form';

/** The messages about official accounts: ready, joined, reminders, escalations, reviews and handovers. */
export function accountMessages(services: Services): Messages<AccountTopic> {
  const { store } = services;
  const personName = (id: unknown) => displayName(store, id);

  /** A message about an official account, to the conversation named when it was queued; none when no longer needed. */
  const aboutAccount =
    <P extends MessagePayloads['account.created']>(
      build: (account: Rec<'socialAccounts'>, payload: P) => Promise<AdaptiveCard | undefined>,
    ) =>
    async (payload: P): Promise<Delivery> => {
      const account = await store.socialAccounts.get(payload.accountId);
      if (!account) throw new Undeliverable('the account no longer exists');
      if (account.status === 'closed') return { skip: 'the account has been closed' };
      const card = await build(account, payload);
      return card ? { conversationId: payload.conversationId, card } : { skip: 'it is no longer needed' };
    };

  const readyInput = async (account: Rec<'socialAccounts'>) => ({
    handle: account.handle,
    platform: account.platform,
    url: account.url,
    leadName: await personName(account.leadId),
    moderatorNames: await Promise.all(account.moderatorIds.map(personName)),
    registerUrl: accountsUrl(services.config),
  });

  return {
    'account.created': { render: aboutAccount(async (account) => accountReadyCard(await readyInput(account))) },
    'account.joined': {
      render: aboutAccount(async (account) => accountReadyCard({ ...(await readyInput(account)), joined: true })),
    },
    'account.check-in-reminder': {
      render: aboutAccount(async (account) => {
        const [last] = (
          await store.checkIns.list({ where: { accountId: account.id }, orderBy: 'at', descending: true, limit: 1 })
        ).items;
        // Someone checked in between the reminder being queued and sent: nothing to remind about.
        if (last && londonDate(new Date(last.at)) === londonDate(services.now())) return undefined;
        return checkInCard({
          accountId: account.id,
          handle: account.handle,
          platform: account.platform,
          url: account.url,
          reminder: true,
        });
      }),
      notice: simpleNotice('reminder', 'An official account has not been checked today', () => 'monitoring'),
    },
    'account.monitoring-escalation': {
      render: aboutAccount(async (account, payload: MessagePayloads['account.monitoring-escalation']) =>
        monitoringEscalationCard({
          handle: account.handle,
          platform: account.platform,
          uncheckedDays: payload.uncheckedDays,
          overdueReplies: payload.overdueReplies,
          monitoringUrl: monitoringUrl(services.config),
        }),
      ),
    },
    'account.review-due': {
      render: aboutAccount(async (account, payload: MessagePayloads['account.review-due']) =>
        reviewDueCard({
          handle: account.handle,
          platform: account.platform,
          reason: payload.reason === 'policy-changed' ? 'policy-changed' : 'yearly',
          monitoringUrl: monitoringUrl(services.config),
        }),
      ),
    },
    'account.handover-needed': {
      render: aboutAccount(async (account) => {
        if (!account.handover) return undefined;
        return handoverTaskCard({
          handle: account.handle,
          platform: account.platform,
          leaverNames: await Promise.all(account.handover.leaverIds.map(personName)),
          leavingOn: account.handover.leavingOn,
          taskUrl: handoverUrl(services.config, account.id),
        });
      }),
      notice: simpleNotice(
        'taskAssigned',
        'An official account needs handing over',
        (p) => `accounts?handover=${p.accountId}`,
      ),
    },
    'account.report-form': {
      async render(payload) {
        const [account, reporter] = await Promise.all([
          store.socialAccounts.get(payload.accountId),
          store.people.get(payload.personId),
        ]);
        if (!account || !reporter?.active) throw new Undeliverable('the account or the moderator is no longer here');
        return {
          conversationId: `person-${reporter.id}`,
          card: await accountReportForm(services, reporter, account, payload.note ?? ''),
        };
      },
    },
  };
}
