import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import {
  AzureCliCredential,
  ChainedTokenCredential,
  DeviceCodeCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { Client } from '@microsoft/microsoft-graph-client';
import { decodeJwt } from 'jose';
import { readEnvFiles } from '../config/config.ts';
import { GRAPH_APP_ID, neededPermissions } from '../config/graph-permissions.ts';
import { graphAt, sharePointGraphClient } from '../store/sharepoint/graph-client.ts';
import { fillPlaceholders } from './app-package.ts';

/**
 * npm run provision:tenant -- --env dev [--phase entra|grants] [--toolkit]
 *
 * The tenant's side of provisioning, through Microsoft Graph and idempotent: run twice, the second
 * run changes nothing. `entra` makes the API's Entra app from appPackage/aad.manifest.json (the
 * access_as_user scope, the app roles, the groups claim, the Teams clients pre-authorised, the
 * redirects) and its service principal, and writes the ids to env/.env.<env>. `grants` gives the
 * server's managed identity the Graph application permissions its settings need (admin consent).
 * m365agents.yml runs `entra` before the Azure resources exist and both after; --toolkit hands the
 * ids to the Agents Toolkit instead of writing the env file.
 */
type Env = Record<string, string | undefined>;
type Json = Record<string, unknown>;

/** Microsoft Graph Command Line Tools: Microsoft's public client for administrators' scripts. */
const GRAPH_CLI_CLIENT = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
const ADMIN_SCOPES = ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Sites.FullControl.All'].map(
  (s) => `https://graph.microsoft.com/${s}`,
);

/** The administrator running this: a managed identity where there is one (Cloud Shell, a pipeline), else `az login`, else a device code. */
function adminCredential(env: Env): { credential: TokenCredential; scopes: string[] } {
  if (env.IDENTITY_ENDPOINT || env.MSI_ENDPOINT) {
    return { credential: new ManagedIdentityCredential(), scopes: ['https://graph.microsoft.com/.default'] };
  }
  return {
    credential: new ChainedTokenCredential(
      new AzureCliCredential(),
      new DeviceCodeCredential({
        clientId: GRAPH_CLI_CLIENT,
        ...(env.TENANT_ID ? { tenantId: env.TENANT_ID } : {}),
        userPromptCallback: (info) => process.stderr.write(`${info.message}\n`),
      }),
    ),
    scopes: ADMIN_SCOPES,
  };
}

interface AadManifest {
  name: string;
  signInAudience: string;
  groupMembershipClaims?: string;
  optionalClaims?: Json;
  appRoles?: Json[];
  identifierUris: string[];
  oauth2Permissions: (Json & { value: string })[];
  preAuthorizedApplications: { appId: string }[];
  replyUrlsWithType: { url: string; type: string }[];
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: 'Scope' | 'Role' }[] }[];
}

