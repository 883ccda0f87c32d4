import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { followUpMonitoring } from '../../src/accounts/follow-up-monitoring.ts';
import { CHECK_IN_VERB } from '../../src/cards/account-monitoring.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { cardInputs, cardText, executeAction } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { appWithConnector, sayThroughConnector, type Received } from '../helpers/connector.ts';

/**
 * The daily monitoring duty, through the real bot endpoint and a local Bot Connector, with the
 * clock set by the test: reminders to moderators (the rota on closure days), check-ins on the
 * card, and escalation to SLT of unchecked accounts and overdue replies.
 */
jest.setTimeout(60_000);
const JORDAN = teamsUser('Staff');
const CASEY = teamsUser('Admin');
const PRIYA = teamsUser('SLT');
const JORDAN_CHAT = 'a:jordan';
const CASEY_CHAT = 'a:casey';
const SLT_CHANNEL = '19:slt@thread.tacv2';

const env = appWithConnector();
let accountId: string;

const services = () => env.app.app.services;
const setClock = (iso: string) => {
  services().now = () => new Date(iso);
};
/** One sweep of the duty at a moment, then every message it queued delivered. */
async function sweepAt(iso: string) {
  setClock(iso);
  const before = env.connector.received.length;
  const result = await followUpMonitoring(services());
  await waitForOutbox();
  return { result, sent: env.connector.received.slice(before) };
}
async function waitForOutbox() {
  for (let round = 0; round < 5; round++) {
    const pending = await services().store.outbox.listAll({ where: { status: 'pending' } });
    if (pending.length === 0) return;
    services().outbox.kick();
    await env.app.app.dispatcher.idle();
  }
  const stuck = await services().store.outbox.listAll({ where: { status: 'pending' } });
  throw new Error(`the outbox did not drain: ${JSON.stringify(stuck)}`);
}
const to = (conversationId: string) => (r: Received) =>
  r.method === 'POST' && r.path.startsWith(`/v3/conversations/${conversationId}/activities`);
/** A moderator's check-in on the main account, as the card or the tab records it. */
const checkedIn = (at: string, hidden?: { count: number; note: string }) =>
  services().store.checkIns.create({
    accountId,
    schoolId: 'school-oakfield',
    byId: DEMO_PERSONAS.Staff,
    at,
    ...(hidden ? { outcome: 'hidden-or-deleted', ...hidden } : { outcome: 'nothing-needed', count: 0, note: '' }),
  });
const cardOf = (r: Received) => r.body.attachments![0]!.content;
/** A card action from a moderator's own chat, so the bot keeps sending to the local connector. */
const pressAs = (from: typeof JORDAN, chat: string, data: Record<string, unknown>) =>
  executeAction(env.app.base, CHECK_IN_VERB, data, {
    from,
    serviceUrl: env.connector.url,
    conversation: { id: chat, conversationType: 'personal' },
  });

beforeEach(async () => {
  await sayThroughConnector(env, PRIYA, 'set up SLT questions', { id: SLT_CHANNEL, conversationType: 'channel' });
  await sayThroughConnector(env, JORDAN, 'hi', { id: JORDAN_CHAT, conversationType: 'personal' });
  await sayThroughConnector(env, CASEY, 'hi', { id: CASEY_CHAT, conversationType: 'personal' });
  const account = await services().store.socialAccounts.create({
    schoolId: 'school-oakfield',
    platform: 'Instagram',
    handle: '@OakfieldMusic',
    url: 'https://www.instagram.com/oakfieldmusic',
    leadId: DEMO_PERSONAS.Staff,
    moderatorIds: [DEMO_PERSONAS.Staff, DEMO_PERSONAS.Admin],
    status: 'active',
    createdOn: '2026-11-23',
  });
  accountId = account.id;
});

