import { APPLICATION_DECIDE_VERB, APPLICATION_REFRESH_VERB } from '../../src/cards/application-approval.ts';
import { CHECK_IN_VERB } from '../../src/cards/account-monitoring.ts';
import { ASK_SLT_VERB, POLICY_FEEDBACK_VERB } from '../../src/cards/policy-answer.ts';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { SLT_ANSWER_VERB } from '../../src/cards/slt-question.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { SIGNED_IN, type Actor, type Fixtures } from './fixtures.ts';

/**
 * Who may do what, as one table: every API route and every card verb, with the people allowed
 * and what everyone else is answered. The suite (access.test.ts) finds the routes on the running
 * server and the verbs in the bot's own table, so a route or verb missing here fails it.
 *
 * For a route, `refused` is what someone not allowed gets: 404 wherever a 403 would tell them the
 * record exists (and the suite checks it is the very answer a made-up id gets), 403 only for a
 * refusal that depends on the caller's role alone. `forbidden` lists people who may see the
 * record but not do this to it, so a 403 tells them nothing new; `hidden` lists people refused
 * with a 404 on a route that otherwise answers 403.
 */
export interface Probe {
  about: string;
  params?: (f: Fixtures) => Record<string, string>;
  query?: (f: Fixtures) => Record<string, string>;
  body?: (f: Fixtures) => Record<string, unknown>;
  allowed: readonly Actor[];
  refused?: 403 | 404;
  forbidden?: readonly Actor[];
  /** People refused with 404 where the rest get 403: they hold the role, but not where the record is. */
  hidden?: readonly Actor[];
  /** Record ids an allowed person's answer must never contain. */
  hides?: { from: readonly Actor[]; ids: (f: Fixtures) => string[] };
  /** The first allowed person's request may remove the record, so later ones may get a 404. */
  consumes?: boolean;
}

export type RouteRule = Probe[] | 'public' | 'bot' | 'page';

const OAK = ['staff', 'subject', 'head', 'chair', 'dsl', 'hr', 'admin'] as const satisfies readonly Actor[];
const OTHER_SCHOOL = ['otherSlt', 'otherDsl', 'otherAdmin'] as const satisfies readonly Actor[];
const EVERYONE = SIGNED_IN;
const SLT: readonly Actor[] = ['subject', 'head', 'otherSlt'];
const OAK_SLT: readonly Actor[] = ['subject', 'head'];
const OVERSEERS: readonly Actor[] = ['hr', 'subject', 'head', 'otherSlt'];
const OAK_OVERSEERS: readonly Actor[] = ['hr', 'subject', 'head'];
/** The case's readers: the school's DSLs and senior leaders, never the adult a concern is about. */
const CASE_READERS: readonly Actor[] = ['dsl', 'subject', 'head'];
const CONCERN_READERS: readonly Actor[] = ['head', 'chair'];
const MONITORS: readonly Actor[] = ['staff', 'admin'];
const OAK_NOT: (...allowed: Actor[]) => Actor[] = (...allowed) => OAK.filter((a) => !allowed.includes(a));
const school = { schoolId: 'school-oakfield' };
const bad = { etag: 'stale-etag' };

const caseProbes = (extra: Partial<Probe> = {}): Probe[] => [
  { about: 'a colleague’s safeguarding case', params: (f) => ({ id: f.case }), allowed: CASE_READERS, ...extra },
  { about: 'a conduct concern about a senior leader', params: (f) => ({ id: f.concern }), allowed: CONCERN_READERS },
];

