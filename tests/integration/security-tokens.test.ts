import { jest } from '@jest/globals';
import { DEMO_PERSONAS, PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { API_CLIENT_ID, OTHER_TENANT_ID, TENANT_ID, startFakeEntra, unsignedToken } from '../helpers/entra.ts';

/**
 * The API in tenant mode, attacked with tokens. Each refusal is its own test, so removing any one
 * check (algorithm, key, audience, issuer, tenant, lifetime, scope) fails a named test.
 */
jest.setTimeout(60_000);
const HR_GROUP = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
let entra: Awaited<ReturnType<typeof startFakeEntra>>;
let app: TestApp;

beforeEach(async () => {
  entra = await startFakeEntra();
  app = await startTestApp({ ...entra.env, ROLE_GROUPS: `${HR_GROUP}=HR@school-riverside` });
});
afterEach(async () => {
  await app.stop();
  await entra.close();
});

const me = (token: string) => app.get('/api/v1/me', token);
const STAFF_OID = PLAYGROUND_USER_IDS.Staff;

async function refused(token: string, message: RegExp) {
  const res = await me(token);
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
}

describe('Entra tokens on the API', () => {
  test('a valid token signs the member of staff in, found by their Entra object id', async () => {
    const res = await me(await entra.token(STAFF_OID));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      person: { displayName: 'Jordan Ellery' },
      roles: ['Staff'],
      signIn: 'entra',
    });
  });

  test('no token, or not a bearer token, is 401', async () => {
    expect((await app.get('/api/v1/me')).status).toBe(401);
    expect(
      (await fetch(`${app.base}/api/v1/me`, { headers: { authorization: 'Basic a2V5OnNlY3JldA==' } })).status,
    ).toBe(401);
  });

  test('alg none is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(
      unsignedToken({
        aud: API_CLIENT_ID,
        iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
        tid: TENANT_ID,
        oid: STAFF_OID,
        scp: 'access_as_user',
        exp: now + 3600,
      }),
      /not valid/,
    );
  });

  test('a token signed by an unknown key is refused', async () => {
    await refused(
      await entra.token(STAFF_OID, {}, { key: entra.strangerKey, kid: 'someone-elses-key' }),
      /not signed by Microsoft Entra ID/,
    );
    // The right key id with the wrong key: the signature check, not the key id, decides.
    await refused(await entra.token(STAFF_OID, {}, { key: entra.strangerKey }), /not signed by Microsoft Entra ID/);
  });

  test('a token for another app (wrong audience) is refused', async () => {
    await refused(await entra.token(STAFF_OID, { aud: '00000003-0000-0000-c000-000000000000' }), /different app/);
  });

  test('a token from another issuer or another tenant is refused', async () => {
    await refused(
      await entra.token(STAFF_OID, { iss: 'https://evil.example/v2.0' }),
      /not issued by Microsoft Entra ID/,
    );
    await refused(await entra.token(STAFF_OID, { tid: OTHER_TENANT_ID }), /another organisation/);
  });

  test('an expired token is refused, beyond the minute of clock allowance', async () => {
    await refused(await entra.token(STAFF_OID, {}, { expiresIn: Math.floor(Date.now() / 1000) - 120 }), /expired/);
  });

  test('a token with no scope and no app role grants nothing', async () => {
    await refused(await entra.token(STAFF_OID, { scp: 'User.Read' }), /no access_as_user scope or app role/);
  });

  test('a valid token for someone not in the staff directory is 403, not a new account', async () => {
    const res = await me(await entra.token('99999999-9999-4999-8999-999999999999'));
    expect(res.status).toBe(403);
  });
});

