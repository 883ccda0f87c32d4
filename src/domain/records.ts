import { z } from 'zod';
import { LANGUAGES } from './strings.ts';
import { ROLES } from './roles.ts';
import { AUDIENCES } from './incidents/catalogue.ts';

/**
 * Every record kind the product keeps, as zod schemas. The types are inferred from these,
 * and both store adapters validate what they read back against them, so a hand-edited
 * SharePoint item or a corrupt row surfaces as a clear error instead of a crash later.
 */

const id = z.string().min(1).max(128);
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const shortText = z.string().trim().min(1).max(255);
const longText = z.string().max(20_000);

export const RETENTION_CATEGORIES = [
  'child-protection',
  'allegation-against-staff',
  'safeguarding-general',
  'account-governance',
  'training',
  'operational',
] as const;

/** Fields every record carries for records management. */
const retention = {
  retentionCategory: z.enum(RETENTION_CATEGORIES).optional(),
  reviewOn: isoDate.optional(),
};

/** Chasing intervals: at least a minute (the timer's tick), at most a week. */
const minutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);

/** A school's settings, each whole as a senior leader sets it (the record may hold only some fields). */
export const approvalSettingsSchema = z.object({
  approvalsNeeded: z.number().int().min(1).max(5),
  trainingGate: z.enum(['block', 'warn-and-record']),
  /** Working days (UK bank holidays excluded) before SLT is reminded, and again after each as many more. */
  remindAfterWorkingDays: z.number().int().min(1).max(30),
  /** Working days after which an undecided application expires and the applicant is told. */
  expireAfterWorkingDays: z.number().int().min(2).max(120),
});
export const trainingSettingsSchema = z.object({
  dueSoonDays: z.number().int().min(1).max(180),
  graceDays: z.number().int().min(0).max(365),
});
export const monitoringSettingsSchema = z.object({
  /** London time (HH:MM) after which moderators who have not checked in that day are reminded. */
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Give a time such as 16:00' }),
  /** Days without a check-in before SLT is told. */
  escalateUncheckedAfterDays: z.number().int().min(1).max(30),
});
export const escalationSettingsSchema = z.object({
  deputiesAfterMinutes: minutes,
  headteacherAfterMinutes: minutes,
  urgentDeputiesAfterMinutes: minutes,
  urgentHeadteacherAfterMinutes: minutes,
});
export const closuresSchema = z.array(z.iso.date({ message: 'Give each closure day as a date' })).max(400);

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

/** How sure the bot must be before it answers a policy question, as the school's leaders choose. */
export const ANSWER_CERTAINTIES = ['fairly-sure', 'very-sure'] as const;
export type AnswerCertainty = (typeof ANSWER_CERTAINTIES)[number];

export const trustSchema = z.object({ name: shortText, ...retention });

export const schoolSchema = z.object({
  trustId: id,
  name: shortText,
  nation: z.enum(NATIONS),
  /** The language of the tab's and the bot's fixed words for this school's staff (English (UK) when absent). */
  language: z.enum(LANGUAGES).optional(),
  /** How sure the bot must be before it answers a policy question ("fairly-sure" when absent). */
  answerCertainty: z.enum(ANSWER_CERTAINTIES).optional(),
  /** Teams team hosting the SLT and safeguarding channels, once the app is installed there. */
  teamId: z.string().optional(),
  /** Who receives which reports; the defaults in domain/incidents/routing.ts fill any gaps. */
  routing: z
    .object({
      safeguardingRoles: z.array(z.enum(ROLES)).optional(),
      reputationRoles: z.array(z.enum(ROLES)).optional(),
      accountSecurityRoles: z.array(z.enum(ROLES)).optional(),
      headteacherId: id.optional(),
      chairOfGovernorsId: id.optional(),
    })
    .optional(),
  /** How SLT decides on account applications; defaults in domain/applications/lifecycle.ts. */
  approvals: approvalSettingsSchema.partial().optional(),
  /** When training counts as due soon, and new starters' grace period; defaults in domain/training/status.ts. */
  training: trainingSettingsSchema.partial().optional(),
  /** Days the school is closed on weekdays (INSET days, holidays): replies on official accounts wait for the next open day. */
  closures: closuresSchema.optional(),
  /** Official account monitoring; defaults in domain/accounts/monitoring-duty.ts. */
  monitoring: monitoringSettingsSchema.partial().optional(),
  /** How long a report may stay unread before it is chased, in minutes; defaults in domain/incidents/escalation.ts. */
  escalation: escalationSettingsSchema.partial().optional(),
  ...retention,
});

