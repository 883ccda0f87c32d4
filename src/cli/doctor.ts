import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { graphTokens, identityFromEnv, keyVaultTokens } from '../config/azure-identity.ts';
import { ConfigError, loadConfig, readEnvFiles } from '../config/config.ts';
import { listNameOf, RECORD_JSON, SCHEMA_LIST, SCHEMA_VERSION } from '../store/sharepoint/lists.ts';
import { fillPlaceholders } from './app-package.ts';
import { unnamedConcernReaders } from '../domain/incidents/routing.ts';
import { neededPermissions } from '../config/graph-permissions.ts';

/**
 * npm run doctor -- --env dev: checks a deployment before it goes live and says, in plain words,
 * what is wrong and what to do. It only reads: nothing in the tenant or Azure is changed.
 */
export type Verdict = 'ok' | 'problem' | 'not checked';
export interface Finding {
  check: string;
  verdict: Verdict;
  detail: string;
}

type Env = Record<string, string | undefined>;

async function get(url: string, token?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, body };
}

const graphId = (value: string) => encodeURIComponent(value.replaceAll("'", "''"));

/**
 * Each school names who reads a concern about an adult (its headteacher, and the chair for one
 * about the head); where it does not, such concerns go to its safeguarding leads instead.
 */
async function checkConcernReaders(
  site: string,
  token: string,
  add: (check: string, verdict: Verdict, detail: string) => void,
): Promise<void> {
  const res = await get(
    `${site}/lists/${encodeURIComponent(listNameOf('schools'))}/items?$expand=fields($select=${RECORD_JSON})&$top=500`,
    token,
  );
  const schools = ((res.body as { value?: { fields: Record<string, unknown> }[] }).value ?? []).flatMap((item) => {
    try {
      return [
        JSON.parse(String(item.fields[RECORD_JSON] || '{}')) as { name?: string; routing?: Record<string, string> },
      ];
    } catch {
      return [];
    }
  });
  if (res.status !== 200 || schools.length === 0) {
    add(
      'Concerns about adults',
      'not checked',
      'no schools yet: they are checked once the directory has brought them in',
    );
    return;
  }
  const unnamed = schools.filter((s) => unnamedConcernReaders(s.routing).length > 0);
  if (unnamed.length === 0)
    add('Concerns about adults', 'ok', 'every school names its headteacher and chair of governors');
  else
    add(
      'Concerns about adults',
      'problem',
      `${unnamed.map((s) => s.name ?? 'a school').join(', ')}: no headteacher or chair of governors named, so concerns they would read go to the safeguarding leads; senior leaders name them in School settings`,
    );
}