describe('roles come from Entra, and are checked on every call', () => {
  const SLT_OID = PLAYGROUND_USER_IDS.SLT;
  const HR_OID = PLAYGROUND_USER_IDS.HR;

  test('an app role in the token is held at the person’s own school; without it, they are staff only', async () => {
    const leader = await entra.token(SLT_OID, { roles: ['SLT'] });
    expect(await (await me(leader)).json()).toMatchObject({ roles: ['Staff', 'SLT'] });
    expect((await app.get('/api/v1/training/dashboard', leader)).status).toBe(200);

    const plain = await entra.token(SLT_OID, { scp: 'access_as_user' });
    expect(await (await me(plain)).json()).toMatchObject({ roles: ['Staff'] });
    expect((await app.get('/api/v1/training/dashboard', plain)).status).toBe(403);
  });

  test('a security group grants a role at the school the configuration names, and nowhere else', async () => {
    const hr = await entra.token(HR_OID, { groups: [HR_GROUP] });
    expect((await app.get('/api/v1/training/dashboard?schoolId=school-riverside', hr)).status).toBe(200);
    expect((await app.get('/api/v1/training/dashboard?schoolId=school-oakfield', hr)).status).toBe(403);
  });

  test('roles seen at sign-in are kept on the record for the bot, and the change is audited', async () => {
    // Entra stops, then starts again, giving the SLT role: each sign-in brings the record up to date.
    await me(await entra.token(SLT_OID, { scp: 'access_as_user' }));
    expect((await app.app.services.store.people.require('person-demo-slt')).roles).toEqual([
      { role: 'Staff', schoolId: 'school-oakfield' },
    ]);
    await me(await entra.token(SLT_OID, { roles: ['SLT'] }));
    const person = await app.app.services.store.people.require('person-demo-slt');
    expect(person.roles).toEqual([
      { role: 'Staff', schoolId: 'school-oakfield' },
      { role: 'SLT', schoolId: 'school-oakfield' },
    ]);
    const audit = await app.app.services.store.audit.listAll({ where: { targetId: 'person-demo-slt' } });
    expect(audit.some((a) => a.action === 'roles.synced-from-entra')).toBe(true);
  });

  test('switching someone off, or their leaving date passing, takes effect on their very next request', async () => {
    const { store } = app.app.services;
    const token = await entra.token(PLAYGROUND_USER_IDS.HR, { roles: ['HR'] });
    expect((await me(token)).status).toBe(200);
    const hr = (await store.people.list({ where: { aadObjectId: PLAYGROUND_USER_IDS.HR }, limit: 1 })).items[0]!;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const left = await store.people.update(hr, { leavingOn: yesterday });
    expect((await me(token)).status).toBe(403);
    const back = await store.people.update(left, { leavingOn: undefined });
    expect((await me(token)).status).toBe(200);
    const off = await store.people.update(back, { active: false });
    expect((await me(token)).status).toBe(403);
    await store.people.update(off, { active: true });
    expect((await me(token)).status).toBe(200);
  });

  test('someone newly given a role the hub messages (here HR) has their Teams chat got ready at once', async () => {
    const { store } = app.app.services;
    const reach = async () =>
      (await store.outbox.listAll({ where: { topic: 'person.reach' } })).filter(
        (o) => o.payload.conversationId === `person-${DEMO_PERSONAS.Staff}`,
      );
    expect(await reach()).toHaveLength(0);
    await me(await entra.token(STAFF_OID, { roles: ['HR'] }));
    expect(await reach()).toHaveLength(1);
    // Back to staff only, as the other tests expect.
    await me(await entra.token(STAFF_OID));
  });

  test('the dev sign-in does not exist in a tenant', async () => {
    const res = await app.post('/api/v1/dev/sign-in', { personId: 'person-demo-slt' });
    expect(res.status).toBe(404);
  });
});

describe('how the tab signs in', () => {
  test('in a tenant, the tab is told to use Entra ID with the API’s own scope; no demo sign-in is offered', async () => {
    const res = await app.get('/api/v1/sign-in-config');
    expect(await res.json()).toEqual({
      scheme: 'entra',
      clientId: API_CLIENT_ID,
      tenantId: TENANT_ID,
      scope: `api://hub.example.sch.uk/${API_CLIENT_ID}/access_as_user`,
    });
    // The Teams SSO fallback's token is for that Application ID URI, so it must be an accepted audience.
    const sso = await entra.token(PLAYGROUND_USER_IDS.Staff, { aud: `api://hub.example.sch.uk/${API_CLIENT_ID}` });
    expect((await me(sso)).status).toBe(200);
  });
});
