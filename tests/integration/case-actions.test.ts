import { teamsUser } from '../helpers/personas.ts';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { executeAction } from '../helpers/bot.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const STAFF = teamsUser('Staff');

let t: TestApp;
const tokens: Record<string, string> = {};
beforeEach(async () => {
  t = await startTestApp();
  for (const id of [DEMO_PERSONAS.DSL, DEMO_PERSONAS.SLT, DEMO_PERSONAS.Staff, 'person-oak-deputy-dsl'])
    tokens[id] = await t.signIn(id);
});
afterEach(async () => {
  await t.stop();
});

async function newCase(): Promise<string> {
  const form = friendRequestForm();
  await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
  return `incident-${form.draftId}`;
}

interface CaseFile {
  reference: string;
  etag: string;
  status: string;
  assigneeId?: string;
  riskArea: string;
  riskType: string;
  outcome?: string;
  chronology: { kind: string; text: string; by: string; data?: Record<string, unknown> }[];
}
const open = async (id: string, who = DEMO_PERSONAS.DSL) =>
  (await (await t.get(`/api/v1/cases/${id}`, tokens[who])).json()) as CaseFile;
const act = (id: string, etag: string, action: Record<string, unknown>, who = DEMO_PERSONAS.DSL) =>
  t.post(`/api/v1/cases/${id}/actions`, { etag, action }, tokens[who]);

