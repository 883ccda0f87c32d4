import { jest } from '@jest/globals';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { cardInputs, cardText, executeAction } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { appWithConnector, cardIn, postedTo, sayThroughConnector } from '../helpers/connector.ts';
import { teamsUser } from '../helpers/personas.ts';

const STAFF = teamsUser('Staff');
const DSL = teamsUser('DSL');

jest.setTimeout(60_000);

const env = appWithConnector();

/** What the member of staff types, and the form the bot answers with in their chat. */
async function tellTheBot(words: string): Promise<Record<string, unknown>> {
  await sayThroughConnector(env, STAFF, words, { id: 'a:staff-chat', conversationType: 'personal' });
  const reply = await env.connector.waitFor(postedTo('a:staff-chat', 'Report an incident'));
  return cardIn(reply)!;
}

/** Sends the form as the bot filled it, as a hurried reporter would: nobody named, "immediate risk: No". */
async function sendAsFilled(form: Record<string, unknown>) {
  const inputs = cardInputs(form);
  const draftId = /"draftId":"([^"]+)"/.exec(JSON.stringify(form))![1]!;
  const data = {
    draftId,
    type: inputs.type!.value,
    platform: inputs.platform!.value ?? 'Other',
    description: inputs.description!.value,
    people: 'unknown',
    immediateRisk: 'no',
    toldDsl: 'no',
  };
  const { body } = await executeAction(env.app.base, REPORT_SUBMIT_VERB, data, { from: STAFF });
  return { draftId, confirmation: cardText(body.value), card: body.value };
}

describe('a report in the words staff use', () => {
  test('a self-harm disclosure typed in chat and sent with "immediate risk: No" is urgent, alerts the DSL at once, and tells the reporter to tell a DSL in person', async () => {
    // The DSL has opened the bot, so an alert can reach them.
    await sayThroughConnector(env, DSL, 'hi', { id: 'a:dsl-chat', conversationType: 'personal' });
    const words =
      'Hi, a girl in my form messaged me on snapchat last night saying she has started cutting herself again';

    const form = await tellTheBot(words);
    expect(adaptiveCardProblems(form)).toEqual([]);
    const filled = cardInputs(form);
    expect(filled.type!.value).toBe('wellbeing-disclosure');
    expect(filled.platform!.value).toBe('Snapchat');
    expect(filled.description!.value).toContain('she has started cutting herself again');
    expect(cardText(form)).toMatch(/Tell a designated safeguarding lead in person now/);

    const { draftId, confirmation, card } = await sendAsFilled(form);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(confirmation).toMatch(/An alert is on its way to the designated safeguarding lead/);
    expect(confirmation).toMatch(/Tell a designated safeguarding lead in person now/);
    expect(confirmation).toMatch(/call 999/);
    expect(confirmation).not.toMatch(/block/i);
    expect(confirmation).not.toMatch(/do not reply/i);

    const incident = await env.app.app.services.store.incidents.require(`incident-${draftId}`);
    expect(incident).toMatchObject({
      urgent: true,
      immediateRisk: false,
      audience: 'safeguarding',
      type: 'wellbeing-disclosure',
    });

    // At once: the alert reaches the DSL's chat, marked urgent, with none of the reporter's words.
    const alert = await env.connector.waitFor(
      (r) => postedTo('a:dsl-chat', incident.reference)(r) && JSON.stringify(r.body).includes('Open case'),
    );
    const alertText = cardText(cardIn(alert));
    expect(alertText).toMatch(/Urgent/);
    // What the concern is about stays in the case: a chat toast may be read over a shoulder.
    expect(alertText).toContain('A safeguarding concern');
    expect(alertText).not.toMatch(/self-harm|suicid/i);
    expect(JSON.stringify(cardIn(alert))).not.toMatch(/cutting|snapchat/i);
    const outbox = await env.app.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } });
    expect(outbox.filter((o) => o.payload.incidentId === incident.id).map((o) => o.payload.recipientId)).toContain(
      DEMO_PERSONAS.DSL,
    );
  });

  test('a post criticising the school goes to senior leaders, and the reporter is told so, not that the DSL was alerted', async () => {
    const form = await tellTheBot('a dad has been slating our teachers in the village facebook group all weekend');
    expect(cardInputs(form).type!.value).toBe('inappropriate-post');
    const { draftId, confirmation } = await sendAsFilled(form);
    expect(confirmation).toMatch(/An alert is on its way to the senior leadership team/);
    expect(confirmation).toMatch(/It did not go to the safeguarding lead/);
    expect(confirmation).not.toMatch(/on its way to the designated safeguarding/);
    const incident = await env.app.app.services.store.incidents.require(`incident-${draftId}`);
    expect(incident).toMatchObject({ urgent: false, audience: 'reputation' });
  });

  test('an everyday turn of phrase is not made urgent', async () => {
    const form = await tellTheBot('someone hacked my fantasy football team and the parents league is killing me');
    const { draftId } = await sendAsFilled(form);
    const incident = await env.app.app.services.store.incidents.require(`incident-${draftId}`);
    expect(incident.urgent).toBe(false);
  });
});
