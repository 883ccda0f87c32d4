import { asSentence } from '../../src/domain/sentence.ts';

test.each([
  ['Rejected by Priya Whitlock: not this term', 'Rejected by Priya Whitlock: not this term.'],
  ['Rejected by Priya Whitlock: not this term.', 'Rejected by Priya Whitlock: not this term.'],
  ['Can we wait until spring?', 'Can we wait until spring?'],
  ['She said “no.”', 'She said “no.”'],
  ['Approved   ', 'Approved.'],
])('%s is shown as %s', (text, shown) => {
  expect(asSentence(text)).toBe(shown);
});