describe('handling a case', () => {
  test('assess, refer to the police with their reference, and close with an outcome; the reporter is told it closed', async () => {
    const id = await newCase();
    let file = await open(id);
    let res = await act(id, file.etag, {
      kind: 'assessment',
      text: 'Spoke to Jordan; request declined; no other contact.',
    });
    expect(res.status).toBe(200);
    file = await open(id);
    res = await act(id, file.etag, {
      kind: 'referral',
      agency: 'police',
      agencyReference: 'CAD-1234',
      text: 'Advice sought from the police schools officer.',
    });
    expect(res.status).toBe(200);
    file = await open(id);
    expect(file.status).toBe('referred');
    expect((await act(id, file.etag, { kind: 'status', to: 'closed' })).status).toBe(400);
    res = await act(id, file.etag, {
      kind: 'status',
      to: 'closed',
      outcome: 'Parents spoken to; pupil reminded of the rules.',
    });
    expect(res.status).toBe(200);
    file = await open(id);
    expect(file).toMatchObject({ status: 'closed', outcome: 'Parents spoken to; pupil reminded of the rules.' });
    expect(file.chronology.map((e) => e.kind)).toEqual(['report', 'status', 'assessment', 'referral', 'outcome']);
    expect(file.chronology[3]).toMatchObject({
      by: 'Morgan Hale',
      data: { agency: 'police', agencyReference: 'CAD-1234' },
    });
    const closed = (await t.app.services.store.outbox.listAll({ where: { topic: 'report.closed' } })).filter(
      (o) => o.payload.incidentId === id,
    );
    expect(closed.map((o) => o.payload.recipientId)).toEqual([DEMO_PERSONAS.Staff]);
  });

  test('corrections are appended; the original report is never changed', async () => {
    const id = await newCase();
    const file = await open(id);
    await act(id, file.etag, { kind: 'correction', text: 'The pupil is in Year 8, not Year 9.' });
    const after = await open(id);
    expect(after.chronology[0]).toEqual(file.chronology[0]);
    expect(after.chronology.at(-1)).toMatchObject({ kind: 'correction', text: 'The pupil is in Year 8, not Year 9.' });
  });

  test('a DSL can re-classify the case and assign it to a deputy, and both are recorded', async () => {
    const id = await newCase();
    let file = await open(id);
    expect((await act(id, file.etag, { kind: 'classification', riskArea: 'conduct', riskType: 'sexual' })).status).toBe(
      200,
    );
    file = await open(id);
    expect((await act(id, file.etag, { kind: 'assign', assigneeId: 'person-oak-deputy-dsl' })).status).toBe(200);
    file = await open(id);
    expect(file).toMatchObject({ riskArea: 'conduct', riskType: 'sexual', assigneeId: 'person-oak-deputy-dsl' });
    expect(file.chronology.at(-2)).toMatchObject({
      kind: 'classification',
      data: { from: { riskArea: 'contact', riskType: 'values' } },
    });
    const audit = await t.app.services.store.audit.listAll({ where: { targetId: id } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['incident.classification', 'incident.assign']));
    // Only an active DSL at the school can be assigned.
    expect((await act(id, file.etag, { kind: 'assign', assigneeId: DEMO_PERSONAS.Staff })).status).toBe(400);
  });

  test('a DSL can change what happened when the pre-filled type did not fit; the chronology keeps both and a made-up type is refused', async () => {
    const id = await newCase();
    let file = await open(id);
    const changed = await act(id, file.etag, {
      kind: 'classification',
      type: 'wellbeing-disclosure',
      riskArea: 'contact',
      riskType: 'values',
    });
    expect(changed.status).toBe(200);
    file = await open(id);
    expect(file).toMatchObject({ type: 'wellbeing-disclosure' });
    expect(file.chronology.at(-1)).toMatchObject({
      kind: 'classification',
      text: expect.stringContaining('What happened changed to'),
      data: { from: { type: 'friend-request' }, to: { type: 'wellbeing-disclosure' } },
    });
    const made = await act(id, file.etag, {
      kind: 'classification',
      type: 'nonsense',
      riskArea: 'contact',
      riskType: 'values',
    });
    expect(made.status).toBe(400);
  });

  test('the case file offers exactly the school’s safeguarding leads to assign to, and the one assigned is told', async () => {
    const id = await newCase();
    const file = (await open(id)) as CaseFile & { assignableLeads: { id: string; name: string }[] };
    expect(file.assignableLeads.map((l) => l.id).sort()).toEqual([DEMO_PERSONAS.DSL, 'person-oak-deputy-dsl'].sort());
    expect((await act(id, file.etag, { kind: 'assign', assigneeId: 'person-oak-deputy-dsl' })).status).toBe(200);
    const told = (await t.app.services.store.outbox.listAll({ where: { topic: 'case.assigned' } })).filter(
      (o) => o.payload.incidentId === id,
    );
    expect(told.map((o) => o.payload.recipientId)).toEqual(['person-oak-deputy-dsl']);
    expect(((await open(id)) as CaseFile & { assignee?: string }).assignee).toBe('Rowan Achebe');
    // A senior leader, who can read but not handle a safeguarding case, is offered nobody.
    const slt = (await open(id, DEMO_PERSONAS.SLT)) as CaseFile & { assignableLeads: unknown[] };
    expect(slt.assignableLeads).toEqual([]);
  });
  test('two DSLs acting on the same version: the second is told the case changed, and nothing of theirs is applied', async () => {
    const id = await newCase();
    const seen = await open(id);
    const first = await act(id, seen.etag, { kind: 'assessment', text: 'First assessment.' });
    const second = await act(
      id,
      seen.etag,
      { kind: 'assessment', text: 'Second assessment, on a stale view.' },
      'person-oak-deputy-dsl',
    );
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    const texts = (await open(id)).chronology.map((e) => e.text);
    expect(texts).toContain('First assessment.');
    expect(texts).not.toContain('Second assessment, on a stale view.');
  });

  test('a senior leader can read but not act on a safeguarding case; staff cannot even find it', async () => {
    const id = await newCase();
    const file = await open(id);
    expect((await act(id, file.etag, { kind: 'assessment', text: 'SLT note' }, DEMO_PERSONAS.SLT)).status).toBe(403);
    expect((await act(id, file.etag, { kind: 'assessment', text: 'Staff note' }, DEMO_PERSONAS.Staff)).status).toBe(
      404,
    );
  });

  test('malformed actions are 400s that name the problem', async () => {
    const id = await newCase();
    const file = await open(id);
    const unknownKind = await act(id, file.etag, { kind: 'delete' });
    expect(unknownKind.status).toBe(400);
    const badAgency = await act(id, file.etag, { kind: 'referral', agency: 'mi5', text: 'x y z' });
    expect(badAgency.status).toBe(400);
    expect(JSON.stringify(await badAgency.json())).toContain('agency');
    const skipRead = await act(id, file.etag, { kind: 'status', to: 'new' });
    expect(skipRead.status).toBe(400);
  });
});

