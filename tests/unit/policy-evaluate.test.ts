import { evaluate, formatFigures, parseQuestions } from '../../src/policy/evaluate.ts';
import { parsePolicy } from '../../src/policy/passages.ts';

// Invented for this test: two sections that answer the same question equally well, and one that does not.
const sections = parsePolicy(`# Office rules

## 1. Passwords

1.1 Passwords for a school account are kept by the office and changed each term.

## 2. Closing accounts

2.1 An account nobody has posted on for a term is closed by the office.

## 3. Photos

3.1 Staff must not post photos of pupils on their personal accounts.
`);

const questions = (expectForOffice: string) =>
  parseQuestions(
    [
      { id: 'a', q: 'What does the office do each term?', expect: expectForOffice },
      { id: 'b', q: 'Can I post photos of pupils on my own account?', expect: '3.1' },
      { id: 'c', q: 'When is the staff car park locked?', expect: null },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );

describe('measuring answers on a question set', () => {
  test.each(['1.1', '2.1'])(
    'a close call is wrong only when neither of the two answers it offers is right (expected %s)',
    (expected) => {
      const { ours } = evaluate(sections, questions(expected));
      expect(ours).toMatchObject({ inScope: 2, outOfScope: 1, answered: 2, closeCalls: 1, abstained: 1 });
      expect(ours.wrongWhenAnswered).toBe(0);
    },
  );

  test('a close call where neither answer is right counts as wrong', () => {
    const { ours } = evaluate(sections, questions('3.1'));
    expect(ours.wrongWhenAnswered).toBe(0.5);
    expect(ours.misses.map((m) => m.id)).toEqual(['a']);
  });

  test('the table prints every figure beside plain MiniSearch', () => {
    const table = formatFigures('Office rules', evaluate(sections, questions('1.1')));
    for (const row of [
      'first time',
      'within three',
      'out-of-scope declined',
      'wrong when answered',
      'close calls',
      'helped',
    ])
      expect(table).toContain(row);
    expect(table).toContain('plain MiniSearch');
  });
});
