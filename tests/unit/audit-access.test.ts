import { mayReadAuditEntry, overseesTrust } from '../../src/domain/audit-access.ts';
import type { Role } from '../../src/domain/roles.ts';

const at = (...held: [Role, string][]) => ({
  id: 'reader',
  roles: held.map(([role, schoolId]) => ({ role, schoolId })),
});
const trust = { trustId: 'trust-a', schoolIds: ['north', 'south'] };

describe('who reads an audit entry about a whole trust', () => {
  const reminders = { targetKind: 'people', trustId: 'trust-a' };

  test('someone holding a reading role at every school of the trust', () => {
    expect(mayReadAuditEntry(at(['HR', 'north'], ['HR', 'south']), reminders, undefined, trust)).toBe(true);
    // Different roles at each school do not add up to overseeing the trust in one role.
    expect(mayReadAuditEntry(at(['HR', 'north'], ['SLT', 'south']), reminders, undefined, trust)).toBe(false);
  });

  test('not someone who holds it at only some schools, nor anyone in another trust, nor without the trust known', () => {
    expect(mayReadAuditEntry(at(['HR', 'north']), reminders, undefined, trust)).toBe(false);
    expect(
      mayReadAuditEntry(at(['HR', 'north'], ['HR', 'south']), { ...reminders, trustId: 'trust-b' }, undefined, trust),
    ).toBe(false);
    expect(mayReadAuditEntry(at(['HR', 'north'], ['HR', 'south']), reminders)).toBe(false);
  });

  test('the kind’s own readers still decide: HR at every school may not read trust-wide account entries', () => {
    expect(
      mayReadAuditEntry(
        at(['HR', 'north'], ['HR', 'south']),
        { targetKind: 'socialAccounts', trustId: 'trust-a' },
        undefined,
        trust,
      ),
    ).toBe(false);
  });

  test('a trust with no schools is overseen by nobody', () => {
    expect(overseesTrust(at(['HR', 'north']), ['HR'], [])).toBe(false);
  });
});
