import { actionWords, recordWords } from '../../src/domain/audit-words.ts';

describe('the audit log in words', () => {
  test.each([
    ['incident.viewed', 'opened the case'],
    ['account.credential-revealed', 'revealed the sign-in details'],
    ['school.approvals.changed', 'changed the school’s approvals settings'],
    ['school.slt-team.changed', 'changed the school’s slt team settings'],
    ['account.check-in.hidden-or-deleted', 'checked in on the account (hidden or deleted)'],
    ['training.declaration-accepted', 'accepted a declared completion'],
    // One the table does not know yet still reads as words.
    ['widget.frobbed-twice', 'widget frobbed twice'],
  ])('%s reads as “%s”', (action, words) => {
    expect(actionWords(action)).toBe(words);
  });

  test('record kinds read as the names people use', () => {
    expect(recordWords('incidents')).toBe('Case');
    expect(recordWords('socialAccounts')).toBe('Official account');
  });
});
