import { standing, type Completion } from '../training/status.ts';

/**
 * Whether someone named to run an official account is ready: they have acknowledged the
 * current policy and hold every required course, in date. SLT must be satisfied of this
 * before approving (the training gate).
 */
export interface RunnerReadiness {
  personId: string;
  acknowledged: boolean;
  /** Titles of required courses never completed, or whose refresher is overdue. */
  missingCourses: string[];
  ready: boolean;
}

export interface ReadinessFacts {
  currentPolicyVersionId?: string;
  acknowledgements: readonly { personId: string; policyVersionId: string }[];
  requiredCourses: readonly { id: string; title: string; refresherMonths?: number }[];
  /** Rejected self-declarations are left out by the caller. */
  trainingRecords: readonly ({ personId: string; courseId: string } & Completion)[];
  /** ISO date (yyyy-mm-dd). */
  today: string;
}

/** The dashboard's status rules decide: a course counts when it is completed or due soon, and verified. */
export function runnerReadiness(personId: string, facts: ReadinessFacts): RunnerReadiness {
  const acknowledged =
    facts.currentPolicyVersionId !== undefined &&
    facts.acknowledgements.some((a) => a.personId === personId && a.policyVersionId === facts.currentPolicyVersionId);
  const missingCourses = facts.requiredCourses
    .filter((course) => {
      const records = facts.trainingRecords.filter((r) => r.personId === personId && r.courseId === course.id);
      return !standing(records, { refresherMonths: course.refresherMonths, appliesFrom: facts.today }, facts.today)
        .compliant;
    })
    .map((c) => c.title);
  return { personId, acknowledged, missingCourses, ready: acknowledged && missingCourses.length === 0 };
}

/** What a runner still lacks, in words for the applicant and SLT. */
export function readinessGaps(readiness: Pick<RunnerReadiness, 'acknowledged' | 'missingCourses'>): string[] {
  return [
    ...(readiness.acknowledged ? [] : ['has not confirmed reading the current policy']),
    ...readiness.missingCourses.map((course) => `needs ${course}`),
  ];
}

/** How a school treats runners who are not ready: block approval (the default), or allow it with a recorded reason. */
export type TrainingGate = 'block' | 'warn-and-record';

export type GateResult = { ok: true; overridden: boolean } | { ok: false; problem: string };

export function checkTrainingGate(
  runners: readonly RunnerReadiness[],
  gate: TrainingGate,
  overrideReason: string | undefined,
): GateResult {
  const notReady = runners.filter((r) => !r.ready);
  if (notReady.length === 0) return { ok: true, overridden: false };
  if (gate === 'block') {
    return {
      ok: false,
      problem: `${notReady.length} of the people who will run this account have not completed the required training or acknowledged the policy, so it cannot be approved yet`,
    };
  }
  if (!overrideReason || overrideReason.trim().length < 3) {
    return { ok: false, problem: 'Some runners are not trained: give a reason to approve anyway' };
  }
  return { ok: true, overridden: true };
}