describe('finding cases', () => {
  type Listed = { items: { id: string; assignee?: string; schoolId: string }[] };
  const list = async (query: string, who = DEMO_PERSONAS.DSL) =>
    (await (await t.get(`/api/v1/cases${query}`, tokens[who])).json()) as Listed;

  test('filter by assignee, unassigned, school and age', async () => {
    const assigned = await newCase();
    const file = await open(assigned);
    await act(assigned, file.etag, { kind: 'assign', assigneeId: 'person-oak-deputy-dsl' });
    const unassigned = await newCase();

    const mine = await list('?assignee=person-oak-deputy-dsl');
    expect(mine.items.map((i) => i.id)).toContain(assigned);
    expect(mine.items.map((i) => i.id)).not.toContain(unassigned);
    expect(mine.items.find((i) => i.id === assigned)?.assignee).toBe('Rowan Achebe');
    const nobody = await list('?assignee=unassigned');
    expect(nobody.items.map((i) => i.id)).toContain(unassigned);
    expect(nobody.items.map((i) => i.id)).not.toContain(assigned);

    expect((await list('?schoolId=school-oakfield')).items.map((i) => i.id)).toContain(unassigned);
    expect((await list('?schoolId=school-riverside')).items).toEqual([]);
    // Just reported: within the last day, and not older than a week.
    expect((await list('?maxAgeDays=1')).items.map((i) => i.id)).toContain(unassigned);
    expect((await list('?minAgeDays=7')).items.map((i) => i.id)).not.toContain(unassigned);
  });

  test('bad filter values are a 400 naming the parameter', async () => {
    const res = await t.get('/api/v1/cases?minAgeDays=-3', tokens[DEMO_PERSONAS.DSL]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('minAgeDays');
  });
});

describe('exporting a case for a referral', () => {
  test('a DSL exports the chronology as a Word document for a referral; the export is audited; staff cannot', async () => {
    const id = await newCase();
    let file = await open(id);
    await act(id, file.etag, { kind: 'assessment', text: 'Spoke to the pupil & parents <b>today</b>.' });
    file = await open(id);
    await act(id, file.etag, {
      kind: 'referral',
      agency: 'lado',
      agencyReference: 'LADO-77',
      text: 'Referred for advice.',
    });
    const res = await t.get(`/api/v1/cases/${id}/export`, tokens[DEMO_PERSONAS.DSL]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="INC-\d{4}-\d{4} chronology.docx"/);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const parts = zip.file(/^word\/(document|header\d*|footer\d*)\.xml$/);
    const text = (await Promise.all(parts.map((f) => f.async('string')))).join(' ').replace(/<[^>]+>/g, '');
    expect(text).toContain(`Case chronology: ${file.reference}`);
    expect(text).toContain('Riley sent me a follow request on Instagram last night.');
    // User text is data in the document, never markup.
    expect(text).toContain('Spoke to the pupil &amp; parents &lt;b&gt;today&lt;/b&gt;.');
    // The agency by its name, and every date as UK staff write it.
    expect(text).toContain('Referred to Local authority designated officer (LADO), reference LADO-77');
    expect(text).not.toMatch(/\blado\b|\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('When it happened20 Nov 2026');
    expect(text).toMatch(/StatusIn progress|StatusReferred|StatusRead/);
    expect(text).toContain('CONFIDENTIAL');
    const audit = await t.app.services.store.audit.listAll({ where: { targetId: id } });
    expect(audit.map((a) => a.action)).toContain('incident.exported');
    expect((await t.get(`/api/v1/cases/${id}/export`, tokens[DEMO_PERSONAS.Staff])).status).toBe(404);
  });

  test('text pasted from Word, with the control characters it carries, is kept in the case and never breaks the export', async () => {
    const id = await newCase();
    const pasted = 'Pasted:\u000bsecond line\u000cnext page\u0007after a bell\ufffeafter a non-character 😀 done';
    let file = await open(id);
    expect((await act(id, file.etag, { kind: 'assessment', text: pasted })).status).toBe(200);
    file = await open(id);
    // The record keeps exactly what was typed.
    expect(JSON.stringify(file)).toContain(JSON.stringify(pasted).slice(1, -1));
    const res = await t.get(`/api/v1/cases/${id}/export`, tokens[DEMO_PERSONAS.DSL]);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    // Word refuses to open a document with a character XML 1.0 forbids, in any of its parts.
    const zip = await JSZip.loadAsync(bytes);
    for (const part of zip.file(/\.xml$/)) {
      expect((await part.async('string')).match(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u)).toBeNull();
    }
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    for (const words of ['Pasted:', 'second line', 'next page', 'after a bell', 'after a non-character 😀 done']) {
      expect(value).toContain(words);
    }
  });
});
