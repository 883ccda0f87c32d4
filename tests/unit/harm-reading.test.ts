import { INCIDENT_TYPES, TELL_DSL_NOW } from '../../src/domain/incidents/catalogue.ts';
import { adviceFor, classify } from '../../src/domain/incidents/classification.ts';
import { readHarms } from '../../src/domain/incidents/harm-reading.ts';
import type { Harm } from '../../src/domain/incidents/harms.ts';
import { recogniseIntent } from '../../src/domain/incidents/intent.ts';

// Sentences written for these tests, not taken from any evaluation set.
describe('reading a harm from the words', () => {
  test.each<[string, Harm]>([
    ['one of my tutees said last night she keeps scratching herself with a compass', 'self-harm'],
    ['lad in 9R has fresh cuts all over his wrists and wont say how', 'self-harm'],
    ['she told her friend she took a handful of paracetamol on sunday', 'self-harm'],
    ['pupil is following pro-ana accounts and skipping lunch', 'self-harm'],
    ['my year 10 posted "nobody would notice if i was gone, no point living"', 'suicide'],
    ['a boy in 7H said he is planning to end his own life at the weekend', 'suicide'],
    ['she messaged the class chat that she wishes she was dead', 'suicide'],
    ['Y12 put up a goodbye post on insta tonight', 'suicide'],
    ['he said kms after the football result, sounded serious', 'suicide'],
    ['pupil wrote that he is sucidal in his english book', 'suicide'],
    ['her friend says she has been cutting again since christmas', 'self-harm'],
    ['he told his tutor that life is not worth living any more', 'suicide'],
    ['girl in reception said her stepdad hits her when mum is out', 'abuse-disclosure'],
    ['inappropriate pictures of a year 9 are going round the year group', 'sexual-image'],
    ['a year 5 told me about her brother: "he will kill me if I tell"', 'violence-threat'],
    ['year 3 boy says he does not feel safe at home', 'abuse-disclosure'],
    ['a year 8 has been asked for nudes by a lad in year 10', 'sexual-image'],
    ['someone shared a topless picture of a year 11 girl in a group chat', 'sexual-image'],
    ['an older man on roblox keeps sending my pupil robux and asked to meet up', 'grooming'],
    ['pupil says a 19 year old she met on snap is her boyfriend', 'grooming'],
    ['adult on discord told her to keep their chats a secret', 'grooming'],
    ['boy in 10C says someone is blackmailing him over a video', 'sextortion'],
    ['they recorded him on a video call and said they will post it unless he pays', 'sextortion'],
    ['y9 boy keeps sharing far-right memes and talks about a race war', 'extremism'],
    ['pupil said he has joined a movement online and showed me a swastika tattoo design', 'extremism'],
    ['a year 10 said on snap he will stab a boy from the other school', 'violence-threat'],
    ['boy brought a knife in his bag and posted it on tiktok', 'violence-threat'],
    ['friend says she has not come home since friday and is not answering', 'danger-now'],
    ['year 7 girl is in a van with older lads and does not know where she is', 'danger-now'],
    // Indirect signs, and staff's missing apostrophes.
    ['noticed plasters up and down her forearm again when she rolled her sleeves', 'self-harm'],
    ['he was pressing a razor into his thigh in the toilets', 'self-harm'],
    ['she says everybody would be better off without her around', 'suicide'],
    ['lad in year 11 has been giving away his games and said he wont be around.', 'suicide'],
    ['her sister found she has been stockpiling tablets in a drawer', 'suicide'],
    ['y6 boy said his mums boyfriend locks him in the shed when he is naughty', 'abuse-disclosure'],
    ['she said she gets the belt if she answers back at home', 'abuse-disclosure'],
    ['bruising on her arms and she mentioned her stepdad gets angry', 'abuse-disclosure'],
    ['someone on xbox asked him for a pic with no shirt on', 'sexual-image'],
    ['a man online keeps telling her she is mature for her age', 'grooming'],
    ['someone from insta wants £100 or theyll share the video with his school', 'sextortion'],
    ['they filmed her on facetime and say it goes on tiktok unless she pays', 'sextortion'],
    ['pupil says a lot of white nationalist stuff in class and calls mass shooters heroes', 'extremism'],
    ['message in the group chat said bring your blades saturday', 'violence-threat'],
    ['a tiktok live shows a year 10 on the roof of the leisure centre near the edge', 'danger-now'],
    ['y4 girl says there is never any food at home and she looks after her baby brother', 'abuse-disclosure'],
    ['he keeps a knife in his blazer, his mate told me', 'violence-threat'],
    ['she has not been seen since she got into a car with two older men on monday', 'danger-now'],
    ['a pupil told the class that hitler was right', 'extremism'],
    ['posted on her story: cant do this any more, been nice knowing you all', 'suicide'],
    ['y3 says mummy shuts her in the cellar when she cries', 'abuse-disclosure'],
    ['boy said if he tells anyone his dad will go mad, then went quiet', 'abuse-disclosure'],
    ['lad keeps getting picked up after school by older lads and says he is doing runs', 'grooming'],
    ['a man at the shop gives her free vapes and invited her to a party at his flat', 'grooming'],
    ['pupil ran off out of the gate towards the canal after a row', 'danger-now'],
    ['note in the boys toilets says someone will shoot up this school on monday', 'violence-threat'],
    ['her message to the group said this is the last time ill bother anyone', 'suicide'],
    ['he has been looking up how to hide the cuts from his mum', 'self-harm'],
    ['y2 said daddy hits mummy when he is cross', 'abuse-disclosure'],
    ['a man in his 40s on roblox keeps sending her gift cards', 'grooming'],
    ['someone has his pics and says pay by friday', 'sextortion'],
    ['boy said he would smash jakes head in after school', 'violence-threat'],
    ['snap from a year 10 says the whole of 10R are getting stabbed on monday', 'violence-threat'],
    ['a y8 is sitting on the roof of the sports hall and will not come down', 'danger-now'],
    ['his story said thanks for everything, this is the last post', 'suicide'],
    ['y1 girl said a man at the bus stop showed her his privates', 'sexual-image'],
  ])('%s → %s', (text, harm) => {
    expect(readHarms(text)).toContain(harm);
  });

  test.each([
    'this marking is killing me',
    'my mum will kill me if I miss the bus again',
    'year 6 are dying to go on the residential',
    'I could have murdered a curry after parents evening',
    'someone hacked my fantasy football team lol',
    'a parent is threatening to complain to the governors about the trip',
    'the printer is abusing me again',
    'year 11 absolutely smashed their mocks',
    'we shot a video for the school open evening',
    'she nailed her cut-out hearts to the display board',
    'the new head is always well-groomed, and her sister runs a dog grooming business',
    'our football team will destroy them on saturday',
    'the kids went missing in action at break, found them in the library',
    'a pupil sent me a friend request on facebook',
    'a parent posted that the head is useless',
    'lost three marks for not bringing a compass to the maths exam',
    'cuts from broken glass in the playground, first aid done',
    'I wont be around on friday, can someone cover my duty',
    'she got her yellow belt at karate at the weekend',
    'the wifi is down, were all going to die of boredom',
    'well, were not sure which trip they are going on',
    'my mums gonna kill me, forgot the cake for the bake sale',
    'at football one lad yelled "I will kill you" at his mate, both laughing',
    'year 10 asked in PSHE whether watching porn is harmful, handled it in class',
    'history lesson on the second world war: we looked at swastikas on propaganda posters',
    'the rugby team reckon the other side will not be around much longer in the cup',
    'can someone send me the self harm awareness lesson plans for year 8',
  ])('an everyday turn of phrase is not a harm: %s', (text) => {
    expect(readHarms(text)).toEqual([]);
  });

  // Several weak signs together, none of which would do alone.
  test.each<[string, Harm]>([
    ['he gave away his guitar last week and has been really low, said he wont need it', 'suicide'],
    ['there are neat burns on her forearm again, she says it helps her calm down', 'self-harm'],
    ['a lad he met on fortnite sends him new trainers and wants to meet up, told him to delete the chats', 'grooming'],
    ['y2 boy did not come back in from play, we have checked the toilets and mum is not answering', 'danger-now'],
    ['she said her stepdad plays a secret game with her and she is not allowed to tell', 'abuse-disclosure'],
    [
      'boys were sharing a video of a girl from year 8 with hardly anything on, she has not got much on',
      'sexual-image',
    ],
  ])('together: %s → %s', (text, harm) => {
    expect(readHarms(text)).toContain(harm);
  });

  test.each([
    'he gave away his old football boots to the PE lost property box',
    'she scraped her arm on the wall at break and has a plaster on it now',
    'my son met his new karate coach today, who drives the minibus',
    'the class did not come back from the museum until 4, the coach was late',
    'the year 7 assembly slides on online strangers and nude image sharing are on the drive',
  ])('one weak sign, or a planned lesson, is not a harm: %s', (text) => {
    expect(readHarms(text)).toEqual([]);
  });

  test('typo correction reads a near-miss of a distinctive word, and only those', () => {
    expect(readHarms('pupil has been blackmaled by someone online')).toContain('sextortion');
    expect(readHarms('pupil has been blackmaled by someone online', { typos: false })).toEqual([]);
    // One letter from "cutting", and nothing to do with harm.
    expect(readHarms('she keeps putting herself forward for everything')).toEqual([]);
  });
});

