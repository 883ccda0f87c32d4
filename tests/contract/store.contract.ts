import {
  ConflictError,
  DuplicateError,
  NotFoundError,
  StoreError,
  StoreValidationError,
} from '../../src/store/errors.ts';
import type { Data } from '../../src/store/kinds.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * The Store contract. Every adapter must pass these unchanged: they describe what the rest of
 * the app relies on, not how any one adapter works.
 */
export interface ContractTarget {
  /** A new, empty store. */
  open(): Promise<Store>;
}

const person = (n: number, extra: Partial<Data<'people'>> = {}): Data<'people'> => ({
  trustId: 'trust-1',
  schoolId: n % 2 ? 'school-a' : 'school-b',
  upn: `person${n}@example.sch.uk`,
  displayName: `Given${n} Family${n}`,
  givenName: `Given${n}`,
  surname: `Family${n}`,
  department: n % 3 ? 'Maths' : 'English',
  jobTitle: 'Teacher',
  staffType: 'teacher',
  roles: [{ role: 'Staff', schoolId: n % 2 ? 'school-a' : 'school-b' }],
  startedOn: '2024-09-01',
  active: true,
  ...extra,
});

const auditEntry = (targetId: string): Data<'audit'> => ({
  at: new Date().toISOString(),
  actorId: 'actor-1',
  action: 'thing.viewed',
  targetKind: 'incidents',
  targetId,
});

