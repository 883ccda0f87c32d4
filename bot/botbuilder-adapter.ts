import type { Messenger } from '../src/ports.ts';
import {
  ActivityEventNames,
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { Request, Response } from 'restify';
import { RuleBroken } from '../src/errors.ts';
import { activityProblems } from './activity-envelope.ts';
import type { Services } from '../src/services.ts';
import type { BotTurn, IncomingActivity, Reply } from './activity.ts';
import type { Bot } from './conversation.ts';

/**
 * The only module that imports botbuilder (end of support Dec 2025). It maps SDK activities to
 * the bot's own types; a move to the Teams SDK replaces this file and nothing else.
 */

function toIncoming(activity: Activity): IncomingActivity {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  return {
    type: activity.type,
    name: activity.name,
    text: activity.text,
    value: activity.value,
    from: { id: activity.from?.id ?? '', aadObjectId: activity.from?.aadObjectId, name: activity.from?.name },
    recipient: { id: activity.recipient?.id ?? '' },
    conversation: { id: activity.conversation?.id ?? '', conversationType: activity.conversation?.conversationType },
    replyToId: activity.replyToId,
    tenantId: channelData.tenant?.id ?? activity.conversation?.tenantId,
    membersAdded: activity.membersAdded?.map((m) => ({ id: m.id })),
    attachments: activity.attachments?.map((a) => ({
      contentType: String(a.contentType ?? ''),
      contentUrl: a.contentUrl,
      name: a.name,
      content: a.content as unknown,
    })),
  };
}

function toOutgoing(reply: Reply): Partial<Activity> {
  return {
    type: 'message',
    text: reply.text,
    attachments: reply.card ? [CardFactory.adaptiveCard(reply.card)] : undefined,
  };
}

/** The connector's credentials, when the bot has an app id; in local runs there are none. */
async function botToken(context: TurnContext): Promise<string | undefined> {
  const adapter = context.adapter as CloudAdapter;
  const client = context.turnState.get(adapter.ConnectorClientKey) as
    { credentials?: { getToken?: () => Promise<string> } } | undefined;
  return client?.credentials?.getToken ? await client.credentials.getToken() : undefined;
}

function toTurn(context: TurnContext, botAppId: string | undefined): BotTurn {
  return {
    activity: toIncoming(context.activity),
    async send(reply) {
      await context.sendActivity(toOutgoing(reply));
    },
    async respondWithCard(card) {
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
      });
    },
    async fetchWithBotToken(url, init) {
      const token = botAppId ? await botToken(context) : undefined;
      const headers = new Headers(init.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(url, { ...init, headers });
    },
    // Without the activity id, which changes every turn and is not needed to message the chat later,
    // the reference stays the same, so remembering it costs no write on each message.
    conversationReference: () => {
      const { activityId: _turnOnly, ...reference } = TurnContext.getConversationReference(context.activity);
      return reference as unknown as Record<string, unknown>;
    },
  };
}

/** Who the bot's calls to the Bot Connector are for (its OAuth scope). */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** The SDK marks a turn it made up to continue a conversation with this event. */
const isProactive = (context: TurnContext) =>
  context.activity.type === ActivityTypes.Event && context.activity.name === ActivityEventNames.ContinueConversation;

/** The SDK's adapter, with its activity handling reachable without its console-logging `process`. */
class HubAdapter extends CloudAdapter {
  handle(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

/** What the SDK's `process` does to an activity before handling it: its timestamps become dates. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    if (typeof raw[field] === 'string') {
      raw[rawField] = raw[field];
      raw[field] = new Date(raw[field] as string);
    }
  }
  return activity;
}

/** Handles Bot Framework activities posted to /api/messages; a refusal is thrown for the server to answer. */
export type BotEndpoint = (req: Request, res: Response) => Promise<void>;

export function createBotEndpoint(services: Services, bot: Bot): { endpoint: BotEndpoint; messenger: Messenger } {
  const { config, log } = services;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.password ?? '',
    MicrosoftAppType: config.bot.appId ? config.bot.appType : '',
    MicrosoftAppTenantId: config.tenantId ?? '',
  });
  const adapter = new HubAdapter(auth);
  const appId = config.bot.appId ?? '';
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'bot turn error');
    // The apology belongs to a turn a person started; a proactive send's failure is its caller's to handle.
    if (isProactive(context)) throw error;
    await context.sendActivity(
      'Sorry, something went wrong on our side and your message was not handled. Please try again.',
    );
  };
  /**
   * Runs `work` in a conversation the bot starts itself. Its failure is the caller's failure: the
   * SDK would otherwise hand it to the turn-error handler, and a send that failed would look sent.
   */
  async function proactively(reference: Record<string, unknown>, work: (context: TurnContext) => Promise<void>) {
    let failure: unknown;
    await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
      try {
        await work(context);
      } catch (err) {
        failure = err;
      }
    });
    if (failure) throw failure;
  }
  return {
    // The SDK's own `process` prints refused activities, stack and all, with console.error; this
    // does the same work and reports through the redacting logger instead.
    endpoint: async (req, res) => {
      const problems = activityProblems(req.body);
      if (problems.length) throw new RuleBroken('invalid_activity', 'The activity is not valid', problems);
      const activity = withDates(req.body as Activity);
      try {
        const invokeResponse = await adapter.handle(req.header('authorization') ?? '', activity, (context) =>
          bot.onTurn(toTurn(context, config.bot.appId)),
        );
        res.status(invokeResponse?.status ?? 200);
        if (invokeResponse?.body !== undefined) res.send(invokeResponse.body);
        res.end();
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 401) throw err;
        log.warn({ reason: (err as Error).message }, 'refused an activity not signed by the Bot Framework');
        res.status(401);
        res.send({ error: { code: 'unauthorized', message: 'The activity is not signed by the Bot Framework' } });
        res.end();
      }
    },
    messenger: {
      async sendCard(reference, card) {
        let activityId: string | undefined;
        await proactively(reference, async (context) => {
          const sent = await context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
          activityId = sent?.id;
        });
        return activityId;
      },
      async startPersonalChat(aadObjectId, tenantId) {
        let reference: Partial<ConversationReference> | undefined;
        await adapter.createConversationAsync(
          appId,
          'msteams',
          config.bot.serviceUrl,
          BOT_FRAMEWORK_AUDIENCE,
          {
            isGroup: false,
            bot: { id: appId ? `28:${appId}` : 'bot', name: 'Social Media Policy Hub' },
            members: [{ id: aadObjectId, name: '' }],
            tenantId,
            channelData: { tenant: { id: tenantId } },
          } as ConversationParameters,
          async (context) => {
            reference = TurnContext.getConversationReference(context.activity);
          },
        );
        if (!reference) throw new Error('the Bot Connector did not start the chat');
        // The SDK's reference points at the creating activity; messages to the chat are new ones, not replies.
        const { activityId: _created, ...chat } = reference;
        return chat as Record<string, unknown>;
      },
      async updateCard(reference, activityId, card) {
        await proactively(reference, async (context) => {
          await context.updateActivity({
            id: activityId,
            type: 'message',
            attachments: [CardFactory.adaptiveCard(card)],
          });
        });
      },
    },
  };
}