export const STAFF_TYPES = ['teacher', 'support', 'governor', 'volunteer'] as const;

export const personSchema = z.object({
  trustId: id,
  schoolId: id,
  aadObjectId: z.string().optional(),
  upn: z.string().min(3).max(255),
  displayName: shortText,
  givenName: shortText,
  surname: shortText,
  department: shortText,
  jobTitle: shortText,
  staffType: z.enum(STAFF_TYPES),
  roles: z.array(z.object({ role: z.enum(ROLES), schoolId: id })).min(1),
  startedOn: isoDate,
  leavingOn: isoDate.optional(),
  active: z.boolean(),
  ...retention,
});

export const PLATFORMS = [
  'Facebook',
  'Instagram',
  'X',
  'TikTok',
  'YouTube',
  'LinkedIn',
  'Snapchat',
  'WhatsApp',
  'Threads',
  'Bluesky',
  'Other',
] as const;

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'changes-requested',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
] as const;

/** Drafts may be incomplete; domain/applications/business-case.ts decides what can be submitted. */
export const applicationSchema = z.object({
  schoolId: id,
  applicantId: id,
  accountName: z.string().max(255),
  platform: z.enum(PLATFORMS).optional(),
  aim: longText,
  audience: longText,
  promotion: longText,
  runnerIds: z.array(id).max(20),
  volunteers: z.array(z.object({ name: z.string().max(255), relationship: z.string().max(255) })).max(20),
  visibility: z.enum(['open', 'private']).optional(),
  status: z.enum(APPLICATION_STATUSES),
  submittedAt: isoDateTime.optional(),
  decisions: z.array(
    z.object({
      byId: id,
      decision: z.enum(['approve', 'reject', 'request-changes', 'reassign']),
      comment: z.string().max(4000),
      at: isoDateTime,
      /** Set when a leader approved although a runner was not ready (warn-and-record schools only). */
      trainingOverride: z.string().max(4000).optional(),
      /** For a reassignment: the senior leader now asked to decide. */
      toId: id.optional(),
    }),
  ),
  /** The senior leader a colleague asked to decide; reminders go to them. */
  assignedToId: id.optional(),
  /** The approval cards posted to SLT, so a decision can edit them in place. */
  sltMessages: z.array(z.object({ conversationId: z.string().max(512), activityId: z.string().max(512) })).optional(),
  lastRemindedAt: isoDateTime.optional(),
  ...retention,
});

export const ACCOUNT_STATUSES = ['active', 'transfer-needed', 'closed'] as const;

const handoverSchema = z.object({
  leaverIds: z.array(id).min(1),
  /** The earliest known leaving date among them, when HR gave one. */
  leavingOn: isoDate.optional(),
  flaggedAt: isoDateTime,
  transferredAt: isoDateTime.optional(),
  transferredById: id.optional(),
  /** Who recorded that the password was changed; the secret itself lives only in the vault. */
  credentialRotatedAt: isoDateTime.optional(),
  credentialRotatedById: id.optional(),
  completedAt: isoDateTime.optional(),
});

export const REVIEW_OUTCOMES = ['keep', 'change', 'close'] as const;

const accountReviewSchema = z.object({
  at: isoDateTime,
  byId: id,
  outcome: z.enum(REVIEW_OUTCOMES),
  stillNeeded: z.boolean(),
  aimsMet: z.boolean(),
  moderatorsRight: z.boolean(),
  note: z.string().max(2000),
  /** The school's policy version when reviewed: a new version calls for a fresh review. */
  policyVersionId: id.optional(),
});

