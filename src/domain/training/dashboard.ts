import type { Role } from '../roles.ts';
import type { Standing, TrainingStatus } from './status.ts';

/**
 * The HR dashboard's figures and filters. Pure, and shared by the server (headline figures,
 * exports) and the tab (filtering 5,000 rows as HR types), so both always agree.
 */

/** A column of the dashboard: a course, or reading the current policy. */
export interface RequirementColumn {
  id: string;
  title: string;
}

/** The acknowledgement of the current policy, shown and counted like a course. */
export const POLICY_COLUMN_ID = 'policy-acknowledgement';

/** What a row needs to show and filter a standing; the dashboard sends only this, to keep 5,000 rows light. */
export type ShownStanding = Pick<Standing, 'status' | 'dueOn'>;

export interface StaffRow<S extends ShownStanding = Standing> {
  personId: string;
  name: string;
  upn: string;
  schoolId: string;
  schoolName: string;
  department: string;
  jobTitle: string;
  roles: Role[];
  /** Aligned with the dashboard's columns; null where the requirement does not apply to this person. */
  standings: (S | null)[];
  lastRemindedAt?: string;
  /** Set by HR when someone is leaving; their official accounts are flagged for handover. */
  leavingOn?: string;
}

export interface Figures {
  /** People (or, per course, people the course applies to). */
  people: number;
  compliant: number;
  /** Whole per cent, rounded down so 99.6% is never shown as 100%. */
  percentCompliant: number;
  overdue: number;
  expiringSoon: number;
  neverCompleted: number;
  awaitingVerification: number;
}

function figures(items: readonly (readonly Standing[])[]): Figures {
  const count = (test: (s: Standing) => boolean) => items.filter((standings) => standings.some(test)).length;
  const people = items.length;
  const compliant = items.filter((standings) => standings.every((s) => s.compliant)).length;
  return {
    people,
    compliant,
    percentCompliant: people === 0 ? 100 : Math.floor((compliant * 100) / people),
    overdue: count((s) => s.status === 'overdue'),
    expiringSoon: count((s) => s.status === 'due-soon'),
    neverCompleted: count((s) => s.neverCompleted),
    awaitingVerification: count((s) => s.status === 'awaiting-verification'),
  };
}

const applicable = (row: StaffRow): Standing[] => row.standings.filter((s): s is Standing => s !== null);

export interface GroupFigures {
  schoolName: string;
  department: string;
  people: number;
  compliant: number;
  overdue: number;
}

export interface DashboardSummary {
  overall: Figures;
  byRequirement: (RequirementColumn & Figures)[];
  /** One entry per school and department, for the chart. */
  byGroup: GroupFigures[];
}

export function summarise(columns: readonly RequirementColumn[], rows: readonly StaffRow[]): DashboardSummary {
  const groups = new Map<string, GroupFigures>();
  for (const row of rows) {
    const key = `${row.schoolName}\u0000${row.department}`;
    const group = groups.get(key) ?? {
      schoolName: row.schoolName,
      department: row.department,
      people: 0,
      compliant: 0,
      overdue: 0,
    };
    const standings = applicable(row);
    group.people += 1;
    if (standings.every((s) => s.compliant)) group.compliant += 1;
    if (standings.some((s) => s.status === 'overdue')) group.overdue += 1;
    groups.set(key, group);
  }
  return {
    overall: figures(rows.map(applicable)),
    byRequirement: columns.map((column, i) => ({
      ...column,
      ...figures(rows.flatMap((row) => (row.standings[i] ? [[row.standings[i]]] : []))),
    })),
    byGroup: [...groups.values()].sort(
      (a, b) => a.schoolName.localeCompare(b.schoolName) || a.department.localeCompare(b.department),
    ),
  };
}

export interface DashboardFilters {
  search?: string;
  schoolId?: string;
  department?: string;
  role?: Role;
  /** A column id; with `status`, the status must be on this column. */
  requirementId?: string;
  status?: TrainingStatus;
}

/** Rows matching every filter given. A status with no requirement means "on any requirement". */
export function filterRows<R extends StaffRow<ShownStanding>>(
  columns: readonly RequirementColumn[],
  rows: readonly R[],
  filters: DashboardFilters,
): R[] {
  const search = filters.search?.trim().toLowerCase();
  const column = filters.requirementId ? columns.findIndex((c) => c.id === filters.requirementId) : -1;
  return rows.filter((row) => {
    if (filters.schoolId && row.schoolId !== filters.schoolId) return false;
    if (filters.department && row.department !== filters.department) return false;
    if (filters.role && !row.roles.includes(filters.role)) return false;
    if (search && !`${row.name} ${row.upn} ${row.jobTitle}`.toLowerCase().includes(search)) return false;
    if (filters.requirementId && (column < 0 || !row.standings[column])) return false;
    if (filters.status) {
      const standings = column >= 0 ? [row.standings[column]] : row.standings;
      if (!standings.some((s) => s?.status === filters.status)) return false;
    }
    return true;
  });
}

/** Whether the person has anything overdue: who "remind everyone overdue" reaches. */
export const isOverdue = (row: StaffRow<ShownStanding>): boolean => row.standings.some((s) => s?.status === 'overdue');

/** The row as the dashboard sends it. */
export const shownRow = (row: StaffRow): StaffRow<ShownStanding> => ({
  ...row,
  standings: row.standings.map((s) => s && (s.dueOn ? { status: s.status, dueOn: s.dueOn } : { status: s.status })),
});
