import type { APPLICATION_STATUSES } from '../records.ts';

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type DecisionKind = 'approve' | 'reject' | 'request-changes' | 'reassign';

export interface Decision {
  byId: string;
  decision: DecisionKind;
  comment: string;
  at: string;
  /** Reassignments only: who is now asked to decide. */
  toId?: string;
}

export interface ApplicationState {
  status: ApplicationStatus;
  decisions: readonly Decision[];
}

/** Per school: the first response decides (1, the default), or this many senior leaders must approve. */
export interface DecisionRule {
  approvalsNeeded: number;
}

export const FIRST_RESPONSE_DECIDES: DecisionRule = { approvalsNeeded: 1 };

export type ApplicationAction =
  | { kind: 'submit' }
  | { kind: 'withdraw' }
  | { kind: 'decide'; decision: 'approve' | 'reject' | 'request-changes'; byId: string; comment: string; at: string }
  /** A senior leader hands the decision to a colleague; it stays pending. */
  | { kind: 'reassign'; byId: string; toId: string; comment: string; at: string }
  /** Nobody decided for too long: the application is closed, and the applicant is told. */
  | { kind: 'expire' };

export type ActionResult = { ok: true; state: ApplicationState; changed: boolean } | { ok: false; problem: string };

const FINAL: readonly ApplicationStatus[] = ['approved', 'rejected', 'withdrawn', 'expired'];

export const isFinal = (status: ApplicationStatus) => FINAL.includes(status);

/** Senior leaders who have approved since the application was last (re)submitted. */
export function currentApprovals(decisions: readonly Decision[]): string[] {
  const lastChanges = decisions.map((d) => d.decision).lastIndexOf('request-changes');
  return [
    ...new Set(
      decisions
        .slice(lastChanges + 1)
        .filter((d) => d.decision === 'approve')
        .map((d) => d.byId),
    ),
  ];
}

const MIN_REASON = 3;

/**
 * The application lifecycle: draft → submitted → approved, rejected or changes requested (then
 * resubmitted); withdrawn by the applicant while pending; expired if nobody decides; handed to
 * another leader (reassigned) without leaving "submitted". Decisions are final. Approving twice is a no-op, so retried card actions are safe.
 */
export function applyAction(state: ApplicationState, action: ApplicationAction, rule: DecisionRule): ActionResult {
  const { status } = state;
  if (isFinal(status)) return { ok: false, problem: `This application is already ${status}` };
  switch (action.kind) {
    case 'submit':
      if (status !== 'draft' && status !== 'changes-requested') {
        return { ok: false, problem: 'Only a draft, or an application sent back for changes, can be submitted' };
      }
      return { ok: true, state: { ...state, status: 'submitted' }, changed: true };
    case 'withdraw':
      return { ok: true, state: { ...state, status: 'withdrawn' }, changed: true };
    case 'expire':
      if (status === 'draft') return { ok: false, problem: 'A draft has not been submitted, so it cannot expire' };
      return { ok: true, state: { ...state, status: 'expired' }, changed: true };
    case 'reassign':
      if (status !== 'submitted')
        return { ok: false, problem: 'Only an application waiting for a decision can be reassigned' };
      if (action.toId === action.byId) return { ok: false, problem: 'Choose a colleague other than yourself' };
      return {
        ok: true,
        state: {
          status,
          decisions: [
            ...state.decisions,
            {
              byId: action.byId,
              decision: 'reassign',
              comment: action.comment.trim(),
              at: action.at,
              toId: action.toId,
            },
          ],
        },
        changed: true,
      };
    case 'decide': {
      if (status !== 'submitted') return { ok: false, problem: 'Only a submitted application can be decided' };
      const comment = action.comment.trim();
      if (action.decision !== 'approve' && comment.length < MIN_REASON) {
        return {
          ok: false,
          problem: action.decision === 'reject' ? 'Give the reason for rejecting it' : 'Say what needs to change',
        };
      }
      if (action.decision === 'approve' && currentApprovals(state.decisions).includes(action.byId)) {
        return { ok: true, state, changed: false };
      }
      const decisions = [...state.decisions, { byId: action.byId, decision: action.decision, comment, at: action.at }];
      const next: ApplicationStatus =
        action.decision === 'reject'
          ? 'rejected'
          : action.decision === 'request-changes'
            ? 'changes-requested'
            : currentApprovals(decisions).length >= Math.max(1, rule.approvalsNeeded)
              ? 'approved'
              : 'submitted';
      return { ok: true, state: { status: next, decisions }, changed: true };
    }
  }
}
