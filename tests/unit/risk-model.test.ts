import { classify } from '../../src/domain/incidents/classification.ts';
import { readHarms } from '../../src/domain/incidents/harm-reading.ts';
import { RISK_EXAMPLES } from '../../src/domain/incidents/risk-examples.ts';
import { trainRiskModel } from '../../src/domain/incidents/risk-model.ts';
import { recogniseIntent } from '../../src/domain/incidents/intent.ts';

// Sentences written for these tests; the model learns from the invented examples in the product.
describe('the risk model reads what no written pattern covers', () => {
  test.each([
    [
      "quiet lad in 8R said he's been giving his stuff to his brother because he won't be needing it, and he keeps asking what happens to people's social media after",
      'suicide',
    ],
    [
      'a girl in year 9 has a much older boyfriend who picks her up from the shop in his car and buys her things',
      'grooming',
    ],
    ['year 7 boy keeps wearing long sleeves in PE and flinches when anyone touches his arm', 'self-harm'],
  ])('%s', (text, harm) => {
    expect(readHarms(text)).toEqual([]);
    const c = classify('other', text, false);
    expect(c).toMatchObject({ urgent: true, audience: 'safeguarding', harms: [harm], harmsReadBy: 'model' });
    // The model is a reason to look, not a finding: it names no offence.
    expect(c.crimeIndicators).toEqual([]);
  });

  test.each([
    'the year 6 residential letter went out with the wrong date on it',
    'year 5 had a great time at the museum today, the coach was a bit late back',
    'a pupil sent me a friend request on facebook last night',
  ])('and leaves ordinary reports alone: %s', (text) => {
    expect(classify('other', text, false)).toMatchObject({ urgent: false, harms: [] });
  });

  test('it learns from what it is given: with no high-risk examples it reads nothing', () => {
    const ordinary = Object.values(RISK_EXAMPLES)
      .flat()
      .filter((e) => e.risk === 'normal');
    const model = trainRiskModel(ordinary);
    expect(model.likelyHarm('a girl in my form says she wants to die')).toBeUndefined();
  });

  test('every example is labelled with a risk and a kind the model knows', () => {
    const kinds = new Set(Object.values(RISK_EXAMPLES).flatMap((set) => set.map((e) => e.kind)));
    expect([...kinds].every((k) => /^[a-z-]+$/.test(k))).toBe(true);
    for (const e of Object.values(RISK_EXAMPLES).flat()) expect(['high', 'normal']).toContain(e.risk);
  });
});

describe('the model suggests a type the rules could not find, and never decides whether a report starts', () => {
  test('a statement about a pupil that no rule types is pre-filled with the type it resembles', () => {
    const text = 'a lad in 7B keeps getting memes made about his haircut in the form chat and everyone joins in';
    expect(recogniseIntent(text)).toMatchObject({ kind: 'report', type: 'cyberbullying' });
  });

  test.each(['what time does the staff meeting start', 'can I use my own phone to take photos on the trip?'])(
    'a question stays a question: %s',
    (text) => {
      expect(recogniseIntent(text)).toEqual({ kind: 'question' });
    },
  );

  test('a thank-you is not a report', () => {
    expect(recogniseIntent('thanks').kind).toBe('other');
  });
});
