import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { appWithConnector, cardIn, sayThroughConnector } from '../helpers/connector.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const STAFF = teamsUser('Staff');
const DSL = teamsUser('DSL');

jest.setTimeout(60_000);

const env = appWithConnector();

/** A person says hello through the local connector, as they would when opening the bot in Teams. */
const chatFromConnector = (from: Record<string, unknown>, conversationId: string) =>
  sayThroughConnector(env, from, 'hi', { id: conversationId, conversationType: 'personal' });

/** An alert card the bot sent into a conversation (its greeting replies carry no "Open case"). */
const alertsTo = (conversationId: string) => (r: { path: string; body: unknown }) =>
  r.path.startsWith(`/v3/conversations/${conversationId}/activities`) && JSON.stringify(r.body).includes('Open case');

/** The outbox's next rounds, once its back-off has passed: the app's clock moved on an hour. */
async function afterBackOff(): Promise<void> {
  const { services, dispatcher } = env.app.app;
  const real = services.now;
  services.now = () => new Date(real().getTime() + 60 * 60_000);
  try {
    services.outbox.kick();
    await dispatcher.idle();
  } finally {
    services.now = real;
  }
}

describe('alerting the safeguarding lead', () => {
  test('a saved report reaches the DSL at once, with only the reference, type, urgency and an Open case link', async () => {
    await chatFromConnector(DSL, 'a:dsl-chat');
    const data = friendRequestForm();
    const { body } = await executeAction(env.app.base, REPORT_SUBMIT_VERB, data, { from: STAFF });
    const reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];

    const alert = await env.connector.waitFor(
      (r) => alertsTo('a:dsl-chat')(r) && JSON.stringify(r.body).includes(reference),
    );
    const card = alert.body.attachments![0]!.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(`New report: ${reference}`);
    expect(text).toContain('A friend or follow request from a pupil');
    expect(text).toContain('Normal');
    for (const secret of ['Riley', 'Brookes', 'Instagram last night', 'Did not accept', 'Jordan'])
      expect(JSON.stringify(card)).not.toContain(secret);
    const open = (card.actions as { type: string; title: string; url: string }[])[0]!;
    expect(open).toMatchObject({ type: 'Action.OpenUrl', title: 'Open case' });
    expect(open.url).toMatch(new RegExp(`/tab/#/cases/incident-${data.draftId}$`));

    await env.app.app.dispatcher.idle();
    const store = env.app.app.services.store;
    const entries = (await store.outbox.listAll({ where: { topic: 'incident.alert' } })).filter(
      (o) => o.payload.incidentId === `incident-${data.draftId}` && o.payload.recipientId === DEMO_PERSONAS.DSL,
    );
    expect(entries.map((e) => e.status)).toEqual(['done']);
  });

  test('an alert to someone the bot cannot reach yet waits in the outbox and is delivered once they open the chat', async () => {
    const data = friendRequestForm();
    await executeAction(env.app.base, REPORT_SUBMIT_VERB, data, { from: STAFF });
    const store = env.app.app.services.store;
    const deputyAlert = async () =>
      (await store.outbox.listAll({ where: { topic: 'incident.alert' } })).find(
        (o) => o.payload.incidentId === `incident-${data.draftId}` && o.payload.recipientId === 'person-oak-deputy-dsl',
      )!;
    await env.app.app.dispatcher.idle();
    expect(await deputyAlert()).toMatchObject({
      status: 'pending',
      lastError: expect.stringMatching(/^the recipient has not opened a chat with the bot yet/),
    });

    // The deputy opens the bot; the next round, once the back-off has passed, delivers it.
    const deputy = await store.people.require('person-oak-deputy-dsl');
    await store.people.update(deputy, { aadObjectId: '00000000-0000-4000-8000-0000000000d2' });
    await chatFromConnector(
      { id: '29:rowan', name: 'Rowan Achebe', aadObjectId: '00000000-0000-4000-8000-0000000000d2' },
      'a:deputy-chat',
    );
    await afterBackOff();
    await env.connector.waitFor(alertsTo('a:deputy-chat'));
    expect((await deputyAlert()).status).toBe('done');
  });

  // Slow by nature: the bot SDK itself retries a 503 with back-off before the outbox records a failure.
  test('a connector outage delays the alert but does not lose it', async () => {
    await chatFromConnector(DSL, 'a:dsl-chat');
    env.connector.setDown(true);
    const data = friendRequestForm();
    await executeAction(env.app.base, REPORT_SUBMIT_VERB, data, { from: STAFF });
    const store = env.app.app.services.store;
    const dslAlert = async () =>
      (await store.outbox.listAll({ where: { topic: 'incident.alert' } })).find(
        (o) => o.payload.incidentId === `incident-${data.draftId}` && o.payload.recipientId === DEMO_PERSONAS.DSL,
      )!;
    await env.app.app.dispatcher.idle();
    expect(await dslAlert()).toMatchObject({ status: 'pending', attempts: 1 });
    env.connector.setDown(false);
    await afterBackOff();
    expect((await dslAlert()).status).toBe('done');
  });

  test("the reporter's card says the alert is on its way, then that it has not arrived, and says 'reached' only once Teams took it", async () => {
    await chatFromConnector(DSL, 'a:dsl-chat');
    await chatFromConnector(STAFF, 'a:staff-chat');
    env.connector.setRefusing(({ path }) => path.startsWith('/v3/conversations/a:dsl-chat/'));
    const form = friendRequestForm();
    const sendForm = () =>
      executeAction(env.app.base, REPORT_SUBMIT_VERB, form, {
        from: STAFF,
        conversation: { id: 'a:staff-chat', conversationType: 'personal' },
        serviceUrl: env.connector.url,
        replyToId: 'confirmation-card',
      });
    const { body } = await sendForm();
    const saved = cardText(body.value);
    expect(saved).toContain('Report saved');
    expect(saved).toContain('An alert is on its way to the designated safeguarding leads');
    expect(saved).not.toMatch(/reached|alert has gone/);

    // The alert is refused: the reporter's card changes to say so, and to tell a lead in person.
    const edits = (words: string) => (r: { method: string; path: string; body: unknown }) =>
      r.method === 'PUT' &&
      r.path === '/v3/conversations/a:staff-chat/activities/confirmation-card' &&
      cardText(cardIn(r as never)).includes(words);
    await env.app.app.dispatcher.idle();
    await env.connector.waitFor(edits('Teams has not yet delivered the alert'));
    expect(env.connector.received.some(edits('reached'))).toBe(false);

    // Teams takes it on the next try; only now does the card say the alert reached them.
    env.connector.setRefusing(undefined);
    await afterBackOff();
    const reached = await env.connector.waitFor(
      edits('the alert reached the designated safeguarding leads in Teams at'),
    );
    expect(adaptiveCardProblems(cardIn(reached as never))).toEqual([]);
    // Pressing Send again on that card answers with the same truth.
    expect(cardText((await sendForm()).body.value)).toContain(
      'the alert reached the designated safeguarding leads in Teams at',
    );
  });

  test("a safeguarding alert Teams has not delivered after five minutes shows on the DSL's and SLT's Home, not on the reporter's", async () => {
    await chatFromConnector(DSL, 'a:dsl-chat');
    env.connector.setDown(true);
    const { body } = await executeAction(env.app.base, REPORT_SUBMIT_VERB, friendRequestForm(), { from: STAFF });
    const reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];
    await env.app.app.dispatcher.idle();
    const { services } = env.app.app;
    const real = services.now;
    const stuckOnHome = async (personId: string) => {
      const token = await env.app.signIn(personId);
      const { items } = (await (await env.app.get('/api/v1/my-alerts', token)).json()) as {
        items: { text: string; page: string; urgent: boolean }[];
      };
      return items.filter((i) => i.page === 'deliveries' && i.text.includes(reference));
    };
    try {
      services.now = () => new Date(real().getTime() + 2 * 60_000);
      expect(await stuckOnHome(DEMO_PERSONAS.DSL)).toEqual([]);
      services.now = () => new Date(real().getTime() + 6 * 60_000);
      const forDsl = await stuckOnHome(DEMO_PERSONAS.DSL);
      expect(forDsl.length).toBeGreaterThan(0);
      expect(forDsl[0]).toMatchObject({ urgent: true });
      expect(forDsl[0]!.text).toMatch(/has not reached .+ in Teams after 6 minutes\. Tell them in person/);
      expect((await stuckOnHome(DEMO_PERSONAS.SLT)).length).toBeGreaterThan(0);
      expect(await stuckOnHome(DEMO_PERSONAS.Staff)).toEqual([]);
    } finally {
      services.now = real;
      env.connector.setDown(false);
    }
  });

  test('an alert the connector refuses is not marked sent, even when the error handler could still post in that chat', async () => {
    await chatFromConnector(DSL, 'a:dsl-chat');
    // The card is refused; a plain message (such as an apology) would get through.
    env.connector.setRefusing(({ body }) => Boolean(body.attachments?.length));
    const data = friendRequestForm();
    await executeAction(env.app.base, REPORT_SUBMIT_VERB, data, { from: STAFF });
    await env.app.app.dispatcher.idle();
    const alert = (await env.app.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } })).find(
      (o) => o.payload.incidentId === `incident-${data.draftId}` && o.payload.recipientId === DEMO_PERSONAS.DSL,
    )!;
    expect(alert).toMatchObject({ status: 'pending', attempts: 1 });
    expect(alert.lastError).toBeTruthy();
    // Nothing was said in the lead's chat on the alert's behalf.
    const inDslChat = env.connector.received.filter((r) => r.path.startsWith('/v3/conversations/a:dsl-chat/'));
    expect(inDslChat.map((r) => r.body.text ?? '')).not.toContainEqual(expect.stringContaining('Sorry'));
  });
});
