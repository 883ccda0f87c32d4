import { adaptiveCardProblems } from '../helpers/cards.ts';
import { checkInCard, CHECK_IN_VERB } from '../../src/cards/account-monitoring.ts';
import {
  APPLICATION_DECIDE_VERB,
  applicationApprovalCard,
  applicationDecidedCard,
  type ApprovalCardInput,
} from '../../src/cards/application-approval.ts';
import { closedNoticeCard, incidentAlertCard, readReceiptCard } from '../../src/cards/incident-alert.ts';
import { ASK_SLT_VERB, POLICY_FEEDBACK_VERB, policyAnswerCard } from '../../src/cards/policy-answer.ts';
import { REPORT_SUBMIT_VERB, reportFormCard } from '../../src/cards/report-form.ts';
import { SLT_ANSWER_VERB, sltQuestionCard } from '../../src/cards/slt-question.ts';
import { helpCard, welcomeCard } from '../../src/cards/welcome.ts';
import { cardText } from '../helpers/bot.ts';
import { SAMPLE_ALERT } from '../helpers/fixtures.ts';

/**
 * What each card says and which buttons it offers to whom: the person pressing is checked on the
 * server, but a card that shows a leader's buttons to everyone, or loses the safeguarding line, is
 * still wrong. (tests/unit/cards.test.ts checks they are valid Adaptive Cards 1.5.)
 */
type Node = Record<string, unknown>;

/** Every node of a card that `pick` names, depth first (the refresh action is not a button). */
function collect(card: unknown, pick: (node: Node) => string | undefined): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const picked = pick(node as Node);
    if (picked !== undefined) out.push(picked);
    for (const [key, value] of Object.entries(node)) if (key !== 'refresh') walk(value);
  };
  walk(card);
  return out;
}

/** Every button on a card, those inside a ShowCard too, as "title -> verb or url". */
const buttons = (card: unknown) =>
  collect(card, (n) => {
    if (typeof n.type !== 'string' || !n.type.startsWith('Action.')) return undefined;
    const data = (n.data ?? {}) as Node;
    const target = n.verb ? `${String(n.verb)}${data.decision ? `:${String(data.decision)}` : ''}` : (n.url ?? 'card');
    return `${String(n.title)} -> ${String(target)}`;
  });

/** The ids of every input a person can fill in. */
const inputs = (card: unknown) =>
  collect(card, (n) => (typeof n.type === 'string' && n.type.startsWith('Input.') ? String(n.id) : undefined));