export const ROUTE_ACCESS: Record<string, RouteRule> = {
  'GET /healthz': 'page',
  'GET /readyz': 'page',
  'GET /': 'page',
  'GET /tab': 'page',
  'GET /tab/*': 'page',
  'GET /tab/assets/*': 'page',
  'POST /api/messages': 'bot',
  'GET /api/v1/sign-in-config': 'public',
  'GET /api/v1/dev/personas': 'public',
  'POST /api/v1/dev/sign-in': 'public',

  'GET /api/v1/me': [{ about: 'who am I', allowed: EVERYONE }],
  'GET /api/v1/people': [
    { about: 'my school’s directory', allowed: EVERYONE },
    { about: 'another school’s directory', query: () => school, allowed: OAK, refused: 403 },
  ],
  'GET /api/v1/policy': [{ about: 'my school’s policy', allowed: EVERYONE }],
  'GET /api/v1/policy/search': [{ about: 'searching the policy', query: () => ({ q: 'photos' }), allowed: EVERYONE }],
  // An unreadable file type, so those allowed get a 400 after the role check and nothing is published.
  'POST /api/v1/policy/versions': [
    { about: 'publishing a policy', body: () => ({ fileName: 'policy.xyz' }), allowed: SLT, refused: 403 },
  ],
  // Anyone may confirm; another school's version is a 409 naming their own current one.
  'POST /api/v1/policy/acknowledgements': [
    { about: 'confirming the policy', body: (f) => ({ versionId: f.policyVersion }), allowed: EVERYONE },
  ],

  'GET /api/v1/cases': [
    {
      about: 'the case list',
      allowed: EVERYONE,
      hides: { from: ['staff', 'chair', 'hr', 'admin', ...OTHER_SCHOOL], ids: (f) => [f.case] },
    },
    {
      about: 'the case list, for the concern’s subject and the DSL',
      allowed: EVERYONE,
      hides: { from: ['subject', 'dsl', 'staff', 'hr', 'admin', ...OTHER_SCHOOL], ids: (f) => [f.concern] },
    },
  ],
  'GET /api/v1/cases/:id': caseProbes(),
  'POST /api/v1/cases/:id/actions': [
    {
      about: 'recording an action on a safeguarding case',
      params: (f) => ({ id: f.case }),
      body: () => ({ ...bad, action: { kind: 'assessment', text: 'Spoke to the pupil.' } }),
      allowed: ['dsl'],
      forbidden: ['subject', 'head'],
    },
    {
      about: 'recording an action on a conduct concern',
      params: (f) => ({ id: f.concern }),
      body: () => ({ ...bad, action: { kind: 'assessment', text: 'Spoke to the adult.' } }),
      allowed: CONCERN_READERS,
    },
  ],
  'GET /api/v1/cases/:id/files/:fileId': [
    { about: 'a case’s screenshot', params: (f) => ({ id: f.case, fileId: f.file }), allowed: CASE_READERS },
    { about: 'that screenshot through the concern', params: (f) => ({ id: f.concern, fileId: f.file }), allowed: [] },
  ],
  'GET /api/v1/cases/:id/export': caseProbes(),
  'GET /api/v1/my-reports': [
    { about: 'my own reports', allowed: EVERYONE, hides: { from: OAK_NOT('staff'), ids: (f) => [f.case, f.concern] } },
  ],

  'GET /api/v1/schools/:id/approvals': [
    { about: 'approval settings', params: () => ({ id: 'school-oakfield' }), allowed: OAK_SLT, refused: 403 },
  ],
  'PUT /api/v1/schools/:id/approvals': [
    { about: 'changing approval settings', params: () => ({ id: 'school-oakfield' }), allowed: OAK_SLT, refused: 403 },
  ],
  'GET /api/v1/schools/:id/training': [
    { about: 'training settings', params: () => ({ id: 'school-oakfield' }), allowed: OAK_OVERSEERS, refused: 403 },
  ],
  'PUT /api/v1/schools/:id/training': [
    {
      about: 'changing training settings',
      params: () => ({ id: 'school-oakfield' }),
      body: () => ({ dueSoonDays: 30, graceDays: 30 }),
      allowed: OAK_OVERSEERS,
      refused: 403,
    },
  ],
  'GET /api/v1/schools/:id/monitoring': [
    {
      about: 'monitoring settings',
      params: () => ({ id: 'school-oakfield' }),
      allowed: [...OAK_SLT, 'admin'],
      refused: 403,
    },
  ],
  'PUT /api/v1/schools/:id/monitoring': [
    {
      about: 'changing monitoring settings',
      params: () => ({ id: 'school-oakfield' }),
      body: () => ({ reminderTime: '16:00', escalateUncheckedAfterDays: 2, closures: [] }),
      allowed: [...OAK_SLT, 'admin'],
      refused: 403,
    },
  ],
  'GET /api/v1/schools/:id/escalation': [
    { about: 'chasing intervals', params: () => ({ id: 'school-oakfield' }), allowed: OAK_SLT, refused: 403 },
  ],
  'PUT /api/v1/schools/:id/escalation': [
    {
      about: 'changing chasing intervals',
      params: () => ({ id: 'school-oakfield' }),
      body: () => ({
        deputiesAfterMinutes: 120,
        headteacherAfterMinutes: 480,
        urgentDeputiesAfterMinutes: 15,
        urgentHeadteacherAfterMinutes: 30,
      }),
      allowed: OAK_SLT,
      refused: 403,
    },
  ],

  'GET /api/v1/schools/:id/slt-team': [
    { about: 'the SLT team', params: () => ({ id: 'school-oakfield' }), allowed: OAK_SLT, refused: 403 },
  ],
  'PUT /api/v1/schools/:id/slt-team': [
    {
      about: 'naming the SLT team',
      params: () => ({ id: 'school-oakfield' }),
      body: () => ({ teamId: null }),
      allowed: OAK_SLT,
      refused: 403,
    },
  ],
  'GET /api/v1/schools/:id/language': [
    { about: 'the school’s language', params: () => ({ id: 'school-oakfield' }), allowed: OAK_SLT, refused: 403 },
  ],
  'PUT /api/v1/schools/:id/language': [
    {
      about: 'choosing the school’s language',
      params: () => ({ id: 'school-oakfield' }),
      body: () => ({ language: 'en-GB' }),
      allowed: OAK_SLT,
      refused: 403,
    },
  ],
  'GET /api/v1/schools/:id/policy-answers': [
    {
      about: 'how sure the bot must be',
      params: () => ({ id: 'school-oakfield' }),
      allowed: OAK_SLT,
      refused: 403,
    },
  ],
  'PUT /api/v1/schools/:id/policy-answers': [
    {
      about: 'choosing how sure the bot must be',
      params: () => ({ id: 'school-oakfield' }),
      body: () => ({ certainty: 'fairly-sure' }),
      allowed: OAK_SLT,
      refused: 403,
    },
  ],
  'GET /api/v1/schools/:id/concern-readers': [
    {
      about: 'who reads concerns about adults',
      params: () => ({ id: 'school-oakfield' }),
      allowed: OAK_SLT,
      refused: 403,
    },
  ],
  'PUT /api/v1/schools/:id/concern-readers': [
    {
      about: 'naming who reads concerns about adults',
      params: () => ({ id: 'school-oakfield' }),
      body: () => ({ headteacherId: 'person-oak-head', chairOfGovernorsId: 'person-oak-chair' }),
      allowed: OAK_SLT,
      refused: 403,
    },
  ],
  'GET /api/v1/questions': [{ about: 'staff questions', query: () => school, allowed: OAK_SLT, refused: 403 }],
  'PUT /api/v1/questions/:id/pointer': [
    {
      about: 'pointing a question to the policy',
      params: (f) => ({ id: f.question }),
      body: (f) => ({ passageId: f.passage }),
      allowed: OAK_SLT,
    },
  ],
  'DELETE /api/v1/questions/:id/pointer': [
    { about: 'taking a pointer back', params: (f) => ({ id: f.question }), allowed: OAK_SLT, consumes: true },
  ],

  'GET /api/v1/applications/mine': [
    { about: 'my applications', allowed: EVERYONE, hides: { from: OAK_NOT('staff'), ids: (f) => [f.draft] } },
  ],
  'POST /api/v1/applications': [{ about: 'starting an application', allowed: EVERYONE }],
  'PUT /api/v1/applications/:id': [
    {
      about: 'editing a colleague’s draft',
      params: (f) => ({ id: f.draft }),
      body: () => ({ ...bad, fields: {} }),
      allowed: ['staff'],
    },
  ],
  'POST /api/v1/applications/:id/submit': [
    { about: 'submitting a draft', params: (f) => ({ id: f.draft }), body: () => bad, allowed: ['staff'] },
  ],
  'POST /api/v1/applications/:id/withdraw': [
    { about: 'withdrawing an application', params: (f) => ({ id: f.submitted }), body: () => bad, allowed: ['staff'] },
  ],
  'GET /api/v1/applications/pending': [
    {
      about: 'applications waiting for SLT',
      allowed: SLT,
      refused: 403,
      hides: { from: ['otherSlt'], ids: (f) => [f.submitted, f.toDecide] },
    },
  ],
  'POST /api/v1/applications/:id/decision': [
    {
      about: 'deciding an application',
      params: (f) => ({ id: f.toDecide }),
      body: () => ({ decision: 'request-changes', comment: 'Please name a second moderator.' }),
      allowed: OAK_SLT,
    },
  ],
  'GET /api/v1/applications/readiness': [
    {
      about: 'looking up colleagues’ training',
      query: () => ({ ids: 'person-demo-staff,person-oak-deputy-dsl' }),
      allowed: ['subject', 'head', 'admin', 'otherSlt', 'otherAdmin'],
      refused: 403,
    },
  ],
  'GET /api/v1/applications/:id/readiness': [
    {
      about: 'the runners of an application',
      params: (f) => ({ id: f.draft }),
      allowed: ['staff', 'subject', 'head', 'admin'],
    },
  ],

  'GET /api/v1/accounts': [
    {
      about: 'the account register',
      allowed: EVERYONE,
      hides: { from: OTHER_SCHOOL, ids: (f) => [f.account, f.spareAccount] },
    },
  ],
  'GET /api/v1/accounts/tasks': [
    {
      about: 'accounts to create',
      allowed: EVERYONE,
      hides: { from: EVERYONE.filter((a) => a !== 'admin'), ids: (f) => [f.approved] },
    },
  ],
  'POST /api/v1/accounts': [
    {
      about: 'recording an approved account',
      body: (f) => ({
        applicationId: f.approved,
        handle: '@OakfieldArt',
        url: 'https://x.com/oakfieldart',
        leadId: 'person-demo-staff',
        moderatorIds: ['person-demo-staff'],
        credential: { username: 'art', password: 'Secret-42' },
      }),
      allowed: ['admin'],
    },
  ],
  'POST /api/v1/accounts/:id/credential/reveal': [
    { about: 'revealing an account’s sign-in', params: (f) => ({ id: f.account }), allowed: ['staff', 'admin'] },
  ],
  'PUT /api/v1/accounts/:id/credential': [
    {
      about: 'replacing an account’s sign-in',
      params: (f) => ({ id: f.account }),
      body: () => bad,
      allowed: ['admin'],
      forbidden: OAK_NOT('admin'),
    },
  ],
  'POST /api/v1/accounts/:id/transfer': [
    {
      about: 'handing an account over',
      params: (f) => ({ id: f.spareAccount }),
      body: () => ({ ...bad, leadId: 'person-demo-staff', moderatorIds: ['person-demo-staff'] }),
      allowed: ['admin'],
      forbidden: OAK_NOT('admin'),
    },
  ],
  'POST /api/v1/accounts/:id/close': [
    {
      about: 'closing an account',
      params: (f) => ({ id: f.spareAccount }),
      body: () => ({ ...bad, reason: 'The club has ended' }),
      allowed: ['admin'],
      forbidden: OAK_NOT('admin'),
    },
  ],
  'POST /api/v1/accounts/:id/reviews': [
    {
      about: 'reviewing an account',
      params: (f) => ({ id: f.spareAccount }),
      body: () => bad,
      allowed: OAK_SLT,
      forbidden: OAK_NOT(...OAK_SLT),
    },
  ],
  'PUT /api/v1/accounts/:id/rota': [
    {
      about: 'an account’s holiday rota',
      params: (f) => ({ id: f.account }),
      body: () => ({ ...bad, rota: [] }),
      allowed: MONITORS,
    },
  ],
  'GET /api/v1/monitoring': [
    { about: 'account monitoring', allowed: EVERYONE, hides: { from: OTHER_SCHOOL, ids: (f) => [f.account] } },
  ],
  'POST /api/v1/accounts/:id/check-ins': [
    { about: 'checking in on an account', params: (f) => ({ id: f.account }), allowed: MONITORS },
  ],
  'POST /api/v1/accounts/:id/reply-items': [
    { about: 'logging a comment to reply to', params: (f) => ({ id: f.account }), allowed: MONITORS },
  ],
  'POST /api/v1/reply-items/:id/replied': [
    { about: 'marking a reply done', params: (f) => ({ id: f.replyItem }), allowed: MONITORS, consumes: true },
  ],

  'GET /api/v1/training/mine': [{ about: 'my training', allowed: EVERYONE }],
  'POST /api/v1/training/declarations': [
    { about: 'declaring my own training', body: () => ({ courseId: 'course-policy' }), allowed: EVERYONE },
  ],
  'GET /api/v1/training/declarations': [
    {
      about: 'declarations waiting for HR',
      allowed: OVERSEERS,
      refused: 403,
      hides: { from: ['otherSlt'], ids: (f) => [f.declaration] },
    },
  ],
  'POST /api/v1/training/declarations/:id/review': [
    {
      about: 'checking a colleague’s declaration',
      params: (f) => ({ id: f.declaration }),
      body: () => bad,
      allowed: OAK_OVERSEERS,
    },
  ],
  'POST /api/v1/training/records': [
    {
      about: 'recording a colleague’s completion',
      body: (f) => ({ personId: f.colleague, courseId: 'course-policy' }),
      allowed: OAK_OVERSEERS,
      refused: 403,
      hidden: ['otherSlt'],
    },
  ],
  'GET /api/v1/training/dashboard': [{ about: 'the training dashboard', allowed: OVERSEERS, refused: 403 }],
  'GET /api/v1/training/export.csv': [{ about: 'the training export', allowed: OVERSEERS, refused: 403 }],
  'GET /api/v1/training/export.xlsx': [{ about: 'the training export', allowed: OVERSEERS, refused: 403 }],
  'POST /api/v1/training/imports/preview': [
    {
      about: 'previewing a completions import',
      body: () => ({ ...school, csv: 'email\n' }),
      allowed: OAK_OVERSEERS,
      refused: 403,
    },
  ],
  'POST /api/v1/training/imports': [
    {
      about: 'importing completions',
      body: () => ({ ...school, csv: 'email\n' }),
      allowed: OAK_OVERSEERS,
      refused: 403,
    },
  ],
  'GET /api/v1/training/courses': [{ about: 'managing courses', allowed: OVERSEERS, refused: 403 }],
  'POST /api/v1/training/courses': [
    {
      about: 'adding a course at a school',
      body: () => ({ ...school, title: 'Security suite course' }),
      allowed: OAK_OVERSEERS,
      refused: 403,
    },
  ],
  'PUT /api/v1/training/courses/:id': [
    {
      about: 'changing a trust-wide course',
      params: () => ({ id: 'course-policy' }),
      body: () => ({ ...bad, title: 'Reading the policy' }),
      allowed: ['hr'],
      forbidden: ['subject', 'head', 'otherSlt'],
    },
  ],
  'POST /api/v1/training/reminders': [
    {
      about: 'reminding the overdue',
      body: () => ({ ...school, personIds: [] }),
      allowed: OAK_OVERSEERS,
      refused: 403,
    },
  ],
  'POST /api/v1/directory/imports/preview': [
    {
      about: 'previewing a staff list',
      body: () => ({ ...school, csv: 'email\n' }),
      allowed: OAK_OVERSEERS,
      refused: 403,
    },
  ],
  'POST /api/v1/directory/imports': [
    {
      about: 'importing a staff list',
      body: () => ({ ...school, csv: 'email\n' }),
      allowed: OAK_OVERSEERS,
      refused: 403,
    },
  ],
  'PUT /api/v1/people/:id/leaving': [
    {
      about: 'a colleague’s leaving date',
      params: (f) => ({ id: f.colleague }),
      body: () => ({ leavingOn: null }),
      allowed: OAK_OVERSEERS,
    },
  ],

  'GET /api/v1/my-alerts': [
    {
      about: 'my own alerts',
      allowed: EVERYONE,
      hides: { from: EVERYONE.filter((a) => !CONCERN_READERS.includes(a)), ids: (f) => [f.concern] },
    },
    {
      about: 'my own alerts, for those who do not read the safeguarding case',
      allowed: EVERYONE,
      hides: { from: EVERYONE.filter((a) => !CASE_READERS.includes(a)), ids: (f) => [f.case] },
    },
  ],
  'GET /api/v1/deliveries': [
    {
      about: 'undelivered messages',
      allowed: ['subject', 'head', 'dsl', 'admin', ...OTHER_SCHOOL],
      refused: 403,
      hides: { from: ['subject', 'dsl', 'admin', ...OTHER_SCHOOL], ids: (f) => [f.concernAlert] },
    },
    {
      about: 'undelivered messages about a safeguarding case',
      allowed: ['subject', 'head', 'dsl', 'admin', ...OTHER_SCHOOL],
      refused: 403,
      hides: { from: ['admin', ...OTHER_SCHOOL], ids: (f) => [f.caseAlert] },
    },
  ],
  'POST /api/v1/deliveries/:id/retry': [
    { about: 'retrying an alert about a case', params: (f) => ({ id: f.caseAlert }), allowed: [...OAK_SLT, 'dsl'] },
    { about: 'retrying an alert about a concern', params: (f) => ({ id: f.concernAlert }), allowed: ['head'] },
  ],
  'GET /api/v1/audit': [
    {
      about: 'the audit log',
      allowed: ['subject', 'head', 'dsl', 'hr', 'admin', 'otherSlt', 'otherDsl', 'otherAdmin'],
      refused: 403,
      hides: { from: ['subject', 'dsl', 'hr', 'admin', ...OTHER_SCHOOL], ids: (f) => [f.concern] },
    },
    {
      about: 'the audit log, for those who may not read the safeguarding case',
      allowed: ['subject', 'head', 'dsl', 'hr', 'admin', 'otherSlt', 'otherDsl', 'otherAdmin'],
      refused: 403,
      hides: { from: ['hr', 'admin', ...OTHER_SCHOOL], ids: (f) => [f.case] },
    },
  ],
  'GET /api/v1/audit/export.csv': [
    {
      about: 'the audit export',
      allowed: ['subject', 'head', 'dsl', 'hr', 'admin', 'otherSlt', 'otherDsl', 'otherAdmin'],
      refused: 403,
      hides: { from: ['subject', 'dsl', 'hr', 'admin', ...OTHER_SCHOOL], ids: (f) => [f.concern] },
    },
  ],
};

