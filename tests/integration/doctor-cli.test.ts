import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { ROOT } from '../helpers/app.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';
import { selfSignedCertificate } from '../helpers/self-signed.ts';
import { graphClientFor, serverSharePointStore } from '../helpers/sharepoint.ts';

/**
 * `npm run doctor -- --env test` in a child process, against local stand-ins: Graph (directory,
 * app catalogue, the SharePoint site), App Service's managed identity endpoint, Key Vault and the
 * deployment's public address. First everything is right; then each thing is broken in turn and
 * the doctor must name it and say what to do.
 */
jest.setTimeout(60_000);
const run = promisify(execFile);
const API_APP = '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a';
const IDENTITY = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const TEAMS_APP = '5d1e7a36-6c8b-4b7e-9f4c-0e2a1d3b7c01';

const jwt = (claims: object) =>
  ['{"alg":"none"}', JSON.stringify(claims)].map((p) => Buffer.from(p).toString('base64url')).join('.') + '.x';
let roles: string[];
let vaultAllows: boolean;
let ready: number;
let graph: GraphServer;
let identity: Server;
let azure: HttpsServer;
let identityUrl: string;
let azureUrl: string;
let caFile: string;

beforeAll(async () => {
  // The test's own provisioning signs in as graph-token; the doctor's identity gives tokens with roles.
  graph = await startGraphServer({ token: (t) => t === 'graph-token' || t.startsWith(jwt({}).slice(0, 8)) });
  identity = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const resource = url.searchParams.get('resource');
    const token = resource === 'https://vault.azure.net' ? 'vault-token' : jwt({ aud: resource, roles });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: token, expires_on: String(Math.floor(Date.now() / 1000) + 3600) }));
  });
  await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
  identityUrl = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`;
  const tls = selfSignedCertificate();
  azure = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/readyz') return send(ready, { status: ready === 200 ? 'ready' : 'not ready' });
    if (req.url?.startsWith('/secrets')) {
      if (req.headers.authorization !== 'Bearer vault-token') return send(401, {});
      return vaultAllows ? send(200, { value: [] }) : send(403, { error: { code: 'Forbidden' } });
    }
    send(404, {});
  });
  await new Promise<void>((resolve) => azure.listen(0, '127.0.0.1', resolve));
  azureUrl = `https://127.0.0.1:${(azure.address() as AddressInfo).port}`;
  caFile = join(mkdtempSync(join(tmpdir(), 'smph-doctor-')), 'ca.pem');
  writeFileSync(caFile, Buffer.concat([readFileSync(graph.certPath), tls.cert]));
});
afterAll(async () => {
  await graph.close();
  await new Promise<void>((resolve) => identity.close(() => resolve()));
  await new Promise<void>((resolve) => azure.close(() => resolve()));
});

beforeEach(async () => {
  graph.reset();
  roles = ['Sites.Selected', 'User.Read.All'];
  vaultAllows = true;
  ready = 200;
  graph.addServicePrincipal(API_APP, 'Social Media Policy Hub API');
  graph.addServicePrincipal(IDENTITY, 'smph-dev-id');
  graph.addCatalogApp(TEAMS_APP);
  await provisionSite(graphClientFor(graph), graph.siteId);
});

async function doctor(overrides: Record<string, string> = {}) {
  const host = new URL(azureUrl).host;
  const env = {
    PATH: process.env.PATH,
    NODE_EXTRA_CA_CERTS: caFile,
    IDENTITY_ENDPOINT: identityUrl,
    IDENTITY_HEADER: 'local-secret',
    GRAPH_BASE_URL: graph.url,
    TENANT_ID: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
    AAD_APP_CLIENT_ID: API_APP,
    AZURE_CLIENT_ID: IDENTITY,
    BOT_ID: IDENTITY,
    TEAMS_APP_ID: TEAMS_APP,
    PUBLIC_URL: azureUrl,
    TAB_ENDPOINT: azureUrl,
    TAB_DOMAIN: host,
    BOT_DOMAIN: host,
    KEY_VAULT_URL: azureUrl,
    STORE: 'sharepoint',
    SHAREPOINT_SITE_ID: graph.siteId,
    ENTRA_DIRECTORY_SYNC: 'true',
    HOST: '0.0.0.0',
    DEV_SIGN_IN: 'false',
    APP_VERSION: '1.0.0',
    APP_NAME_SUFFIX: '',
    ...overrides,
  };
  try {
    const { stdout } = await run(process.execPath, ['src/cli/doctor.ts', '--env', 'test'], { cwd: ROOT, env });
    return { code: 0, stdout };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout + failed.stderr };
  }
}

