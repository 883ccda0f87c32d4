/**
 * The audit log in words: what someone did, to what kind of record. The raw code stays in the
 * export and behind "Details", for anyone who needs to search for it.
 */
const ACTIONS: Record<string, string> = {
  'incident.reported': 'reported an incident',
  'incident.viewed': 'opened the case',
  'incident.evidence.added': 'added evidence to the case',
  'incident.evidence.viewed': 'opened evidence on the case',
  'incident.exported': 'exported the case chronology',
  'incident.escalated': 'chased an unread report',
  'incident.alert-emailed': 'emailed an alert Teams had not delivered',
  'incident.assessment': 'recorded an assessment',
  'incident.action': 'recorded an action taken',
  'incident.correction': 'recorded a correction',
  'incident.referral': 'recorded a referral',
  'incident.status': 'changed the case’s status',
  'incident.assign': 'assigned the case',
  'incident.classification': 'changed the case’s classification',
  'application.submitted': 'sent an account application to SLT',
  'application.withdrawn': 'withdrew an account application',
  'application.approve': 'approved the application',
  'application.reject': 'rejected the application',
  'application.request-changes': 'asked for changes to the application',
  'application.reassigned': 'asked a colleague to decide the application',
  'application.expired': 'closed the application undecided',
  'application.reminded': 'reminded SLT of the application',
  'account.created': 'recorded the official account',
  'account.closed': 'closed the official account',
  'account.credential-revealed': 'revealed the sign-in details',
  'account.credential-changed': 'changed the sign-in details',
  'account.transferred': 'handed the account over',
  'account.reviewed': 'recorded the yearly review',
  'account.rota-changed': 'changed the holiday rota',
  'account.monitoring-escalated': 'told SLT about missed monitoring',
  'policy.imported': 'published a policy version',
  'policy.acknowledged': 'confirmed reading the policy',
  'question.asked-slt': 'sent a question to SLT',
  'question.answered': 'answered a staff question',
  'question.pointed': 'pointed a question to its answer in the policy',
  'question.pointer-withdrawn': 'withdrew a question’s pointer',
  'training.recorded': 'recorded a training completion',
  'training.declared': 'declared a training completion',
  'training.imported': 'imported training completions',
  'training.exported': 'exported the training dashboard',
  'training.reminded': 'sent training reminders',
  'training.course-created': 'added a course',
  'training.course-changed': 'changed a course',
  'person.leaving-date-set': 'set a leaving date',
  'person.leaving-date-cleared': 'cleared a leaving date',
  'roles.synced-from-entra': 'took roles from Entra ID at sign-in',
  'directory.updated': 'updated the staff directory',
  'delivery.retried': 'tried an undelivered message again',
  'audit.exported': 'exported the audit log',
  'demo-data.seeded': 'loaded the demo data',
};

const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^school\.([a-z-]+)\.changed$/, (m) => `changed the school’s ${m[1]!.replace(/-/g, ' ')} settings`],
  [/^account\.check-in\.([a-z-]+)$/, (m) => `checked in on the account (${m[1]!.replace(/-/g, ' ')})`],
  [/^training\.declaration-([a-z-]+)$/, (m) => `${m[1]} a declared completion`],
];

export function actionWords(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  for (const [pattern, words] of PATTERNS) {
    const match = action.match(pattern);
    if (match) return words(match);
  }
  // An action this table does not know yet still reads as words, not a code.
  return action.replace(/[.-]/g, ' ');
}

const RECORDS: Record<string, string> = {
  incidents: 'Case',
  applications: 'Account application',
  socialAccounts: 'Official account',
  people: 'Person',
  schools: 'School',
  trusts: 'Trust',
  questions: 'Staff question',
  policyDocuments: 'Policy',
  policyVersions: 'Policy version',
  courses: 'Course',
  trainingRecords: 'Training record',
  outbox: 'Message',
  audit: 'Audit log',
};

export const recordWords = (kind: string): string => RECORDS[kind] ?? kind;
