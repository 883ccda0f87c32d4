import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/app.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';

/**
 * `npm run provision:tenant` in a child process, from a clean env folder (the committed
 * env/.env.dev, ids empty), against the local Graph stand-in: the Entra app before the Azure
 * resources exist, then everything once they do (as m365agents.yml runs it), then again, when
 * it must change nothing at all.
 */
jest.setTimeout(60_000);
const run = promisify(execFile);
const TENANT = '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const IDENTITY = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const token = ['{"alg":"none"}', JSON.stringify({ tid: TENANT, roles: ['Application.ReadWrite.All'] })]
  .map((p) => Buffer.from(p).toString('base64url'))
  .join('.')
  .concat('.x');
let graph: GraphServer;
let identity: Server;
let identityUrl: string;

beforeAll(async () => {
  graph = await startGraphServer({ token });
  identity = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: token, expires_on: String(Math.floor(Date.now() / 1000) + 3600) }));
  });
  await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
  identityUrl = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`;
});
afterAll(async () => {
  await graph.close();
  await new Promise<void>((resolve) => identity.close(() => resolve()));
});

function cleanProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smph-tenant-'));
  mkdirSync(join(dir, 'appPackage'));
  cpSync(join(ROOT, 'appPackage', 'aad.manifest.json'), join(dir, 'appPackage', 'aad.manifest.json'));
  mkdirSync(join(dir, 'env'));
  cpSync(join(ROOT, 'env', '.env.dev'), join(dir, 'env', '.env.dev'));
  return dir;
}

const provision = (dir: string, ...args: string[]) =>
  run(process.execPath, [join(ROOT, 'src', 'cli', 'provision-tenant.ts'), '--env', 'dev', ...args], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      NODE_EXTRA_CA_CERTS: graph.certPath,
      GRAPH_BASE_URL: graph.url,
      IDENTITY_ENDPOINT: identityUrl,
      IDENTITY_HEADER: 'local-secret',
    },
  });
const writes = () => graph.log.filter((r) => r.method !== 'GET').length;

test('provisioning makes the Entra app and the grants, writes the ids, and a second run changes nothing', async () => {
  const dir = cleanProject();
  const envFile = join(dir, 'env', '.env.dev');
  expect(readFileSync(envFile, 'utf8')).toMatch(/^AAD_APP_CLIENT_ID=$/m);

  // Before the Azure resources: the app and its service principal, and the ids for the template.
  const first = await provision(dir, '--phase', 'entra');
  expect(first.stdout).toContain('- created the Entra app "Social Media Policy Hub API (dev)"');
  expect(first.stdout).toContain('- created the Entra app’s service principal');
  const [app] = [...graph.directory.applications.values()] as Record<string, unknown>[];
  expect(readFileSync(envFile, 'utf8')).toContain(`AAD_APP_CLIENT_ID=${String(app!.appId)}`);
  expect(readFileSync(envFile, 'utf8')).toContain(`TENANT_ID=${TENANT}`);
  expect((app!.appRoles as { value: string }[]).map((r) => r.value)).toEqual(['SLT', 'DSL', 'HR', 'Admin']);
  expect(app).toMatchObject({ groupMembershipClaims: 'SecurityGroup', signInAudience: 'AzureADMyOrg' });

  // The Azure resources have written their outputs (as the toolkit does); now the rest.
  graph.directory.addServicePrincipal(IDENTITY, 'smph-dev-id');
  writeFileSync(
    envFile,
    readFileSync(envFile, 'utf8')
      .replace(/^TAB_DOMAIN=$/m, 'TAB_DOMAIN=smph-dev-abc.azurewebsites.net')
      .replace(/^TAB_ENDPOINT=$/m, 'TAB_ENDPOINT=https://smph-dev-abc.azurewebsites.net')
      .replace(/^BOT_ID=$/m, `BOT_ID=${IDENTITY}`)
      .replace(/^SHAREPOINT_SITE_ID=$/m, `SHAREPOINT_SITE_ID=${graph.siteId}`),
  );
  const second = await provision(dir);
  expect(second.stdout).toMatch(/- set the Entra app's identifierUris, api, spa/);
  expect(second.stdout).toContain('- granted Sites.Selected to the server’s identity');
  expect(second.stdout).toContain('- gave the server’s identity write on the SharePoint site');
  expect(app).toMatchObject({
    identifierUris: [`api://smph-dev-abc.azurewebsites.net/${String(app!.appId)}`],
    spa: {
      redirectUris: ['brk-multihub://smph-dev-abc.azurewebsites.net', 'https://smph-dev-abc.azurewebsites.net/tab/'],
    },
  });
  const scope = (app!.api as { oauth2PermissionScopes: { id: string; value: string }[] }).oauth2PermissionScopes[0]!;
  expect(scope.value).toBe('access_as_user');
  expect(
    (app!.api as { preAuthorizedApplications: { delegatedPermissionIds: string[] }[] }).preAuthorizedApplications,
  ).toEqual([
    { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', delegatedPermissionIds: [scope.id] },
    { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', delegatedPermissionIds: [scope.id] },
  ]);
  expect(graph.directory.assignments).toHaveLength(1);
  const envAfter = readFileSync(envFile, 'utf8');

  // Again: nothing written in the tenant or the env file.
  const before = writes();
  const third = await provision(dir);
  expect(third.stdout).toBe('No changes: the tenant already has everything this provisioning sets up.\n');
  expect(writes()).toBe(before);
  expect(readFileSync(envFile, 'utf8')).toBe(envAfter);
  expect(graph.directory.applications.size).toBe(1);
});

test('for the Agents Toolkit it hands the ids over instead of writing the env file', async () => {
  graph.reset();
  const dir = cleanProject();
  const before = readFileSync(join(dir, 'env', '.env.dev'), 'utf8');
  const { stdout } = await provision(dir, '--phase', 'entra', '--toolkit');
  expect(stdout).toMatch(/^::set-teamsfx-env AAD_APP_CLIENT_ID=[0-9a-f-]{36}$/m);
  expect(stdout).toMatch(/^::set-teamsfx-env TENANT_ID=0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b$/m);
  expect(readFileSync(join(dir, 'env', '.env.dev'), 'utf8')).toBe(before);
});
