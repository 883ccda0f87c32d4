import { teamsUser } from '../helpers/personas.ts';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { reportIncident } from '../../src/incidents/report-incident.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { DatabaseSync } from '../../src/store/sqlite/node-sqlite.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { activity, cardInputs, cardText, cardsOf, executeAction, postActivity } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const STAFF = teamsUser('Staff');
const SLT = teamsUser('SLT');

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.stop();
});

const friendRequest = friendRequestForm;

const submit = (data: Record<string, unknown>, from: Record<string, unknown> = STAFF) =>
  executeAction(t.base, REPORT_SUBMIT_VERB, data, { from });

const countRows = (table: string, where = '1 = 1') => {
  const db = new DatabaseSync(join(t.dataDir, 'app.db'));
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('starting a report in chat', () => {
  test('"a pupil sent me a friend request on Instagram" gets the report form, pre-filled, as valid Adaptive Card 1.5', async () => {
    const { replies } = await postActivity(
      t.base,
      activity({ text: 'a pupil sent me a friend request on Instagram', from: STAFF }),
    );
    const [card] = cardsOf(replies);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const inputs = cardInputs(card);
    expect(inputs.type?.value).toBe('friend-request');
    expect(inputs.platform?.value).toBe('Instagram');
    expect(inputs.description?.value).toBe('a pupil sent me a friend request on Instagram');
    const text = cardText(card);
    expect(text).toMatch(/Initials are not enough/);
    expect(text).toMatch(/Never screenshot, save, copy or forward images that may be indecent/);
    expect(text).toMatch(/call 999/);
    expect((card!.actions as { type: string; verb: string }[])[0]).toMatchObject({
      type: 'Action.Execute',
      verb: REPORT_SUBMIT_VERB,
    });
  });

  test('someone the directory does not know is told at once that a report cannot be recorded here, and who to tell', async () => {
    const { replies } = await postActivity(
      t.base,
      activity({
        text: 'a pupil sent me a friend request',
        from: { id: '29:stranger', name: 'Stranger', aadObjectId: randomUUID() },
      }),
    );
    const text = cardText(cardsOf(replies)[0]);
    expect(text).toMatch(/cannot be recorded here/);
    expect(text).toMatch(/Tell your designated safeguarding lead in person/);
    expect(cardInputs(cardsOf(replies)[0])).toEqual({});
  });

  test('a message longer than the form holds is put in as far as it fits, and the form says so and by how much', async () => {
    const long =
      `A pupil sent me a friend request on Instagram. ${'They kept messaging after I ignored it. '.repeat(500)}`.trim();
    expect(long.length).toBeGreaterThan(20_000);
    const { replies } = await postActivity(t.base, activity({ text: long, from: STAFF }));
    const card = cardsOf(replies)[0];
    expect(adaptiveCardProblems(card)).toEqual([]);
    const description = String(cardInputs(card).description?.value);
    expect(description.length).toBeLessThanOrEqual(4000);
    expect(long.startsWith(description)).toBe(true);
    expect(long[description.length]).toMatch(/\s/); // cut between words, not inside one
    expect(cardText(card)).toContain(
      `Your message was ${long.length.toLocaleString('en-GB')} characters long, and a report’s description holds 4,000`,
    );
    expect(JSON.stringify(card)).toContain('What happened, in your own words (up to 4,000 characters)');
  });

  test('"report" on its own opens an empty form', async () => {
    const { replies } = await postActivity(t.base, activity({ text: 'report', from: STAFF }));
    const inputs = cardInputs(cardsOf(replies)[0]);
    expect(inputs.type?.value).toBeUndefined();
    expect(inputs.description?.value).toBeUndefined();
  });
});

describe('naming the adult a concern is about', () => {
  test('the form offers the reporter’s own colleagues by name, never the reporter or anyone at another school', async () => {
    const { replies } = await postActivity(
      t.base,
      activity({ text: 'I am worried about a colleague messaging pupils', from: STAFF }),
    );
    const card = cardsOf(replies)[0]!;
    expect(adaptiveCardProblems(card)).toEqual([]);
    const picker = (card.body as Record<string, unknown>[]).find((e) => e.id === 'subject') as {
      style: string;
      choices: { title: string; value: string }[];
    };
    expect(picker.style).toBe('filtered');
    expect(picker.choices).toContainEqual({ title: 'Harriet Osei (Headteacher)', value: 'person-oak-head' });
    expect(picker.choices).toContainEqual({ title: 'Someone not on the staff list', value: 'not-on-staff-list' });
    const values = picker.choices.map((c) => c.value);
    expect(values).not.toContain(DEMO_PERSONAS.Staff);
    expect(values).not.toContain('person-river-head');
  });

  test('a concern about an adult needs a name, and the re-shown form keeps everything typed', async () => {
    const data = { ...friendRequest(), type: 'adult-conduct', description: 'A teaching assistant messages pupils.' };
    const { body } = await submit(data);
    expect(adaptiveCardProblems(body.value)).toEqual([]);
    expect(cardText(body.value)).toMatch(/Choose who this concern is about/);
    expect(cardInputs(body.value).description?.value).toBe('A teaching assistant messages pupils.');
    expect(await t.app.services.store.incidents.get(`incident-${data.draftId}`)).toBeUndefined();
  });

  test('a crafted name from another school is refused on the card, and a picked colleague stays picked when the form is re-shown', async () => {
    const crafted = { ...friendRequest(), type: 'adult-conduct', subject: 'person-river-head' };
    expect(cardText((await submit(crafted)).body.value)).toMatch(/Choose a name from the list/);
    const picked = { ...friendRequest(), type: 'adult-conduct', subject: 'person-oak-deputy-dsl', people: 'R' };
    const { body } = await submit(picked);
    expect(cardInputs(body.value).subject?.value).toBe('person-oak-deputy-dsl');
    expect(cardText(body.value)).toContain('Rowan Achebe (Deputy DSL)');
  });

  test('someone not on the staff list can be the subject; the concern still reaches the headteacher', async () => {
    const data = { ...friendRequest(), type: 'adult-conduct', subject: 'not-on-staff-list' };
    await submit(data);
    const incident = await t.app.services.store.incidents.require(`incident-${data.draftId}`);
    expect(incident.subjectPersonId).toBeUndefined();
    const alerts = (await t.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } })).filter(
      (o) => o.payload.incidentId === incident.id,
    );
    expect(alerts.map((a) => a.payload.recipientId)).toEqual(['person-oak-head']);
  });
});

