import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { Writable } from 'node:stream';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { createLogger } from '../../src/log.ts';
import type { Config } from '../../src/config/config.ts';
import { emailUndeliveredAlerts } from '../../src/incidents/alert-fallback.ts';
import { graphActivityFeed } from '../../src/notifications/activity-feed.ts';
import { graphMailer } from '../../src/notifications/mail.ts';
import { queueMessage } from '../../src/notifications/outbox.ts';
import { graphTeamsInstaller, REACH_TOPIC } from '../../src/notifications/reach.ts';
import { DEMO_PERSONAS, PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { executeAction } from '../helpers/bot.ts';
import { startConnector, type Connector } from '../helpers/connector.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { generalChannelOf, INSTALL_PERMISSION, startTeamsGraph, type TeamsGraph } from '../helpers/teams-graph.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';

/**
 * Most of the people the hub must reach never open the bot. In a tenant the app installs itself
 * for them through Graph, the Bot Connector opens the chat, and the alert arrives; where that is
 * not allowed, the reason is kept on the message and logged with what to grant.
 */
jest.setTimeout(60_000);
const STAFF = teamsUser('Staff');
const DSL_AAD = PLAYGROUND_USER_IDS.DSL;
const HEAD_AAD = '00000000-0000-4000-8000-0000000000aa';

let graph: TeamsGraph;
/** Links as a tenant makes them: Teams deep links to the app's tab. */
const linkConfig = () =>
  ({ publicUrl: 'https://hub.example.sch.uk', port: 3978, mode: 'tenant', teamsAppId: graph.manifestAppId }) as Config;
let connector: Connector;
let t: TestApp;
let logged = '';
beforeEach(async () => {
  graph = await startTeamsGraph();
  connector = await startConnector();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  t = await startTestApp(
    { BOT_SERVICE_URL: `${connector.url}/` },
    {
      installer: graphTeamsInstaller(graph.client(), graph.catalogAppId, graph.manifestAppId),
      feed: graphActivityFeed(graph.client(), linkConfig()),
      mailer: graphMailer(graph.client(), 'safeguarding-alerts@demo.example.sch.uk'),
      log: createLogger('info', sink),
    },
  );
  const head = await t.app.services.store.people.require('person-oak-head');
  await t.app.services.store.people.update(head, { aadObjectId: HEAD_AAD });
});
afterEach(async () => {
  await t.stop();
  await connector.close();
  await graph.close();
});

async function report(extra: Record<string, string> = {}) {
  const form = { ...friendRequestForm(), ...extra };
  await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
  const incident = await t.app.services.store.incidents.require(`incident-${form.draftId}`);
  await t.app.dispatcher.idle();
  return incident;
}

const alertsIn = (chat: string, reference: string) =>
  connector.received.filter(
    (r) =>
      r.method === 'POST' &&
      r.path.startsWith(`/v3/conversations/${chat}/activities`) &&
      JSON.stringify(r.body).includes(reference),
  );

test('a DSL who never opened the bot gets the app installed, a chat started, and the alert in it', async () => {
  expect(await t.app.services.store.conversationRefs.get(`person-${DEMO_PERSONAS.DSL}`)).toBeUndefined();
  const first = await report();
  expect(graph.installedFor.has(DSL_AAD)).toBe(true);
  const started = connector.received.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
  expect(started.map((r) => (r.body as { members?: { id: string }[] }).members?.[0]?.id)).toContain(DSL_AAD);
  expect(alertsIn(`a:chat-${DSL_AAD}`, first.reference)).toHaveLength(1);
  expect(await t.app.services.store.conversationRefs.get(`person-${DEMO_PERSONAS.DSL}`)).toBeDefined();

  // And in the DSL's activity feed: reference, kind and urgency only, opening the case in Teams.
  const [notice] = graph.notifications.filter((n) => n.userId === DSL_AAD);
  expect(notice).toMatchObject({
    activityType: 'reportAlert',
    previewText: `New report ${first.reference}`,
    templateParameters: { urgency: 'New', reference: first.reference, kind: 'A friend or follow request from a pupil' },
  });
  const link = new URL(notice!.webUrl);
  expect(link.pathname).toBe(`/l/entity/${graph.manifestAppId}/hub`);
  expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: `cases/${first.id}` });
  expect(JSON.stringify(notice)).not.toMatch(/Riley|Jordan|Instagram/);

  // The next alert uses the chat kept: no second installation, no second chat.
  const installs = graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/installedApps')).length;
  const chats = connector.received.filter((r) => r.path === '/v3/conversations').length;
  const second = await report();
  expect(alertsIn(`a:chat-${DSL_AAD}`, second.reference)).toHaveLength(1);
  expect(graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/installedApps')).length).toBe(installs);
  expect(connector.received.filter((r) => r.path === '/v3/conversations').length).toBe(chats);
});

