import { readFileSync } from 'node:fs';
import { buildPolicyIndex } from '../../src/policy/answer.ts';
import { queryIdeas } from '../../src/policy/vocabulary.ts';
import { parsePolicy } from '../../src/policy/passages.ts';

const SAMPLE = readFileSync(new URL('../../src/seed/sample-policy.md', import.meta.url), 'utf8');

/** A messy plain-text policy, as PDF and Word exports produce them. Invented for this test. */
const MESSY = `Hilltop Federation

ONLINE CONDUCT POLICY

Who this covers

This policy applies to every adult working in the
federation, including supply staff and
volunteers.

1 Keeping in touch with pupils

Staff talk to pupils only through the learning platform.
It is not acceptable to use:
· personal email
o private messaging apps
- text messages from a personal phone

2.1 Former pupils

Staff must not follow former pupils on any personal account until they are 18
and have left the federation for at least two years.

MONITORING OUR PAGES

•	The office checks the federation pages every weekday morning.
•	A named governor checks them during the holidays.
`;

describe('reading a policy into sections and passages', () => {
  test('the sample policy: numbered sections, clause numbers kept apart, a lead-in with its bullets as one point', () => {
    const sections = parsePolicy(SAMPLE);
    expect(sections.map((s) => s.headingPath.at(-1))).toContain('6. Staff use of personal social media');
    const staff = sections.find((s) => s.headingPath.at(-1) === '6. Staff use of personal social media')!;
    expect(staff.passages[0]).toMatchObject({ clause: '6.1', text: expect.stringMatching(/^Staff must not accept/) });
    const businessCase = sections.flatMap((s) => s.passages).find((p) => p.clause === '3.2')!;
    expect(businessCase.text).toMatch(/business case that states: the aim of the account .* private and closed\.$/);
  });

  test('a messy export: ALL-CAPS, numbered and plain headings, broken lines re-joined, "·", "o", "-" and tab bullets', () => {
    const sections = parsePolicy(MESSY);
    const titles = sections.map((s) => s.headingPath.at(-1));
    expect(titles).toEqual(
      expect.arrayContaining([
        'Who this covers',
        '1 Keeping in touch with pupils',
        '2.1 Former pupils',
        'MONITORING OUR PAGES',
      ]),
    );
    const passages = sections.flatMap((s) => s.passages.map((p) => p.text));
    expect(passages).toContain(
      'This policy applies to every adult working in the federation, including supply staff and volunteers.',
    );
    expect(passages).toContain(
      'It is not acceptable to use: personal email private messaging apps text messages from a personal phone',
    );
    expect(passages).toContain(
      'Staff must not follow former pupils on any personal account until they are 18 and have left the federation for at least two years.',
    );
    expect(passages).toContain('A named governor checks them during the holidays.');
  });

  test('every passage is the document’s own words: whitespace normalised, markers removed, nothing invented', () => {
    const flat = MESSY.replace(/\s+/g, ' ');
    for (const section of parsePolicy(MESSY)) {
      for (const passage of section.passages) {
        const words = passage.text.split(' ');
        // Each run of words between removed bullet markers appears verbatim in the source.
        expect(flat).toContain(words.slice(0, 4).join(' '));
      }
    }
  });
});

/** An invented trust's policy, written the way real ones are laid out: role labels as bullets, lists after lead-ins. */
const ROLES = `Roles

- Trust leaders
 - o Sign off each new account
 - o Keep the register of accounts
- Account holders

- Write the posts and reply to messages
- o Change log-in details when someone leaves

What we share

The trust will post:
The list below applies to all of our schools.

· Results days and open evenings
· Vacancies for teaching posts
`;

describe('reading the layouts real policies use', () => {
  const sections = parsePolicy(ROLES);
  const passages = sections.flatMap((s) => s.passages);

  test('a bullet that only names a role heads the duties beneath it', () => {
    const signOff = passages.find((p) => p.text === 'Sign off each new account')!;
    expect(signOff.headingPath).toEqual(['Roles', 'Trust leaders']);
    const changeLogIn = passages.find((p) => p.text === 'Change log-in details when someone leaves')!;
    expect(changeLogIn.headingPath).toEqual(['Roles', 'Account holders']);
  });

  test('a list item quoted alone keeps the words that introduce its list, to be found by them', () => {
    const vacancies = passages.find((p) => p.text === 'Vacancies for teaching posts')!;
    expect(vacancies.context).toBe('The trust will post: The list below applies to all of our schools.');
    const answer = buildPolicyIndex(sections).answer('will the trust post job vacancies?');
    expect(answer.passage).toBe('Vacancies for teaching posts');
  });
});