describe('sending a report', () => {
  test('a valid report is saved before it is confirmed, with a reference, advice, and alerts queued for the DSLs', async () => {
    const data = friendRequest();
    const { status, body } = await submit(data);
    expect(status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptiveCardProblems(body.value)).toEqual([]);
    const text = cardText(body.value);
    const reference = /Report saved: (INC-\d{4}-\d{4})/.exec(text)?.[1];
    expect(reference).toBeDefined();
    expect(text).toMatch(/An alert is on its way to the designated safeguarding leads/);
    expect(text).toMatch(/Do not accept the request and do not reply/);
    expect(text).toMatch(/block/);

    const store = t.app.services.store;
    const incident = await store.incidents.require(`incident-${data.draftId}`);
    expect(incident).toMatchObject({
      reference,
      reporterId: DEMO_PERSONAS.Staff,
      status: 'new',
      riskArea: 'contact',
      riskType: 'values',
      safeguarding: true,
      urgent: false,
      retentionCategory: 'child-protection',
      reviewOn: '2038-08-31',
    });
    const [entry] = await store.incidentEntries.listAll({ where: { incidentId: incident.id } });
    expect(entry).toMatchObject({ kind: 'report', text: data.description, data: { people: 'Riley Brookes, Year 9' } });
    const alerts = (await store.outbox.listAll({ where: { topic: 'incident.alert' } })).filter(
      (o) => o.payload.incidentId === incident.id,
    );
    expect(alerts.map((a) => a.payload.recipientId).sort()).toEqual(
      [DEMO_PERSONAS.DSL, 'person-oak-deputy-dsl'].sort(),
    );
  });

  test('immediate risk puts the immediate-action instructions first and flags the report urgent', async () => {
    const data = { ...friendRequest(), immediateRisk: 'yes' };
    const { body } = await submit(data);
    const first = cardText({ body: [(body.value.body as unknown[])[0]] });
    expect(first).toMatch(/contact your designated safeguarding lead now.*call 999/);
    expect((await t.app.services.store.incidents.require(`incident-${data.draftId}`)).urgent).toBe(true);
  });

  test('validation errors come back on the card, next to their fields, with every typed value kept', async () => {
    const data = { ...friendRequest(), people: 'R.B.', description: '', immediateRisk: '' };
    const before = countRows('incidents');
    const { body } = await submit(data);
    const text = cardText(body.value);
    expect(adaptiveCardProblems(body.value)).toEqual([]);
    expect(text).toMatch(/Please check the answers marked below/);
    expect(text).toMatch(/first name and surname, not initials/);
    expect(text).toMatch(/Describe what happened/);
    const inputs = cardInputs(body.value);
    expect(inputs.people?.value).toBe('R.B.');
    expect(inputs.actionsTaken?.value).toBe('Did not accept it. Took a screenshot.');
    expect(inputs.occurredOn?.value).toBe('2026-11-20');
    expect(inputs.type?.value).toBe('friend-request');
    expect(countRows('incidents')).toBe(before);
  });

  test('the same form sent twice over HTTP, or several times in flight, makes exactly one incident with one reference', async () => {
    const data = friendRequest();
    const first = await submit(data);
    const second = await submit(data);
    const ref = (r: typeof first) => /INC-\d{4}-\d{4}/.exec(cardText(r.body.value))?.[0];
    expect(ref(second)).toBe(ref(first));
    expect(countRows('incidents', `id = 'incident-${data.draftId}'`)).toBe(1);
    expect(countRows('incidentEntries', `json_extract(data, '$.incidentId') = 'incident-${data.draftId}'`)).toBe(1);

    const racing = friendRequest();
    const results = await Promise.all([submit(racing), submit(racing), submit(racing)]);
    expect(new Set(results.map(ref)).size).toBe(1);
    expect(countRows('incidents', `id = 'incident-${racing.draftId}'`)).toBe(1);
  });

  test('the same form saved three times side by side in one process (retried invokes racing) still makes one incident', async () => {
    // In-process calls interleave at every await, so all three find no incident and race to create it.
    const services = t.app.services;
    const reporter = await services.store.people.require(DEMO_PERSONAS.Staff);
    const data = friendRequest();
    const outcomes = await Promise.all([1, 2, 3].map(() => reportIncident(services, reporter, data)));
    // One save and two repeats of it, each answered with the same report.
    expect(outcomes.filter((o) => !o.alreadySaved)).toHaveLength(1);
    const references = outcomes.map((o) => o.incident.reference);
    expect(new Set(references).size).toBe(1);
    expect(countRows('incidents', `id = 'incident-${data.draftId}'`)).toBe(1);
    expect(countRows('incidentEntries', `json_extract(data, '$.incidentId') = 'incident-${data.draftId}'`)).toBe(1);
  });

  test('different reports saved side by side get distinct, consecutive references', async () => {
    const services = t.app.services;
    const reporter = await services.store.people.require(DEMO_PERSONAS.Staff);
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => reportIncident(services, reporter, friendRequest())));
    const numbers = outcomes.map((o) => Number(o.incident.reference.slice(-4))).sort((a, b) => a - b);
    expect(numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1)).toBe(true);
    expect(new Set(numbers).size).toBe(5);
  });

  test("replaying someone else's form id is refused and reveals nothing about their report", async () => {
    const data = friendRequest();
    const mine = await submit(data);
    const reference = /INC-\d{4}-\d{4}/.exec(cardText(mine.body.value))![0];
    const theirs = await submit({ ...data, description: 'Trying to read it' }, SLT);
    const text = cardText(theirs.body.value);
    expect(text).toMatch(/not saved/);
    expect(text).not.toContain(reference);
    expect(text).not.toContain('Riley');
  });

  test('someone the directory does not know is told the report was not recorded', async () => {
    const before = countRows('incidents');
    const { body } = await submit(friendRequest(), { id: '29:stranger', name: 'Stranger', aadObjectId: randomUUID() });
    expect(cardText(body.value)).toMatch(/Your report was not saved/);
    expect(adaptiveCardProblems(body.value)).toEqual([]);
    expect(countRows('incidents')).toBe(before);
  });

  test('when the store fails, the person is told it did not save, nothing is half-written, and a retry saves it once', async () => {
    const db = new DatabaseSync(join(t.dataDir, 'app.db'));
    db.exec(
      `CREATE TRIGGER fail_incidents BEFORE INSERT ON incidents BEGIN SELECT RAISE(ABORT, 'disk unavailable'); END`,
    );
    const tables = ['incidents', 'incidentEntries', 'audit', 'outbox', 'counters'];
    const before = Object.fromEntries(tables.map((tb) => [tb, countRows(tb)]));
    const counterBefore = db.prepare('SELECT data FROM counters').all();
    const data = friendRequest();
    try {
      const { body } = await submit(data);
      const text = cardText(body.value);
      expect(text).toMatch(/has NOT been saved/);
      expect(cardInputs(body.value).people?.value).toBe('Riley Brookes, Year 9');
      for (const tb of tables) expect(countRows(tb)).toBe(before[tb]);
      expect(db.prepare('SELECT data FROM counters').all()).toEqual(counterBefore);
    } finally {
      db.exec('DROP TRIGGER fail_incidents');
      db.close();
    }
    const retry = await submit(data);
    expect(cardText(retry.body.value)).toMatch(/Report saved: INC-/);
    expect(countRows('incidents', `id = 'incident-${data.draftId}'`)).toBe(1);
  });

  test('references count up without gaps or repeats', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++)
      refs.push(/INC-\d{4}-(\d{4})/.exec(cardText((await submit(friendRequest())).body.value))![1]!);
    const numbers = refs.map(Number);
    expect(numbers[1]).toBe(numbers[0]! + 1);
    expect(numbers[2]).toBe(numbers[1]! + 1);
  });
});