test('someone with no Entra account cannot be reached, and their message says why instead of vanishing', async () => {
  const incident = await report();
  const [toDeputy] = (await t.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } })).filter(
    (o) => o.payload.incidentId === incident.id && o.payload.recipientId === 'person-oak-deputy-dsl',
  );
  expect(toDeputy).toMatchObject({ status: 'pending', attempts: 1 });
  expect(toDeputy!.lastError).toMatch(/no Entra account/);
});

/** A concern about a senior leader, reported while the app may not install itself: it goes to the head. */
async function concernWithoutInstallPermission() {
  graph.granted.delete(INSTALL_PERMISSION);
  try {
    return await report({
      type: 'adult-conduct',
      subject: DEMO_PERSONAS.SLT,
      description: 'A senior leader shared a pupil’s photo on a personal account.',
    });
  } finally {
    graph.granted.add(INSTALL_PERMISSION);
  }
}

test('without the installation permission, the alert waits with the reason, and the log says what to grant', async () => {
  const concern = await concernWithoutInstallPermission();
  const [toHead] = (await t.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } })).filter(
    (o) => o.payload.incidentId === concern.id,
  );
  expect(toHead).toMatchObject({ status: 'pending', attempts: 1 });
  expect(toHead!.lastError).toContain(INSTALL_PERMISSION);
  expect(logged).toContain(`grant the app the Microsoft Graph application permission ${INSTALL_PERMISSION}`);
  expect(graph.installedFor.has(HEAD_AAD)).toBe(false);
});

test('the delivery page lists the waiting alert to those who may know of it, and Try again delivers it', async () => {
  await concernWithoutInstallPermission();
  const head = await t.signIn('person-oak-head');
  type Listed = { items: { id: string; to: string; kind: string; reason: string; attempts: number }[] };
  const listed = (await (await t.get('/api/v1/deliveries', head)).json()) as Listed;
  const waiting = listed.items.find((i) => i.to === 'Harriet Osei');
  expect(waiting).toMatchObject({ kind: 'Alert about a report', attempts: 1 });
  expect(waiting!.reason).toContain(INSTALL_PERMISSION);
  // The senior leader the concern is about never learns an alert about it exists; staff see nothing.
  const subject = (await (await t.get('/api/v1/deliveries', await t.signIn(DEMO_PERSONAS.SLT))).json()) as Listed;
  expect(subject.items.map((i) => i.id)).not.toContain(waiting!.id);
  expect((await t.get('/api/v1/deliveries', await t.signIn(DEMO_PERSONAS.Staff))).status).toBe(403);

  // Once the permission is granted, Try again sends it now.
  const retried = await fetch(`${t.base}/api/v1/deliveries/${waiting!.id}/retry`, {
    method: 'POST',
    headers: { authorization: `Bearer ${head}` },
  });
  expect(retried.status).toBe(200);
  await t.app.dispatcher.idle();
  expect(graph.installedFor.has(HEAD_AAD)).toBe(true);
  const after = (await (await t.get('/api/v1/deliveries', head)).json()) as Listed;
  expect(after.items.map((i) => i.id)).not.toContain(waiting!.id);
  expect(await t.app.services.store.outbox.require(waiting!.id)).toMatchObject({ status: 'done' });
});

test('Graph refuses an activity type the manifest does not declare', async () => {
  const feed = graphActivityFeed(graph.client(), linkConfig());
  await expect(
    feed.notify(DSL_AAD, { activityType: 'undeclared' as never, preview: 'x', page: 'home', parameters: {} }),
  ).rejects.toMatchObject({ statusCode: 400 });
});

