import type {
  DashboardSummary,
  RequirementColumn,
  ShownStanding,
  StaffRow,
} from '../../../../src/domain/training/dashboard.ts';

/** A staff row as the dashboard sends it. */
export type Row = StaffRow<ShownStanding>;

/** What GET /training/dashboard returns. */
export interface DashboardData {
  today: string;
  columns: RequirementColumn[];
  schools: { id: string; name: string }[];
  summary: DashboardSummary;
  rows: Row[];
}