export const socialAccountSchema = z.object({
  schoolId: id,
  applicationId: id.optional(),
  platform: z.enum(PLATFORMS),
  handle: shortText,
  /** Shown as a link, so only web addresses: no javascript: or data: URLs. */
  url: z.url({ protocol: /^https?$/ }).max(2048),
  leadId: id,
  moderatorIds: z.array(id),
  status: z.enum(ACCOUNT_STATUSES),
  createdOn: isoDate,
  /** A pointer to the secret (Key Vault name or encrypted blob id); never the credential itself. */
  credentialRef: z.string().optional(),
  /** Who covers which days when the school is closed; on those days only they are reminded. */
  rota: z
    .array(z.object({ from: isoDate, to: isoDate, personId: id }))
    .max(200)
    .optional(),
  /** An open handover: who is leaving, and which of its two required steps are done. */
  handover: handoverSchema.optional(),
  /** Finished handovers, kept as the account's history. */
  handovers: z.array(handoverSchema).max(100).optional(),
  closedOn: isoDate.optional(),
  closedReason: z.string().max(1000).optional(),
  reviews: z.array(accountReviewSchema).max(100).optional(),
  /** The London day the moderators were last reminded to check in, so it happens once a day. */
  remindedOn: isoDate.optional(),
  /** Which review SLT were last asked for (the yearly due date, or the policy version), so they are asked once. */
  reviewRequestedFor: z.string().max(200).optional(),
  /** When SLT was last told the account had gone unchecked, so each gap is escalated once. */
  uncheckedEscalatedAt: isoDateTime.optional(),
  ...retention,
});

export const CHECKIN_OUTCOMES = ['nothing-needed', 'replied', 'hidden-or-deleted', 'escalated'] as const;

export const checkInSchema = z.object({
  accountId: id,
  schoolId: id,
  byId: id,
  at: isoDateTime,
  outcome: z.enum(CHECKIN_OUTCOMES),
  count: z.number().int().min(0).max(10_000),
  note: z.string().max(4000),
  ...retention,
});

/** Something on an official account that needs a reply (a comment, query or complaint), with its due time. */
export const replyItemSchema = z.object({
  accountId: id,
  schoolId: id,
  loggedById: id,
  arrivedAt: isoDateTime,
  /** A few words to recognise it by; no pupils' names (the account itself holds the detail). */
  summary: z.string().trim().min(1).max(300),
  dueAt: isoDateTime,
  open: z.boolean(),
  repliedAt: isoDateTime.optional(),
  repliedById: id.optional(),
  /** When SLT was told it was overdue; once is enough. */
  escalatedAt: isoDateTime.optional(),
  ...retention,
});

export const RISK_AREAS = ['content', 'contact', 'conduct', 'commerce'] as const;
export const RISK_TYPES = ['aggressive', 'sexual', 'values', 'commercial'] as const;
export const INCIDENT_STATUSES = ['new', 'read', 'in-progress', 'referred', 'closed'] as const;

export const incidentSchema = z.object({
  reference: z.string().regex(/^INC-\d{4}-\d{4,}$/),
  schoolId: id,
  reporterId: id,
  type: shortText,
  platform: shortText,
  occurredAt: isoDateTime.optional(),
  immediateRisk: z.boolean(),
  urgent: z.boolean(),
  /** The online-risk "C" and the risk type are separate fields on purpose. */
  riskArea: z.enum(RISK_AREAS),
  riskType: z.enum(RISK_TYPES),
  possibleCrime: z.boolean(),
  safeguarding: z.boolean(),
  status: z.enum(INCIDENT_STATUSES),
  /** Which duty the report engaged (safeguarding, reputation, adult-conduct, account-security). */
  audience: z.enum(AUDIENCES).optional(),
  assigneeId: id.optional(),
  /** The adult named in a conduct concern, who must never see it. */
  subjectPersonId: id.optional(),
  firstReadAt: isoDateTime.optional(),
  /** How far chasing an unread report has gone, so each step is sent once. */
  escalatedTo: z.enum(['deputies', 'headteacher']).optional(),
  closedAt: isoDateTime.optional(),
  outcome: z.string().max(4000).optional(),
  ...retention,
});

export const INCIDENT_ENTRY_KINDS = [
  'report',
  'correction',
  'assessment',
  'action',
  'referral',
  'status',
  'classification',
  'assignment',
  'attachment',
  'outcome',
] as const;

/** Chronology entries are append-only: the original report is never edited. */
export const incidentEntrySchema = z.object({
  incidentId: id,
  schoolId: id,
  byId: id,
  at: isoDateTime,
  kind: z.enum(INCIDENT_ENTRY_KINDS),
  text: longText,
  data: z.record(z.string(), z.unknown()).optional(),
  ...retention,
});

