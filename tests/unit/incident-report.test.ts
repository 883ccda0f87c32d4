import { randomUUID } from 'node:crypto';
import { hasFullNames, validateReport } from '../../src/domain/incidents/report.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const now = new Date('2026-11-21T12:00:00Z');
const valid = () => friendRequestForm();

describe('validating a report', () => {
  test('a complete friend-request report is accepted and normalised', () => {
    const r = validateReport(valid(), now);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.report).toMatchObject({
        type: 'friend-request',
        platform: 'Instagram',
        occurredAt: '2026-11-20T21:30:00.000Z',
        immediateRisk: false,
        toldDsl: false,
      });
    }
  });

  test('missing answers are reported per field, with words a person understands', () => {
    const r = validateReport({ draftId: randomUUID(), type: '', people: '', immediateRisk: '' }, now);
    expect(r).toEqual({
      ok: false,
      errors: {
        type: 'Choose what happened',
        platform: 'Choose the platform',
        people: 'Name the people involved',
        description: 'Describe what happened',
        immediateRisk: 'Choose yes or no',
        toldDsl: 'Choose yes or no',
      },
    });
  });

  test('initials are refused, with the reason', () => {
    const r = validateReport({ ...valid(), people: 'R.B. (Y9)' }, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.people).toMatch(/first name and surname, not initials/);
  });

  test('a date in the future, a made-up type and an expired form id are refused', () => {
    expect(validateReport({ ...valid(), occurredOn: '2026-11-22' }, now)).toEqual({
      ok: false,
      errors: { occurredOn: 'The date cannot be in the future' },
    });
    expect(validateReport({ ...valid(), type: 'drop-tables' }, now).ok).toBe(false);
    expect(validateReport({ ...valid(), draftId: '1' }, now).ok).toBe(false);
  });

  test('values of the wrong type are errors, not crashes', () => {
    const r = validateReport({ ...valid(), people: 42, description: ['x'], immediateRisk: true }, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['description', 'immediateRisk', 'people']);
  });
});

describe('full names', () => {
  test.each([
    ['Riley Brookes, Year 9', true],
    ['Riley Brookes (9B); Amira Khan 10C', true],
    ["Siân O'Neill-Jones, Y7", true],
    ['unknown account @spooky_page', true],
    ['R.B.', false],
    ['RB Y9', false],
    ['Riley', false],
    ['Riley Brookes, JT', false],
    // As staff really write them: a class, a remark in brackets, a relation.
    ['Ellie Marsh, Year 6 (6M, my class)', true],
    ['Ellie Marsh (my class), Tom Reid (his older brother)', true],
    ['Ellie Marsh, her tutor group 8R', true],
    ['Ellie Marsh (E.M.), T.R. (Year 8)', false],
  ])('%s → %s', (people, expected) => {
    expect(hasFullNames(people)).toBe(expected);
  });
});
