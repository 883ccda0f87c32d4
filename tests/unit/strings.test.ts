import { LANGUAGES, wordsFor } from '../../src/domain/strings.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the fixed words, by language', () => {
  const english = wordsFor('en-GB');

  test('a language without a word falls back to English, and values are filled in', () => {
    expect(wordsFor('cy')('page.cases.purpose')).toBe(english('page.cases.purpose'));
    expect(wordsFor('cy')('home.welcome', { name: 'Jordan' })).toBe('Croeso, Jordan');
    expect(wordsFor(undefined)('home.welcome', { name: 'Jordan' })).toBe('Welcome, Jordan');
  });

  test('Welsh covers the top-level words: every page title, the frame, and the bot’s welcome and help', () => {
    const welsh = wordsFor('cy');
    const pages = [
      'home',
      'policy',
      'my-reports',
      'my-applications',
      'my-training',
      'cases',
      'approvals',
      'accounts',
      'monitoring',
      'training-dashboard',
      'questions',
      'settings',
      'audit',
      'deliveries',
    ];
    const untranslated = [
      ...pages.map((p) => `page.${p}.title` as const),
      'app.name',
      'safeguarding.first',
      'bot.intro',
      'bot.helpTitle',
      'bot.command.report',
    ].filter((key) => welsh(key as Parameters<typeof welsh>[0]) === english(key as Parameters<typeof english>[0]));
    expect(untranslated).toEqual([]);
  });

  test('every translation keeps the placeholders of the English it translates', () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      const t = wordsFor(language);
      for (const key of ['home.welcome', 'bot.hello', 'bot.dsl', 'bot.introSchool'] as const) {
        if (placeholders(t(key)).join() !== placeholders(english(key)).join()) problems.push(`${language} ${key}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