export function describeStoreContract(name: string, target: ContractTarget): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
    });

    test('a created record can be read back with its id, etag and timestamps', async () => {
      const created = await store.people.create(person(1));
      expect(created.id).toEqual(expect.any(String));
      expect(created.etag).not.toBe('');
      const read = await store.people.get(created.id);
      expect(read).toEqual(created);
      expect(Date.parse(read!.createdAt)).not.toBeNaN();
    });

    test('a caller may choose the id, and a second create with the same id is a DuplicateError', async () => {
      await store.people.create(person(1), 'person-fixed');
      await expect(store.people.create(person(2), 'person-fixed')).rejects.toBeInstanceOf(DuplicateError);
      expect((await store.people.get('person-fixed'))?.displayName).toBe('Given1 Family1');
    });

    test('a missing record is undefined from get and a NotFoundError from require', async () => {
      expect(await store.people.get('nobody')).toBeUndefined();
      await expect(store.people.require('nobody')).rejects.toBeInstanceOf(NotFoundError);
    });

    test('an update with the etag that was read succeeds and changes the etag', async () => {
      const created = await store.people.create(person(1));
      const updated = await store.people.update(created, { jobTitle: 'Head of Maths' });
      expect(updated.jobTitle).toBe('Head of Maths');
      expect(updated.etag).not.toBe(created.etag);
      expect((await store.people.get(created.id))?.jobTitle).toBe('Head of Maths');
    });

    test('a stale update is refused with a ConflictError and does not overwrite the newer data', async () => {
      const created = await store.people.create(person(1));
      await store.people.update(created, { jobTitle: 'First writer' });
      await expect(store.people.update(created, { jobTitle: 'Second writer' })).rejects.toBeInstanceOf(ConflictError);
      expect((await store.people.get(created.id))?.jobTitle).toBe('First writer');
    });

    test('updating a record that does not exist is a NotFoundError', async () => {
      const ghost = { ...(await store.people.create(person(1))), id: 'ghost' };
      await expect(store.people.update(ghost, { jobTitle: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    });

    test('invalid data is refused with the field named, and nothing is written', async () => {
      const bad = { ...person(1), upn: '' };
      const error = await store.people.create(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreValidationError);
      expect((error as StoreValidationError).problems.join()).toMatch(/upn/);
      expect((await store.people.list()).items).toHaveLength(0);
    });

    test('an account link must be a web address, so a javascript: URL can never be stored', async () => {
      const account: Data<'socialAccounts'> = {
        schoolId: 's',
        platform: 'Facebook',
        handle: 'Friends of Oakfield',
        url: 'javascript:alert(document.cookie)',
        leadId: 'p1',
        moderatorIds: ['p1', 'p2'],
        status: 'active',
        createdOn: '2026-01-05',
      };
      await expect(store.socialAccounts.create(account)).rejects.toBeInstanceOf(StoreValidationError);
      const ok = await store.socialAccounts.create({ ...account, url: 'https://www.facebook.com/friendsofoakfield' });
      expect(ok.url).toBe('https://www.facebook.com/friendsofoakfield');
    });

    test('lists filter on indexed fields by equality, membership and range', async () => {
      for (let n = 1; n <= 9; n++) await store.people.create(person(n, { active: n !== 5 }));
      const schoolA = await store.people.listAll({ where: { schoolId: 'school-a' } });
      expect(schoolA.map((p) => p.upn).sort()).toEqual([1, 3, 5, 7, 9].map((n) => `person${n}@example.sch.uk`).sort());
      const activeInA = await store.people.listAll({ where: { schoolId: 'school-a', active: true } });
      expect(activeInA).toHaveLength(4);
      const depts = await store.people.listAll({ where: { department: ['English'] } });
      expect(depts.every((p) => p.department === 'English')).toBe(true);
      expect(depts).toHaveLength(3);
      const range = await store.people.listAll({ where: { upn: { gte: 'person3', lte: 'person5~' } } });
      expect(range.map((p) => p.upn).sort()).toEqual([
        'person3@example.sch.uk',
        'person4@example.sch.uk',
        'person5@example.sch.uk',
      ]);
      expect(await store.people.listAll({ where: { department: [] } })).toEqual([]);
    });

    test('filtering on a field that is not indexed is refused rather than silently scanning', async () => {
      await expect(store.people.list({ where: { jobTitle: 'Teacher' } as never })).rejects.toBeInstanceOf(StoreError);
    });

    test('paging returns every record exactly once, in the order asked for', async () => {
      for (let n = 1; n <= 25; n++) await store.people.create(person(n), `p-${String(n).padStart(2, '0')}`);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.people.list({ orderBy: 'upn', descending: true, limit: 10, cursor });
        seen.push(...page.items.map((p) => p.upn));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      expect(seen).toEqual([...seen].sort().reverse());
    });

    test('records written together with the same timestamp list in the order they were written', async () => {
      const at = '2026-11-20T10:00:00.000Z';
      const entries = ['first', 'second', 'third', 'fourth'];
      await store.commit((uow) => {
        for (const text of entries)
          uow.append('incidentEntries', { incidentId: 'i-1', schoolId: 's', byId: 'p', at, kind: 'action', text });
      });
      const listed = await store.incidentEntries.listAll({ where: { incidentId: 'i-1' }, orderBy: 'at' });
      expect(listed.map((e) => e.text)).toEqual(entries);
    });

    test('quotes and query syntax in values are data, not query', async () => {
      const tricky = "O'Brien') or (1 eq 1";
      await store.people.create(person(1, { department: tricky }));
      await store.people.create(person(2));
      const found = await store.people.listAll({ where: { department: tricky } });
      expect(found).toHaveLength(1);
      expect(found[0]!.department).toBe(tricky);
      expect(await store.people.listAll({ where: { department: "x' OR '1'='1" } })).toHaveLength(0);
    });

    test('a commit applies all its writes or none of them', async () => {
      const a = await store.people.create(person(1));
      const b = await store.people.create(person(2));
      await store.people.update(b, { jobTitle: 'Changed meanwhile' });
      await expect(
        store.commit((uow) => {
          uow.update('people', a, { jobTitle: 'Would change' });
          uow.append('audit', auditEntry(a.id));
          uow.update('people', b, { jobTitle: 'Stale' });
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.people.get(a.id))?.jobTitle).toBe('Teacher');
      expect((await store.audit.list()).items).toHaveLength(0);
    });

    test('a successful commit returns records with their stored etags', async () => {
      const { created, entry } = await store.commit((uow) => ({
        created: uow.create('people', person(1)),
        entry: uow.append('audit', auditEntry('x')),
      }));
      expect(created.etag).not.toBe('');
      expect(entry.etag).not.toBe('');
      const again = await store.people.update(created, { jobTitle: 'Works with the returned etag' });
      expect(again.jobTitle).toBe('Works with the returned etag');
    });

    test('append-only logs have no way to change or remove an entry', async () => {
      const entry = await store.audit.append(auditEntry('case-1'));
      expect(Object.keys(store.audit)).not.toEqual(expect.arrayContaining(['update']));
      expect('update' in store.incidentEntries).toBe(false);
      expect('update' in store.acknowledgements).toBe(false);
      expect((await store.audit.listAll({ where: { targetId: 'case-1' } }))[0]).toEqual(entry);
    });

    test('an append with a chosen id happens once: the second is a DuplicateError, so "once a day" rules hold', async () => {
      await store.audit.append(auditEntry('once'), 'audit-once');
      await expect(store.audit.append(auditEntry('once'), 'audit-once')).rejects.toBeInstanceOf(DuplicateError);
      expect(await store.audit.listAll({ where: { targetId: 'once' } })).toHaveLength(1);
    });

    test('listeners hear which kinds each commit wrote, after it is stored', async () => {
      const heard: string[][] = [];
      store.onCommit((kinds) => heard.push([...kinds]));
      await store.commit((uow) => {
        uow.create('people', person(901));
        uow.append('audit', auditEntry('listener'));
      });
      expect(heard).toEqual([['people', 'audit']]);
    });

    test('a file is kept byte for byte, cannot be overwritten, and a missing one is undefined', async () => {
      const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 7) % 256);
      const id = await store.files.put({ contentType: 'image/png', bytes });
      expect(await store.files.get(id)).toEqual({ contentType: 'image/png', bytes });
      await expect(store.files.put({ contentType: 'image/png', bytes: new Uint8Array([1]) }, id)).rejects.toThrow(
        DuplicateError,
      );
      expect((await store.files.get(id))?.bytes).toEqual(bytes);
      expect(await store.files.get('file-missing')).toBeUndefined();
    });

    test('empty, oversized and untyped files are refused before anything is written', async () => {
      await expect(store.files.put({ contentType: 'image/png', bytes: new Uint8Array() })).rejects.toThrow(/empty/);
      await expect(
        store.files.put({ contentType: 'image/png', bytes: new Uint8Array(10 * 1024 * 1024 + 1) }),
      ).rejects.toThrow(/10 MB/);
      await expect(store.files.put({ contentType: '', bytes: new Uint8Array([1]) })).rejects.toThrow(StoreError);
    });

    test('every record kind round-trips through the store', async () => {
      const now = new Date().toISOString();
      const created = await store.commit((uow) => [
        uow.create('trusts', { name: 'Trust' }),
        uow.create('schools', { trustId: 't', name: 'School', nation: 'england-and-wales' }),
        uow.create('applications', {
          schoolId: 's',
          applicantId: 'p',
          accountName: 'PE Department',
          platform: 'Instagram',
          aim: 'Celebrate fixtures',
          audience: 'Parents',
          promotion: 'Newsletter',
          runnerIds: ['p1', 'p2'],
          volunteers: [],
          visibility: 'open',
          status: 'draft',
          decisions: [],
        }),
        uow.create('socialAccounts', {
          schoolId: 's',
          platform: 'X',
          handle: '@school_pe',
          url: 'https://x.com/school_pe',
          leadId: 'p1',
          moderatorIds: ['p1', 'p2'],
          status: 'active',
          createdOn: '2026-01-05',
        }),
        uow.create('checkIns', {
          accountId: 'a',
          schoolId: 's',
          byId: 'p',
          at: now,
          outcome: 'replied',
          count: 3,
          note: '',
        }),
        uow.create('replyItems', {
          accountId: 'a',
          schoolId: 's',
          loggedById: 'p',
          arrivedAt: now,
          summary: 'Parent asking about the fixture list',
          dueAt: now,
          open: true,
        }),
        uow.append('trainingReminders', { personId: 'p', schoolId: 's', byId: 'h', day: '2026-11-22', at: now }),
        uow.create('incidents', {
          reference: 'INC-2026-0001',
          schoolId: 's',
          reporterId: 'p',
          type: 'friend-request',
          platform: 'Instagram',
          immediateRisk: false,
          urgent: false,
          riskArea: 'contact',
          riskType: 'values',
          possibleCrime: false,
          safeguarding: true,
          status: 'new',
          retentionCategory: 'child-protection',
          reviewOn: '2045-01-01',
        }),
        uow.append('incidentEntries', {
          incidentId: 'i',
          schoolId: 's',
          byId: 'p',
          at: now,
          kind: 'report',
          text: 'What happened',
        }),
        uow.create('courses', {
          trustId: 't',
          title: 'Online safety',
          refresherMonths: 12,
          requiredForRoles: ['Staff'],
        }),
        uow.create('trainingRecords', {
          personId: 'p',
          courseId: 'c',
          schoolId: 's',
          completedOn: '2026-01-01',
          source: 'hr',
          verified: true,
        }),
        uow.append('acknowledgements', {
          personId: 'p',
          schoolId: 's',
          policyVersionId: 'v',
          versionNumber: 1,
          at: now,
        }),
        uow.create('policyDocuments', { schoolId: 's', title: 'Social Media Policy' }),
        uow.create('policyVersions', {
          documentId: 'd',
          schoolId: 's',
          versionNumber: 1,
          importedAt: now,
          importedById: 'p',
          sourceFormat: 'md',
          text: '# Policy',
        }),
        uow.create('questions', {
          schoolId: 's',
          askerId: 'p',
          text: 'Can I follow a former pupil?',
          status: 'unanswered',
        }),
        uow.create('conversationRefs', { scope: 'person', personId: 'p', reference: { conversation: { id: 'c' } } }),
        uow.create('outbox', { topic: 'notify', payload: { a: 1 }, status: 'pending', attempts: 0, notBefore: now }),
        uow.create('counters', { value: 1 }),
        uow.append('audit', auditEntry('i')),
      ]);
      for (const record of created) expect(record.etag).not.toBe('');
      const incident = await store.incidents.get(created[7]!.id);
      expect(incident).toMatchObject({
        riskArea: 'contact',
        riskType: 'values',
        retentionCategory: 'child-protection',
      });
    });
  });
}