describe('a harm outweighs a hurried "no immediate risk"', () => {
  test('a self-harm disclosure filed as contact from a pupil is urgent, for the DSLs, with advice that keeps the child heard', () => {
    const c = classify('pupil-contact', 'she messaged me on snap that she has been hurting herself again', false);
    expect(c).toMatchObject({ urgent: true, audience: 'safeguarding', safeguarding: true, harms: ['self-harm'] });
    const advice = adviceFor('pupil-contact', c.harms);
    expect(advice[0]).toBe(TELL_DSL_NOW);
    expect(advice.join(' ')).not.toMatch(/block|ignore|do not reply/i);
  });

  test('a self-harm post filed as a post about the school goes to the DSLs, not to SLT as reputation', () => {
    expect(
      classify('inappropriate-post', 'pupil posted a photo of cuts on her arms, says she cuts herself', false),
    ).toMatchObject({ audience: 'safeguarding', urgent: true });
  });

  test('every high-risk type is urgent by itself, and a parent threatening to complain is not', () => {
    for (const type of [
      'wellbeing-disclosure',
      'sexual-images',
      'grooming',
      'extremism',
      'threat',
      'danger-now',
    ] as const)
      expect(classify(type, 'see me', false).urgent).toBe(true);
    expect(classify('inappropriate-post', 'a parent is threatening to complain on facebook', false)).toMatchObject({
      urgent: false,
      audience: 'reputation',
      possibleCrime: false,
    });
  });

  test('sexual images: never copy them, whatever type was chosen', () => {
    const c = classify('cyberbullying', 'boys are passing round a nude of a year 9 girl', false);
    expect(c).toMatchObject({ riskType: 'sexual', possibleCrime: true, urgent: true });
    const advice = adviceFor('cyberbullying', c.harms).join(' ');
    expect(advice).toMatch(/do not view, copy, screenshot/i);
    expect(advice).not.toMatch(/take a screenshot/i);
  });

  test('sextortion advice says what to do with the offender’s messages', () => {
    const advice = adviceFor('grooming', ['sextortion']).join(' ');
    expect(advice).toMatch(/do not reply to, confront or contact the person behind the messages/i);
    expect(advice).toMatch(/do not delete them/i);
    expect(advice).toMatch(/nobody pays/i);
  });

  test('every high-risk type tells the reporter to tell a DSL in person now', () => {
    for (const def of Object.values(INCIDENT_TYPES).filter((d) => 'highRisk' in d && d.highRisk))
      expect(def.advice.join(' ')).toMatch(/designated safeguarding lead in person/);
  });
});

