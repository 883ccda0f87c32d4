/**
 * The fixed words of the tab's frame and pages and of the bot's welcome and help, by language.
 * English (UK) is complete and the default; another language gives what it has translated and
 * falls back to English for the rest, so adding a language is adding a table here. A school
 * chooses its language in School settings. The Welsh is a first draft for a Welsh speaker to review.
 */
export const LANGUAGES = ['en-GB', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { 'en-GB': 'English (UK)', cy: 'Cymraeg (Welsh)' };

const EN = {
  'app.name': 'Social Media Policy Hub',
  'shell.signedInAs': 'Signed in as',
  'shell.switchPerson': 'Switch person',
  'home.welcome': 'Welcome, {name}',
  'home.yourPages': 'Your pages',
  'safeguarding.first':
    'If a child may be at risk of harm, speak to your designated safeguarding lead now. If a life is at risk, call 999 first.',
  'page.home.title': 'Home',
  'page.home.purpose': 'Your tasks and what needs your attention.',
  'page.policy.title': 'Policy',
  'page.policy.purpose': "Read the school's social media policy and confirm you have read it.",
  'page.my-reports.title': 'My reports',
  'page.my-reports.purpose': 'Follow the incidents you have reported and see when a safeguarding lead has read them.',
  'page.my-applications.title': 'My applications',
  'page.my-applications.purpose': 'Apply for an official school account and follow its approval.',
  'page.my-training.title': 'My training',
  'page.my-training.purpose': 'Your courses: completed, due soon and overdue.',
  'page.cases.title': 'Safeguarding cases',
  'page.cases.purpose': 'Triage reported incidents, record actions and referrals, and close cases with an outcome.',
  'page.approvals.title': 'Account approvals',
  'page.approvals.purpose': 'Decide on applications for official accounts.',
  'page.accounts.title': 'Official accounts',
  'page.accounts.purpose': 'Every official account, its lead and moderators; administrators record new ones here.',
  'page.monitoring.title': 'Account monitoring',
  'page.monitoring.purpose': 'Check the official accounts you moderate, and reply to comments in time.',
  'page.training-dashboard.title': 'Training dashboard',
  'page.training-dashboard.purpose': 'Training and policy acknowledgement across the trust, and who to chase.',
  'page.questions.title': 'Policy questions',
  'page.questions.purpose': 'Questions the policy did not answer, waiting for SLT.',
  'page.settings.title': 'School settings',
  'page.settings.purpose': 'How applications are decided and how unread reports are chased.',
  'page.audit.title': 'Audit log',
  'page.audit.purpose':
    'Who did what and when to the records you may read, including every read of safeguarding detail.',
  'page.deliveries.title': 'Undelivered messages',
  'page.deliveries.purpose': 'Alerts and cards that have not reached their person yet, and why.',
  'bot.hello': 'Hello {name}',
  'bot.intro':
    "I help you follow the school's social media policy. Tell me about something that happened online, such as a friend request from a pupil, and I will help you report it to your safeguarding lead.",
  'bot.introSchool':
    "I help you follow {school}'s social media policy. Tell me about something that happened online, such as a friend request from a pupil, and I will help you report it to your safeguarding lead.",
  'bot.dsl': 'Your designated safeguarding lead is {name}.',
  'bot.noDsl': 'Your school office can tell you who your designated safeguarding lead is.',
  'bot.whatCanYouDo': 'What can you do?',
  'bot.openHub': 'Open the hub',
  'bot.helpTitle': 'How I can help',
  'bot.notUnderstood': "Sorry, I didn't understand that. Here is what I can do.",
  'bot.command.report': 'Report something, or just tell me what happened',
  'bot.command.myReports': 'See the status of the reports you have made',
  'bot.command.checkIn': 'Record your daily check of an official account you moderate',
  'bot.command.hub': 'Open the Social Media Policy Hub tab',
  'bot.command.help': 'Show this card',
  'bot.askAnything': 'Ask me anything about the social media policy, in your own words, and I will answer from it.',
} as const;

export type StringKey = keyof typeof EN;

const CY: Partial<Record<StringKey, string>> = {
  'app.name': 'Hyb Polisi Cyfryngau Cymdeithasol',
  'shell.signedInAs': 'Wedi mewngofnodi fel',
  'shell.switchPerson': 'Newid person',
  'home.welcome': 'Croeso, {name}',
  'home.yourPages': 'Eich tudalennau',
  'safeguarding.first':
    "Os gallai plentyn fod mewn perygl o niwed, siaradwch â'ch person diogelu dynodedig nawr. Os yw bywyd mewn perygl, ffoniwch 999 yn gyntaf.",
  'page.home.title': 'Hafan',
  'page.home.purpose': "Eich tasgau a'r hyn sydd angen eich sylw.",
  'page.policy.title': 'Polisi',
  'page.policy.purpose': "Darllenwch bolisi cyfryngau cymdeithasol yr ysgol a chadarnhewch eich bod wedi'i ddarllen.",
  'page.my-reports.title': 'Fy adroddiadau',
  'page.my-reports.purpose':
    "Dilynwch y digwyddiadau rydych wedi rhoi gwybod amdanynt, a gweld pryd mae person diogelu wedi'u darllen.",
  'page.my-applications.title': 'Fy ngheisiadau',
  'page.my-applications.purpose': "Gwnewch gais am gyfrif swyddogol i'r ysgol a dilyn ei gymeradwyo.",
  'page.my-training.title': 'Fy hyfforddiant',
  'page.my-training.purpose': 'Eich cyrsiau: wedi’u cwblhau, yn ddyledus cyn hir, a thros amser.',
  'page.cases.title': 'Achosion diogelu',
  'page.approvals.title': 'Cymeradwyo cyfrifon',
  'page.accounts.title': 'Cyfrifon swyddogol',
  'page.monitoring.title': 'Monitro cyfrifon',
  'page.training-dashboard.title': 'Dangosfwrdd hyfforddiant',
  'page.questions.title': 'Cwestiynau am y polisi',
  'page.settings.title': "Gosodiadau'r ysgol",
  'page.audit.title': 'Log archwilio',
  'page.deliveries.title': 'Negeseuon heb eu cyflwyno',
  'bot.hello': 'Helo {name}',
  'bot.intro':
    "Rwy'n eich helpu i ddilyn polisi cyfryngau cymdeithasol yr ysgol. Dywedwch wrthyf am rywbeth a ddigwyddodd ar-lein, fel cais ffrind gan ddisgybl, a byddaf yn eich helpu i roi gwybod i'ch person diogelu.",
  'bot.introSchool':
    "Rwy'n eich helpu i ddilyn polisi cyfryngau cymdeithasol {school}. Dywedwch wrthyf am rywbeth a ddigwyddodd ar-lein, fel cais ffrind gan ddisgybl, a byddaf yn eich helpu i roi gwybod i'ch person diogelu.",
  'bot.dsl': 'Eich person diogelu dynodedig yw {name}.',
  'bot.noDsl': "Gall swyddfa'r ysgol ddweud wrthych pwy yw eich person diogelu dynodedig.",
  'bot.whatCanYouDo': 'Beth allwch chi ei wneud?',
  'bot.openHub': 'Agor yr hyb',
  'bot.helpTitle': 'Sut gallaf helpu',
  'bot.notUnderstood': "Mae'n ddrwg gen i, doeddwn i ddim yn deall hynny. Dyma beth allaf ei wneud.",
  'bot.command.report': 'Rhoi gwybod am rywbeth, neu dim ond dweud wrthyf beth ddigwyddodd',
  'bot.command.myReports': "Gweld statws yr adroddiadau rydych wedi'u gwneud",
  'bot.command.checkIn': 'Cofnodi eich gwiriad dyddiol o gyfrif swyddogol rydych yn ei gymedroli',
  'bot.command.hub': 'Agor tab yr Hyb',
  'bot.command.help': 'Dangos y cerdyn hwn',
  'bot.askAnything':
    'Gofynnwch unrhyw beth i mi am y polisi cyfryngau cymdeithasol, yn eich geiriau eich hun, a byddaf yn ateb ohono.',
};

const TABLES: Record<Language, Partial<Record<StringKey, string>>> = { 'en-GB': EN, cy: CY };

/** The words for a language, with {name}-style values filled in; English where it has no translation. */
export function wordsFor(language: Language | undefined): (key: StringKey, values?: Record<string, string>) => string {
  const table = TABLES[language ?? 'en-GB'];
  return (key, values = {}) =>
    (table[key] ?? EN[key]).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** How much of a language is translated: for the settings page, so a school knows what to expect. */
export const translatedShare = (language: Language) => Object.keys(TABLES[language]).length / Object.keys(EN).length;
