import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/**
 * What a person is told when something cannot be done: a rule's refusal says which rule in plain
 * words, next to the field; a fault says so, with a reference that finds the line in the log.
 */
let t: TestApp;
let logged = '';
beforeEach(async () => {
  logged = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  t = await startTestApp({}, { log: createLogger('info', sink) });
});
afterEach(() => t.stop());

type Problem = {
  error: { code: string; message: string; details?: { field: string; problem: string }[]; reference?: string };
};

test('a field that is too long is refused in words a person can act on, naming the field', async () => {
  const token = await t.signIn(DEMO_PERSONAS.Staff);
  const res = await t.post('/api/v1/applications', { aim: 'x'.repeat(4001) }, token);
  expect(res.status).toBe(400);
  const { error } = (await res.json()) as Problem;
  expect(error.details).toEqual([{ field: 'aim', problem: 'Keep this to 4,000 characters or fewer' }]);
  expect(JSON.stringify(error)).not.toMatch(/Too big|expected string/);
  expect(error.reference).toBeUndefined();
});

test('a message a schema gives itself is kept as it is', async () => {
  const token = await t.signIn(DEMO_PERSONAS.SLT);
  const res = await t.put(
    '/api/v1/schools/school-oakfield/monitoring',
    { reminderTime: '25:00', escalateUncheckedAfterDays: 2, closures: [] },
    token,
  );
  const { error } = (await res.json()) as Problem;
  expect(error.details).toEqual([{ field: 'reminderTime', problem: 'Give a time such as 16:00' }]);
});

test('a fault on the server is a 500 with a reference the log line carries, and no detail of the fault', async () => {
  t.app.services.store.questions.listAll = () => Promise.reject(new Error('disk on fire at /var/lib/secret'));
  const res = await t.get('/api/v1/questions', await t.signIn(DEMO_PERSONAS.SLT));
  expect(res.status).toBe(500);
  const { error } = (await res.json()) as Problem;
  expect(error.reference).toMatch(/^[0-9A-F]{8}$/);
  expect(error.message).toBe(`Something went wrong on the server; it has been logged (reference ${error.reference})`);
  expect(JSON.stringify(error)).not.toContain('disk on fire');
  const line = logged.split('\n').find((l) => l.includes(error.reference!));
  expect(line).toContain('disk on fire');
});

test('a refusal of a rule carries no reference: it is not a fault, and the message says what to do', async () => {
  const res = await t.get('/api/v1/questions', await t.signIn(DEMO_PERSONAS.Staff));
  expect(res.status).toBe(403);
  const { error } = (await res.json()) as Problem;
  expect(error).toEqual({ code: 'forbidden', message: 'Only senior leaders see staff questions' });
});
