import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { IdentitySettings } from './azure-identity.ts';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isIP } from 'node:net';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  message: 'expected a GUID such as 00000000-0000-0000-0000-000000000000',
});
const flag = z.enum(['true', 'false'], { message: 'expected true or false' }).transform((v) => v === 'true');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** Each variable with what it must look like; the messages are shown to whoever starts the server. */
const schema = z.object({
  APP_ENV: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a lower-case name such as local or dev' }),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a whole number' })
    .min(0, { message: 'expected a port from 0 (any free port) to 65535' })
    .max(65535, { message: 'expected a port from 0 (any free port) to 65535' }),
  HOST: z.string().min(1, { message: 'expected a host name or IP address to listen on' }),
  PUBLIC_URL: z.url({ message: 'expected an absolute URL such as https://hub.example.sch.uk' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'expected one of fatal, error, warn, info, debug, trace, silent',
  }),
  STORE: z.enum(['sqlite', 'sharepoint'], { message: 'expected sqlite or sharepoint' }),
  SQLITE_PATH: z.string().min(1, { message: 'expected a file path for the SQLite database' }),
  TENANT_ID: guid.optional(),
  BOT_ID: guid.optional(),
  SECRET_BOT_PASSWORD: optionalText,
  /** The manifest's id, which Teams calls the app's external id. */
  TEAMS_APP_ID: guid.optional(),
  /** The app's id in the organisation's Teams app catalogue, for installing it for people (not the manifest id). */
  TEAMS_CATALOG_APP_ID: optionalText,
  /** Where the bot starts conversations with people who never wrote to it (Teams' Bot Connector). */
  BOT_SERVICE_URL: z.string().url().default('https://smba.trafficmanager.net/teams/'),
  AAD_APP_CLIENT_ID: guid.optional(),
  SHAREPOINT_SITE_ID: optionalText,
  GRAPH_CLIENT_ID: guid.optional(),
  SECRET_GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_CERTIFICATE_PATH: optionalText,
  /**
   * Where reports wait while the store is away. On App Service, a file per instance on the
   * persistent /home share: "{instance}" becomes the instance's id, so servers never share one file.
   */
  PENDING_REPORTS_PATH: optionalText,
  /** Application Insights: request traces and logs go there through OpenTelemetry when set. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  /** Set by App Service on each instance. */
  WEBSITE_INSTANCE_ID: optionalText,
  /** A user-assigned managed identity's client id (the name @azure/identity and App Service use). */
  AZURE_CLIENT_ID: guid.optional(),
  /** Which identity the server signs in with, when not the first the host offers (managed identity, then certificate, then secret). */
  SERVER_IDENTITY: z.enum(['managed-identity', 'certificate', 'secret']).optional(),
  DEV_SIGN_IN: flag.optional(),
  SEED_DEMO_DATA: flag.optional(),
  EVIDENCE_HOSTS: z
    .string()
    .regex(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/i, { message: 'expected comma-separated host names such as sharepoint.com' }),
  SECRET_CREDENTIAL_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]{43}=$/.test(v), {
      message: 'expected 32 random bytes in base64 (44 characters); make one with: openssl rand -base64 32',
    })
    .optional(),
  KEY_VAULT_URL: z
    .url({ protocol: /^https$/, message: 'expected the vault URI, such as https://smph-keys.vault.azure.net' })
    .optional(),
  ENTRA_JWKS_URL: z.url({ message: 'expected the URL of the signing keys (JWKS)' }).optional(),
  ENTRA_ALLOWED_TENANTS: z
    .string()
    .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i, { message: 'expected comma-separated tenant ids' })
    .optional(),
  ROLE_GROUPS: z
    .string()
    .regex(/^[0-9a-f-]{36}=(Staff|SLT|DSL|HR|Admin)(@[\w-]+)?(,[0-9a-f-]{36}=(Staff|SLT|DSL|HR|Admin)(@[\w-]+)?)*$/i, {
      message: 'expected groupId=Role or groupId=Role@schoolId, comma-separated (roles: Staff, SLT, DSL, HR, Admin)',
    })
    .optional(),
  ENTRA_DIRECTORY_SYNC: flag.optional(),
  /** The mailbox (UPN or id) undelivered safeguarding alerts are emailed from. */
  ALERT_MAILBOX: optionalText,
  /** Where a report from someone the directory cannot place in a school is filed, for its DSLs to triage. */
  TRIAGE_SCHOOL_ID: z.string().min(1).max(128).optional(),
  DIRECTORY_SCHOOL_ATTRIBUTE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'expected a Graph user property, such as companyName' }),
  MAX_BODY_BYTES: z.coerce
    .number({ message: 'expected a number of bytes' })
    .int()
    .min(1024, { message: 'expected at least 1024 bytes' })
    .max(50 * 1024 * 1024, { message: 'expected at most 52428800 bytes (50 MB)' }),
});