export const courseSchema = z.object({
  trustId: id,
  /** Absent for trust-wide courses. */
  schoolId: id.optional(),
  title: shortText,
  refresherMonths: z.number().int().min(1).max(120).optional(),
  requiredForRoles: z.array(z.enum(ROLES)),
  /** Everyone who runs an official account must hold this course (the training gate). */
  requiredForAccountRunners: z.boolean().optional(),
  ...retention,
});

export const trainingRecordSchema = z.object({
  personId: id,
  courseId: id,
  schoolId: id,
  completedOn: isoDate,
  expiresOn: isoDate.optional(),
  source: z.enum(['hr', 'import', 'self-declared']),
  /** Only verified completions count; HR verifies self-declarations. */
  verified: z.boolean(),
  /** Who recorded it (HR, the importer, or the person declaring it). */
  recordedById: id.optional(),
  /** HR's check of a self-declaration; a rejected one never counts. */
  review: z
    .object({ byId: id, at: isoDateTime, outcome: z.enum(['accepted', 'rejected']), note: z.string().max(1000) })
    .optional(),
  ...retention,
});

/** One personal training reminder; its id carries the London day, so nobody is reminded twice in a day. */
export const trainingReminderSchema = z.object({
  personId: id,
  schoolId: id,
  byId: id,
  day: isoDate,
  at: isoDateTime,
  ...retention,
});

export const acknowledgementSchema = z.object({
  personId: id,
  schoolId: id,
  policyVersionId: id,
  versionNumber: z.number().int().min(1),
  at: isoDateTime,
  ...retention,
});

export const policyDocumentSchema = z.object({
  schoolId: id,
  title: shortText,
  currentVersionId: id.optional(),
  ...retention,
});

export const policyVersionSchema = z.object({
  documentId: id,
  schoolId: id,
  versionNumber: z.number().int().min(1),
  importedAt: isoDateTime,
  importedById: id,
  sourceFormat: z.enum(['md', 'txt', 'docx', 'pdf']),
  /** Normalised plain text; sections are derived from it by the importer. */
  text: z.string().max(500_000),
  ...retention,
});

export const questionSchema = z.object({
  schoolId: id,
  askerId: id,
  text: z.string().min(1).max(4000),
  status: z.enum(['unanswered', 'asked-slt', 'answered']),
  feedback: z.enum(['helpful', 'not-helpful']).optional(),
  answer: z.string().max(8000).optional(),
  answeredById: id.optional(),
  answeredAt: isoDateTime.optional(),
  ...retention,
});

/**
 * A senior leader's pointer from a staff question the policy did not answer well to the passage
 * that does answer it. The bot then finds that passage for the question, and for others worded
 * like it. The passage is kept as text, so the pointer still works in a later version that keeps
 * the passage, and lapses in one that drops it. One per question: its id is the question's.
 */
export const policyPointerSchema = z.object({
  schoolId: id,
  question: z.string().min(1).max(4000),
  sectionId: z.string().min(1).max(200),
  passage: z.string().min(1).max(20_000),
  pointedById: id,
  pointedAt: isoDateTime,
  /** Set when the pointer is taken back; the record stays for the audit trail. */
  withdrawnAt: isoDateTime.optional(),
  ...retention,
});

export const conversationRefSchema = z.object({
  /** 'person' for personal chat, 'channel' for a team channel such as the SLT channel. */
  scope: z.enum(['person', 'channel']),
  personId: id.optional(),
  schoolId: id.optional(),
  channelPurpose: z.enum(['slt', 'safeguarding', 'admin']).optional(),
  reference: z.record(z.string(), z.unknown()),
  ...retention,
});

export const outboxSchema = z.object({
  topic: shortText,
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'done', 'failed']),
  attempts: z.number().int().min(0),
  notBefore: isoDateTime,
  lastError: z.string().max(4000).optional(),
  /** When a safeguarding alert that had not arrived in time was sent by email instead; once is enough. */
  emailedAt: isoDateTime.optional(),
  ...retention,
});

export const counterSchema = z.object({ value: z.number().int().min(0) });

/** The audit log is append-only: no update or delete exists for it in the Store contract. */
export const auditSchema = z.object({
  at: isoDateTime,
  actorId: id,
  action: shortText,
  targetKind: shortText,
  targetId: id,
  schoolId: id.optional(),
  /** Set instead of a school on an entry about the whole trust: a staff import, reminders across schools, an export. */
  trustId: id.optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
  ...retention,
});
