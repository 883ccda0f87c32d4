import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { cardText } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { appWithConnector, sayThroughConnector, postedTo, cardIn } from '../helpers/connector.ts';

const STAFF = teamsUser('Staff');
const DSL = teamsUser('DSL');
const STAFF_CHAT = 'a:jordan-chat';
const DSL_CHAT = 'a:morgan-chat';

jest.setTimeout(60_000);

const env = appWithConnector();
const del = (path: string, token: string) =>
  fetch(env.app.base + path, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });

interface Gap {
  id: string;
  text: string;
  pointer?: { sectionId: string; passage: string };
}

describe('a senior leader points a question the policy missed to the passage that answers it', () => {
  test('the asker is sent the answer, and the next person to ask something like it gets that passage', async () => {
    const question = 'How do I stop pupils finding me on Facebook?';
    await sayThroughConnector(env, STAFF, question, { id: STAFF_CHAT, conversationType: 'personal' });
    await env.connector.waitFor(postedTo(STAFF_CHAT, 'I could not find this in the policy'));

    const slt = await env.app.signIn(DEMO_PERSONAS.SLT);
    const gaps = (await (await env.app.get('/api/v1/questions', slt)).json()) as { items: Gap[] };
    const gap = gaps.items.find((q) => q.text === question)!;
    expect(gap.pointer).toBeUndefined();
    const policy = (await (await env.app.get('/api/v1/policy', slt)).json()) as {
      sections: { passages: { id: string; clause?: string; text: string }[] }[];
    };
    const privateAccounts = policy.sections.flatMap((s) => s.passages).find((p) => p.clause === '6.4')!;

    // Staff and the DSL cannot point questions (to them the question does not exist, as for a made-up id);
    // nor can anyone point to a passage that is not in the policy.
    for (const who of [DEMO_PERSONAS.Staff, DEMO_PERSONAS.DSL]) {
      const res = await env.app.put(
        `/api/v1/questions/${gap.id}/pointer`,
        { passageId: privateAccounts.id },
        await env.app.signIn(who),
      );
      expect(res.status).toBe(404);
      const madeUp = await env.app.put(
        `/api/v1/questions/no-such-question/pointer`,
        { passageId: privateAccounts.id },
        await env.app.signIn(who),
      );
      expect(await madeUp.json()).toEqual(await res.json());
    }
    const unknown = await env.app.put(`/api/v1/questions/${gap.id}/pointer`, { passageId: 'no-such/1' }, slt);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { details: [{ field: 'passageId' }] } });
    const river = await env.app.signIn('person-river-head');
    expect(
      (await env.app.put(`/api/v1/questions/${gap.id}/pointer`, { passageId: privateAccounts.id }, river)).status,
    ).toBe(404);

    const pointed = await env.app.put(`/api/v1/questions/${gap.id}/pointer`, { passageId: privateAccounts.id }, slt);
    expect(pointed.status).toBe(200);
    expect(await pointed.json()).toMatchObject({ pointer: { passage: privateAccounts.text } });

    // The asker hears the answer in their chat, quoted from the policy.
    const delivered = cardIn(
      await env.connector.waitFor(postedTo(STAFF_CHAT, 'A senior leader found the answer to your question')),
    )!;
    expect(adaptiveCardProblems(delivered)).toEqual([]);
    expect(cardText(delivered)).toContain(privateAccounts.text);
    expect(cardText(delivered)).toContain(question);

    // Someone else, asking in their own words, now gets the passage.
    await sayThroughConnector(env, DSL, "What can I do so pupils can't find my Instagram?", {
      id: DSL_CHAT,
      conversationType: 'personal',
    });
    const answer = cardIn(await env.connector.waitFor(postedTo(DSL_CHAT, 'From the policy')))!;
    expect(cardText(answer)).toContain(privateAccounts.text);

    // The gaps list shows the pointer, and it is audited.
    const after = (await (await env.app.get('/api/v1/questions', slt)).json()) as { items: Gap[] };
    expect(after.items.find((q) => q.id === gap.id)?.pointer).toMatchObject({ passage: privateAccounts.text });
    const audit = await env.app.app.services.store.audit.listAll({ where: { targetId: gap.id } });
    expect(audit.map((a) => a.action)).toContain('question.pointed');

    // Taken back, the policy no longer answers it.
    expect((await del(`/api/v1/questions/${gap.id}/pointer`, await env.app.signIn(DEMO_PERSONAS.Staff))).status).toBe(
      404,
    );
    expect((await del(`/api/v1/questions/${gap.id}/pointer`, slt)).status).toBe(200);
    const search = await env.app.get(`/api/v1/policy/search?q=${encodeURIComponent(question)}`, slt);
    expect(((await search.json()) as { answered: boolean }).answered).toBe(false);
    expect((await del(`/api/v1/questions/${gap.id}/pointer`, slt)).status).toBe(404);
  });
});