const DEFAULTS: Record<string, string> = {
  APP_ENV: 'local',
  PORT: '3978',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  STORE: 'sqlite',
  SQLITE_PATH: './data/app.db',
  MAX_BODY_BYTES: String(1024 * 1024),
  DIRECTORY_SCHOOL_ATTRIBUTE: 'companyName',
  // Where Teams puts files sent to a bot: OneDrive/SharePoint download links and the bot connector.
  EVIDENCE_HOSTS: 'sharepoint.com,sharepoint.us,smba.trafficmanager.net,botframework.com',
};

/** Settings whose presence means "this is a real tenant", which rules out the dev sign-in. */
const PRODUCTION_SETTINGS = ['TENANT_ID', 'BOT_ID', 'SECRET_BOT_PASSWORD', 'AAD_APP_CLIENT_ID', 'SHAREPOINT_SITE_ID'];

export interface Config {
  envName: string;
  /** embedded: no tenant, SQLite and dev sign-in; tenant: a real Microsoft 365 tenant. */
  mode: 'embedded' | 'tenant';
  rootDir: string;
  port: number;
  host: string;
  publicUrl?: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  store: { kind: 'sqlite'; path: string } | { kind: 'sharepoint'; siteId: string };
  /** Reports waiting for the store to come back, on this server's disk beside SQLITE_PATH. */
  pendingReportsPath: string;
  /** Application Insights' connection string, when traces and logs should go there. */
  appInsights?: string;
  /** How the server signs in to Microsoft Graph as itself: an app registration, or the managed identity. */
  /** The one identity for every Azure and Graph call (see config/azure-identity.ts). */
  graph: IdentitySettings;
  tenantId?: string;
  bot: {
    appId?: string;
    password?: string;
    /** The bot signs in as the server's user-assigned managed identity (no secret), or as its own single-tenant app. */
    appType: 'UserAssignedMSI' | 'SingleTenant';
    serviceUrl: string;
    catalogAppId?: string;
  };
  teamsAppId?: string;
  alertMailbox?: string;
  apiClientId?: string;
  devSignIn: boolean;
  seedDemoData: boolean;
  maxBodyBytes: number;
  /**
   * Hosts (and their subdomains) the bot may download attachments from, over HTTPS. Embedded mode
   * also allows loopback, where the Agents Playground and the tests serve files.
   */
  evidence: { hosts: string[]; allowLoopback: boolean };
  /**
   * Where official accounts' sign-in details are kept: Azure Key Vault in a tenant, or encrypted
   * in the store under a key from env/.env.<name>.user. Absent only when embedded and not yet set up.
   */
  credentials?: { kind: 'key-vault'; vaultUrl: string } | { kind: 'encrypted-in-store'; key: Buffer };
  /** How the API checks Entra tokens in a tenant; absent when embedded. */
  entra?: EntraConfig;
  /** In a tenant, staff can come from Entra ID daily; the school is read from this user property. */
  directory: { entraSync: boolean; schoolAttribute: string; triageSchoolId?: string };
}

export interface EntraConfig {
  tenantId: string;
  /** Tenants whose tokens are accepted: the school's own, plus any configured (a trust across tenants). */
  allowedTenants: string[];
  clientId: string;
  /** The API's app id and its Application ID URIs; a token for anything else is refused. */
  audiences: string[];
  jwksUrl: string;
  /** Security groups that grant a role, at one school or (without one) at the member's own school. */
  roleGroups: { groupId: string; role: Role; schoolId?: string }[];
}

/** The host name a Host header, an Origin or a URL names, without port or IPv6 brackets; empty if none. */
export function urlHost(value: string): string {
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** Reads env/.env.<name> then env/.env.<name>.user (secrets); the process environment wins over both. */
export function readEnvFiles(rootDir: string, envName: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const file of [`.env.${envName}`, `.env.${envName}.user`]) {
    const path = join(rootDir, 'env', file);
    if (existsSync(path)) Object.assign(values, parseDotenv(readFileSync(path)));
  }
  return values;
}

