/**
 * The ports: what the application needs from the world outside it, as interfaces. Adapters
 * implement them (SQLite, Graph, the Bot Framework, Key Vault); tests hand in stand-ins; src/main.ts
 * picks which. Nothing here imports a feature module, so no type goes round in a circle.
 */
import type { AdaptiveCard } from './cards/elements.ts';
import type { EntraUser } from './domain/people/directory-sync.ts';

/** What time it is; tests move it. */
export type Clock = () => Date;

/** The kinds of Teams activity-feed notification the manifest declares. */
export type ActivityType = 'reportAlert' | 'decisionNeeded' | 'taskAssigned' | 'reminder';

/** The things one person may do only so often (src/rate-limits.ts says how often). */
export type LimitedAction = 'report' | 'question' | 'askSlt' | 'search';

/**
 * Looks someone up in the tenant's directory (Entra ID through Graph) when they contact the bot
 * before the directory sync knows them. Undefined means no such user.
 */
export interface DirectoryLookup {
  user(aadObjectId: string): Promise<EntraUser | undefined>;
}

/** Asks the outbox to send what was just queued, rather than waiting for its next round. */
export interface OutboxKick {
  kick(): void;
}

/**
 * Reports that could not reach the store (Microsoft Graph throttled or down), kept on this
 * server's disk so that a report the member of staff was told is safe is never lost. Each is sent
 * again, in the order received, until the store takes it; the report's own id (from its form)
 * makes a second arrival harmless, so nothing is ever recorded twice.
 */
export interface PendingReport {
  draftId: string;
  reporterId: string;
  submitted: Record<string, unknown>;
  receivedAt: string;
  attempts: number;
}

export interface PendingReports {
  /** Durable once it returns: the row is committed with the database fully synchronous. */
  add(reporterId: string, submitted: Record<string, unknown>, receivedAt: string): void;
  all(): PendingReport[];
  forReporter(reporterId: string): PendingReport[];
  remove(draftId: string): void;
  noteAttempt(draftId: string, error: string): void;
  close(): void;
}

/** An official account's sign-in details. Kept only in the vault; records hold a reference. */
export interface AccountCredential {
  username: string;
  password: string;
  /** Recovery codes, the 2FA method, who holds the recovery phone, and so on. */
  notes: string;
}

/**
 * Where account credentials live. The record keeps only what `seal` returns: ciphertext under a
 * key the store never sees (embedded), or the name of a Key Vault secret (tenant).
 */
export interface CredentialVault {
  seal(accountId: string, credential: AccountCredential): Promise<string>;
  open(accountId: string, reference: string): Promise<AccountCredential>;
}

/** Sends proactive messages into conversations the bot has seen before. Implemented by the bot adapter. */
export interface Messenger {
  /** Resolves to the posted message's id, when the channel gives one, so it can be edited later. */
  sendCard(conversationReference: Record<string, unknown>, card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces the card in a message the bot posted earlier. */
  updateCard(conversationReference: Record<string, unknown>, activityId: string, card: AdaptiveCard): Promise<void>;
  /**
   * Starts a personal chat with someone who never wrote to the bot (the app must be installed for
   * them first) and returns the conversation's reference, to keep.
   */
  startPersonalChat(aadObjectId: string, tenantId: string): Promise<Record<string, unknown>>;
}

/**
 * Installs the app in someone's personal scope in Teams, so the bot can start a chat with them.
 * Most of the people the hub must reach (DSLs, senior leaders, HR) will never open the bot first.
 */
export interface TeamsInstaller {
  installFor(aadObjectId: string): Promise<void>;
  /** Installs the app in a team (the school's SLT team), so the bot can post in its channel. */
  installForTeam(teamId: string): Promise<void>;
  /** The team's General channel, where the bot posts for SLT. */
  primaryChannelOf(teamId: string): Promise<string>;
}

export interface FeedNotice {
  activityType: ActivityType;
  /** One line shown under the notification; no sensitive detail. */
  preview: string;
  /** The tab page the notification opens, as a Teams deep link. */
  page: string;
  parameters: Record<string, string>;
}

/** Notifications in the person's Teams activity feed, beside the chat message. */
export interface ActivityFeed {
  notify(aadObjectId: string, notice: FeedNotice): Promise<void>;
}

/** Email, for the safeguarding alerts Teams could not deliver in time. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export type Allowance = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimits {
  take(action: LimitedAction, personId: string): Promise<Allowance>;
}

/** Traces each HTTP request (Application Insights in a tenant); the returned function ends it. */
export interface RequestTracing {
  started(method: string, path: string): (route: string | undefined, status: number) => void;
}
