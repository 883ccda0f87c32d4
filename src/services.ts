import type { PendingReports } from './incidents/pending-reports.ts';
import type { CredentialVault } from './accounts/credential-vault.ts';
import type { DevSignIn } from './auth/dev-sign-in.ts';
import type { Authenticator } from './auth/principal.ts';
import type { Config } from './config/config.ts';
import type { EntraUser } from './domain/people/directory-sync.ts';
import type { Logger } from './log.ts';
import type { TeamsInstaller } from './notifications/reach.ts';
import type { ActivityFeed } from './notifications/activity-feed.ts';
import type { Mailer } from './notifications/mail.ts';
import type { Store } from './store/store.ts';
import type { RateLimits } from './rate-limits.ts';

/** What the server, bot and CLI share; built once in main and passed down, never global. */
export interface Services {
  config: Config;
  store: Store;
  log: Logger;
  auth: Authenticator;
  /** Present only in embedded mode on loopback. */
  devSignIn?: DevSignIn;
  now: () => Date;
  /** Official accounts' sign-in details; absent until a key or Key Vault is configured. */
  vault?: CredentialVault;
  /** Per-person limits on reports, questions and searches. */
  limits: RateLimits;
  /** Reports kept on this server's disk while the store is unreachable; sent on when it is back. */
  pendingReports?: PendingReports;
  /**
   * Looks someone up in the tenant's directory (Entra ID through Graph) when they contact the bot
   * before the directory sync knows them; absent when embedded. Undefined means no such user.
   */
  directory?: { user(aadObjectId: string): Promise<EntraUser | undefined> };
  /** Email for safeguarding alerts Teams did not deliver in time; absent without ALERT_MAILBOX. */
  mailer?: Mailer;
  /** Notifications in people's Teams activity feed; absent when embedded. */
  feed?: ActivityFeed;
  /** Installs the app for people the bot must reach who never opened it; absent when embedded. */
  installer?: TeamsInstaller;
  /** Asks the outbox to send what was just queued, rather than waiting for its next round. */
  outbox: { kick(): void };
}