describe('answering questions from the sample policy', () => {
  const index = buildPolicyIndex(parsePolicy(SAMPLE));

  test.each([
    ['can I accept a friend request from a pupil?', '6.1'],
    ['can I follow an ex-pupil on Instagram?', '6.1'],
    ['how fast do we have to reply to comments on the school page?', '4.4'],
    ['can I use the school logo on my own profile?', '6.4'],
    ['can I take photos of pupils on my phone?', '5.3'],
    ['how long are child protection records kept?', '13.1'],
    ['do I need training to moderate an account?', '11.4'],
    ['how often is the policy reviewed?', '13.3'],
    ['what happens if I break the policy?', '12.1'],
    ['is it ok to message my class on whatsapp?', '6.2'],
    ['what should I do if a mum posts abuse about a teacher?', '7.2'],
    ['who approves a new school account?', '3.1'],
    // Phrases stay whole, other words for the same thing are found, and past forms are understood.
    ['can I keep in touch with ex-pupils on Facebook?', '6.2'],
    ['can SLT revoke approval for our account?', '3.4'],
    ['do we check the account over Christmas?', '4.3'],
    ['what has to go in the business case?', '3.2'],
    ['is WhatsApp classed as social media?', '2.1'],
    ['a Year 9 sent me a follow request, can I accept?', '6.1'],
  ])('"%s" is answered from clause %s', (question, clause) => {
    const answer = index.answer(question);
    expect(answer).toMatchObject({ answered: true, clause });
    expect(answer.alternates.length).toBeLessThanOrEqual(2);
  });

  test.each([
    "what's for lunch in the canteen?",
    'how much annual leave do I get?',
    'can staff park in the school car park?',
    'can I wear jeans on fridays?',
    'what is the sick pay policy?',
    'when is the school closed for christmas?',
    // Word matching finds "hours" in the reply-time rule, but coverage and words disagree on where.
    "what are the school's opening hours?",
  ])('"%s" is outside the policy, so the bot says it could not find it', (question) => {
    expect(index.answer(question).answered).toBe(false);
  });

  test('"very sure" declines what "fairly sure" only just answers, and still offers that section', () => {
    const question = "I'm leaving the school and I run the sports account, what happens to it?";
    expect(index.answer(question)).toMatchObject({ answered: true, clause: '4.6' });
    const careful = index.answer(question, 'very-sure');
    expect(careful.answered).toBe(false);
    expect(careful.suggestions.map((s) => s.sectionId)).toContain('4-setting-up-and-running-official-accounts');
    // A clear answer is given either way.
    expect(index.answer('can I accept a friend request from a pupil?', 'very-sure')).toMatchObject({
      answered: true,
      clause: '6.1',
    });
  });

  test('the answer quotes the policy exactly, with its heading and section', () => {
    const answer = index.answer('can I accept a friend request from a pupil?');
    expect(SAMPLE.replace(/\s+/g, ' ')).toContain(answer.passage);
    expect(answer.heading).toBe('6. Staff use of personal social media');
    expect(answer.sectionId).toBe('6-staff-use-of-personal-social-media');
  });
});