test('a safeguarding alert still undelivered when the school would chase it goes by email, once, with no detail', async () => {
  // The deputy DSL has no Entra account, so the alert to them cannot be delivered in Teams.
  const incident = await report();
  const at = (minutes: number) => ({
    ...t.app.services,
    now: () => new Date(Date.parse(incident.createdAt) + minutes * 60_000),
  });
  expect(await emailUndeliveredAlerts(at(60))).toBe(0);
  expect(await emailUndeliveredAlerts(at(121))).toBeGreaterThanOrEqual(1);
  const deputy = await t.app.services.store.people.require('person-oak-deputy-dsl');
  const [mail] = graph.mails.filter((m) => m.to.includes(deputy.upn) && m.subject.includes(incident.reference));
  expect(mail).toMatchObject({
    from: 'safeguarding-alerts@demo.example.sch.uk',
    subject: `Safeguarding alert ${incident.reference}: please open it`,
  });
  expect(mail!.text).toContain('A friend or follow request from a pupil');
  expect(mail!.text).toContain(`#/cases/${incident.id}`);
  expect(mail!.text).not.toMatch(/Riley|Jordan|Instagram/);
  // Once: a later run, or another instance, sends nothing more.
  const sent = graph.mails.length;
  await emailUndeliveredAlerts(at(200));
  expect(graph.mails.length).toBe(sent);
  const audit = await t.app.services.store.audit.listAll({ where: { targetId: incident.id } });
  expect(audit.map((a) => a.action)).toContain('incident.alert-emailed');
});

test('getting someone ready ahead of time installs the app and starts their chat, sending nothing', async () => {
  const { store } = t.app.services;
  const hrAad = PLAYGROUND_USER_IDS.HR;
  const posts = connector.received.filter((r) => r.path.startsWith(`/v3/conversations/a:chat-${hrAad}/`)).length;
  await store.commit((uow) =>
    queueMessage(uow, REACH_TOPIC, { conversationId: `person-${DEMO_PERSONAS.HR}` }, new Date().toISOString()),
  );
  t.app.services.outbox.kick();
  await t.app.dispatcher.idle();
  expect(graph.installedFor.has(hrAad)).toBe(true);
  expect(await store.conversationRefs.get(`person-${DEMO_PERSONAS.HR}`)).toBeDefined();
  expect(connector.received.filter((r) => r.path.startsWith(`/v3/conversations/a:chat-${hrAad}/`)).length).toBe(posts);
});

test('a school that names its SLT team gets the app installed there, and SLT cards go to its General channel', async () => {
  const teamId = '2b7c9e41-6d3a-4f5e-9c8b-1a2d3e4f5a6b';
  const path = '/api/v1/schools/school-oakfield/slt-team';
  expect((await t.put(path, { teamId }, await t.signIn(DEMO_PERSONAS.Staff))).status).toBe(403);
  const set = await t.put(path, { teamId }, await t.signIn(DEMO_PERSONAS.SLT));
  expect(set.status).toBe(200);
  await t.app.dispatcher.idle();
  expect(graph.installedInTeams.has(teamId)).toBe(true);
  const channel = await t.app.services.store.conversationRefs.require('channel-slt-school-oakfield');
  expect(channel.reference).toMatchObject({
    conversation: { id: generalChannelOf(teamId), conversationType: 'channel' },
  });

  await makeRunnersReady(t, [DEMO_PERSONAS.Staff, 'person-oak-deputy-dsl']);
  await submitApplication(t, 'Oakfield Astronomy', [DEMO_PERSONAS.Staff, 'person-oak-deputy-dsl']);
  t.app.services.outbox.kick();
  await t.app.dispatcher.idle();
  expect(
    connector.received.some(
      (r) =>
        r.path.startsWith(`/v3/conversations/${generalChannelOf(teamId)}/activities`) &&
        JSON.stringify(r.body).includes('Oakfield Astronomy'),
    ),
  ).toBe(true);
  const audit = await t.app.services.store.audit.listAll({ where: { targetId: 'school-oakfield' } });
  expect(audit.map((a) => a.action)).toContain('school.slt-team.changed');
});