test('after 16:00 London time the moderators of an unchecked account get the check-in card, once that day', async () => {
  expect((await sweepAt('2026-11-23T15:00:00Z')).sent).toEqual([]); // Monday, before the reminder time
  const { result, sent } = await sweepAt('2026-11-23T16:05:00Z');
  expect(result).toMatchObject({ reminded: 1, escalated: 0 });
  expect(sent.filter(to(JORDAN_CHAT))).toHaveLength(1);
  expect(sent.filter(to(CASEY_CHAT))).toHaveLength(1);
  const card = cardOf(sent.find(to(JORDAN_CHAT))!);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardText(card)).toContain('No check-in yet today');
  expect(cardText(card)).toContain('@OakfieldMusic on Instagram');
  expect((await sweepAt('2026-11-23T17:00:00Z')).sent).toEqual([]);
});

test('a moderator checks in on the card; hiding comments without a reason is sent back with the answers kept', async () => {
  setClock('2026-11-23T17:10:00Z');
  const refused = await pressAs(JORDAN, JORDAN_CHAT, { accountId, outcome: 'hidden-or-deleted', count: '2', note: '' });
  expect(cardText(refused.body.value)).toContain('Say why the comments were hidden or deleted');
  expect(cardInputs(refused.body.value).outcome!.value).toBe('hidden-or-deleted');
  const done = await pressAs(JORDAN, JORDAN_CHAT, {
    accountId,
    outcome: 'hidden-or-deleted',
    count: '2',
    note: 'Spam links to a betting site',
  });
  expect(cardText(done.body.value)).toContain('Check-in recorded');
  const [checkIn] = await services().store.checkIns.listAll({ where: { accountId } });
  expect(checkIn).toMatchObject({ byId: DEMO_PERSONAS.Staff, outcome: 'hidden-or-deleted', count: 2 });
  // Someone who does not moderate the account cannot check in on it, even with the card's data.
  const stranger = await pressAs(PRIYA, 'a:priya', { accountId, outcome: 'nothing-needed' });
  expect(cardText(stranger.body.value)).toBe('This account is not available.');
  expect(await services().store.checkIns.listAll({ where: { accountId } })).toHaveLength(1);
});

test('checked in yesterday is not checked in today: Tuesday brings a new reminder', async () => {
  await checkedIn('2026-11-23T17:10:00Z');
  const { sent } = await sweepAt('2026-11-24T16:30:00Z');
  expect(sent.filter(to(JORDAN_CHAT))).toHaveLength(1);
});

test('on a school closure day only the moderator on the rota is reminded', async () => {
  const school = await services().store.schools.require('school-oakfield');
  await services().store.schools.update(school, { closures: ['2026-11-25'] });
  setClock('2026-11-24T12:00:00Z'); // the rota is set ahead of the day
  const token = await env.app.signIn(DEMO_PERSONAS.Staff);
  const account = await services().store.socialAccounts.require(accountId);
  const res = await env.app.put(
    `/api/v1/accounts/${accountId}/rota`,
    { etag: account.etag, rota: [{ from: '2026-11-25', to: '2026-11-25', personId: DEMO_PERSONAS.Admin }] },
    token,
  );
  expect(res.status).toBe(200);
  const { sent } = await sweepAt('2026-11-25T16:30:00Z');
  expect(sent.filter(to(CASEY_CHAT))).toHaveLength(1);
  expect(sent.filter(to(JORDAN_CHAT))).toHaveLength(0);
});

test('more than two days without a check-in is escalated to SLT once, with no detail beyond the counts', async () => {
  await checkedIn('2026-11-23T17:10:00Z', { count: 2, note: 'Spam links to a betting site' });
  const { result, sent } = await sweepAt('2026-11-26T09:00:00Z'); // Thursday; last check-in Monday
  expect(result.escalated).toBe(1);
  const card = cardOf(sent.find(to(SLT_CHANNEL))!);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardText(card)).toContain('An official account needs attention');
  expect(cardText(card)).toMatch(/Days without a check-in: 3/);
  expect(cardText(card)).not.toContain('betting');
  expect((await sweepAt('2026-11-26T10:00:00Z')).sent.filter(to(SLT_CHANNEL))).toEqual([]);
});

