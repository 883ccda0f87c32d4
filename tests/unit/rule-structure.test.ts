import {
  askedFor,
  asksPermission,
  bindsAsker,
  headingParty,
  ruleOf,
  thirdPartySubject,
} from '../../src/domain/policy/rule-structure.ts';

describe('what a rule says and whom it is for', () => {
  test('forbidding, in the many ways policies put it', () => {
    for (const sentence of [
      'Teachers must not give pupils their personal phone numbers.',
      'Staff should never add a learner as a friend on a personal account.',
      'Under no circumstances are photographs of children to be posted from a personal device.',
      'Colleagues are not permitted to discuss pupils online.',
      'Anonymous posting about school business is discouraged.',
      'Do not share your login with anyone.',
    ])
      expect(ruleOf(sentence).modality).toBe('prohibition');
  });

  test('a consent rule is not a prohibition, and a permission is not an obligation', () => {
    expect(ruleOf('Consent must be obtained from parents before a photograph is published.').modality).toBe('consent');
    expect(ruleOf('Written permission should be sought from the family before filming.').modality).toBe('consent');
    expect(ruleOf('Staff may use their own accounts for personal purposes outside work.').modality).toBe('permission');
    expect(ruleOf('Parents are encouraged to share the school newsletter.').modality).toBe('permission');
    expect(ruleOf('Every account must be checked each weekday.').modality).toBe('obligation');
    expect(ruleOf('This policy was last reviewed in the spring term.').modality).toBe('statement');
  });

  test('a list’s lead-in carries its rule to each item, and its subject says whom it is for', () => {
    expect(ruleOf('Accept friend requests from current learners', 'When online, employees must not:')).toEqual({
      modality: 'prohibition',
      party: 'staff',
    });
  });

  test('whom a rule is for: its subject first, then its heading', () => {
    expect(ruleOf('Pupils should not post pictures of other children.').party).toBe('pupils');
    expect(ruleOf('Carers must not use the class chat to criticise teachers.').party).toBe('parents');
    expect(ruleOf('The school will not publish surnames next to photographs.').party).toBe('school');
    expect(ruleOf('Must be respectful at all times.', '', ['Expectations of families']).party).toBe('parents');
    expect(ruleOf('Users must declare who they are.').party).toBe('everyone');
  });
});

describe('what a question asks', () => {
  test('asking leave to do something, however it is phrased', () => {
    for (const q of [
      'Can I post photos from the fair on my own Instagram?',
      'Is it OK to message a parent on WhatsApp?',
      'Am I allowed to follow an ex-pupil?',
      'May we use pupils’ first names in captions?',
    ])
      expect(asksPermission(q)).toBe(true);
    for (const q of ['How quickly must we reply to comments?', 'Who approves a new account?', 'What is social media?'])
      expect(asksPermission(q)).toBe(false);
  });

  test('who is asking about whom, and whose rules bind them', () => {
    expect(askedFor('Can I post photos on Facebook?')).toBe('staff');
    expect(askedFor('Can pupils post pictures of each other?')).toBe('pupils');
    expect(askedFor('Can parents complain about a teacher online?')).toBe('parents');
    expect(askedFor('How should a pupil raise a worry about a teacher?')).toBe('pupils');
    expect(askedFor('Is it fine to post about my class on my own page?')).toBe('staff');
    expect(askedFor('What counts as social media?')).toBe('everyone');
    expect(bindsAsker('parents', 'everyone')).toBe(true);
    expect(bindsAsker('staff', 'staff')).toBe(true);
    expect(bindsAsker('everyone', 'pupils')).toBe(true);
    expect(bindsAsker('school', 'staff')).toBe(true);
    expect(bindsAsker('parents', 'staff')).toBe(false);
    expect(bindsAsker('pupils', 'staff')).toBe(false);
  });
});

describe('a question about someone else, and a section headed for someone', () => {
  test('the subject of the question, when it is pupils, parents or the school', () => {
    expect(thirdPartySubject('How should a pupil tell us about a worry?')).toBe('pupils');
    expect(thirdPartySubject('Can parents post photos of the nativity?')).toBe('parents');
    expect(thirdPartySubject('Would the school put a job advert on Facebook?')).toBe('school');
    expect(thirdPartySubject('Which apps does the academy use to reach families?')).toBe('school');
    // The asker speaking for themselves, or for the staff, is not someone else.
    expect(thirdPartySubject('Can I follow a pupil on Instagram?')).toBeUndefined();
    expect(thirdPartySubject('Can we name a pupil in a post?')).toBeUndefined();
    expect(thirdPartySubject('What counts as social media?')).toBeUndefined();
  });

  test('whom a heading says its section is for', () => {
    expect(headingParty(['Online rules', '4. Personal use of social media by pupils'])).toBe('pupils');
    expect(headingParty(['Online rules', 'Use by parents and carers'])).toBe('parents');
    expect(headingParty(['Online rules', '6. Staff use of personal accounts'])).toBe('staff');
    expect(headingParty(['Online rules', '2. Running official accounts', '2.1 Replying'])).toBe('school');
    expect(headingParty(['Online rules', 'Passwords'])).toBeUndefined();
  });
});
