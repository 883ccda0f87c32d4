import { jest } from '@jest/globals';
import { describeStep, provisionSite } from '../../src/store/sharepoint/provision.ts';
import { ConflictError } from '../../src/store/errors.ts';
import { createStore } from '../../src/store/store.ts';
import { describeStoreContract } from '../contract/store.contract.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';
import { graphClientFor, sharePointAdapterFor } from '../helpers/sharepoint.ts';

jest.setTimeout(60_000);
let graph: GraphServer;
beforeAll(async () => {
  graph = await startGraphServer();
});
afterAll(() => graph.close());

/** Each test gets an empty, freshly provisioned site. */
async function freshStore() {
  graph.reset();
  await provisionSite(graphClientFor(graph), graph.siteId);
  return createStore(sharePointAdapterFor(graph));
}

describeStoreContract('SharePoint through Graph', { open: freshStore });

describe('SharePoint adapter specifics', () => {
  const person = (n: number, extra: Record<string, unknown> = {}) => ({
    trustId: 'trust-1',
    schoolId: 'school-a',
    upn: `person${n}@example.sch.uk`,
    displayName: `Given${n} Family${n}`,
    givenName: `Given${n}`,
    surname: `Family${n}`,
    department: 'Maths',
    jobTitle: 'Teacher',
    staffType: 'teacher' as const,
    roles: [{ role: 'Staff' as const, schoolId: 'school-a' }],
    startedOn: '2024-09-01',
    active: true,
    ...extra,
  });
  const since = () => graph.log.length;
  const requestsSince = (mark: number) => graph.log.slice(mark).filter((r) => !r.inBatch);

  test('provisioning creates every list with indexed columns, records the schema version, and a second run changes nothing', async () => {
    graph.reset();
    const client = graphClientFor(graph);
    const dry = await provisionSite(client, graph.siteId, { dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.steps.map(describeStep)).toContain('create list "SMPH people" with 11 columns');
    expect(graph.lists()).toEqual([]); // a dry run only reads
    const first = await provisionSite(client, graph.siteId);
    expect(first.applied).toBe(true);
    const people = graph.listByName('SMPH people')!;
    const column = (name: string) => people.columns.find((c) => c.name === name)!;
    expect(column('RecordId')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(column('schoolId')).toMatchObject({ indexed: true, text: expect.any(Object) });
    expect(column('active')).toMatchObject({ indexed: true, boolean: {} });
    expect(column('RecordJson').text).toMatchObject({ allowMultipleLines: true });
    expect(graph.listByName('SMPH incidents')!.columns.find((c) => c.name === 'status')!.choice!.choices).toContain(
      'in-progress',
    );
    const second = await provisionSite(client, graph.siteId);
    expect(second).toEqual({ steps: [], applied: false });
    // An index someone removed by hand is put back, and nothing else is touched.
    column('schoolId').indexed = false;
    expect((await provisionSite(client, graph.siteId)).steps).toEqual([
      { kind: 'index-column', list: 'SMPH people', column: 'schoolId' },
    ]);
  });

  test("a name such as O'Brien') or (1 eq 1 is stored and found as data, never as query", async () => {
    const store = await freshStore();
    const tricky = "O'Brien') or (1 eq 1";
    await store.people.create(person(1, { upn: 'real@example.sch.uk' }));
    const created = await store.people.create(person(2, { upn: tricky }));
    const mark = since();
    const found = await store.people.listAll({ where: { upn: tricky } });
    expect(found.map((p) => p.id)).toEqual([created.id]);
    expect(decodeURIComponent(requestsSince(mark)[0]!.path)).toContain("fields/upn eq 'O''Brien'') or (1 eq 1'");
    expect(await store.people.listAll({ where: { upn: "O'Brien" } })).toEqual([]);
  });

  test('a commit of 25 writes goes in two $batch requests with its journal, which is then removed, and the stored etags come back', async () => {
    const store = await freshStore();
    const mark = since();
    const written = await store.commit((uow) =>
      Array.from({ length: 25 }, (_, n) => uow.create('people', person(n + 10))),
    );
    const requests = requestsSince(mark);
    expect(requests.map((r) => `${r.method} ${decodeURIComponent(r.path).replace(/^.*lists\//, '')}`)).toEqual([
      'POST /v1.0/$batch',
      'POST /v1.0/$batch',
      'DELETE SMPH commits/items/1',
    ]);
    // The journal and 19 writes, then the other 6.
    expect(graph.log.slice(mark).filter((r) => r.inBatch)).toHaveLength(26);
    expect(graph.listByName('SMPH commits')!.items.size).toBe(0);
    expect((await store.people.get(written[24]!.id))!.etag).toBe(written[24]!.etag);
  });

  test('a commit whose update meets a newer version puts back what it had already written', async () => {
    const store = await freshStore();
    const first = await store.people.create(person(1));
    const second = await store.people.create(person(2));
    // Someone else edits the second person between our read and our write.
    graph.faults.push({
      fault: { kind: 'race' },
      when: (method, path) => method === 'PATCH' && path.includes(`items/2/`),
      times: 1,
    });
    await expect(
      store.commit((uow) => {
        uow.update('people', first, { jobTitle: 'Head of Maths' });
        uow.create('people', person(3), 'p-new');
        uow.update('people', second, { jobTitle: 'Head of English' });
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await store.people.get(first.id))!.jobTitle).toBe('Teacher');
    expect(await store.people.get('p-new')).toBeUndefined();
  });

  test('throttling and a brief outage are waited out, and every write lands once', async () => {
    const store = await freshStore();
    graph.faults.push({ fault: { kind: 'throttle', retryAfterSeconds: 1 }, times: 2 });
    const created = await store.people.create(person(1));
    graph.outage(1500);
    const read = await store.people.get(created.id);
    expect(read).toEqual(created);
    expect(graph.log.filter((r) => r.status === 429)).toHaveLength(2);
    expect(graph.log.filter((r) => r.status === 503).length).toBeGreaterThan(0);
    expect(graph.listByName('SMPH people')!.items.size).toBe(1);
  });

  test('a dropped connection is retried for a read, and a create answered too late is not made twice', async () => {
    const store = await freshStore();
    graph.faults.push({ fault: { kind: 'drop' }, when: (method) => method === 'GET', times: 1 });
    expect(await store.people.list()).toEqual({ items: [] });
    // The create reaches SharePoint but its answer is lost; sending it again finds our own record.
    const adapter = sharePointAdapterFor(graph);
    const row = {
      ...person(5),
      id: 'p-5',
      etag: '',
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
    };
    await adapter.apply([{ op: 'create', kind: 'people', row }]);
    const again = await adapter.apply([{ op: 'create', kind: 'people', row }]);
    expect(again[0]!.id).toBe('p-5');
    expect([...graph.listByName('SMPH people')!.items.values()]).toHaveLength(1);
  });

  test('an answer that never comes is given up on in time, and a read is tried again', async () => {
    await (await freshStore()).people.create(person(1));
    const store = createStore(sharePointAdapterFor(graph, { attemptTimeoutMs: 300 }));
    graph.faults.push({ fault: { kind: 'slow', delayMs: 2000 }, when: (method) => method === 'GET', times: 1 });
    const mark = graph.arrivals.length;
    expect((await store.people.list()).items).toHaveLength(1);
    // The slow attempt was abandoned and a second one answered, rather than waiting on the first.
    expect(graph.arrivals.slice(mark).filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  test('a record longer than a note column holds is kept in the library and reads back whole', async () => {
    const store = await freshStore();
    const text = 'A long policy paragraph about official accounts. '.repeat(2000);
    const version = await store.policyVersions.create({
      documentId: 'doc-1',
      schoolId: 'school-a',
      versionNumber: 1,
      importedAt: '2026-11-22T10:00:00.000Z',
      importedById: 'person-1',
      sourceFormat: 'md',
      text,
    });
    const item = [...graph.listByName('SMPH policyVersions')!.items.values()][0]!;
    expect(item.fields.RecordJson).toBe('');
    expect(String(item.fields.RecordFile)).toMatch(/^records\/policyVersions\//);
    expect((await store.policyVersions.require(version.id)).text).toBe(text);
  });

  test('evidence over 4 MB goes up in an upload session into its case folder and comes back byte for byte', async () => {
    const store = await freshStore();
    const bytes = new Uint8Array(6 * 1024 * 1024).map((_, i) => i % 251);
    const mark = since();
    const id = await store.files.put({ contentType: 'image/png', bytes, folder: 'incident-abc' });
    expect(requestsSince(mark).some((r) => r.path.includes('createUploadSession'))).toBe(true);
    expect(graph.file(`evidence/incident-abc/${id}`)).toBeDefined(); // a folder per case
    const back = await store.files.get(id);
    expect(back!.contentType).toBe('image/png');
    expect(Buffer.from(back!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});