export async function diagnose(rootDir: string, envName: string, overrides: Env = process.env): Promise<Finding[]> {
  const env: Env = { ...readEnvFiles(rootDir, envName), ...overrides };
  const findings: Finding[] = [];
  const add = (check: string, verdict: Verdict, detail: string) => findings.push({ check, verdict, detail });

  try {
    loadConfig({ ...env, APP_ENV: envName }, rootDir);
    add('Settings', 'ok', 'every required setting is present and well-formed');
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    add('Settings', 'problem', err.problems.join('; '));
  }

  const graph = (env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com').replace(/\/$/, '');
  let token: string | undefined;
  try {
    token = await graphTokens(identityFromEnv(env))();
    add('Identity', 'ok', 'the server’s identity signs in to Microsoft Graph');
  } catch (err) {
    add('Identity', 'problem', (err as Error).message);
  }

  if (token) {
    const roles = new Set((decodeJwt(token).roles as string[] | undefined) ?? []);
    const missing = neededPermissions(env).filter((p) => !roles.has(p.role));
    if (missing.length === 0) add('Graph permissions', 'ok', 'every permission the settings need is consented');
    else
      add(
        'Graph permissions',
        'problem',
        missing.map((p) => `${p.role} (${p.why})`).join(', ') +
          ' not consented: an administrator grants it to the server’s identity with admin consent',
      );

    for (const [check, appId, what] of [
      ['Entra API app', env.AAD_APP_CLIENT_ID, 'AAD_APP_CLIENT_ID'],
      ['Bot identity', env.BOT_ID, 'BOT_ID'],
    ] as const) {
      if (!appId) continue;
      const res = await get(`${graph}/v1.0/servicePrincipals(appId='${graphId(appId)}')`, token);
      if (res.status === 200)
        add(check, 'ok', `${what} is ${(res.body as { displayName?: string }).displayName ?? appId} in this tenant`);
      else if (res.status === 404)
        add(
          check,
          'problem',
          `${what} ${appId} is not an app in this tenant: provision again, or copy the id from the Entra admin centre`,
        );
      else
        add(
          check,
          'not checked',
          `Graph answered ${res.status}; give the identity Application.Read.All to have this checked`,
        );
    }
    if (env.TEAMS_APP_ID) {
      const res = await get(
        `${graph}/v1.0/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${env.TEAMS_APP_ID.replaceAll("'", "''")}'`)}`,
        token,
      );
      const found = (res.body as { value?: unknown[] }).value?.length ?? 0;
      if (res.status === 200 && found > 0) add('Teams app', 'ok', 'the app is in the organisation’s catalogue');
      else if (res.status === 200)
        add(
          'Teams app',
          'problem',
          `TEAMS_APP_ID ${env.TEAMS_APP_ID} is not in the organisation’s app catalogue: upload the app package (npm run package) in the Teams admin centre`,
        );
      else
        add(
          'Teams app',
          'not checked',
          `Graph answered ${res.status}; give the identity AppCatalog.Read.All to have this checked`,
        );
    }
    if (env.STORE !== 'sqlite' && env.SHAREPOINT_SITE_ID) {
      const site = await get(`${graph}/v1.0/sites/${env.SHAREPOINT_SITE_ID}`, token);
      if (site.status !== 200) {
        add(
          'SharePoint site',
          'problem',
          `Graph answered ${site.status} for SHAREPOINT_SITE_ID: check the id, and that the identity has write on the site (Sites.Selected)`,
        );
      } else {
        const items = await get(
          `${graph}/v1.0/sites/${env.SHAREPOINT_SITE_ID}/lists/${encodeURIComponent(SCHEMA_LIST)}/items?$expand=fields`,
          token,
        );
        const version = Number(
          ((items.body as { value?: { fields: { Version?: number } }[] }).value ?? [])[0]?.fields.Version,
        );
        if (items.status !== 200 || !version)
          add(
            'SharePoint site',
            'problem',
            'the site is reachable but not provisioned: run npm run provision -- --site <site>',
          );
        else if (version < SCHEMA_VERSION)
          add(
            'SharePoint site',
            'problem',
            `the site has schema version ${version}; this version needs ${SCHEMA_VERSION}: run npm run provision again`,
          );
        else {
          add('SharePoint site', 'ok', `reachable and provisioned (schema version ${version})`);
          await checkConcernReaders(`${graph}/v1.0/sites/${env.SHAREPOINT_SITE_ID}`, token, add);
        }
      }
    }
  }

  if (env.KEY_VAULT_URL) {
    try {
      const vaultToken = await keyVaultTokens(identityFromEnv(env))();
      const res = await get(`${env.KEY_VAULT_URL.replace(/\/$/, '')}/secrets?api-version=7.4&maxresults=1`, vaultToken);
      if (res.status === 200) add('Key Vault', 'ok', 'reachable, and the identity may use its secrets');
      else if (res.status === 403)
        add('Key Vault', 'problem', 'the identity is refused: give it the Key Vault Secrets Officer role on the vault');
      else add('Key Vault', 'problem', `Key Vault answered ${res.status}`);
    } catch (err) {
      add('Key Vault', 'problem', `not reachable: ${(err as Error).message}`);
    }
  }

  if (env.PUBLIC_URL) {
    const url = new URL('/readyz', env.PUBLIC_URL);
    if (url.protocol !== 'https:')
      add('Public address', 'problem', 'PUBLIC_URL must be https: Teams reaches the bot and the tab only over HTTPS');
    else {
      try {
        const res = await get(url.href);
        if (res.status === 200) add('Public address', 'ok', `${url.href} answers ready over HTTPS`);
        else add('Public address', 'problem', `${url.href} answered ${res.status}: ${JSON.stringify(res.body)}`);
      } catch (err) {
        add(
          'Public address',
          'problem',
          `${url.href} cannot be reached: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`,
        );
      }
    }
    const { text } = fillPlaceholders(readFileSync(join(rootDir, 'appPackage', 'manifest.json'), 'utf8'), env);
    const manifest = JSON.parse(text) as { validDomains?: string[] };
    const host = new URL(env.PUBLIC_URL).host;
    if ((manifest.validDomains ?? []).includes(host)) add('Manifest domains', 'ok', `validDomains includes ${host}`);
    else
      add(
        'Manifest domains',
        'problem',
        `validDomains is ${JSON.stringify(manifest.validDomains)} but the app is at ${host}: set TAB_DOMAIN and BOT_DOMAIN to ${host}`,
      );
  }
  return findings;
}

const MARK: Record<Verdict, string> = { ok: '✓', problem: '✗', 'not checked': '–' };

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { env: { type: 'string' } } });
  if (!values.env || !/^[a-z][a-z0-9-]*$/.test(values.env)) {
    process.stderr.write('Usage: npm run doctor -- --env <name, for example dev>\n');
    return 2;
  }
  const findings = await diagnose(process.cwd(), values.env);
  for (const f of findings) process.stdout.write(`${MARK[f.verdict]} ${f.check}: ${f.detail}\n`);
  const problems = findings.filter((f) => f.verdict === 'problem').length;
  process.stdout.write(problems ? `\n${problems} to put right before going live.\n` : '\nReady to go live.\n');
  return problems ? 1 : 0;
}

if (import.meta.main) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`The doctor could not finish: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
