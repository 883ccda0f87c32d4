/**
 * Chasing unread reports: after a first interval a second alert goes to the deputies; after a
 * further one, to the headteacher. Intervals are per school, in minutes; urgent reports use
 * their own, shorter intervals.
 */
export interface EscalationSettings {
  deputiesAfterMinutes: number;
  headteacherAfterMinutes: number;
  urgentDeputiesAfterMinutes: number;
  urgentHeadteacherAfterMinutes: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = {
  deputiesAfterMinutes: 120,
  headteacherAfterMinutes: 480,
  urgentDeputiesAfterMinutes: 15,
  urgentHeadteacherAfterMinutes: 30,
};

/** A school's own intervals over the defaults. The headteacher is always chased after the deputies. */
export function escalationFor(school: { escalation?: Partial<EscalationSettings> } | undefined): EscalationSettings {
  const merged = { ...DEFAULT_ESCALATION, ...school?.escalation };
  return {
    ...merged,
    headteacherAfterMinutes: Math.max(merged.headteacherAfterMinutes, merged.deputiesAfterMinutes),
    urgentHeadteacherAfterMinutes: Math.max(merged.urgentHeadteacherAfterMinutes, merged.urgentDeputiesAfterMinutes),
  };
}

export type EscalationStage = 'none' | 'deputies' | 'headteacher';

export interface EscalationInput {
  reportedAt: string;
  /** When a DSL first opened it; once set, nothing is chased. */
  firstReadAt?: string;
  urgent: boolean;
}

export function escalationStage(input: EscalationInput, now: Date, settings: EscalationSettings): EscalationStage {
  if (input.firstReadAt) return 'none';
  const minutes = (now.getTime() - Date.parse(input.reportedAt)) / 60_000;
  const [deputies, head] = input.urgent
    ? [settings.urgentDeputiesAfterMinutes, settings.urgentHeadteacherAfterMinutes]
    : [settings.deputiesAfterMinutes, settings.headteacherAfterMinutes];
  if (minutes >= head) return 'headteacher';
  if (minutes >= deputies) return 'deputies';
  return 'none';
}

/** When the next escalation falls due, or undefined once read or fully escalated; for the scheduler. */
export function nextEscalationAt(input: EscalationInput, now: Date, settings: EscalationSettings): Date | undefined {
  if (input.firstReadAt) return undefined;
  const start = Date.parse(input.reportedAt);
  const steps = input.urgent
    ? [settings.urgentDeputiesAfterMinutes, settings.urgentHeadteacherAfterMinutes]
    : [settings.deputiesAfterMinutes, settings.headteacherAfterMinutes];
  return steps.map((m) => new Date(start + m * 60_000)).find((at) => at > now);
}
