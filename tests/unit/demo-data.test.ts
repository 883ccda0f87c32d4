import { ROLES } from '../../src/domain/roles.ts';
import { personSchema } from '../../src/domain/records.ts';
import {
  DEMO_COURSES,
  DEMO_PERSONAS,
  DEMO_SCHOOLS,
  demoAcknowledgements,
  demoPeople,
  demoTrainingRecords,
} from '../../src/seed/demo-data.ts';
import { standing } from '../../src/domain/training/status.ts';
import { samplePolicyText } from '../../src/seed/seed.ts';

describe('demo directory', () => {
  const people = demoPeople();

  test('about sixty invented staff across both schools, each a valid person with a unique name and UPN', () => {
    expect(people.length).toBeGreaterThanOrEqual(55);
    expect(people.length).toBeLessThanOrEqual(65);
    for (const [, p] of people) expect(personSchema.safeParse(p).success).toBe(true);
    expect(new Set(people.map(([, p]) => p.displayName)).size).toBe(people.length);
    expect(new Set(people.map(([, p]) => p.upn)).size).toBe(people.length);
    for (const school of Object.values(DEMO_SCHOOLS)) {
      expect(people.filter(([, p]) => p.schoolId === school).length).toBeGreaterThan(20);
    }
  });

  test('there is a demo person for every role, and they hold that role', () => {
    for (const role of ROLES) {
      const persona = people.find(([id]) => id === DEMO_PERSONAS[role]);
      expect(persona?.[1].roles.map((r) => r.role)).toContain(role);
    }
  });

  test('the same directory is generated every time', () => {
    expect(demoPeople()).toEqual(people);
  });

  test('training covers current, due-soon, overdue and never-trained staff', () => {
    const today = new Date('2026-11-21T12:00:00Z');
    const records = demoTrainingRecords(people, today);
    const refresher = new Map(DEMO_COURSES.map(([id, c]) => [id, c.refresherMonths]));
    const statuses = records.map(
      ([, r]) =>
        standing([r], { refresherMonths: refresher.get(r.courseId), appliesFrom: '2020-01-01' }, '2026-11-21').status,
    );
    const count = (status: string) => statuses.filter((s) => s === status).length;
    expect(count('overdue')).toBeGreaterThan(5);
    expect(count('due-soon')).toBeGreaterThan(0);
    expect(count('completed')).toBeGreaterThan(count('overdue'));
    const trained = new Set(records.map(([, r]) => r.personId));
    expect(people.some(([id]) => !trained.has(id))).toBe(true);
  });

  test('most generated staff have read the policy; the named demo people have not, so they can try it', () => {
    const acknowledged = new Set(demoAcknowledgements(people, new Date()).map(([, a]) => a.personId));
    expect(Object.values(DEMO_PERSONAS).some((id) => acknowledged.has(id))).toBe(false);
    const generated = people.filter(([id]) => /^person-\d+$/.test(id));
    expect(acknowledged.size).toBeGreaterThan(generated.length / 2);
    expect(acknowledged.size).toBeLessThan(generated.length);
  });
});

describe('sample policy', () => {
  const text = samplePolicyText();

  test('is in numbered sections and covers each part of the policy summary', () => {
    const headings = [...text.matchAll(/^## (\d+)\. (.+)$/gm)].map((m) => Number(m[1]));
    expect(headings).toEqual(headings.map((_, i) => i + 1));
    expect(headings.length).toBeGreaterThanOrEqual(10);
    for (const topic of [
      /business case/i,
      /aim/i,
      /intended audience/i,
      /promoted/i,
      /at least two members of staff/i,
      /open to the public or private and closed/i,
      /friend requests or follow requests from current pupils or former pupils/i,
      /DSL or a member of SLT at once/i,
      /content.*\n.*contact.*\n.*conduct.*\n.*commerce/i,
      /aggressive, sexual, values or commercial/i,
      /recorded separately/i,
      /indecent images of children, grooming, hate material/i,
      /police/i,
      /within 24 hours/i,
      /next working day/i,
      /25th birthday/i,
    ]) {
      expect(text).toMatch(topic);
    }
  });
});