async function tryGet(client: Client, path: string): Promise<Json | undefined> {
  try {
    return (await client.api(path).get()) as Json;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

/** Only the fields given in `wanted` that differ from `current`: what a PATCH must send. */
function differences(current: Json, wanted: Json): Json {
  const changed: Json = {};
  for (const [key, value] of Object.entries(wanted)) {
    const now = current[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && now && typeof now === 'object') {
      const inner = differences(now as Json, value as Json);
      if (Object.keys(inner).length) changed[key] = value;
    } else if (!isDeepStrictEqual(now, value)) changed[key] = value;
  }
  return changed;
}

export interface ProvisionResult {
  done: string[];
  values: Record<string, string>;
}

export async function provisionTenant(
  rootDir: string,
  envName: string,
  phases: ('entra' | 'grants')[],
  client: Client,
  tenantFromToken?: string,
): Promise<ProvisionResult> {
  const env: Env = { ...readEnvFiles(rootDir, envName), ...process.env };
  const done: string[] = [];
  const values: Record<string, string> = {};
  const graphSp = (await client.api(`/servicePrincipals(appId='${GRAPH_APP_ID}')`).get()) as {
    id: string;
    appRoles: { id: string; value: string }[];
    oauth2PermissionScopes: { id: string; value: string }[];
  };

  if (phases.includes('entra')) {
    const uniqueName = `social-media-policy-hub-api${env.RESOURCE_SUFFIX ?? ''}`.toLowerCase();
    const key = `/applications(uniqueName='${uniqueName.replaceAll("'", "''")}')`;
    let app = await tryGet(client, key);
    // Fill what is known now; the domain comes from the Azure resources, so the first run may lack it.
    const template = readFileSync(join(rootDir, 'appPackage', 'aad.manifest.json'), 'utf8');
    // The manifest filled with what is known so far: the app's ids once it exists.
    const manifestFor = (ids: { appId?: unknown; id?: unknown } | undefined, scopeId: string) =>
      JSON.parse(
        fillPlaceholders(template, {
          ...env,
          AAD_APP_CLIENT_ID: String(ids?.appId ?? ''),
          AAD_APP_OBJECT_ID: String(ids?.id ?? ''),
          AAD_APP_ACCESS_AS_USER_PERMISSION_ID: scopeId,
        }).text,
      ) as AadManifest;
    const scopeId =
      (
        (app?.api as { oauth2PermissionScopes?: { id: string; value: string }[] } | undefined)
          ?.oauth2PermissionScopes ?? []
      ).find((s) => s.value === 'access_as_user')?.id ??
      env.AAD_APP_ACCESS_AS_USER_PERMISSION_ID ??
      randomUUID();
    const manifest = manifestFor(app, scopeId);
    const resolve = (name: string, type: 'Scope' | 'Role') =>
      (type === 'Role' ? graphSp.appRoles : graphSp.oauth2PermissionScopes).find((p) => p.value === name)?.id ?? name;
    const wanted: Json = {
      displayName: manifest.name,
      signInAudience: manifest.signInAudience,
      ...(manifest.groupMembershipClaims ? { groupMembershipClaims: manifest.groupMembershipClaims } : {}),
      ...(manifest.optionalClaims ? { optionalClaims: manifest.optionalClaims } : {}),
      appRoles: manifest.appRoles ?? [],
      api: {
        requestedAccessTokenVersion: 2,
        oauth2PermissionScopes: manifest.oauth2Permissions.map((p) => ({ ...p, id: scopeId })),
      },
      requiredResourceAccess: manifest.requiredResourceAccess.map((r) => ({
        resourceAppId: r.resourceAppId === 'Microsoft Graph' ? GRAPH_APP_ID : r.resourceAppId,
        resourceAccess: r.resourceAccess.map((a) => ({ id: resolve(a.id, a.type), type: a.type })),
      })),
    };
    if (!app) {
      app = (await client.api(key).header('Prefer', 'create-if-missing').patch(wanted)) as Json;
      done.push(`created the Entra app "${manifest.name}"`);
    } else {
      const changes = differences(app, wanted);
      if (Object.keys(changes).length) {
        await client.api(`/applications/${String(app.id)}`).patch(changes);
        done.push(`updated the Entra app: ${Object.keys(changes).join(', ')}`);
      }
    }
    const appId = String(app.appId);
    // Needs the app's own id and the public domain: set once both are known.
    if (env.TAB_DOMAIN) {
      const filled = manifestFor(app, scopeId);
      const current = (await client.api(`/applications/${String(app.id)}`).get()) as Json;
      const addresses: Json = {
        identifierUris: filled.identifierUris,
        api: {
          ...(current.api as Json),
          preAuthorizedApplications: filled.preAuthorizedApplications.map((p) => ({
            appId: p.appId,
            delegatedPermissionIds: [scopeId],
          })),
        },
        spa: { redirectUris: filled.replyUrlsWithType.filter((r) => r.type === 'Spa').map((r) => r.url) },
      };
      const changes = differences(current, addresses);
      if (Object.keys(changes).length) {
        await client.api(`/applications/${String(app.id)}`).patch(changes);
        done.push(`set the Entra app's ${Object.keys(changes).join(', ')}`);
      }
    }
    if (!(await tryGet(client, `/servicePrincipals(appId='${appId}')`))) {
      await client.api('/servicePrincipals').post({ appId });
      done.push('created the Entra app’s service principal');
    }
    Object.assign(values, {
      AAD_APP_CLIENT_ID: appId,
      AAD_APP_OBJECT_ID: String(app.id),
      AAD_APP_ACCESS_AS_USER_PERMISSION_ID: scopeId,
      ...(env.TENANT_ID || tenantFromToken ? { TENANT_ID: env.TENANT_ID || tenantFromToken! } : {}),
    });
  }

  if (phases.includes('grants')) {
    const identity = env.AZURE_CLIENT_ID || env.BOT_ID;
    if (!identity) throw new Error('AZURE_CLIENT_ID (the managed identity, from the Azure resources) is not set yet');
    const principal = (await client.api(`/servicePrincipals(appId='${identity}')`).get()) as { id: string };
    const held = (
      (await client.api(`/servicePrincipals/${principal.id}/appRoleAssignments`).get()) as {
        value: { appRoleId: string; resourceId: string }[];
      }
    ).value;
    for (const permission of neededPermissions(env)) {
      const role = graphSp.appRoles.find((r) => r.value === permission.role);
      if (!role) throw new Error(`Microsoft Graph has no application permission ${permission.role}`);
      if (held.some((h) => h.appRoleId === role.id && h.resourceId === graphSp.id)) continue;
      await client
        .api(`/servicePrincipals/${principal.id}/appRoleAssignments`)
        .post({ principalId: principal.id, resourceId: graphSp.id, appRoleId: role.id });
      done.push(`granted ${permission.role} to the server’s identity (${permission.why})`);
    }
    // Sites.Selected reaches no site until the site itself grants it: write on this one site only.
    if (env.STORE !== 'sqlite' && env.SHAREPOINT_SITE_ID) {
      const path = `/sites/${env.SHAREPOINT_SITE_ID}/permissions`;
      type Grant = { roles: string[]; grantedToIdentitiesV2?: { application?: { id: string } }[] };
      const grants = ((await client.api(path).get()) as { value: Grant[] }).value;
      const mine = grants.some(
        (g) =>
          g.roles.some((r) => ['write', 'manage', 'fullcontrol'].includes(r)) &&
          (g.grantedToIdentitiesV2 ?? []).some((i) => i.application?.id === identity),
      );
      if (!mine) {
        await client.api(path).post({
          roles: ['write'],
          grantedToIdentitiesV2: [{ application: { id: identity, displayName: 'Social Media Policy Hub' } }],
        });
        done.push('gave the server’s identity write on the SharePoint site (and nothing on any other site)');
      }
    }
  }
  return { done, values };
}

/** Writes values into env/.env.<env> in place, keeping its comments and order. */
export function writeEnvValues(rootDir: string, envName: string, values: Record<string, string>): string[] {
  const path = join(rootDir, 'env', `.env.${envName}`);
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  const changed: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const at = lines.findIndex((l) => l.startsWith(`${key}=`));
    if (at >= 0 && lines[at] === `${key}=${value}`) continue;
    if (at >= 0) lines[at] = `${key}=${value}`;
    else lines.splice(lines.at(-1) === '' ? lines.length - 1 : lines.length, 0, `${key}=${value}`);
    changed.push(key);
  }
  if (changed.length) writeFileSync(path, lines.join('\n'));
  return changed;
}

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: { env: { type: 'string' }, phase: { type: 'string' }, toolkit: { type: 'boolean', default: false } },
  });
  if (!args.env || !/^[a-z][a-z0-9-]*$/.test(args.env) || (args.phase && !['entra', 'grants'].includes(args.phase))) {
    process.stderr.write('Usage: npm run provision:tenant -- --env <name> [--phase entra|grants] [--toolkit]\n');
    return 2;
  }
  const env: Env = { ...readEnvFiles(process.cwd(), args.env), ...process.env };
  const { credential, scopes } = adminCredential(env);
  let tenant: string | undefined;
  const token = async () => {
    const got = await credential.getToken(scopes);
    if (!got) throw new Error('no Microsoft Graph token for the administrator');
    try {
      tenant = decodeJwt(got.token).tid as string | undefined;
    } catch {
      // a token that is not a JWT says nothing about the tenant
    }
    return got.token;
  };
  const client = sharePointGraphClient(token, graphAt(env.GRAPH_BASE_URL));
  const phases = args.phase ? [args.phase as 'entra' | 'grants'] : (['entra', 'grants'] as const);
  await token(); // signs the administrator in first, and tells which tenant this is
  const result = await provisionTenant(process.cwd(), args.env, [...phases], client, tenant);
  if (args.toolkit) {
    // The Agents Toolkit's script step reads these lines and writes the values to its env file.
    for (const [key, value] of Object.entries(result.values))
      process.stdout.write(`::set-teamsfx-env ${key}=${value}\n`);
  } else {
    const written = writeEnvValues(process.cwd(), args.env, result.values);
    if (written.length) result.done.push(`wrote ${written.join(', ')} to env/.env.${args.env}`);
  }
  process.stdout.write(
    result.done.length
      ? `${result.done.map((d) => `- ${d}`).join('\n')}\n`
      : 'No changes: the tenant already has everything this provisioning sets up.\n',
  );
  return 0;
}

if (import.meta.main) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`Provisioning failed: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
