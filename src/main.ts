import type { CredentialVault } from './ports.ts';
import { createBotEndpoint } from '../bot/botbuilder-adapter.ts';
import { DEMO_PERSONAS } from './seed/demo-data.ts';
import { encryptedInStoreVault } from './accounts/credential-vault.ts';
import { keyVault } from './accounts/key-vault.ts';
import { graphTokens, keyVaultTokens } from './config/azure-identity.ts';
import { createLocalCredentialKey } from './config/local-secrets.ts';
import { createBot } from '../bot/conversation.ts';
import { createDevSignIn, entraNotConfigured } from './auth/dev-sign-in.ts';
import { createEntraAuthenticator } from './auth/entra-sign-in.ts';
import { ConfigError, loadConfig, type Config } from './config/config.ts';
import { createHttpServer, type HttpServer } from './http/server.ts';
import { createLogger, embeddedLogDestination, LOG_FILE, type Logger } from './log.ts';
import { dirname, join } from 'node:path';
import { multistream } from 'pino';
import { seedDemoData } from './seed/seed.ts';
import type { Services } from './services.ts';
import { chaseUnread } from './incidents/chase-unread.ts';
import { openPendingReports, replayPendingReports } from './incidents/pending-reports.ts';
import { followUpApplications } from './applications/follow-up-applications.ts';
import { followUpMonitoring } from './accounts/follow-up-monitoring.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from './notifications/outbox-dispatcher.ts';
import { allMessages } from './notifications/all-messages.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';
import { unnamedConcernReaders } from './domain/incidents/routing.ts';
import { createRateLimits } from './rate-limits.ts';
import { entraUser, graphClient, syncFromEntra } from './people/entra-directory.ts';
import { graphTeamsInstaller } from './notifications/reach.ts';
import { graphActivityFeed } from './notifications/activity-feed.ts';
import { graphMailer } from './notifications/mail.ts';
import { emailUndeliveredAlerts } from './incidents/alert-fallback.ts';

export interface RunningApp {
  services: Services;
  http: HttpServer;
  /** Its idle() says when what was queued so far has been tried, for shutdown and tests. */
  dispatcher: OutboxDispatcher;
  port: number;
  stop(): Promise<void>;
}

function credentialVault(config: Config): CredentialVault | undefined {
  if (config.credentials?.kind === 'key-vault') return keyVault(config.credentials.vaultUrl, keyVaultTokens(config));
  if (config.credentials?.kind === 'encrypted-in-store') return encryptedInStoreVault(config.credentials.key);
  return undefined;
}

/**
 * Graph as the server itself (app-only), for the directory, Teams installation, the activity feed
 * and mail, with the server's one identity (the activity feed needs it to be the app in the
 * manifest's webApplicationInfo: SERVER_IDENTITY=certificate with that app's certificate).
 */
/** Longer than any commit takes, retries included, so a commit still under way is left to its instance. */
const INTERRUPTED_AFTER_MS = 3 * 60_000;
const INTERRUPTED_CHECK_MS = 60_000;

const serverGraph = (config: Config) => graphClient(graphTokens(config));

/** In a tenant whose app is in the org catalogue, the app installs itself for the people it must reach. */
function teamsInstaller(config: Config): Services['installer'] {
  if (config.mode !== 'tenant' || !config.bot.catalogAppId || !config.teamsAppId) return undefined;
  return graphTeamsInstaller(serverGraph(config), config.bot.catalogAppId, config.teamsAppId);
}

/** In a tenant, alerts and requests also go to people's Teams activity feed. */
function activityFeed(config: Config): Services['feed'] {
  if (config.mode !== 'tenant' || !config.teamsAppId) return undefined;
  return graphActivityFeed(serverGraph(config), config);
}

/** In a tenant that names an alerts mailbox, undelivered safeguarding alerts also go by email. */
function alertMailer(config: Config): Services['mailer'] {
  if (config.mode !== 'tenant' || !config.alertMailbox) return undefined;
  return graphMailer(serverGraph(config), config.alertMailbox);
}

/** Looks single people up in Entra ID, with the same permission as the daily sync (User.Read.All). */
function entraLookup(config: Config): Services['directory'] {
  const client = serverGraph(config);
  return { user: (id) => entraUser(client, id, config.directory.schoolAttribute) };
}

/** In a tenant that asks for it, staff come from Entra ID: once at start, then daily. */
function scheduleEntraSync(services: Services): NodeJS.Timeout {
  const client = serverGraph(services.config);
  const sync = () =>
    syncFromEntra(services, client, services.config.directory.schoolAttribute).then(
      (result) => services.log.info(result, 'staff directory synced from Entra ID'),
      (err: unknown) => services.log.error({ err }, 'the staff directory sync from Entra ID failed'),
    );
  void sync();
  const timer = setInterval(() => void sync(), 24 * 60 * 60_000);
  timer.unref();
  return timer;
}

/**
 * Parts made elsewhere instead of from the configuration: a store (SharePoint through a test's
 * local Graph), or the Graph-backed edges (directory look-up, Teams installation, activity feed,
 * mail) pointed at stand-ins.
 */
export type AppOptions = { store?: Store } & Partial<
  Pick<Services, 'directory' | 'installer' | 'feed' | 'mailer' | 'tracing'>
>;