describe('the SLT approval card', () => {
  const base: ApprovalCardInput = {
    applicationId: 'app-1',
    applicantName: 'Jordan Ellery',
    accountName: 'Oakfield Eco Club',
    platform: 'Instagram',
    aim: 'Share the eco club’s work',
    audience: 'Parents',
    promotion: 'Newsletter',
    visibility: 'Open',
    runners: [
      { name: 'Jordan Ellery', ready: true, gaps: [] },
      { name: 'Rowan Achebe', ready: false, gaps: ['has not read the policy'] },
    ],
    volunteers: [],
    status: 'Waiting for a decision',
    approvalsSoFar: [],
    approvalsNeeded: 1,
    canDecide: true,
    deciderIds: ['8:orgid:a', '8:orgid:b'],
    gate: 'block',
    colleagues: [{ id: 'person-head', name: 'Harriet Osei' }],
  };

  test('a leader who may decide sees the case, who is not ready, a comment box and the four decisions', () => {
    const card = applicationApprovalCard(base);
    const text = cardText(card);
    expect(text).toContain('Account application: Oakfield Eco Club');
    expect(text).toContain('Rowan Achebe: has not read the policy');
    expect(text).toContain('It cannot be approved until every runner is trained and has read the policy.');
    expect(inputs(card)).toEqual(['comment', 'reassignTo']);
    expect(buttons(card)).toEqual([
      `Approve -> ${APPLICATION_DECIDE_VERB}:approve`,
      `Reject -> ${APPLICATION_DECIDE_VERB}:reject`,
      `Request changes -> ${APPLICATION_DECIDE_VERB}:request-changes`,
      'Ask a colleague to decide -> card',
      `Hand it over -> ${APPLICATION_DECIDE_VERB}:reassign`,
    ]);
    // Only the deciders' Teams clients refresh it into their own live copy.
    expect((card as unknown as { refresh: { userIds: string[] } }).refresh.userIds).toEqual(['8:orgid:a', '8:orgid:b']);
  });

  test('with the warn-and-record gate the comment asks for a reason to approve untrained runners', () => {
    const card = applicationApprovalCard({ ...base, gate: 'warn-and-record' });
    expect(cardText(card)).not.toContain('It cannot be approved');
    expect(JSON.stringify(card)).toContain(
      'a reason is needed to reject, to request changes, or to approve untrained runners',
    );
  });

  test('anyone who may not decide, and everyone once it is decided, gets the case with nothing to press', () => {
    for (const card of [
      applicationApprovalCard({ ...base, canDecide: false }),
      applicationApprovalCard({ ...base, outcome: 'Approved by Priya Whitlock at 1 Dec 2026, 10:42' }),
    ]) {
      expect(buttons(card)).toEqual([]);
      expect(inputs(card)).toEqual([]);
      expect(cardText(card)).toContain('Share the eco club’s work');
    }
    expect(cardText(applicationApprovalCard({ ...base, outcome: 'Approved by Priya Whitlock' }))).toContain(
      'Approved by Priya Whitlock',
    );
  });

  test('with two approvals needed it says how many there are so far, and by whom', () => {
    const card = applicationApprovalCard({ ...base, approvalsNeeded: 2, approvalsSoFar: ['Priya Whitlock'] });
    expect(cardText(card)).toContain('Approvals: 1 of 2 (Priya Whitlock)');
  });

  test('a leader with no colleague to hand it to is not offered the hand-over', () => {
    expect(buttons(applicationApprovalCard({ ...base, colleagues: [] }))).not.toContain(
      'Ask a colleague to decide -> card',
    );
  });

  test('the applicant hears the decision in plain words, with the comment and what happens next', () => {
    const url = 'https://hub/tab/#/my-applications';
    const rejected = applicationDecidedCard({
      accountName: 'Oakfield Eco Club',
      status: 'rejected',
      byName: 'Priya Whitlock',
      comment: 'Not this term',
      myApplicationsUrl: url,
    });
    expect(cardText(rejected)).toMatch(
      /Your application was not approved[\s\S]*Decided by Priya Whitlock[\s\S]*Not this term/,
    );
    expect(buttons(rejected)).toEqual([`My applications -> ${url}`]);
    const approved = applicationDecidedCard({
      accountName: 'x',
      status: 'approved',
      byName: 'Priya Whitlock',
      comment: '',
      myApplicationsUrl: url,
    });
    expect(cardText(approved)).toContain('An administrator will now create the account');
    expect(cardText(approved)).not.toContain('Their comment');
  });
});

describe('the SLT question card', () => {
  const input = { questionId: 'q-1', askerName: 'Jordan Ellery', question: 'Can I wear jeans on non-uniform day?' };

  test('open, it offers a leader the answer box and Send answer for this question', () => {
    const card = sltQuestionCard(input);
    expect(cardText(card)).toContain('Jordan Ellery asked:');
    expect(inputs(card)).toEqual(['answer']);
    expect(buttons(card)).toEqual([`Send answer -> ${SLT_ANSWER_VERB}`]);
  });

  test('sent back with a problem, it keeps what was typed and says what is wrong', () => {
    const card = sltQuestionCard({ ...input, error: 'Write an answer before sending it.', draft: 'Y' });
    expect(cardText(card)).toContain('Write an answer before sending it.');
    expect(JSON.stringify(card)).toContain('"value":"Y"');
  });

  test('answered, it shows who answered and what, with nothing left to press', () => {
    const card = sltQuestionCard({ ...input, answered: { byName: 'Priya Whitlock', text: 'Yes, smart jeans.' } });
    expect(cardText(card)).toMatch(/Answered by Priya Whitlock:\nYes, smart jeans\./);
    expect(buttons(card)).toEqual([]);
    expect(inputs(card)).toEqual([]);
  });
});

