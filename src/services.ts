import type { DevSignIn } from './auth/dev-sign-in.ts';
import type { Authenticator } from './auth/principal.ts';
import type { Config } from './config/config.ts';
import type { Logger } from './log.ts';
import type {
  ActivityFeed,
  Clock,
  CredentialVault,
  DirectoryLookup,
  Mailer,
  OutboxKick,
  PendingReports,
  RateLimits,
  TeamsInstaller,
  RequestTracing,
} from './ports.ts';
import type { Store } from './store/store.ts';

/** What the server, bot and CLI share; built once in main and passed down, never global. */
export interface Services {
  config: Config;
  store: Store;
  log: Logger;
  auth: Authenticator;
  /** Present only in embedded mode on loopback. */
  devSignIn?: DevSignIn;
  now: Clock;
  /** Official accounts' sign-in details; absent until a key or Key Vault is configured. */
  vault?: CredentialVault;
  /** Per-person limits on reports, questions and searches. */
  limits: RateLimits;
  /** Reports kept on this server's disk while the store is unreachable; sent on when it is back. */
  pendingReports?: PendingReports;
  /** The tenant's directory, for people the bot meets before the sync does; absent when embedded. */
  directory?: DirectoryLookup;
  /** Email for safeguarding alerts Teams did not deliver in time; absent without ALERT_MAILBOX. */
  mailer?: Mailer;
  /** Notifications in people's Teams activity feed; absent when embedded. */
  feed?: ActivityFeed;
  /** Installs the app for people the bot must reach who never opened it; absent when embedded. */
  installer?: TeamsInstaller;
  outbox: OutboxKick;
  /** Request traces; absent unless Application Insights is configured. */
  tracing?: RequestTracing;
}
