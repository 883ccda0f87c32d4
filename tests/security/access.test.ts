import { jest } from '@jest/globals';
import type { z } from 'zod';
import { CARD_ACTIONS } from '../../bot/conversation.ts';
import { ROUTE_SPEC, type RouteSpec } from '../../src/http/endpoint.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { ROUTE_ACCESS, VERB_ACCESS, type Probe } from './access-table.ts';
import { ACTORS, SIGNED_IN, aadObjectIdOf, createFixtures, type Actor, type Fixtures } from './fixtures.ts';
import { requestPart, sampleOf } from './samples.ts';

/**
 * The attack suite, generated: every route the server answers and every card verb the bot
 * answers is tried by every actor (each role, the subject of a concern, another school's holders
 * of the same roles, and nobody signed in), and each answer is checked against one access table.
 */
jest.setTimeout(180_000);

interface Route {
  key: string;
  method: string;
  path: string;
  spec?: RouteSpec;
}

let t: TestApp;
let f: Fixtures;
const tokens = new Map<Actor, string>();
const tally = { attacks: 0, refused: 0, allowedChecks: 0, routes: 0, verbs: 0 };

function serverRoutes(app: TestApp): Route[] {
  const routes = (
    app.app.http.server as unknown as {
      router: { getRoutes(): Record<string, { method: string; path: string; chain: { getHandlers(): unknown[] } }> };
    }
  ).router.getRoutes();
  return Object.values(routes).map((r) => ({
    key: `${r.method} ${r.path}`,
    method: r.method,
    path: r.path,
    spec: (r.chain.getHandlers()[0] as { [ROUTE_SPEC]?: RouteSpec })[ROUTE_SPEC],
  }));
}

beforeAll(async () => {
  t = await startTestApp();
  f = await createFixtures(t);
  for (const actor of SIGNED_IN) tokens.set(actor, await t.signIn(ACTORS[actor]));
});
afterAll(async () => {
  // The figures the README's "Security in brief" quotes.
  process.stdout.write(`\nsecurity suite: ${JSON.stringify(tally)}\n`);
  await t.stop();
});

const MADE_UP = 'no-such-record';