describe('prohibitions are never hidden, and declining still helps', () => {
  // A policy written for this test: a consent rule that talks most about photos, and a rule
  // forbidding personal posts of pupils' pictures that says less about them.
  const policy = buildPolicyIndex(
    parsePolicy(`# Online conduct

## 1. Pictures and video

1.1 Photographs and video of pupils on the school's own accounts need the written consent of their parents, recorded on the consent list before the photo or video is posted.

1.2 Staff must not upload pictures of pupils to their own personal accounts.

## 2. Replying to comments

2.1 Comments on the school's pages are answered within one working day.

## 3. Running an account

3.1 Each official account is run by two members of staff named by the senior leadership team.
`),
  );

  test('asked "can I", the rule forbidding it comes first, with the consent rule beside it', () => {
    const answer = policy.answer('Can I post photos of pupils from the school trip on my own Instagram?');
    expect(answer.answered).toBe(true);
    expect(answer.passage).toBe('Staff must not upload pictures of pupils to their own personal accounts.');
    expect(answer.modality).toBe('prohibition');
    expect(answer.alternates.map((a) => a.passage)).toContainEqual(expect.stringMatching(/^Photographs and video/));
  });

  test('asked "can I", the rule that binds the asker comes first, before a rule forbidding it to someone else', () => {
    const rules = buildPolicyIndex(
      parsePolicy(`# Online conduct

## 1. Staff

1.1 When using social media, staff must not: post about pupils; share school business; complain about colleagues, parents or the school; accept requests from pupils.

## 2. Parents and carers

2.1 Parents and carers must not complain about the school or staff on social media.
`),
    );
    const answer = rules.answer('Is it OK to complain about a parent on my Facebook?');
    expect(answer.clause).toBe('1.1');
    expect(answer.modality).toBe('prohibition');
  });

  test('asked how, not whether, the passage that answers best is kept first', () => {
    const answer = policy.answer('How do I record parental consent for photos?');
    expect(answer.passage).toMatch(/^Photographs and video/);
  });

  test('declining says nothing from the policy and offers up to three sections that may be related', () => {
    const answer = policy.answer('When is the staff car park locked?');
    expect(answer.answered).toBe(false);
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    expect(new Set(answer.suggestions.map((s) => s.sectionId)).size).toBe(answer.suggestions.length);
    for (const s of answer.suggestions) expect(s.score).toBeLessThan(0.45);
  });
});

describe('precision first: it answers only when it is sure, and shows both when two parts fit', () => {
  // A policy written for this test, where the words that frame a question also appear in
  // passages that do not answer it.
  const policy = buildPolicyIndex(
    parsePolicy(`# Staff online conduct

## 1. Who these rules are for

1.1 These rules apply to all staff, governors and volunteers, on school and personal accounts.

## 2. Bullying

2.1 Online bullying of a pupil is handled under the anti-bullying policy as well as under this policy.

## 3. Proposals for new accounts

3.1 A proposal for a new account states: its purpose, its audience and the two staff who will run it.

3.2 The head teacher approves or refuses each proposal, including one for a club's account.

## 4. Personal accounts

4.1 Staff keep their personal accounts private and do not name the school on them.

## 5. Passwords

5.1 Passwords for a school account are kept by the office and changed each term.

## 6. Closing accounts

6.1 An account nobody has posted on for a term is closed by the office.
`),
  );

  test('words that only frame a question are not ideas a passage has to mention', () => {
    const ideas = (q: string) => queryIdeas(q).ideas.map((idea) => idea.own);
    expect(ideas('What might parents be expected to do instead of posting?')).toEqual(['parent', 'post']);
    expect(ideas('Does this policy say whether each account must include a password?')).toEqual([
      'account',
      'must',
      'password',
    ]);
  });

  test('"this policy" frames a question about the rules themselves; it is not a topic to match', () => {
    // The bullying rule says "this policy" too, and used to be the answer.
    const answer = policy.answer('Do personal accounts count under this policy?');
    expect(answer.sectionId).toBe('1-who-these-rules-are-for');
    expect(policy.answer('Is a volunteer covered under this policy?')).toMatchObject({ answered: true, clause: '1.1' });
  });

  test('"include" asks what goes in something; a passage that happens to say "including" is not the answer', () => {
    expect(policy.answer('What should a proposal for a new account include?')).toMatchObject({
      answered: true,
      clause: '3.1',
    });
  });

  test('a question whose only idea is everywhere in the policy is too general to answer; it still offers sections', () => {
    const answer = policy.answer('What about my account?');
    expect(answer.answered).toBe(false);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  test('when another section scores nearly as well, both are offered as possible answers, the other one second', () => {
    const answer = policy.answer('What does the office do each term?');
    expect(answer).toMatchObject({ answered: true, closeCall: true });
    // Passwords (5.1) and closing accounts (6.1) both say what the office does each term.
    expect([answer.sectionId, answer.alternates[0]?.sectionId].sort()).toEqual(['5-passwords', '6-closing-accounts']);
  });

  test('a question about pupils is answered from the section for pupils, not the longer one for staff', () => {
    const sections = buildPolicyIndex(
      parsePolicy(`# Online conduct

## 1. Use of social media by staff

1.1 Staff must not raise a complaint about a pupil or teacher online.

## 2. Use of social media by pupils

2.1 Pupils who want to raise a complaint about a teacher should speak to their class teacher or the school office instead of posting about it online.
`),
    );
    expect(sections.answer('How should a pupil raise a complaint about a teacher?').clause).toBe('2.1');
  });
});
