import { INCIDENT_TYPE_IDS, INCIDENT_TYPES } from '../../src/domain/incidents/catalogue.ts';
import { classify } from '../../src/domain/incidents/classification.ts';
import { RISK_AREAS, RISK_TYPES } from '../../src/domain/records.ts';

describe('default classification', () => {
  test('every incident type has an area and a risk type from the lists, and advice', () => {
    for (const id of INCIDENT_TYPE_IDS) {
      const def = INCIDENT_TYPES[id];
      expect(RISK_AREAS).toContain(def.riskArea);
      expect(RISK_TYPES).toContain(def.riskType);
      expect(def.advice.length).toBeGreaterThan(0);
    }
  });

  test('a friend request from a pupil is contact / values, goes to safeguarding, and is not urgent', () => {
    expect(classify('friend-request', 'Year 9 pupil sent a request on Instagram last night', false)).toEqual({
      riskArea: 'contact',
      riskType: 'values',
      audience: 'safeguarding',
      possibleCrime: false,
      crimeIndicators: [],
      safeguarding: true,
      urgent: false,
      harms: [],
    });
  });

  test('the friend-request advice says not to accept, not to reply, to screenshot, then block', () => {
    const advice = INCIDENT_TYPES['friend-request'].advice.join(' ');
    expect(advice).toMatch(/Do not accept/);
    expect(advice).toMatch(/do not reply/);
    expect(advice).toMatch(/screenshot/);
    expect(advice).toMatch(/block/);
  });

  test('a parent’s rude post is a reputation matter for SLT, not a safeguarding record', () => {
    const c = classify(
      'inappropriate-post',
      'A parent posted rude comments about the head on the Facebook page',
      false,
    );
    expect(c).toMatchObject({
      audience: 'reputation',
      safeguarding: false,
      possibleCrime: false,
      riskType: 'aggressive',
    });
  });

  test('immediate risk makes any report urgent and sends it to safeguarding', () => {
    const c = classify('inappropriate-post', 'a post about a pupil', true);
    expect(c).toMatchObject({ urgent: true, audience: 'safeguarding', safeguarding: true });
  });

  test('a concern about an adult stays with the adult-conduct route even when urgent', () => {
    expect(classify('adult-conduct', 'he has been sending nudes to a pupil', true)).toMatchObject({
      audience: 'adult-conduct',
      possibleCrime: true,
      riskType: 'sexual',
      urgent: true,
    });
  });
});

describe('possible crimes', () => {
  test.each([
    ['pupil-contact', 'she sent me nude pictures', 'possible indecent images of a child'],
    [
      'pupil-contact',
      'an adult told him not to tell his parents, it sounds like grooming',
      'possible grooming or exploitation',
    ],
    ['inappropriate-post', 'racist comments under our post', 'hate material'],
    ['cyberbullying', 'they said they would stab him after school', 'threats of violence'],
    ['other', 'a former pupil keeps stalking a teacher online', 'harassment or stalking'],
    ['other', 'someone logged in as me and posted', "misuse of someone else's login"],
  ] as const)('%s: "%s" raises %s', (type, text, indicator) => {
    const c = classify(type, text, false);
    expect(c.possibleCrime).toBe(true);
    expect(c.crimeIndicators).toContain(indicator);
  });

  test('a hacked account is a possible crime by its type alone', () => {
    expect(classify('compromised-account', 'cannot log in', false).possibleCrime).toBe(true);
  });

  test('sexual indicators set the sexual risk type and urgency', () => {
    expect(classify('pupil-contact', 'asked me for explicit photos', false)).toMatchObject({
      riskType: 'sexual',
      urgent: true,
    });
  });

  test('a reputation post with a threat moves to safeguarding', () => {
    expect(classify('inappropriate-post', 'a parent threatened to hurt a teacher', false).audience).toBe(
      'safeguarding',
    );
  });

  test('ordinary words do not raise a false crime flag', () => {
    for (const text of [
      'she followed me',
      'a rude comment about lunch',
      'the school play photos were lovely',
      'a thread about uniforms',
    ]) {
      expect(classify('other', text, false).possibleCrime).toBe(false);
    }
  });

  test('scams are commerce / commercial', () => {
    expect(classify('other', 'a fake page is running a gift card scam using our logo', false)).toMatchObject({
      riskArea: 'commerce',
      riskType: 'commercial',
    });
  });
});