test('a reply past its due time is escalated to SLT once; the channel never sees what the comment said', async () => {
  setClock('2026-11-26T09:40:00Z');
  await checkedIn('2026-11-26T09:35:00Z'); // checked, so only the late reply is escalated
  const token = await env.app.signIn(DEMO_PERSONAS.Staff);
  const logged = await env.app.post(
    `/api/v1/accounts/${accountId}/reply-items`,
    { arrivedAt: '2026-11-26T09:30:00Z', summary: 'Parent complaint about the concert seating' },
    token,
  );
  expect(((await logged.json()) as { dueAt: string }).dueAt).toBe('2026-11-27T09:30:00.000Z');
  expect((await sweepAt('2026-11-27T09:00:00Z')).sent.filter(to(SLT_CHANNEL))).toEqual([]);
  const { sent } = await sweepAt('2026-11-27T09:45:00Z');
  const card = cardOf(sent.find(to(SLT_CHANNEL))!);
  expect(cardText(card)).toMatch(/Replies past the 24-hour rule: 1/);
  expect(cardText(card)).not.toContain('concert');
  expect((await sweepAt('2026-11-27T10:15:00Z')).sent.filter(to(SLT_CHANNEL))).toEqual([]);
  const audit = await services().store.audit.listAll({ where: { targetId: accountId } });
  expect(audit.filter((a) => a.action === 'account.monitoring-escalated')).toHaveLength(1);
});

test('an escalated check-in opens the incident report, already about the account', async () => {
  setClock('2026-11-27T11:00:00Z');
  const fromCard = await pressAs(JORDAN, JORDAN_CHAT, {
    accountId,
    outcome: 'escalated',
    note: 'A comment names a pupil and mocks them',
  });
  const form = fromCard.body.value;
  expect(cardText(form)).toContain('Send report');
  expect(cardInputs(form).platform!.value).toBe('Instagram');
  expect(String(cardInputs(form).description!.value)).toContain('@OakfieldMusic');
  expect(String(cardInputs(form).description!.value)).toContain('A comment names a pupil');

  // From the tab, the same form arrives in the moderator's chat with the bot.
  const token = await env.app.signIn(DEMO_PERSONAS.Admin);
  const before = env.connector.received.length;
  const res = await env.app.post(`/api/v1/accounts/${accountId}/check-ins`, { outcome: 'escalated' }, token);
  expect(await res.json()).toMatchObject({ reportFormSent: true });
  await waitForOutbox();
  const sent = env.connector.received.slice(before).find(to(CASEY_CHAT))!;
  expect(String(cardInputs(cardOf(sent)).description!.value)).toContain('@OakfieldMusic');
});

test('"check in" in the chat offers the card for each account the person moderates', async () => {
  const before = env.connector.received.length;
  await sayThroughConnector(env, JORDAN, 'check in', { id: JORDAN_CHAT, conversationType: 'personal' });
  const reply = await env.connector.waitFor((r) => env.connector.received.indexOf(r) >= before && to(JORDAN_CHAT)(r));
  expect(cardText(cardOf(reply))).toContain('Check in on the account');
});

test('SLT are asked once for the yearly review of an account a year old', async () => {
  await checkedIn('2026-11-27T11:00:00Z');
  const old = await services().store.socialAccounts.create({
    schoolId: 'school-oakfield',
    platform: 'Facebook',
    handle: 'Oakfield Friends',
    url: 'https://www.facebook.com/oakfieldfriends',
    leadId: DEMO_PERSONAS.Staff,
    moderatorIds: [DEMO_PERSONAS.Staff, DEMO_PERSONAS.Admin],
    status: 'active',
    createdOn: '2025-11-20',
  });
  await services().store.checkIns.create({
    accountId: old.id,
    schoolId: 'school-oakfield',
    byId: DEMO_PERSONAS.Staff,
    at: '2026-11-27T11:30:00Z',
    outcome: 'nothing-needed',
    count: 0,
    note: '',
  });
  const { result, sent } = await sweepAt('2026-11-27T12:00:00Z');
  expect(result).toMatchObject({ reviewsDue: 1, reminded: 0, escalated: 0 });
  const card = cardOf(sent.find(to(SLT_CHANNEL))!);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardText(card)).toContain('An official account is due for review');
  expect(cardText(card)).toContain('Oakfield Friends on Facebook');
  expect((await sweepAt('2026-11-28T12:00:00Z')).result.reviewsDue).toBe(0);
});
