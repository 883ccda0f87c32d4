import type { RETENTION_CATEGORIES } from '../records.ts';

export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

export interface RetentionInput {
  /** What kind of record this is, from its classification. */
  safeguarding: boolean;
  adultConduct: boolean;
  /** When the report was made (ISO date or date-time). */
  reportedOn: string;
  /** The youngest pupil's date of birth, where the school knows it. */
  youngestPupilBornOn?: string;
  /** Otherwise the youngest pupil's year group (Reception = 0), to estimate conservatively. */
  youngestPupilYearGroup?: number;
  /** Years to keep records that are neither child-protection nor allegations; set per school. */
  otherRecordsYears: number;
}

export interface Retention {
  retentionCategory: RetentionCategory;
  /** The date the record must be reviewed for deletion (ISO date). */
  reviewOn: string;
}

const addYears = (isoDate: string, years: number) => {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/** 1 September of the academic year a date falls in (England: the year runs September to August). */
function academicYearStart(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

/**
 * Retention for England: child-protection records until the child's date of birth + 25 years;
 * allegations about staff for at least 10 years (or to retirement age, which HR confirms at
 * review); everything else for the school's configured period. Where only the year group is
 * known, the latest possible birthday in that year is used, so records are never cut short.
 */
export function retentionFor(input: RetentionInput): Retention {
  if (input.adultConduct) {
    return { retentionCategory: 'allegation-against-staff', reviewOn: addYears(input.reportedOn, 10) };
  }
  if (input.safeguarding) {
    let bornOn = input.youngestPupilBornOn;
    if (!bornOn && input.youngestPupilYearGroup !== undefined) {
      // A child in year group Y in the academic year starting September A was born by 31 August A-Y-4.
      bornOn = `${academicYearStart(input.reportedOn) - input.youngestPupilYearGroup - 4}-08-31`;
    }
    // Unknown age: assume the youngest child a school could have (born the day of the report).
    const from = bornOn ?? input.reportedOn.slice(0, 10);
    return { retentionCategory: 'child-protection', reviewOn: addYears(from, 25) };
  }
  return { retentionCategory: 'operational', reviewOn: addYears(input.reportedOn, input.otherRecordsYears) };
}
