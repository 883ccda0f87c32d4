import { questionFit } from '../../src/policy/question-fit.ts';
import type { Passage } from '../../src/policy/passages.ts';

const passage = (text: string, headingPath = ['Using social media']): Passage => ({
  id: 'p/1',
  sectionId: 'p',
  headingPath,
  text,
});

describe('how well a kind of passage fits the way a question is asked', () => {
  test('a "can I" question prefers a rule to a passage that only describes', () => {
    const fit = questionFit('Can I post photos of my class?');
    expect(fit(passage('Staff must not post photos of pupils on personal accounts.'), false)).toBeGreaterThan(
      fit(passage('Photos of pupils appear in the newsletter each term.'), false),
    );
  });

  test('a definition question prefers the definitions; any other question ranks them lower', () => {
    const definitions = passage('"Social media" means any app where people share posts.', ['Definitions']);
    const rule = passage('Staff keep their accounts private.', ['Staff accounts']);
    expect(questionFit('Is WhatsApp classed as social media?')(definitions, false)).toBeGreaterThan(1);
    expect(questionFit('Should my account be private?')(definitions, false)).toBeLessThan(
      questionFit('Should my account be private?')(rule, false),
    );
  });

  test('the opening section counts as a preamble, whatever it is called', () => {
    const opening = passage('This school values the good that social media can do.', ['Our school']);
    expect(questionFit('Can I use social media at work?')(opening, true)).toBeLessThan(1);
  });

  test('"who", "how often", "how long" and "when" questions want a person, a frequency, a duration or a time', () => {
    expect(questionFit('Who approves new accounts?')(passage('Accounts are approved in writing.'), false)).toBeLessThan(
      questionFit('Who approves new accounts?')(passage('The headteacher approves new accounts.'), false),
    );
    expect(questionFit('How often are accounts checked?')(passage('Accounts are checked daily.'), false)).toBe(1);
    expect(questionFit('How long are records kept?')(passage('Records are kept securely.'), false)).toBeLessThan(1);
    expect(
      questionFit('When is the school closed?')(passage('The account may be private and closed.'), false),
    ).toBeLessThan(1);
  });

  test('a first-person question ranks rules written for pupils or parents below rules for staff', () => {
    const fit = questionFit('Can I post pictures of pupils on my Instagram?');
    expect(fit(passage('Pupils should not use social media to post images of other pupils.'), false)).toBeLessThan(
      fit(passage('Staff must not post images of pupils.'), false),
    );
    const aboutPupils = questionFit('Can pupils post pictures of other pupils?');
    expect(
      aboutPupils(passage('Pupils should not use social media to post images of other pupils.'), false),
    ).toBeGreaterThan(1);
  });
});