test('a deployment that is right passes every check and is ready to go live', async () => {
  const { code, stdout } = await doctor();
  expect(stdout).toContain('✓ Settings');
  expect(stdout).toContain('✓ Graph permissions');
  expect(stdout).toContain('✓ Entra API app: AAD_APP_CLIENT_ID is Social Media Policy Hub API in this tenant');
  expect(stdout).toContain('✓ Teams app');
  expect(stdout).toMatch(/✓ SharePoint site: reachable and provisioned \(schema version \d+\)/);
  expect(stdout).toContain('✓ Key Vault');
  expect(stdout).toContain('✓ Public address');
  expect(stdout).toContain('✓ Manifest domains');
  expect(stdout).toContain('Ready to go live.');
  expect(code).toBe(0);
});

test('a school with no chair of governors named is flagged, since concerns about its head would go to its safeguarding leads', async () => {
  const store = serverSharePointStore(graph);
  const school = await store.schools.create({
    trustId: 'trust-doctor',
    name: 'Doctor Test Primary',
    nation: 'england-and-wales',
    routing: { headteacherId: 'person-doctor-head' },
  });
  try {
    const { code, stdout } = await doctor();
    expect(stdout).toMatch(
      /✗ Concerns about adults: Doctor Test Primary: no headteacher or chair of governors named, so concerns they would read go to the safeguarding leads/,
    );
    expect(code).not.toBe(0);
  } finally {
    const list = graph.listByName('SMPH schools')!;
    for (const [itemId, item] of list.items) if (item.fields.RecordId === school.id) list.items.delete(itemId);
  }
});

test.each([
  ['a setting missing', () => ({ AAD_APP_CLIENT_ID: '' }), /✗ Settings: AAD_APP_CLIENT_ID: required/],
  [
    'a permission not consented',
    () => ((roles = ['Sites.Selected']), {}),
    /✗ Graph permissions: User.Read.All \(to read staff from Entra ID\) not consented/,
  ],
  [
    'an app id that is not in the tenant',
    () => ({ AAD_APP_CLIENT_ID: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }),
    /✗ Entra API app: AAD_APP_CLIENT_ID 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d is not an app in this tenant/,
  ],
  [
    'the Teams app not uploaded',
    () => ({ TEAMS_APP_ID: '6e2f8b47-7d9c-4c8f-a05d-1f3b2e4c8d12' }),
    /✗ Teams app: TEAMS_APP_ID .* is not in the organisation’s app catalogue/,
  ],
  [
    'a site that is not provisioned',
    () => (
      graph.reset(),
      graph.addServicePrincipal(API_APP, 'API'),
      graph.addServicePrincipal(IDENTITY, 'id'),
      graph.addCatalogApp(TEAMS_APP),
      {}
    ),
    /✗ SharePoint site: the site is reachable but not provisioned: run npm run provision/,
  ],
  [
    'Key Vault refusing the identity',
    () => ((vaultAllows = false), {}),
    /✗ Key Vault: the identity is refused: give it the Key Vault Secrets Officer role/,
  ],
  ['a public address that is not ready', () => ((ready = 503), {}), /✗ Public address: .*\/readyz answered 503/],
  [
    'a public address that is not HTTPS',
    () => ({ PUBLIC_URL: 'http://hub.example.sch.uk' }),
    /✗ Public address: PUBLIC_URL must be https/,
  ],
  [
    'manifest domains that do not match',
    () => ({ TAB_DOMAIN: 'old.example.sch.uk', BOT_DOMAIN: 'old.example.sch.uk' }),
    /✗ Manifest domains: validDomains is \["old.example.sch.uk","old.example.sch.uk"\] but the app is at 127\.0\.0\.1:\d+/,
  ],
])('%s is named, with what to do, and the deployment is not passed', async (_what, breakIt, expected) => {
  const { code, stdout } = await doctor(breakIt());
  expect(stdout).toMatch(expected);
  expect(stdout).toMatch(/\d+ to put right before going live\./);
  expect(code).toBe(1);
});
