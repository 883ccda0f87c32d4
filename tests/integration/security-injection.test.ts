import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { appWithConnector, sayThroughConnector } from '../helpers/connector.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

/**
 * Markup typed into a report. Teams renders markdown in card TextBlocks, so report text must never
 * reach a card as markup: the DSL's card carries none of it, and the case view returns it as plain data.
 */
jest.setTimeout(60_000);
const env = appWithConnector();
const STAFF = teamsUser('Staff');
const DSL = teamsUser('DSL');
const MARKUP = '[Open the case](https://evil.example/phish) <at>everyone</at> <img src=x onerror=alert(1)> **urgent**';

test('markdown and HTML in a report never reach the DSL’s card as markup, and the case keeps them as text', async () => {
  await sayThroughConnector(env, DSL, 'hi', { id: 'a:dsl-injection', conversationType: 'personal' });
  const data = { ...friendRequestForm(), description: `Message said: ${MARKUP}`, people: `Riley Brookes ${MARKUP}` };
  const { body } = await executeAction(env.app.base, REPORT_SUBMIT_VERB, data, { from: STAFF });
  const reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];
  const alert = await env.connector.waitFor(
    (r) => r.path.includes('a:dsl-injection') && JSON.stringify(r.body).includes(reference),
  );
  const card = JSON.stringify(alert.body);
  for (const piece of ['evil.example', '<at>', 'onerror', '**urgent**']) expect(card).not.toContain(piece);
  // The reporter's confirmation does not echo it either.
  expect(JSON.stringify(body.value)).not.toContain('evil.example');

  const token = await env.app.signIn(DEMO_PERSONAS.DSL);
  const view = (await (await env.app.get(`/api/v1/cases/incident-${data.draftId}`, token)).json()) as {
    entries: { text: string }[];
  };
  // Stored and returned exactly as typed: the tab renders it as text (React escapes it), never as HTML.
  expect(JSON.stringify(view)).toContain(JSON.stringify(MARKUP).slice(1, -1));
});
