import { detectPlatform, questionPart, recogniseIntent } from '../../src/domain/incidents/intent.ts';

describe('recognising a report in chat', () => {
  test.each([
    ['report', { kind: 'report' }],
    ['Report an incident', { kind: 'report' }],
    [
      'a pupil sent me a friend request on Instagram',
      { kind: 'report', type: 'friend-request', platform: 'Instagram' },
    ],
    ['someone posted photos of our pupils', { kind: 'report', type: 'images-without-consent' }],
    [
      'a parent is abusing a teacher on our Facebook page',
      { kind: 'report', type: 'inappropriate-post', platform: 'Facebook' },
    ],
    ['my account has been hacked', { kind: 'report', type: 'compromised-account' }],
    ['A Year 8 girl has been messaging me on snap', { kind: 'report', type: 'pupil-contact', platform: 'Snapchat' }],
    ['ex-pupil followed me on insta', { kind: 'report', type: 'friend-request', platform: 'Instagram' }],
    [
      'Some year 10s are bullying a boy in a WhatsApp group',
      { kind: 'report', type: 'cyberbullying', platform: 'WhatsApp' },
    ],
    ["I'm worried about a colleague messaging pupils privately", { kind: 'report', type: 'adult-conduct' }],
    [
      'our school twitter got hacked and is posting spam',
      { kind: 'report', type: 'compromised-account', platform: 'X' },
    ],
  ])('%s', (text, expected) => {
    expect(recogniseIntent(text)).toEqual(expected);
  });
});

describe('questions, and questions that are really reports', () => {
  test.each([
    'can I accept a friend request from a pupil?',
    'How fast do we have to reply to comments on the school page?',
    'can I use the school logo on my own profile',
    'Am I allowed to follow an ex-pupil on Instagram?',
  ])('a plain question is a question: %s', (text) => {
    expect(recogniseIntent(text)).toEqual({ kind: 'question' });
  });

  test('a question that also says something happened gets the answer and the offer to report', () => {
    expect(
      recogniseIntent('can I accept a friend request from a pupil? a pupil in Year 9 added me last night'),
    ).toEqual({
      kind: 'question-with-event',
      type: 'friend-request',
    });
    expect(recogniseIntent('a pupil added me on Snapchat last night, what do I do?')).toEqual({
      kind: 'question-with-event',
      type: 'friend-request',
      platform: 'Snapchat',
    });
  });
});

describe('a question that tells of something that has happened also offers the report', () => {
  test.each([
    ['Someone has got into my Instagram and is posting as me, what now?', 'compromised-account'],
    ['Our school page was hacked overnight, who do I tell?', 'compromised-account'],
    ['A parent keeps commenting nasty things under our posts, can I block them?', 'inappropriate-post'],
    ['A colleague is harassing me on WhatsApp, who should I speak to?', undefined],
    ['I found videos of our pupils on a stranger’s channel, what should I do?', undefined],
  ])('%s', (text, type) => {
    const intent = recogniseIntent(text);
    expect(intent.kind).toBe('question-with-event');
    if (type) expect(intent).toMatchObject({ type });
  });

  test.each([
    'What should I do if the school account gets hacked?',
    'Can I use music I found online in a school video?',
    'Who should I tell if a pupil shows me something worrying?',
  ])('asking what to do if it happens is still a question: %s', (text) => {
    expect(recogniseIntent(text)).toEqual({ kind: 'question' });
  });
});

describe('possible disclosures always start a report', () => {
  test.each([
    'a girl in my class told me she is being hurt at home',
    'one of my pupils says they are self-harming, can I talk to them about it?',
    'Is it ok to ask a pupil about suicidal posts on TikTok?',
  ])('%s', (text) => {
    expect(recogniseIntent(text).kind).toBe('disclosure');
  });
});

describe('things that are neither', () => {
  test.each(['thanks', 'what is for lunch', 'hello there'])('%s', (text) => {
    expect(['other', 'question']).toContain(recogniseIntent(text).kind);
    expect(recogniseIntent(text).kind).not.toBe('report');
  });
});

describe('platforms as staff write them', () => {
  test.each([
    ['on insta', 'Instagram'],
    ['via FB messenger', 'Facebook'],
    ['a tweet about the head', 'X'],
    ['on tik tok', 'TikTok'],
    ['whats app group', 'WhatsApp'],
    ['youtube comments', 'YouTube'],
    ['in a text message', undefined],
    ['he is a big fan of igloos', undefined],
  ])('%s → %s', (text, platform) => {
    expect(detectPlatform(text)).toBe(platform);
  });
});

describe('the question inside a message', () => {
  test('only the asking sentences are kept, so the story around them does not dilute the answer', () => {
    expect(questionPart('Can I accept a friend request from a pupil? A pupil in Year 9 added me last night')).toBe(
      'Can I accept a friend request from a pupil?',
    );
    expect(questionPart('A pupil added me last night. What should I do?')).toBe('What should I do?');
    expect(questionPart('a pupil added me')).toBe('a pupil added me');
  });
});
