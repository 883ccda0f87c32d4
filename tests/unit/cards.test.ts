import { adaptiveCard, paragraph } from '../../src/cards/elements.ts';
import { helpCard, welcomeCard } from '../../src/cards/welcome.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';

describe('Adaptive Card checks', () => {
  test('the checker really catches bad cards: unknown elements, 1.6-only features and bad values', () => {
    expect(adaptiveCardProblems(adaptiveCard([{ type: 'Carousel' }]))).not.toEqual([]);
    expect(adaptiveCardProblems(adaptiveCard([paragraph('x', { size: 'Enormous' })]))).not.toEqual([]);
    expect(adaptiveCardProblems(adaptiveCard([{ type: 'Input.Text' }]))).not.toEqual([]);
  });

  test('welcome and help cards are valid Adaptive Card 1.5, with and without a known person', () => {
    const cards = [
      welcomeCard({ hubUrl: 'https://hub.example/tab/' }),
      welcomeCard({
        hubUrl: 'https://hub.example/tab/',
        name: 'Jordan',
        schoolName: 'Oakfield',
        dslName: 'Morgan Hale',
      }),
      helpCard({ hubUrl: 'https://hub.example/tab/', notUnderstood: true }),
    ];
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
