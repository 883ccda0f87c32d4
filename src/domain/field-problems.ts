/** One thing wrong with one field of what a person sent, shown next to that field. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** Field problems kept as a record (what the domain's validators return), as a list. */
export function fieldProblems(errors: Partial<Record<string, string>>): FieldProblem[] {
  return Object.entries(errors).flatMap(([field, problem]) => (problem ? [{ field, problem }] : []));
}

/** The same list by field, for a form that shows each field's problem beside it. */
export const problemsByField = (problems: readonly FieldProblem[]): Record<string, string> =>
  Object.fromEntries(problems.map((p) => [p.field, p.problem]));