function request(route: Route, probe: Probe, madeUp = false) {
  const params = (probe.params?.(f) ?? (route.spec?.params ? (sampleOf(route.spec.params) as object) : {})) as Record<
    string,
    string
  >;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(madeUp ? MADE_UP : String(params[name] ?? MADE_UP)),
  );
  const query = requestPart(route.spec?.query as z.ZodType | undefined, probe.query?.(f)) as
    Record<string, unknown> | undefined;
  const search = new URLSearchParams(
    Object.entries(query ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  const body = route.spec?.body ? requestPart(route.spec.body, probe.body?.(f)) : undefined;
  return { url: `${path}${search ? `?${search}` : ''}`, body };
}

async function send(route: Route, probe: Probe, actor: Actor, madeUp = false) {
  const { url, body } = request(route, probe, madeUp);
  const token = tokens.get(actor);
  const res = await fetch(`${t.base}${url}`, {
    method: route.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** The actors in the order they are tried: refusals first, so nothing allowed has changed the record yet. */
function order(probe: Probe): { actor: Actor; expect: 'allowed' | 401 | 403 | 404 }[] {
  const refusedWith = (actor: Actor) =>
    probe.forbidden?.includes(actor) ? 403 : probe.hidden?.includes(actor) ? 404 : (probe.refused ?? 404);
  return [
    { actor: 'anonymous' as Actor, expect: 401 as const },
    ...SIGNED_IN.filter((a) => !probe.allowed.includes(a)).map((actor) => ({ actor, expect: refusedWith(actor) })),
    ...SIGNED_IN.filter((a) => probe.allowed.includes(a)).map((actor) => ({ actor, expect: 'allowed' as const })),
  ];
}

describe('every API route is in the access table', () => {
  test('the server answers no route the table does not cover, and the table names no route it lacks', () => {
    const keys = serverRoutes(t).map((r) => r.key);
    expect(keys.filter((k) => !(k in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((k) => !keys.includes(k))).toEqual([]);
  });

  test('every card verb the bot answers is in the access table, and no other', () => {
    expect(Object.keys(CARD_ACTIONS).sort()).toEqual(Object.keys(VERB_ACCESS).sort());
  });
});

describe('each route, tried by everyone', () => {
  test.each(Object.keys(ROUTE_ACCESS).filter((k) => Array.isArray(ROUTE_ACCESS[k])))('%s', async (key) => {
    const route = serverRoutes(t).find((r) => r.key === key)!;
    expect(route?.spec?.signedIn).toBe(true);
    tally.routes++;
    const problems: string[] = [];
    for (const probe of ROUTE_ACCESS[key] as Probe[]) {
      let firstAllowed = true;
      for (const { actor, expect: wanted } of order(probe)) {
        const got = await send(route, probe, actor);
        const where = `${probe.about}, as ${actor}`;
        if (wanted === 'allowed') {
          tally.allowedChecks++;
          const gone = probe.consumes && !firstAllowed && got.status === 404;
          if ([401, 403].includes(got.status) || (got.status === 404 && !gone)) {
            problems.push(`${where}: should be allowed, got ${got.status} ${got.text.slice(0, 160)}`);
          }
          if (probe.hides?.from.includes(actor)) {
            for (const id of probe.hides.ids(f)) {
              if (got.text.includes(id)) problems.push(`${where}: the answer shows ${id}, which they may not see`);
            }
          }
          firstAllowed = false;
          continue;
        }
        tally.attacks++;
        if (got.status !== wanted) {
          problems.push(`${where}: should be refused with ${wanted}, got ${got.status} ${got.text.slice(0, 160)}`);
          continue;
        }
        // A refusal for a real record must be the very answer a made-up id gets, or it tells.
        if (wanted === 404 && route.path.includes(':')) {
          const made = await send(route, probe, actor, true);
          if (made.status !== got.status || made.text !== got.text) {
            problems.push(`${where}: refused with ${got.text}, but a made-up id gets ${made.status} ${made.text}`);
            continue;
          }
        }
        tally.refused++;
      }
    }
    expect(problems).toEqual([]);
  });
});

const fixtureIds = () => new Set(Object.values(f));
const withMadeUpIds = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fixtureIds().has(v as string) ? MADE_UP : v]));

describe('each card verb, pressed by everyone', () => {
  test.each(Object.keys(VERB_ACCESS))('%s', async (verb) => {
    const rule = VERB_ACCESS[verb]!;
    tally.verbs++;
    const problems: string[] = [];
    const press = async (actor: Actor, data: Record<string, unknown>) => {
      const from =
        actor === 'anonymous'
          ? { id: '29:stranger', name: 'Stranger', aadObjectId: '00000000-0000-4000-8000-999999999999' }
          : { id: `29:${actor}`, name: actor, aadObjectId: aadObjectIdOf(actor) };
      const { body } = await executeAction(t.base, verb, data, { from });
      return JSON.stringify(body.value);
    };
    const actors: Actor[] = ['anonymous', ...SIGNED_IN.filter((a) => !rule.allowed.includes(a)), ...rule.allowed];
    for (const actor of actors) {
      const data = rule.data(f);
      const card = await press(actor, data);
      const text = cardText(JSON.parse(card));
      if (rule.allowed.includes(actor)) {
        tally.allowedChecks++;
        if (rule.refusal.test(text))
          problems.push(`${rule.about}, as ${actor}: refused, but should be allowed: ${text}`);
        continue;
      }
      tally.attacks++;
      if (!rule.refusal.test(text)) {
        problems.push(`${rule.about}, as ${actor}: should be refused, got ${text.slice(0, 200)}`);
        continue;
      }
      const madeUp = withMadeUpIds(data);
      if (JSON.stringify(madeUp) !== JSON.stringify(data) && (await press(actor, madeUp)) !== card) {
        problems.push(`${rule.about}, as ${actor}: the refusal differs from a made-up id's`);
        continue;
      }
      tally.refused++;
    }
    expect(problems).toEqual([]);
  });
});