/** A card verb: what its card carries, who may press it, and how the card says no to anyone else. */
export interface VerbRule {
  about: string;
  data: (f: Fixtures) => Record<string, unknown>;
  allowed: readonly Actor[];
  /** The refusal, as the card shows it; everyone not allowed must see exactly this. */
  refusal: RegExp;
}

export const VERB_ACCESS: Record<string, VerbRule> = {
  [REPORT_SUBMIT_VERB]: {
    about: 'sending a report',
    data: () => friendRequestForm(),
    allowed: EVERYONE,
    refusal: /Your report was not saved/,
  },
  [POLICY_FEEDBACK_VERB]: {
    about: 'feedback on someone’s answer',
    data: (f) => ({ questionId: f.question, helpful: true }),
    allowed: ['staff'],
    refusal: /This button is no longer available/,
  },
  [ASK_SLT_VERB]: {
    about: 'sending someone’s question to SLT',
    data: (f) => ({ questionId: f.question }),
    allowed: ['staff'],
    refusal: /This button is no longer available/,
  },
  [SLT_ANSWER_VERB]: {
    about: 'answering a staff question',
    data: (f) => ({ questionId: f.question, answer: '' }),
    allowed: OAK_SLT,
    refusal: /Only the senior leadership team of the question’s school can answer it/,
  },
  [CHECK_IN_VERB]: {
    about: 'checking in on an account',
    data: (f) => ({ accountId: f.account, outcome: '' }),
    allowed: MONITORS,
    refusal: /This account is not available/,
  },
  [APPLICATION_DECIDE_VERB]: {
    about: 'deciding an application from its card',
    // Asking for changes without saying what: leaders get the form back, everyone else a refusal.
    data: (f) => ({ applicationId: f.submitted, decision: 'request-changes', comment: '' }),
    allowed: OAK_SLT,
    refusal: /Only the senior leadership team|not available/,
  },
  [APPLICATION_REFRESH_VERB]: {
    about: 'refreshing an application’s card',
    data: (f) => ({ applicationId: f.submitted }),
    allowed: [...OAK_SLT, 'admin'],
    refusal: /This application is not available/,
  },
};
