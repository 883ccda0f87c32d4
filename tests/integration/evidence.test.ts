import { teamsUser } from '../helpers/personas.ts';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { DatabaseSync } from '../../src/store/sqlite/node-sqlite.ts';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { activity, cardText, cardsOf, executeAction, postActivity } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { ONE_PIXEL_PNG, startFileServer, type FileServer } from '../helpers/file-server.ts';

const STAFF = teamsUser('Staff');
const HR = teamsUser('HR');
const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';

const PNG = ONE_PIXEL_PNG;

/** A small PDF whose catalogue is `catalogue`; `extra` is appended as further objects. */
const pdf = (catalogue: string, extra: Buffer = Buffer.alloc(0)) =>
  Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj\n${catalogue}\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n`),
    extra,
    Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);
const PLAIN_PDF = pdf('<< /Type /Catalog /Pages 2 0 R >>');
const SCRIPT_PDF = pdf("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert('hi')) >> >>");
// The script hidden where a plain text search cannot see it: a compressed object stream, its name escaped.
const hidden = deflateSync(Buffer.from('3 0 << /S /J#61vaScript /J#53 (app.launchURL("https://evil.example")) >>'));
const HIDDEN_SCRIPT_PDF = pdf(
  '<< /Type /Catalog /Pages 2 0 R >>',
  Buffer.concat([
    Buffer.from(`4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n`),
    hidden,
    Buffer.from('\nendstream\nendobj\n'),
  ]),
);
let files: FileServer;
let filesBase: string;
let hits: string[];
let t: TestApp;
let incidentId: string;
let reference: string;

beforeEach(async () => {
  files = await startFileServer({
    '/shot.png': PNG,
    '/program.png': Buffer.from('MZ\x90\x00 this is a Windows program, not a picture'),
    '/letter.pdf': PLAIN_PDF,
    '/invoice.pdf': SCRIPT_PDF,
    '/hidden.pdf': HIDDEN_SCRIPT_PDF,
    '/huge.png': (res) => {
      // Chunked, with no length up front, so the limit must be enforced while reading.
      const chunk = Buffer.alloc(1024 * 1024, 1);
      for (let i = 0; i < 11; i++) res.write(chunk);
      res.end();
    },
  });
  filesBase = files.base;
  hits = files.hits;
  t = await startTestApp();
  const form = friendRequestForm();
  const { body } = await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
  incidentId = `incident-${form.draftId}`;
  reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];
});
afterEach(async () => {
  await t.stop();
  await files.stop();
});

const sendFiles = (attachments: unknown[], from = STAFF, text = '') =>
  postActivity(t.base, activity({ text, from, attachments }));

const storedFiles = () => {
  const db = new DatabaseSync(join(t.dataDir, 'app.db'));
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

const fileEntries = async (id = incidentId) =>
  (await t.app.services.store.incidentEntries.listAll({ where: { incidentId: id } })).filter(
    (e) => e.kind === 'attachment',
  );

/** The reporter sends a screenshot file and a pasted image, with a line of text, after their report. */
const sendScreenshots = () =>
  sendFiles(
    [
      { contentType: FILE_INFO, name: 'friend-request.png', content: { downloadUrl: `${filesBase}/shot.png` } },
      { contentType: 'image/png', contentUrl: `${filesBase}/shot.png`, name: 'pasted.png' },
      { contentType: 'text/html', content: '<p>here is the screenshot</p>' },
    ],
    STAFF,
    'the request as it appeared',
  );

describe('screenshots sent in chat after a report', () => {
  test('a file and a pasted image are added to the latest report, and the reporter is told where they went', async () => {
    const { replies } = await sendScreenshots();
    const card = cardsOf(replies)[0];
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(`Added to ${reference}`);
    expect(text).toContain('friend-request.png');
    expect(text).toContain('pasted.png');
    const entries = await fileEntries();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      byId: DEMO_PERSONAS.Staff,
      text: 'the request as it appeared',
      data: { fileName: 'friend-request.png', contentType: 'image/png', size: PNG.length },
    });
  });

  test('the DSL downloads the exact bytes, as a download, and the opening is audited', async () => {
    await sendScreenshots();
    const [entry] = await fileEntries();
    const fileId = String(entry!.data!.fileId);
    const token = await t.signIn(DEMO_PERSONAS.DSL);
    const res = await t.get(`/api/v1/cases/${incidentId}/files/${fileId}`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="friend-request.png"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    const audit = await t.app.services.store.audit.listAll({ where: { targetId: incidentId } });
    expect(audit.at(-1)).toMatchObject({
      actorId: DEMO_PERSONAS.DSL,
      action: 'incident.evidence.viewed',
      detail: { fileId },
    });
  });

  test('the reporter, HR and another school’s DSL get 404 for the file, and so does a file from another case', async () => {
    await sendScreenshots();
    const [entry] = await fileEntries();
    const path = `/api/v1/cases/${incidentId}/files/${String(entry!.data!.fileId)}`;
    for (const personId of [DEMO_PERSONAS.Staff, DEMO_PERSONAS.HR, 'person-river-dsl']) {
      expect((await t.get(path, await t.signIn(personId))).status).toBe(404);
    }
    // A readable case cannot be used to fetch a file that belongs to a different case.
    const other = friendRequestForm();
    await executeAction(t.base, REPORT_SUBMIT_VERB, other, { from: STAFF });
    const dsl = await t.signIn(DEMO_PERSONAS.DSL);
    const res = await t.get(`/api/v1/cases/incident-${other.draftId}/files/${String(entry!.data!.fileId)}`, dsl);
    expect(res.status).toBe(404);
  });

  test('a program named .png, a file over 10 MB and a link outside Teams are refused by name, and nothing is kept', async () => {
    const latest = friendRequestForm();
    await executeAction(t.base, REPORT_SUBMIT_VERB, latest, { from: STAFF });
    const hitsBefore = hits.length;
    const { replies } = await sendFiles([
      { contentType: FILE_INFO, name: 'program.png', content: { downloadUrl: `${filesBase}/program.png` } },
      { contentType: FILE_INFO, name: 'huge.png', content: { downloadUrl: `${filesBase}/huge.png` } },
      { contentType: FILE_INFO, name: 'elsewhere.png', content: { downloadUrl: 'http://files.example.net/x.png' } },
    ]);
    const text = cardText(cardsOf(replies)[0]);
    expect(text).toMatch(/Nothing was added to INC-/);
    expect(text).toContain('program.png: only screenshots (PNG, JPEG, GIF or WebP) and PDFs can be attached');
    expect(text).toContain('huge.png: it is larger than 10 MB');
    expect(text).toContain('elsewhere.png: it did not come from Teams');
    expect(hits.slice(hitsBefore)).toEqual(['/program.png', '/huge.png']);
    expect(await fileEntries(`incident-${latest.draftId}`)).toEqual([]);
    expect(storedFiles()).toBe(0);
  });

  test('a PDF that carries a script, even one hidden in a compressed stream, is refused by name; a plain PDF is kept', async () => {
    const latest = friendRequestForm();
    await executeAction(t.base, REPORT_SUBMIT_VERB, latest, { from: STAFF });
    const { replies } = await sendFiles(
      ['letter.pdf', 'invoice.pdf', 'hidden.pdf'].map((name) => ({
        contentType: FILE_INFO,
        name,
        content: { downloadUrl: `${filesBase}/${name}` },
      })),
    );
    const text = cardText(cardsOf(replies)[0]);
    expect(text).toContain('letter.pdf');
    for (const name of ['invoice.pdf', 'hidden.pdf']) {
      expect(text).toContain(`${name}: this PDF contains scripts, automatic actions or embedded files`);
    }
    expect(text).toContain('send a screenshot of it instead');
    const kept = await fileEntries(`incident-${latest.draftId}`);
    expect(kept.map((e) => e.data?.fileName)).toEqual(['letter.pdf']);
  });

  test('ten thousand attachments in one message get a small receipt that lists ten and says how many more, and why', async () => {
    const latest = friendRequestForm();
    await executeAction(t.base, REPORT_SUBMIT_VERB, latest, { from: STAFF });
    // Pasted images, the most compact attachment, so ten thousand fit within the body limit.
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      contentType: 'image/png',
      contentUrl: `${filesBase}/shot.png`,
      name: `s${i}.png`,
    }));
    const res = await fetch(`${t.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity({ text: '', from: STAFF, attachments: many })),
    });
    expect(res.status).toBe(200);
    const card = cardsOf(((await res.json()) as { activities: never[] }).activities)[0];
    // Teams refuses cards over about 28 KB.
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
    const text = cardText(card);
    expect(text).toContain(`Added to INC-`);
    expect(text).toContain('s9.png');
    expect(text).not.toContain('s20.png');
    expect(text).toContain('And 9,980 more not added (9,980 files: send at most 10 files in one message).');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  test('someone with no recent report is asked to report first, and the file is not kept', async () => {
    const before = storedFiles();
    const { replies } = await sendFiles(
      [{ contentType: FILE_INFO, name: 'shot.png', content: { downloadUrl: `${filesBase}/shot.png` } }],
      HR,
    );
    const text = cardText(cardsOf(replies)[0]);
    expect(text).toMatch(/no open report from the last 24 hours/);
    expect(text).toMatch(/Never screenshot, save, copy or forward images that may be indecent/);
    expect(storedFiles()).toBe(before);
  });

  test('the case file lists attachments in its chronology for the DSL', async () => {
    await sendScreenshots();
    const token = await t.signIn(DEMO_PERSONAS.DSL);
    const file = (await (await t.get(`/api/v1/cases/${incidentId}`, token)).json()) as {
      chronology: { kind: string; by: string; data?: { fileName?: string } }[];
    };
    const attachments = file.chronology.filter((e) => e.kind === 'attachment');
    expect(attachments.map((e) => e.data?.fileName)).toEqual(['friend-request.png', 'pasted.png']);
    expect(attachments[0]!.by).toBe('Jordan Ellery');
  });
});
