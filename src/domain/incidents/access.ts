import { hasRole, type HasRoles } from '../roles.ts';
import type { Audience } from './catalogue.ts';
import type { SchoolRouting } from './routing.ts';

export interface CaseFacts {
  schoolId: string;
  reporterId: string;
  audience?: Audience;
  subjectPersonId?: string;
}

/**
 * Who may read a case's detail. The adult a conduct concern is about never may, whatever their
 * roles; such concerns are read only by the headteacher and the chair of governors. Other cases are
 * read by the school's DSLs and senior leaders. Reporters follow their own reports' status
 * elsewhere, without the detail of the case file.
 */
export function canReadCase(reader: HasRoles & { id: string }, facts: CaseFacts, routing: SchoolRouting): boolean {
  if (reader.id === facts.subjectPersonId) return false;
  if (facts.audience === 'adult-conduct') {
    return reader.id === routing.headteacherId || reader.id === routing.chairOfGovernorsId;
  }
  return hasRole(reader, 'DSL', facts.schoolId) || hasRole(reader, 'SLT', facts.schoolId);
}

/** Only those who read the case and hold the DSL role there may triage it (status, assignment, actions). */
export function canHandleCase(reader: HasRoles & { id: string }, facts: CaseFacts, routing: SchoolRouting): boolean {
  if (!canReadCase(reader, facts, routing)) return false;
  if (facts.audience === 'adult-conduct') return true;
  return (
    hasRole(reader, 'DSL', facts.schoolId) ||
    (facts.audience !== 'safeguarding' && hasRole(reader, 'SLT', facts.schoolId))
  );
}

/**
 * A case may be assigned only to someone active who may handle it: a safeguarding lead at its
 * school, or for a concern about an adult, the headteacher or chair who reads it. Never to someone
 * who may not open it, and never to the adult it is about.
 */
export function canBeAssigned(
  person: HasRoles & { id: string; active: boolean },
  facts: CaseFacts,
  routing: SchoolRouting,
): boolean {
  return person.active && canHandleCase(person, facts, routing);
}
