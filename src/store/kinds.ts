import type { z } from 'zod';
import * as r from '../domain/records.ts';

/**
 * The registry of record kinds. Each adapter derives its tables or lists from here:
 * `indexed` fields are the only ones a query may filter or sort on (SharePoint needs
 * them indexed to filter large lists), and `appendOnly` kinds have no update path at all.
 */
function kind<S extends z.ZodObject, const I extends readonly string[], const A extends boolean = false>(
  schema: S,
  indexed: I & readonly (keyof z.infer<S> & string)[],
  appendOnly?: A,
) {
  return { schema, indexed, appendOnly: (appendOnly ?? false) as A } as const;
}

export const KINDS = {
  trusts: kind(r.trustSchema, []),
  schools: kind(r.schoolSchema, ['trustId']),
  people: kind(r.personSchema, ['trustId', 'schoolId', 'aadObjectId', 'upn', 'department', 'active']),
  applications: kind(r.applicationSchema, ['schoolId', 'applicantId', 'status']),
  socialAccounts: kind(r.socialAccountSchema, ['schoolId', 'status', 'leadId', 'applicationId']),
  checkIns: kind(r.checkInSchema, ['accountId', 'schoolId', 'at']),
  replyItems: kind(r.replyItemSchema, ['accountId', 'schoolId', 'open', 'dueAt']),
  incidents: kind(r.incidentSchema, ['schoolId', 'reporterId', 'status', 'reference', 'assigneeId', 'urgent']),
  incidentEntries: kind(r.incidentEntrySchema, ['incidentId', 'schoolId', 'at'], true),
  courses: kind(r.courseSchema, ['trustId', 'schoolId']),
  trainingRecords: kind(r.trainingRecordSchema, ['personId', 'courseId', 'schoolId']),
  trainingReminders: kind(r.trainingReminderSchema, ['personId', 'schoolId', 'day'], true),
  acknowledgements: kind(r.acknowledgementSchema, ['personId', 'schoolId', 'policyVersionId'], true),
  policyDocuments: kind(r.policyDocumentSchema, ['schoolId']),
  policyVersions: kind(r.policyVersionSchema, ['documentId', 'schoolId', 'versionNumber']),
  questions: kind(r.questionSchema, ['schoolId', 'askerId', 'status']),
  policyPointers: kind(r.policyPointerSchema, ['schoolId']),
  conversationRefs: kind(r.conversationRefSchema, ['scope', 'personId', 'schoolId']),
  outbox: kind(r.outboxSchema, ['status', 'topic', 'notBefore']),
  counters: kind(r.counterSchema, []),
  audit: kind(r.auditSchema, ['actorId', 'targetKind', 'targetId', 'schoolId', 'trustId', 'at'], true),
} as const;

export type Kinds = typeof KINDS;
export type KindName = keyof Kinds;
export type AppendOnlyKind = { [K in KindName]: Kinds[K]['appendOnly'] extends true ? K : never }[KindName];
export type MutableKind = Exclude<KindName, AppendOnlyKind>;

/** Fields the store owns: callers never set them. */
export interface StoredFields {
  id: string;
  /** Opaque concurrency token; an update must present the one it read. */
  etag: string;
  createdAt: string;
  updatedAt: string;
}

export type Data<K extends KindName> = z.infer<Kinds[K]['schema']>;
export type Rec<K extends KindName> = Data<K> & StoredFields;
export type IndexedField<K extends KindName> = Kinds[K]['indexed'][number];

export const KIND_NAMES = Object.keys(KINDS) as KindName[];
