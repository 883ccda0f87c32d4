import type { BotTurn, Reply } from '../../bot/activity.ts';
import { createBot } from '../../bot/conversation.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log.ts';
import { seedDemoData } from '../../src/seed/seed.ts';
import type { Services } from '../../src/services.ts';
import { openSqliteAdapter } from '../../src/store/sqlite/sqlite-store.ts';
import { createStore } from '../../src/store/store.ts';
import { entraNotConfigured } from '../../src/auth/dev-sign-in.ts';
import { createRateLimits } from '../../src/rate-limits.ts';
import { ROOT } from '../helpers/app.ts';

const SCHOOL_TENANT = '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

async function tenantServices(): Promise<Services> {
  const config = loadConfig(
    {
      APP_ENV: 'test',
      TENANT_ID: SCHOOL_TENANT,
      BOT_ID: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
      SECRET_BOT_PASSWORD: 'x',
      AAD_APP_CLIENT_ID: '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a',
      PUBLIC_URL: 'https://hub.example.sch.uk',
      KEY_VAULT_URL: 'https://smph-keys.vault.azure.net',
      DEV_SIGN_IN: 'false',
    },
    ROOT,
  );
  const store = createStore(openSqliteAdapter({ path: ':memory:' }));
  await seedDemoData(store);
  return {
    config,
    store,
    log: createLogger('silent'),
    auth: entraNotConfigured,
    now: () => new Date(),
    limits: createRateLimits(),
    outbox: { kick: () => undefined },
  };
}

/** A turn that records what the bot sends, standing in for the SDK adapter. */
function turn(tenantId: string | undefined, text = 'hello'): BotTurn & { sent: Reply[] } {
  const sent: Reply[] = [];
  return {
    sent,
    activity: {
      type: 'message',
      text,
      from: { id: '29:someone', name: 'Someone' },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:conv', conversationType: 'personal' },
      tenantId,
    },
    send: async (reply) => {
      sent.push(reply);
    },
    respondWithCard: async (card) => {
      sent.push({ card });
    },
    fetchWithBotToken: (url, init) => fetch(url, init),
    conversationReference: () => ({ conversation: { id: 'a:conv' } }),
  };
}

describe('tenant guard', () => {
  test("activities from another tenant, or with no tenant, get no reply; the school's own tenant does", async () => {
    const services = await tenantServices();
    const bot = createBot(services);
    const foreign = turn('11111111-2222-4333-8444-555555555555');
    await bot.onTurn(foreign);
    expect(foreign.sent).toEqual([]);
    const missing = turn(undefined);
    await bot.onTurn(missing);
    expect(missing.sent).toEqual([]);
    const own = turn(SCHOOL_TENANT);
    await bot.onTurn(own);
    expect(own.sent).toHaveLength(1);
    await services.store.close();
  });
});
