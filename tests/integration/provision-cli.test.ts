import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/app.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';

/**
 * `npm run provision` as an administrator runs it, in a child process: against the local Graph
 * stand-in (trusted through NODE_EXTRA_CA_CERTS), signed in with a managed identity endpoint like
 * App Service's. A second run reports that nothing needed changing.
 */
jest.setTimeout(60_000);
const run = promisify(execFile);
let graph: GraphServer;
let identity: Server;
let identityUrl: string;

beforeAll(async () => {
  graph = await startGraphServer();
  identity = createServer((req, res) => {
    const ok =
      req.headers['x-identity-header'] === 'local-secret' &&
      req.url?.includes('resource=https%3A%2F%2Fgraph.microsoft.com');
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        ok ? { access_token: 'graph-token', expires_on: String(Math.floor(Date.now() / 1000) + 3600) } : {},
      ),
    );
  });
  await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
  identityUrl = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`;
});
afterAll(async () => {
  await graph.close();
  await new Promise<void>((resolve) => identity.close(() => resolve()));
});

const provision = (...args: string[]) =>
  run(process.execPath, ['src/cli/provision.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      APP_ENV: 'test',
      GRAPH_BASE_URL: graph.url,
      NODE_EXTRA_CA_CERTS: graph.certPath,
      IDENTITY_ENDPOINT: identityUrl,
      IDENTITY_HEADER: 'local-secret',
    },
  });

test('a dry run prints the plan and changes nothing; the real run provisions; the next run reports no changes', async () => {
  const dry = await provision('--site', 'https://contoso.sharepoint.com/sites/policyhub', '--dry-run');
  expect(dry.stdout).toContain('Would do (dry run, nothing changed):');
  expect(dry.stdout).toContain('create list "SMPH incidents"');
  expect(graph.lists()).toEqual([]);

  const first = await provision('--site', graph.siteId);
  expect(first.stdout).toContain('Done:');
  expect(first.stdout).toContain('record schema version 3 (was none)');
  expect(graph.listByName('SMPH incidents')).toBeDefined();

  const second = await provision('--site', 'https://contoso.sharepoint.com/sites/policyhub');
  expect(second.stdout).toBe('No changes: the site already has every list, column and index of schema version 3.\n');
});

test('without a site it explains how to run it', async () => {
  await expect(provision()).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining('Usage: npm run provision'),
  });
});