/** A school with no headteacher or chair named sends concerns they would read to its DSLs: said at start. */
async function warnOfUnreadableConcerns(store: Store, log: Logger): Promise<void> {
  for (const school of await store.schools.listAll()) {
    const missing = unnamedConcernReaders(school.routing);
    if (missing.length > 0) {
      log.warn(
        { schoolId: school.id, missing },
        'no one is named to read some concerns about adults; they go to the safeguarding leads until senior leaders name them on School settings',
      );
    }
  }
}

/** Builds and starts the whole app: store, seed, bot and HTTP server. */
export async function startApp(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  options: AppOptions = {},
): Promise<RunningApp> {
  const store = options.store ?? openStore(config);
  const devSignIn = config.devSignIn ? createDevSignIn(DEMO_PERSONAS) : undefined;
  const services: Services = {
    config,
    store,
    log,
    auth: devSignIn ?? (config.entra ? createEntraAuthenticator(config.entra, log) : entraNotConfigured),
    devSignIn,
    now: () => new Date(),
    vault: credentialVault(config),
    limits: createRateLimits(),
    pendingReports: openPendingReports(config.pendingReportsPath),
    directory: options.directory ?? (config.directory.entraSync ? entraLookup(config) : undefined),
    installer: options.installer ?? teamsInstaller(config),
    feed: options.feed ?? activityFeed(config),
    mailer: options.mailer ?? alertMailer(config),
    // Reports are only accepted once the server listens, by which time the dispatcher exists.
    outbox: { kick: () => dispatcher.kick() },
    tracing: options.tracing,
  };
  if (config.seedDemoData) {
    const { created } = await seedDemoData(store);
    if (created > 0) log.info({ created }, 'seeded demo data');
  }
  await warnOfUnreadableConcerns(store, log).catch((err: unknown) =>
    log.warn({ err }, 'could not check who reads concerns about adults'),
  );
  const bot = createBotEndpoint(services, createBot(services));
  const dispatcher = createOutboxDispatcher(services, bot.messenger, allMessages(services));
  const http = createHttpServer(services, bot.endpoint);
  // Every minute, chase unread reports, undecided applications and account duties; their rules decide what is due.
  const chasing = setInterval(() => {
    chaseUnread(services).catch((err: unknown) => log.error({ err }, 'chasing unread reports failed'));
    followUpApplications(services).catch((err: unknown) => log.error({ err }, 'following up applications failed'));
    followUpMonitoring(services).catch((err: unknown) => log.error({ err }, 'following up account monitoring failed'));
    replayPendingReports(services).catch((err: unknown) => log.error({ err }, 'sending waiting reports on failed'));
    emailUndeliveredAlerts(services).catch((err: unknown) => log.error({ err }, 'emailing undelivered alerts failed'));
  }, 60_000);
  chasing.unref();
  // A commit another instance began and did not live to end is finished (or put back) once it is
  // surely not still under way; a report sent again finishes its own at once (see reportIncident).
  const finishing = setInterval(() => {
    store
      .finishInterrupted(INTERRUPTED_AFTER_MS)
      .then((done) => {
        if (done.finished + done.undone > 0) log.warn(done, 'finished commits that an instance left part-way');
      })
      .catch((err: unknown) => log.error({ err }, 'finishing interrupted commits failed'));
  }, INTERRUPTED_CHECK_MS);
  finishing.unref();
  const directorySync = config.directory.entraSync ? scheduleEntraSync(services) : undefined;
  const port = await http.listen();
  log.info(
    { url: `http://${config.host}:${port}`, mode: config.mode, store: config.store.kind, devSignIn: config.devSignIn },
    'server listening',
  );
  return {
    services,
    http,
    dispatcher,
    port,
    async stop() {
      clearInterval(chasing);
      clearInterval(finishing);
      if (directorySync) clearInterval(directorySync);
      await http.close();
      await dispatcher.stop();
      services.pendingReports?.close();
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    if (config.mode === 'embedded' && !config.credentials) {
      // First run on a new machine: make the key that encrypts account credentials, kept out of git.
      const file = createLocalCredentialKey(config.rootDir, config.envName);
      process.stdout.write(`Created a key for account credentials in ${file}; keep it with the database.\n`);
      config = loadConfig();
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\nSee README.md, "Configuration", for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }
  // Loaded only when configured: OpenTelemetry is a large import that embedded mode never needs.
  const telemetry = config.appInsights
    ? (await import('./telemetry.ts')).startTelemetry(config.appInsights)
    : undefined;
  const logDirectory =
    config.mode === 'embedded' && config.store.kind === 'sqlite' && config.store.path !== ':memory:'
      ? join(dirname(config.store.path), 'logs')
      : undefined;
  const logFile = logDirectory ? embeddedLogDestination(logDirectory, config.logLevel) : undefined;
  const log = createLogger(
    config.logLevel,
    logFile
      ? logFile.destination
      : telemetry
        ? multistream([{ stream: process.stdout }, { stream: telemetry.logs }])
        : undefined,
  );
  const app = await startApp(config, log, { tracing: telemetry?.tracing });
  if (config.mode === 'embedded') {
    process.stdout.write(`\n  Social Media Policy Hub is running: http://localhost:${app.port}/tab/\n`);
    if (logDirectory)
      process.stdout.write(`  Its log is in ${join(logDirectory, LOG_FILE.name)} (warnings also show here).\n`);
    process.stdout.write('\n');
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.stop().then(
      // Sends what telemetry is still buffered before the process goes.
      async () => {
        await telemetry?.shutdown().catch(() => undefined);
        await logFile?.close();
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (import.meta.main) {
  main().catch((err: unknown) => {
    process.stderr.write(`The server could not start: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
