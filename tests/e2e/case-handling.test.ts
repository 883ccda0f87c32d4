import { teamsUser } from '../helpers/personas.ts';
import { join } from 'node:path';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';
import { activity, cardInputs, cardText, cardsOf, executeAction, postActivity } from '../helpers/bot.ts';
import { ONE_PIXEL_PNG, startFileServer } from '../helpers/file-server.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const env = appWithBrowser();
const JORDAN = teamsUser('Staff');

const signedInAs = (name: string) => signedIn(env, name);

test('a DSL records an assessment, moves the case on and closes it; the reporter sees it closed', async () => {
  const form = friendRequestForm();
  const { body } = await executeAction(env.app.base, REPORT_SUBMIT_VERB, form, { from: JORDAN });
  const reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];

  const dsl = await signedInAs('Morgan Hale');
  await dsl.goto(`${env.app.base}/tab/#/cases/incident-${form.draftId}`);
  await dsl.getByRole('heading', { name: `Case ${reference}`, level: 1 }).waitFor();
  const panel = dsl.getByRole('region', { name: 'Record on this case' });

  await panel.getByLabel('What are you recording?').selectOption('assessment');
  await panel.getByLabel('Details').fill('Spoke to Jordan. The request was declined and blocked; no other contact.');
  await panel.getByRole('button', { name: 'Add to chronology' }).click();
  const chronology = dsl.getByRole('list', { name: 'Chronology' });
  await chronology.getByText('Spoke to Jordan. The request was declined and blocked; no other contact.').waitFor();

  // A referral to children's social care shows the agency by name and the MASH reference on the case.
  await panel.getByLabel('What are you recording?').selectOption('referral');
  await panel.getByLabel('Agency').selectOption('childrens-social-care');
  await panel.getByLabel('Their reference number (if given)').fill('MASH-2026-0412');
  await panel.getByLabel('Details').fill('Referred to the MASH for advice; they will call back today.');
  await panel.getByRole('button', { name: 'Add to chronology' }).click();
  await chronology.getByText('Referred to Children’s social care (MASH), reference MASH-2026-0412').waitFor();
  await dsl.screenshot({ path: join(ROOT, 'test-results', 'case-referral.png'), fullPage: true });

  // The reporter's choice did not fit: the DSL changes what happened, and the chronology keeps both.
  await panel.getByLabel('What happened').selectOption('pupil-contact');
  await panel.getByRole('button', { name: 'Change classification' }).click();
  await chronology.getByText(/What happened changed to "A pupil contacted my personal account"/).waitFor();

  await panel.getByLabel('Assign to').selectOption({ label: 'Rowan Achebe (Deputy DSL)' });
  await panel.getByRole('button', { name: 'Assign' }).click();
  await chronology.getByText('Assigned to Rowan Achebe').waitFor();

  await panel.getByLabel('Change status').selectOption('in-progress');
  await panel.getByRole('button', { name: 'Change status' }).click();
  await chronology.getByText('Status changed to in progress').waitFor();

  await panel.getByLabel('Change status').selectOption('closed');
  await expect(panel.getByRole('button', { name: 'Change status' }).isDisabled()).resolves.toBe(true);
  await panel.getByLabel(/Outcome/).fill('Pupil and parents spoken to; reminded of the acceptable use agreement.');
  await panel.getByRole('button', { name: 'Change status' }).click();
  await chronology.getByText('Pupil and parents spoken to; reminded of the acceptable use agreement.').waitFor();
  await dsl.getByText('Closed', { exact: true }).first().waitFor();
  // One click saves it; a link to save it again stays for hosts that block script downloads.
  const [download] = await Promise.all([
    dsl.waitForEvent('download'),
    dsl.getByRole('button', { name: 'Export chronology (Word)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${reference} chronology.docx`);
  const save = dsl.getByRole('link', { name: `Save ${reference} chronology.docx again` });
  await save.waitFor();
  expect(await save.getAttribute('href')).toMatch(/^blob:/);
  await dsl.screenshot({ path: join(ROOT, 'test-results', 'case-closed.png'), fullPage: true });
  await dsl.close();

  const reporter = await signedInAs('Jordan Ellery');
  await reporter.getByRole('tab', { name: 'My reports' }).click();
  const row = reporter.getByRole('table', { name: 'My reports' }).getByRole('row', { name: new RegExp(reference) });
  await row.getByText('Closed').waitFor();
  expect(await reporter.getByText('Pupil and parents spoken to').count()).toBe(0);
  await reporter.close();
}, 60_000);

test('a screenshot the reporter sent in chat is shown to the DSL on the case, only when they open it', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const files = await startFileServer({ '/request.png': ONE_PIXEL_PNG, '/messages.pdf': pdf });
  try {
    const form = friendRequestForm();
    await executeAction(env.app.base, REPORT_SUBMIT_VERB, form, { from: JORDAN });
    const attachment = {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name: 'request.png',
      content: { downloadUrl: `${files.base}/request.png` },
    };
    await postActivity(env.app.base, activity({ from: JORDAN, attachments: [attachment] }));
    const document = { ...attachment, name: 'messages.pdf', content: { downloadUrl: `${files.base}/messages.pdf` } };
    await postActivity(env.app.base, activity({ from: JORDAN, attachments: [document] }));

    const dsl = await signedInAs('Morgan Hale');
    await dsl.goto(`${env.app.base}/tab/#/cases/incident-${form.draftId}`);
    const chronology = dsl.getByRole('list', { name: 'Chronology' });
    await chronology.getByText('request.png (1 kB)').waitFor();
    expect(await dsl.getByRole('img', { name: 'Evidence: request.png' }).count()).toBe(0);
    await chronology.getByRole('button', { name: 'Show request.png' }).click();
    const image = dsl.getByRole('img', { name: 'Evidence: request.png' });
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await chronology.getByRole('link', { name: 'Save a copy of request.png' }).waitFor();
    // Anything that is not a picture is saved with one click.
    const [download] = await Promise.all([
      dsl.waitForEvent('download'),
      chronology.getByRole('button', { name: 'Save messages.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('messages.pdf');
    await dsl.close();
  } finally {
    await files.stop();
  }
}, 60_000);

test('the case list filters by assignee and urgency, and shows who each case is assigned to', async () => {
  const urgent = { ...friendRequestForm(), immediateRisk: 'yes' };
  const { body } = await executeAction(env.app.base, REPORT_SUBMIT_VERB, urgent, { from: JORDAN });
  const reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];

  const dsl = await signedInAs('Morgan Hale');
  await dsl.getByRole('tab', { name: 'Cases' }).click();
  const table = dsl.getByRole('table', { name: 'Cases' });
  const row = table.getByRole('row', { name: new RegExp(reference) });
  await row.waitFor();
  await row.getByText('Urgent').waitFor();
  const filters = dsl.getByRole('group', { name: 'Filter cases' });
  await filters.getByLabel('Assigned to').selectOption({ label: 'Me' });
  await dsl.getByText('No cases match these filters.').waitFor();
  await filters.getByLabel('Assigned to').selectOption({ label: 'Nobody yet' });
  await filters.getByLabel('Urgency').selectOption({ label: 'Urgent only' });
  await row.waitFor();
  const references = await table.getByRole('link').allTextContents();
  for (const ref of references) {
    const cells = await table
      .getByRole('row', { name: new RegExp(ref) })
      .getByRole('cell')
      .allTextContents();
    expect(cells.join(' ')).toContain('Urgent');
  }
  await dsl.close();
}, 60_000);

test('the audit log says who did what to which record in words, with the codes behind Details', async () => {
  const form = friendRequestForm();
  await executeAction(env.app.base, REPORT_SUBMIT_VERB, form, { from: JORDAN });
  const dsl = await signedInAs('Morgan Hale');
  await dsl.goto(`${env.app.base}/tab/#/cases/incident-${form.draftId}`);
  await dsl.getByRole('list', { name: 'Chronology' }).waitFor();
  await dsl.getByRole('navigation', { name: 'Pages' }).getByRole('tab', { name: 'Audit log' }).click();
  const row = dsl
    .getByRole('table', { name: 'Audit log' })
    .getByRole('row')
    .filter({ hasText: `Case incident-${form.draftId}` })
    .filter({ hasText: 'opened the case' })
    .first();
  await row.waitFor();
  expect(await row.getByText('Morgan Hale').count()).toBeGreaterThan(0);
  // The raw code is there for searching, but folded away until asked for.
  expect(await row.getByText('incident.viewed').isVisible()).toBe(false);
  await row.getByText('Details').click();
  expect(await row.getByText('incident.viewed').isVisible()).toBe(true);
  await dsl.close();
}, 30_000);

test('on a phone, a DSL opens a self-harm report made in the reporter’s own words: urgent, with what was read from the words, and the page fits', async () => {
  // Told to the bot as a member of staff would, then sent as the bot filled the form, "immediate risk: No".
  const { replies } = await postActivity(
    env.app.base,
    activity({ text: 'one of my year 9s posted on her story that she has been cutting herself again', from: JORDAN }),
  );
  const form = cardsOf(replies).find((c) => 'description' in cardInputs(c))!;
  const inputs = cardInputs(form);
  const draftId = /"draftId":"([^"]+)"/.exec(JSON.stringify(form))![1]!;
  await executeAction(
    env.app.base,
    REPORT_SUBMIT_VERB,
    {
      draftId,
      type: inputs.type!.value,
      platform: 'Instagram',
      description: inputs.description!.value,
      people: 'unknown',
      immediateRisk: 'no',
      toldDsl: 'no',
    },
    { from: JORDAN },
  );

  const dsl = await signedInAs('Morgan Hale');
  await dsl.setViewportSize({ width: 390, height: 844 });
  try {
    await dsl.goto(`${env.app.base}/tab/#/cases/incident-${draftId}`);
    await dsl.getByRole('list', { name: 'Chronology' }).waitFor();
    await dsl.getByText('Urgent', { exact: true }).first().waitFor();
    await dsl.getByText('Read from the words').waitFor();
    await dsl.getByText('self-harm', { exact: true }).waitFor();
    expect(await dsl.getByLabel('What happened').inputValue()).toBe('wellbeing-disclosure');
    const scrollsSideways = await dsl.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    );
    expect(scrollsSideways).toBe(false);
    await dsl.screenshot({ path: join(ROOT, 'test-results', 'phone-case-self-harm.png'), fullPage: true });
  } finally {
    await dsl.close();
  }
});

test('a change made on an out-of-date copy of a case is not lost: the page says who changed it, keeps what was typed, and it can be recorded again', async () => {
  const form = friendRequestForm();
  const { body } = await executeAction(env.app.base, REPORT_SUBMIT_VERB, form, { from: JORDAN });
  const reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];
  const open = async (name: string) => {
    const page = await signedInAs(name);
    await page.goto(`${env.app.base}/tab/#/cases/incident-${form.draftId}`);
    await page.getByRole('heading', { name: `Case ${reference}`, level: 1 }).waitFor();
    return page;
  };
  // The same case open in two tabs.
  const stale = await open('Morgan Hale');
  const fresh = await open('Morgan Hale');

  // The second tab moves the case on first.
  const freshPanel = fresh.getByRole('region', { name: 'Record on this case' });
  await freshPanel.getByLabel('Change status').selectOption('in-progress');
  await freshPanel.getByRole('button', { name: 'Change status' }).click();
  await fresh.getByRole('list', { name: 'Chronology' }).getByText('Status changed to in progress').waitFor();

  // The first tab is out of date; what was typed there survives the refusal.
  const panel = stale.getByRole('region', { name: 'Record on this case' });
  const outcome = 'Parents spoken to; the pupil was reminded of the rules.';
  await panel.getByLabel('Change status').selectOption('closed');
  await panel.getByLabel(/Outcome/).fill(outcome);
  await panel.getByRole('button', { name: 'Change status' }).click();
  await panel
    .getByRole('alert')
    .getByText(/Not recorded yet: someone else updated this case .*Morgan Hale: .*Status changed to in progress/)
    .waitFor();
  await stale.getByRole('list', { name: 'Chronology' }).getByText('Status changed to in progress').waitFor();
  expect(await panel.getByLabel(/Outcome/).inputValue()).toBe(outcome);

  await panel.getByRole('button', { name: 'Change status' }).click();
  await stale.getByRole('list', { name: 'Chronology' }).getByText(outcome).waitFor();
  expect(await panel.getByRole('alert').count()).toBe(0);
  await stale.close();
  await fresh.close();
}, 60_000);
