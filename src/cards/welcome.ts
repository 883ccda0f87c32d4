import { wordsFor, type Language } from '../domain/strings.ts';
import { adaptiveCard, heading, openUrl, paragraph, sendText, userText, type AdaptiveCard } from './elements.ts';

export interface WelcomeCardInput {
  /** The person's own name, as held in the directory or sent by Teams. */
  name?: string;
  /** The person's school, when the bot knows who they are. */
  schoolName?: string;
  hubUrl: string;
  dslName?: string;
  /** The school's language for the fixed words; English (UK) when not given. */
  language?: Language;
}

type Words = ReturnType<typeof wordsFor>;
const dslLine = (t: Words, dslName: string | undefined) => (dslName ? t('bot.dsl', { name: dslName }) : t('bot.noDsl'));

export function welcomeCard(input: WelcomeCardInput): AdaptiveCard {
  const t = wordsFor(input.language);
  return adaptiveCard(
    [
      heading(t('app.name')),
      ...(input.name ? [userText(t('bot.hello', { name: input.name }), { weight: 'Bolder' })] : []),
      paragraph(input.schoolName ? t('bot.introSchool', { school: input.schoolName }) : t('bot.intro')),
      paragraph(t('safeguarding.first'), { color: 'Attention', weight: 'Bolder' }),
      paragraph(dslLine(t, input.dslName), { isSubtle: true }),
    ],
    // The commands stay in English: they are what the bot understands.
    [sendText(t('bot.whatCanYouDo'), 'help'), openUrl(t('bot.openHub'), input.hubUrl)],
  );
}

export function helpCard(input: {
  hubUrl: string;
  dslName?: string;
  notUnderstood?: boolean;
  language?: Language;
}): AdaptiveCard {
  const t = wordsFor(input.language);
  return adaptiveCard(
    [
      heading(t('bot.helpTitle')),
      ...(input.notUnderstood ? [paragraph(t('bot.notUnderstood'))] : []),
      {
        type: 'FactSet',
        facts: [
          { title: 'report', value: t('bot.command.report') },
          { title: 'my reports', value: t('bot.command.myReports') },
          { title: 'check in', value: t('bot.command.checkIn') },
          { title: 'hub', value: t('bot.command.hub') },
          { title: 'help', value: t('bot.command.help') },
        ],
      },
      paragraph(t('bot.askAnything'), { isSubtle: true }),
      paragraph(t('safeguarding.first'), { color: 'Attention', weight: 'Bolder' }),
      paragraph(dslLine(t, input.dslName), { isSubtle: true }),
    ],
    [openUrl(t('bot.openHub'), input.hubUrl)],
  );
}