export function loadConfig(processEnv: NodeJS.ProcessEnv = process.env, rootDir = process.cwd()): Config {
  const envName = processEnv.APP_ENV || DEFAULTS.APP_ENV!;
  const fromFiles = /^[a-z][a-z0-9-]*$/.test(envName) ? readEnvFiles(rootDir, envName) : {};
  const raw: Record<string, string | undefined> = { ...DEFAULTS, ...fromFiles };
  for (const key of Object.keys(schema.shape)) {
    const value = processEnv[key];
    if (value !== undefined) raw[key] = value;
  }
  // An empty value in an env file means "not set", as the Agents Toolkit writes them.
  for (const [key, value] of Object.entries(raw)) if (value === '') raw[key] = DEFAULTS[key];

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '(config)');
        return `${name}: ${issue.message} (got ${JSON.stringify(raw[name] ?? null)})`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  const productionSet = PRODUCTION_SETTINGS.filter((k) => raw[k] !== undefined);
  const mode = env.TENANT_ID ? 'tenant' : 'embedded';
  const devSignIn = env.DEV_SIGN_IN ?? mode === 'embedded';

  if (devSignIn && productionSet.length > 0) {
    problems.push(
      `DEV_SIGN_IN: the dev sign-in is refused because production settings are present (${productionSet.join(', ')}); ` +
        'set DEV_SIGN_IN=false, or remove those settings to run embedded',
    );
  }
  if (devSignIn && !isLoopback(env.HOST)) {
    problems.push(
      `HOST: the dev sign-in only listens on loopback (127.0.0.1, ::1 or localhost), got "${env.HOST}"; ` +
        'set HOST=127.0.0.1 or DEV_SIGN_IN=false',
    );
  }
  if (devSignIn && productionSet.length === 0 && env.PUBLIC_URL && !isLoopback(urlHost(env.PUBLIC_URL))) {
    // Behind a reverse proxy a loopback listener is public: anyone could take a DSL's token.
    problems.push(
      `PUBLIC_URL: the dev sign-in only runs at a loopback address, got "${env.PUBLIC_URL}"; ` +
        'remove PUBLIC_URL or set DEV_SIGN_IN=false',
    );
  }
  if (mode === 'tenant') {
    for (const key of ['BOT_ID', 'AAD_APP_CLIENT_ID'] as const) {
      if (!env[key]) problems.push(`${key}: required when TENANT_ID is set (a real tenant needs it)`);
    }
    // The bot's identity is the managed identity (BOT_ID = AZURE_CLIENT_ID, no secret) or an app with a secret.
    if (env.BOT_ID && env.BOT_ID !== env.AZURE_CLIENT_ID && !env.SECRET_BOT_PASSWORD) {
      problems.push(
        'SECRET_BOT_PASSWORD: required unless the bot signs in as the managed identity (set BOT_ID to the same id as AZURE_CLIENT_ID)',
      );
    }
    if (!env.PUBLIC_URL) problems.push('PUBLIC_URL: required when TENANT_ID is set, e.g. https://hub.example.sch.uk');
    if (env.ENTRA_JWKS_URL) {
      const jwks = new URL(env.ENTRA_JWKS_URL);
      // Signing keys decide who anyone is: only over HTTPS, except a local stand-in on this machine.
      if (jwks.protocol !== 'https:' && !isLoopback(jwks.hostname.replace(/^\[|\]$/g, ''))) {
        problems.push(`ENTRA_JWKS_URL: must be https (got ${jwks.protocol}//${jwks.host})`);
      }
    }
    if (!env.KEY_VAULT_URL && !env.SECRET_CREDENTIAL_KEY) {
      problems.push(
        'KEY_VAULT_URL: required when TENANT_ID is set, so account credentials go to Azure Key Vault (or set SECRET_CREDENTIAL_KEY to keep them encrypted in the store)',
      );
    }
  }
  if (env.STORE === 'sharepoint') {
    if (mode !== 'tenant') problems.push('STORE: sharepoint needs a tenant; set TENANT_ID or use STORE=sqlite');
    if (!env.SHAREPOINT_SITE_ID) problems.push('SHAREPOINT_SITE_ID: required when STORE=sharepoint');
  }
  if (problems.length) throw new ConfigError(problems);

  const sqlitePath = isAbsolute(env.SQLITE_PATH) ? env.SQLITE_PATH : resolve(rootDir, env.SQLITE_PATH);
  return {
    envName,
    mode,
    rootDir,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    store:
      env.STORE === 'sqlite'
        ? { kind: 'sqlite', path: env.SQLITE_PATH === ':memory:' ? ':memory:' : sqlitePath }
        : { kind: 'sharepoint', siteId: env.SHAREPOINT_SITE_ID! },
    appInsights: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
    pendingReportsPath: env.PENDING_REPORTS_PATH
      ? resolve(rootDir, env.PENDING_REPORTS_PATH.replaceAll('{instance}', env.WEBSITE_INSTANCE_ID ?? hostname()))
      : env.SQLITE_PATH === ':memory:'
        ? ':memory:'
        : join(dirname(sqlitePath), 'pending-reports.db'),
    graph: {
      tenantId: env.TENANT_ID,
      clientId: env.GRAPH_CLIENT_ID,
      clientSecret: env.SECRET_GRAPH_CLIENT_SECRET,
      certificatePath: env.GRAPH_CERTIFICATE_PATH ? resolve(rootDir, env.GRAPH_CERTIFICATE_PATH) : undefined,
      managedIdentityClientId: env.AZURE_CLIENT_ID,
      use: env.SERVER_IDENTITY,
    },
    tenantId: env.TENANT_ID,
    teamsAppId: env.TEAMS_APP_ID,
    alertMailbox: env.ALERT_MAILBOX,
    bot: {
      appId: env.BOT_ID,
      password: env.SECRET_BOT_PASSWORD,
      appType: env.BOT_ID && env.BOT_ID === env.AZURE_CLIENT_ID ? 'UserAssignedMSI' : 'SingleTenant',
      serviceUrl: env.BOT_SERVICE_URL,
      catalogAppId: env.TEAMS_CATALOG_APP_ID,
    },
    apiClientId: env.AAD_APP_CLIENT_ID,
    devSignIn,
    seedDemoData: env.SEED_DEMO_DATA ?? mode === 'embedded',
    maxBodyBytes: env.MAX_BODY_BYTES,
    evidence: { hosts: env.EVIDENCE_HOSTS.toLowerCase().split(','), allowLoopback: mode === 'embedded' },
    credentials: env.KEY_VAULT_URL
      ? { kind: 'key-vault', vaultUrl: env.KEY_VAULT_URL }
      : env.SECRET_CREDENTIAL_KEY
        ? { kind: 'encrypted-in-store', key: Buffer.from(env.SECRET_CREDENTIAL_KEY, 'base64') }
        : undefined,
    entra:
      env.TENANT_ID && env.AAD_APP_CLIENT_ID
        ? {
            tenantId: env.TENANT_ID.toLowerCase(),
            allowedTenants: [env.TENANT_ID, ...(env.ENTRA_ALLOWED_TENANTS?.split(',') ?? [])].map((t) =>
              t.toLowerCase(),
            ),
            clientId: env.AAD_APP_CLIENT_ID,
            audiences: [
              env.AAD_APP_CLIENT_ID,
              `api://${env.AAD_APP_CLIENT_ID}`,
              ...(env.PUBLIC_URL ? [`api://${new URL(env.PUBLIC_URL).host}/${env.AAD_APP_CLIENT_ID}`] : []),
            ],
            jwksUrl: env.ENTRA_JWKS_URL ?? `https://login.microsoftonline.com/${env.TENANT_ID}/discovery/v2.0/keys`,
            roleGroups: (env.ROLE_GROUPS?.split(',') ?? []).map((entry) => {
              const [groupId, rest] = entry.split('=') as [string, string];
              const [role, schoolId] = rest.split('@') as [string, string | undefined];
              const canonical = ROLES.find((r) => r.toLowerCase() === role.toLowerCase())!;
              return { groupId: groupId.toLowerCase(), role: canonical, ...(schoolId ? { schoolId } : {}) };
            }),
          }
        : undefined,
    directory: {
      entraSync: mode === 'tenant' && (env.ENTRA_DIRECTORY_SYNC ?? false),
      schoolAttribute: env.DIRECTORY_SCHOOL_ATTRIBUTE,
      triageSchoolId: env.TRIAGE_SCHOOL_ID,
    },
  };
}
