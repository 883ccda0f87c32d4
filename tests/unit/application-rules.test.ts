import fc from 'fast-check';
import {
  applyAction,
  currentApprovals,
  isFinal,
  type ApplicationAction,
  type ApplicationState,
} from '../../src/domain/applications/lifecycle.ts';
import { checkTrainingGate, runnerReadiness } from '../../src/domain/applications/readiness.ts';
import { checkBusinessCase } from '../../src/domain/applications/business-case.ts';
import { APPLICATION_STATUSES } from '../../src/domain/records.ts';

const AT = '2026-11-21T10:00:00.000Z';
const draft: ApplicationState = { status: 'draft', decisions: [] };
const decide = (decision: 'approve' | 'reject' | 'request-changes', byId: string, comment = ''): ApplicationAction => ({
  kind: 'decide',
  decision,
  byId,
  comment,
  at: AT,
});

function run(actions: ApplicationAction[], approvalsNeeded = 1): ApplicationState {
  let state = draft;
  for (const a of actions) {
    const r = applyAction(state, a, { approvalsNeeded });
    if (!r.ok) throw new Error(r.problem);
    state = r.state;
  }
  return state;
}

describe('the application lifecycle', () => {
  test('submitted, then the first senior leader to approve decides by default', () => {
    expect(run([{ kind: 'submit' }, decide('approve', 'slt-1')]).status).toBe('approved');
  });

  test('with two approvals needed, one approval is not enough, and the same leader twice counts once', () => {
    const once = run([{ kind: 'submit' }, decide('approve', 'slt-1'), decide('approve', 'slt-1')], 2);
    expect(once.status).toBe('submitted');
    expect(currentApprovals(once.decisions)).toEqual(['slt-1']);
    expect(once.decisions).toHaveLength(1);
    expect(run([{ kind: 'submit' }, decide('approve', 'slt-1'), decide('approve', 'slt-2')], 2).status).toBe(
      'approved',
    );
  });

  test('rejecting needs a reason, and requesting changes needs a comment', () => {
    const submitted = run([{ kind: 'submit' }]);
    expect(applyAction(submitted, decide('reject', 'slt-1', ' '), { approvalsNeeded: 1 })).toEqual({
      ok: false,
      problem: 'Give the reason for rejecting it',
    });
    expect(applyAction(submitted, decide('request-changes', 'slt-1'), { approvalsNeeded: 1 }).ok).toBe(false);
  });

  test('changes requested: the applicant resubmits, and earlier approvals no longer count', () => {
    const back = run(
      [{ kind: 'submit' }, decide('approve', 'slt-1'), decide('request-changes', 'slt-2', 'Name a second runner')],
      2,
    );
    expect(back.status).toBe('changes-requested');
    const again = run(
      [
        { kind: 'submit' },
        decide('approve', 'slt-1'),
        decide('request-changes', 'slt-2', 'Name a second runner'),
        { kind: 'submit' },
        decide('approve', 'slt-1'),
      ],
      2,
    );
    expect(again.status).toBe('submitted');
    expect(currentApprovals(again.decisions)).toEqual(['slt-1']);
  });

  test('a decided application cannot be decided again: the second leader is told it is already decided', () => {
    const approved = run([{ kind: 'submit' }, decide('approve', 'slt-1')]);
    expect(applyAction(approved, decide('reject', 'slt-2', 'Too late'), { approvalsNeeded: 1 })).toEqual({
      ok: false,
      problem: 'This application is already approved',
    });
  });

  test('withdrawn while pending; a draft cannot expire, a forgotten submission can', () => {
    expect(run([{ kind: 'submit' }, { kind: 'withdraw' }]).status).toBe('withdrawn');
    expect(applyAction(draft, { kind: 'expire' }, { approvalsNeeded: 1 }).ok).toBe(false);
    expect(run([{ kind: 'submit' }, { kind: 'expire' }]).status).toBe('expired');
  });

  test('a leader hands the decision to a colleague: still waiting, and the colleague can decide', () => {
    const reassigned = run([
      { kind: 'submit' },
      { kind: 'reassign', byId: 'slt-1', toId: 'slt-2', comment: 'Away on a trip', at: AT },
    ]);
    expect(reassigned.status).toBe('submitted');
    expect(reassigned.decisions.at(-1)).toMatchObject({ decision: 'reassign', toId: 'slt-2' });
    expect(applyAction(reassigned, decide('approve', 'slt-2'), { approvalsNeeded: 1 })).toMatchObject({
      ok: true,
      state: { status: 'approved' },
    });
    expect(
      applyAction(
        reassigned,
        { kind: 'reassign', byId: 'slt-2', toId: 'slt-2', comment: '', at: AT },
        { approvalsNeeded: 1 },
      ),
    ).toEqual({ ok: false, problem: 'Choose a colleague other than yourself' });
  });

  const leaders = fc.constantFrom('slt-1', 'slt-2', 'slt-3');
  const action: fc.Arbitrary<ApplicationAction> = fc.oneof(
    fc.constant({ kind: 'submit' } as const),
    fc.constant({ kind: 'withdraw' } as const),
    fc.constant({ kind: 'expire' } as const),
    fc.record({
      kind: fc.constant('decide' as const),
      decision: fc.constantFrom('approve' as const, 'reject' as const, 'request-changes' as const),
      byId: leaders,
      comment: fc.oneof(fc.constantFrom('', '  ', 'ok', 'Name a second runner', 'Not suitable'), fc.string()),
      at: fc.constant(AT),
    }),
    fc.record({
      kind: fc.constant('reassign' as const),
      byId: leaders,
      toId: leaders,
      comment: fc.constantFrom('', 'I am on a course this week'),
      at: fc.constant(AT),
    }),
  );

  test('property: no sequence of actions reaches an invalid state', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), fc.integer({ min: 1, max: 3 }), (actions, approvalsNeeded) => {
        let state = draft;
        for (const a of actions) {
          const before = state;
          const r = applyAction(state, a, { approvalsNeeded });
          if (!r.ok) {
            // A refused action changes nothing; final states refuse everything.
            continue;
          }
          state = r.state;
          expect(APPLICATION_STATUSES).toContain(state.status);
          expect(isFinal(before.status)).toBe(false);
          // Decisions are only ever added, never edited or removed.
          expect(state.decisions.slice(0, before.decisions.length)).toEqual(before.decisions);
          if (state.status === 'approved') {
            expect(currentApprovals(state.decisions).length).toBeGreaterThanOrEqual(approvalsNeeded);
          }
          for (const d of state.decisions) {
            if (d.decision === 'reject' || d.decision === 'request-changes') {
              expect(d.comment.trim().length).toBeGreaterThanOrEqual(3);
            }
            if (d.decision === 'reassign') expect(d.toId).not.toBe(d.byId);
          }
          if (a.kind === 'decide' && r.changed) expect(before.status).toBe('submitted');
          // Handing the decision on never decides it.
          if (a.kind === 'reassign') expect([before.status, state.status]).toEqual(['submitted', 'submitted']);
        }
        // Once final, always final.
        if (isFinal(state.status)) {
          for (const a of actions) expect(applyAction(state, a, { approvalsNeeded }).ok).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the training gate', () => {
  const facts = {
    currentPolicyVersionId: 'policy-v2',
    acknowledgements: [
      { personId: 'ready', policyVersionId: 'policy-v2' },
      { personId: 'old-ack', policyVersionId: 'policy-v1' },
      { personId: 'lapsed', policyVersionId: 'policy-v2' },
      { personId: 'declared', policyVersionId: 'policy-v2' },
    ],
    requiredCourses: [{ id: 'course-moderator', title: 'Account moderator', refresherMonths: 24 }],
    trainingRecords: [
      { personId: 'ready', courseId: 'course-moderator', completedOn: '2025-09-01', verified: true },
      { personId: 'old-ack', courseId: 'course-moderator', completedOn: '2026-01-10', verified: true },
      { personId: 'lapsed', courseId: 'course-moderator', completedOn: '2024-10-01', verified: true },
      { personId: 'declared', courseId: 'course-moderator', completedOn: '2026-11-01', verified: false },
    ],
    today: '2026-11-21',
  };

  test('a runner is ready only with the current policy acknowledged and every course in date', () => {
    expect(runnerReadiness('ready', facts)).toEqual({
      personId: 'ready',
      acknowledged: true,
      missingCourses: [],
      ready: true,
    });
    expect(runnerReadiness('old-ack', facts)).toMatchObject({ acknowledged: false, ready: false });
    expect(runnerReadiness('lapsed', facts)).toMatchObject({ missingCourses: ['Account moderator'], ready: false });
    // A self-declaration counts only once HR has checked it.
    expect(runnerReadiness('declared', facts)).toMatchObject({ missingCourses: ['Account moderator'], ready: false });
    expect(runnerReadiness('nobody', facts)).toMatchObject({
      acknowledged: false,
      missingCourses: ['Account moderator'],
    });
  });

  test('blocking by default; warn-and-record needs a reason, which is then an override', () => {
    const runners = [runnerReadiness('ready', facts), runnerReadiness('lapsed', facts)];
    expect(checkTrainingGate(runners, 'block', 'We trust them').ok).toBe(false);
    expect(checkTrainingGate(runners, 'warn-and-record', '').ok).toBe(false);
    expect(checkTrainingGate(runners, 'warn-and-record', 'Training booked for Monday')).toEqual({
      ok: true,
      overridden: true,
    });
    expect(checkTrainingGate([runnerReadiness('ready', facts)], 'block', undefined)).toEqual({
      ok: true,
      overridden: false,
    });
  });
});

describe('the business case', () => {
  const complete = {
    accountName: 'Oakfield PE',
    platform: 'X',
    aim: 'Share fixtures, results and celebrations of sporting achievement with families.',
    audience: 'Parents and carers',
    promotion: 'Newsletter and the school website',
    runnerIds: ['person-a', 'person-b'],
    volunteers: [{ name: 'Dana Whitfield', relationship: 'Parent, PTA chair' }],
    visibility: 'open',
  };

  test('a complete case passes', () => {
    expect(checkBusinessCase(complete).ok).toBe(true);
  });

  test('each gap is named in the applicant’s terms, next to its field', () => {
    const result = checkBusinessCase({ ...complete, runnerIds: ['person-a'], aim: 'Sport', visibility: undefined });
    expect(result).toEqual({
      ok: false,
      errors: {
        runnerIds: 'Name at least two staff members who will run the account',
        aim: 'Say what the account is for and what it will achieve, in a sentence or two',
        visibility: 'Choose whether the account is open or private',
      },
    });
    expect(checkBusinessCase({ ...complete, runnerIds: ['person-a', 'person-a'] })).toMatchObject({
      ok: false,
      errors: { runnerIds: 'Name at least two staff members who will run the account' },
    });
  });
});