describe('any account of something that happened starts a report', () => {
  test.each([
    ['Hi, a boy in year 8 said his uncle hits him', 'disclosure', 'wellbeing-disclosure'],
    ['morning all. one of my y10s posted she wants to die', 'disclosure', 'wellbeing-disclosure'],
    ['a dad has been slating our teachers in the village facebook group', 'report', 'inappropriate-post'],
    ['office are getting texts claiming to be from the head asking for gift cards', 'report', 'scam'],
    ['some pupils have been making homophobic comments about a boy on whatsapp', 'report', 'hate'],
    ['Our school instagram was taken over last night', 'report', 'compromised-account'],
    ['a colleague follows lots of pupils on tiktok from her personal account', 'report', 'adult-conduct'],
    ['an ex-pupil keeps sending me messages on my personal instagram', 'report', 'pupil-contact'],
  ] as const)('%s', (text, kind, type) => {
    expect(recogniseIntent(text)).toMatchObject({ kind, type });
  });

  test('saying who you are first ("TA here -") does not make the report about an adult', () => {
    expect(recogniseIntent('TA here - a boy in 4B keeps sending me snaps after school')).toMatchObject({
      kind: 'report',
      type: 'pupil-contact',
    });
  });

  test('a question after something that just happened also offers the report', () => {
    expect(recogniseIntent('just had a friend request from a yr 8 on facebook, do I have to report it?')).toMatchObject(
      {
        kind: 'question-with-event',
        type: 'friend-request',
      },
    );
  });

  test('a disclosure phrased as a question is still a disclosure', () => {
    expect(recogniseIntent('a pupil told me she is cutting herself, what do I do?').kind).toBe('disclosure');
  });

  test('a greeting alone, or a question after one, is not a report', () => {
    expect(recogniseIntent('hi').kind).toBe('other');
    expect(recogniseIntent('Hi, can I accept a friend request from a former pupil?').kind).toBe('question');
  });
});
