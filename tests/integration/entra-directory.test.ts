import { jest } from '@jest/globals';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { graphClient, syncFromEntra } from '../../src/people/entra-directory.ts';
import type { EntraUser } from '../../src/domain/people/directory-sync.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { selfSignedCertificate } from '../helpers/self-signed.ts';

jest.setTimeout(60_000);

/**
 * A local HTTPS stand-in for Graph's GET /v1.0/users, with Graph's shapes: `value` pages joined by
 * an absolute @odata.nextLink, `$select` honoured, errors as { error: { code, message } }, and one
 * 429 with Retry-After first, as Graph throttles.
 */
async function fakeGraph(users: EntraUser[], pageSize: number) {
  const tls = selfSignedCertificate();
  const requests: string[] = [];
  let throttled = false;
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    requests.push(url.pathname + url.search);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== 'Bearer graph-token') {
      return send(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    }
    if (url.pathname !== '/v1.0/users') return send(404, { error: { code: 'Request_ResourceNotFound', message: '' } });
    if (!throttled) {
      throttled = true;
      return send(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, { 'Retry-After': '1' });
    }
    const top = Math.min(Number(url.searchParams.get('$top') ?? 100), pageSize);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const fields = (url.searchParams.get('$select') ?? '').split(',');
    const page = users
      .slice(skip, skip + top)
      .map((u) => Object.fromEntries(fields.map((f) => [f, (u as unknown as Record<string, unknown>)[f] ?? null])));
    const next = new URL(url);
    next.searchParams.set('$skiptoken', String(skip + top));
    send(200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
      value: page,
      ...(skip + top < users.length ? { '@odata.nextLink': next.toString() } : {}),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    requests,
    client: (token = 'graph-token') =>
      graphClient(async () => token, {
        baseUrl: `${base}/`,
        customHosts: new Set(['127.0.0.1']),
        fetchOptions: { dispatcher: tls.agent } as never,
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const user = (id: string, name: string, extra: Partial<EntraUser> = {}): EntraUser => {
  const [givenName, surname] = name.split(' ');
  return {
    id,
    userPrincipalName: `${name.toLowerCase().replace(' ', '.')}@demo.example.sch.uk`,
    mail: null,
    givenName,
    surname,
    displayName: name,
    department: 'Key Stage 2',
    jobTitle: 'Class teacher',
    companyName: 'Oakfield Primary School',
    employeeType: 'Teacher',
    accountEnabled: true,
    ...extra,
  };
};

test('Entra users page by page become the staff directory: joiners, changes, disabled and removed accounts', async () => {
  const { store } = app.app.services;
  const everyone = await store.people.listAll({ where: { active: true } });
  // The tenant lists everyone the hub knows, except one removed account, with changes and newcomers.
  const users = everyone
    .filter((p) => p.id !== 'person-oak-chair')
    .map((p) =>
      user(p.aadObjectId ?? `guid-${p.id}`, p.displayName, {
        userPrincipalName: p.upn,
        department: p.id === 'person-demo-staff' ? 'Key Stage 1' : p.department,
        jobTitle: p.jobTitle,
        employeeType: p.staffType,
        companyName: p.schoolId === 'school-oakfield' ? 'Oakfield Primary School' : 'Riverside Academy',
        accountEnabled: p.id !== 'person-river-admin',
      }),
    );
  users.push(user('guid-new-1', 'Ottilie Brandt'), user('guid-printer', 'Print Room', { companyName: null }));
  const graph = await fakeGraph(users, 25);
  try {
    const result = await syncFromEntra(app.app.services, graph.client(), 'companyName');
    expect(result).toMatchObject({ users: users.length, joined: 1, left: 2 });
    // Several pages were read, after one throttled attempt, asking only for the fields used.
    expect(graph.requests.length).toBeGreaterThanOrEqual(Math.ceil(users.length / 25) + 1);
    expect(graph.requests[0]).toMatch(/\$select=id,userPrincipalName,mail,.*accountEnabled/);
    expect(graph.requests[0]).toContain('$top=999');

    expect(await store.people.require('person-oak-chair')).toMatchObject({ active: false });
    expect(await store.people.require('person-river-admin')).toMatchObject({ active: false });
    expect(await store.people.require('person-demo-staff')).toMatchObject({ department: 'Key Stage 1', active: true });
    const [newcomer] = (await store.people.list({ where: { aadObjectId: 'guid-new-1' } })).items;
    expect(newcomer).toMatchObject({ displayName: 'Ottilie Brandt', schoolId: 'school-oakfield' });
    expect(newcomer!.roles).toEqual([{ role: 'Staff', schoolId: 'school-oakfield' }]);
    const audit = await store.audit.listAll({ where: { targetId: 'directory' } });
    expect(audit.at(-1)).toMatchObject({ actorId: 'entra-directory-sync', detail: { source: 'entra', joined: 1 } });
  } finally {
    await graph.close();
  }
});

test('a directory that names none of our schools, or would empty the hub, changes nothing', async () => {
  const graph = await fakeGraph([user('guid-x', 'Solo Person', { companyName: 'Somewhere Else' })], 25);
  try {
    await expect(syncFromEntra(app.app.services, graph.client(), 'companyName')).rejects.toThrow(
      /None of the 1 Entra users names one of the schools/,
    );
  } finally {
    await graph.close();
  }
  const lonely = await fakeGraph([user('guid-y', 'Only One')], 25);
  try {
    await expect(syncFromEntra(app.app.services, lonely.client(), 'companyName')).rejects.toThrow(
      /would mark \d+ of \d+ staff as having left; nothing was changed/,
    );
    await expect(syncFromEntra(app.app.services, lonely.client('forged'), 'companyName')).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
    });
  } finally {
    await lonely.close();
  }
  expect((await app.app.services.store.people.listAll({ where: { active: true } })).length).toBeGreaterThan(50);
});