describe('the policy answer card', () => {
  const answer = {
    answered: true,
    passage: 'Staff must not accept pupils as friends on personal accounts.',
    heading: 'Personal accounts',
    headingPath: ['Personal accounts'],
    sectionId: 's4',
    clause: '4.2',
    score: 0.8,
    alternates: [],
    suggestions: [],
  };

  test('quotes the passage with its section, and offers a link, feedback and Ask SLT', () => {
    const card = policyAnswerCard({ answer, questionId: 'q-1', readUrl: 'https://hub/tab/#/policy/s4' });
    expect(cardText(card)).toContain('Section 4.2, Personal accounts');
    expect(cardText(card)).toContain(answer.passage);
    expect(buttons(card)).toEqual([
      'Read it in context -> https://hub/tab/#/policy/s4',
      `Helpful -> ${POLICY_FEEDBACK_VERB}`,
      `Not helpful -> ${POLICY_FEEDBACK_VERB}`,
      `Ask SLT -> ${ASK_SLT_VERB}`,
    ]);
  });

  test('once rated it thanks them and drops the rating buttons; once sent to SLT it drops Ask SLT', () => {
    const rated = policyAnswerCard({ answer, questionId: 'q', readUrl: 'u', feedback: 'helpful' });
    expect(cardText(rated)).toContain('Thank you: your feedback helps');
    expect(buttons(rated)).toEqual(['Read it in context -> u', `Ask SLT -> ${ASK_SLT_VERB}`]);
    const asked = policyAnswerCard({ answer, questionId: 'q', readUrl: 'u', askedSlt: true });
    expect(cardText(asked)).toContain('Sent to the senior leadership team');
    expect(buttons(asked)).not.toContain(`Ask SLT -> ${ASK_SLT_VERB}`);
  });

  test('when the policy does not cover it, it says so and still offers the policy and Ask SLT', () => {
    const card = policyAnswerCard({ answer: { ...answer, answered: false }, questionId: 'q', readUrl: 'u' });
    expect(cardText(card)).toContain('I could not find this in the policy');
    expect(cardText(card)).not.toContain(answer.passage);
    expect(buttons(card)).toEqual(expect.arrayContaining(['Read the policy -> u', `Ask SLT -> ${ASK_SLT_VERB}`]));
  });

  test('a close call quotes both passages as possible answers instead of pretending one is the answer', () => {
    const other = {
      passage: 'Staff do not reply to pupils on personal accounts.',
      heading: 'Contact',
      sectionId: 's6',
    };
    const card = policyAnswerCard({
      answer: { ...answer, closeCall: true, alternates: [other] },
      questionId: 'q',
      readUrl: 'u',
    });
    expect(cardText(card)).toContain('Two parts of the policy may answer this');
    expect(cardText(card)).toContain(answer.passage);
    expect(cardText(card)).toContain(other.passage);
    expect(cardText(card)).not.toContain('See also');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  test('declining, it offers the closest sections as "may be related", each with a link, beside Ask SLT', () => {
    const suggestions = [
      { passage: 'Replies are due within a working day.', heading: 'Monitoring', sectionId: 's7', score: 0.3 },
      { passage: 'Two members of staff run each account.', heading: 'New accounts', sectionId: 's5', score: 0.2 },
    ];
    const card = policyAnswerCard({
      answer: { ...answer, answered: false, suggestions },
      questionId: 'q',
      readUrl: 'u',
      sectionUrl: (id) => `https://hub/tab/#/policy/${id}`,
    });
    expect(cardText(card)).toContain('These parts of the policy may be related:');
    expect(cardText(card)).toContain('Replies are due within a working day.');
    expect(buttons(card)).toEqual(
      expect.arrayContaining([
        'Read “Monitoring” -> https://hub/tab/#/policy/s7',
        'Read “New accounts” -> https://hub/tab/#/policy/s5',
        `Ask SLT -> ${ASK_SLT_VERB}`,
      ]),
    );
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('incident cards', () => {
  const alert = SAMPLE_ALERT;

  test('the alert says only the reference, type, urgency and time, and opens the case', () => {
    const card = incidentAlertCard({ ...alert, urgent: false });
    expect(cardText(card)).toMatch(/New report: INC-2026-0007/);
    expect(cardText(card)).toContain('A friend or follow request from a pupil');
    expect(cardText(card)).toContain('Normal');
    expect(cardText(card)).toContain('21 Nov 2026');
    expect(buttons(card)).toEqual(['Open case -> https://hub/tab/#/cases/x']);
  });

  test('an urgent alert says so first; a chase says nobody has opened it', () => {
    expect(cardText(incidentAlertCard({ ...alert, urgent: true }))).toMatch(
      /^Urgent report: INC-2026-0007\nThis report is urgent: a child may be at risk/,
    );
    expect(cardText(incidentAlertCard({ ...alert, urgent: false, escalation: 'headteacher' }))).toMatch(
      /^Still unread: INC-2026-0007\nNobody has opened this report yet/,
    );
  });

  test('the reporter hears it was read and closed, with nothing from the case file and nothing to press', () => {
    for (const card of [readReceiptCard('INC-2026-0007'), closedNoticeCard('INC-2026-0007')]) {
      expect(cardText(card)).toContain('INC-2026-0007');
      expect(buttons(card)).toEqual([]);
    }
  });

  test('the report form asks every question and sends with one button; problems are shown with the answers kept', () => {
    const form = reportFormCard({ draftId: 'd' });
    expect(inputs(form)).toEqual(
      expect.arrayContaining(['type', 'platform', 'occurredOn', 'people', 'description', 'immediateRisk']),
    );
    expect(buttons(form)).toEqual([`Send report -> ${REPORT_SUBMIT_VERB}`]);
    const again = reportFormCard({ draftId: 'd', people: 'R.B.' }, { people: 'Use full names' }, 'Please check');
    expect(cardText(again)).toContain('Use full names');
    expect(JSON.stringify(again)).toContain('"value":"R.B."');
  });
});

describe('the account check-in card', () => {
  const input = { accountId: 'acc-1', handle: '@oakfield_eco', platform: 'Instagram', url: 'https://instagram.com/x' };

  test('open, it asks what the moderator found and records it with one button', () => {
    const card = checkInCard(input);
    expect(cardText(card)).toContain('@oakfield_eco on Instagram');
    expect(inputs(card)).toEqual(expect.arrayContaining(['outcome']));
    expect(buttons(card)).toEqual(expect.arrayContaining([`Record check-in -> ${CHECK_IN_VERB}`]));
  });

  test('recorded, it says by whom and when, and offers nothing more', () => {
    const card = checkInCard({ ...input, recorded: { at: '1 Dec 2026, 09:05', by: 'Jordan Ellery' } });
    expect(cardText(card)).toMatch(/Check-in recorded[\s\S]*Jordan Ellery, 1 Dec 2026, 09:05\./);
    expect(buttons(card).filter((b) => b.includes(CHECK_IN_VERB))).toEqual([]);
    expect(inputs(card)).toEqual([]);
  });
});

describe('welcome and help', () => {
  test('the welcome always carries the safeguarding line, and names the DSL when known', () => {
    const stranger = cardText(welcomeCard({ hubUrl: 'https://hub/tab/' }));
    const known = cardText(welcomeCard({ hubUrl: 'https://hub/tab/', name: 'Jordan', dslName: 'Morgan Hale' }));
    for (const text of [stranger, known]) expect(text).toMatch(/999|immediate risk|designated safeguarding lead/i);
    expect(known).toContain('Morgan Hale');
    expect(stranger).not.toContain('Morgan Hale');
    // Someone the bot knows hears their own school's name; a stranger hears "the school".
    expect(cardText(welcomeCard({ hubUrl: 'https://hub/tab/', schoolName: 'Oakfield Primary' }))).toContain(
      "follow Oakfield Primary's social media policy",
    );
    expect(stranger).toContain("follow the school's social media policy");
  });

  test('help, after a message the bot did not understand, says so', () => {
    expect(cardText(helpCard({ hubUrl: 'https://hub/tab/', notUnderstood: true }))).toMatch(/didn't understand/);
  });
});
