import type { Principal } from '../auth/principal.ts';
import { auditScope } from '../audit/scope.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { isOverdue, type StaffRow } from '../domain/training/dashboard.ts';
import { NotFound, RuleBroken } from '../errors.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { DuplicateError } from '../store/errors.ts';
import { trainingPicture } from './picture.ts';
import type { personTraining } from './training-records.ts';
import { schoolsInScope } from '../people/oversight.ts';
import type { OutstandingItem } from '../cards/training-reminder.ts';
import { ukDate } from '../uk-time.ts';

/** A personal reminder card about outstanding training. */
export const TRAINING_REMINDER_TOPIC = 'training.reminder';

/**
 * Teams throttles a bot that messages many people at once, so reminders are spread out: this
 * many a minute at most, the rest queued for the following minutes.
 */
export const REMINDERS_PER_MINUTE = 120;
/** One request reaches at most this many people, so a slip cannot message a whole trust twice over. */
export const MAX_REMINDERS_PER_REQUEST = 2000;

const reminderId = (personId: string, day: string) => `reminder-${personId}-${day}`;

export interface ReminderRequest {
  schoolId?: string;
  personIds?: string[];
  everyoneOverdue?: boolean;
}

export interface ReminderResult {
  /** Reminders queued now. */
  queued: number;
  /** Already reminded today (London time), so not reminded again. */
  alreadyRemindedToday: number;
  /** Nothing outstanding: nobody is chased for training they have done. */
  upToDate: number;
  /** Has never opened a chat with the bot, so it cannot message them; they see it in the tab. */
  noChat: number;
  /** Minutes until the last queued reminder goes, given the rate limit. */
  spreadOverMinutes: number;
}

/**
 * HR chases people: the ones they picked, or everyone with something overdue. Each gets one
 * personal card from the bot, at most once a day; the day's reminder record makes that hold even
 * when two people press the button at once.
 */
export async function sendReminders(
  services: Services,
  principal: Principal,
  request: ReminderRequest,
): Promise<ReminderResult> {
  const { store } = services;
  // Who may remind comes before what they asked for.
  const schools = schoolsInScope(principal, request.schoolId);
  if (!request.everyoneOverdue && !request.personIds?.length) {
    throw new RuleBroken('no_one_chosen', 'Choose the people to remind, or remind everyone overdue');
  }
  const picture = await trainingPicture(services, schools);
  const chosen = request.everyoneOverdue
    ? picture.rows.filter(isOverdue)
    : picture.rows.filter((row) => request.personIds!.includes(row.personId));
  if (!request.everyoneOverdue && chosen.length < new Set(request.personIds).size) {
    throw new NotFound('', { message: 'Some of the people chosen are not staff at a school you oversee' });
  }
  if (chosen.length > MAX_REMINDERS_PER_REQUEST) {
    throw new RuleBroken(
      'too_many',
      `That is ${chosen.length} people; remind at most ${MAX_REMINDERS_PER_REQUEST} at a time (filter by school or department)`,
    );
  }
  const now = services.now();
  const day = londonDate(now);
  const result: ReminderResult = { queued: 0, alreadyRemindedToday: 0, upToDate: 0, noChat: 0, spreadOverMinutes: 0 };
  const toRemind: StaffRow[] = [];
  for (const row of chosen) {
    if (row.standings.every((s) => s === null || s.compliant)) result.upToDate += 1;
    else if (await store.trainingReminders.get(reminderId(row.personId, day))) result.alreadyRemindedToday += 1;
    else if (!(await store.conversationRefs.get(`person-${row.personId}`))) result.noChat += 1;
    else toRemind.push(row);
  }
  const at = now.toISOString();
  try {
    await store.commit((uow) => {
      toRemind.forEach((row, i) => {
        uow.append(
          'trainingReminders',
          { personId: row.personId, schoolId: row.schoolId, byId: principal.person.id, day, at },
          reminderId(row.personId, day),
        );
        const notBefore = new Date(now.getTime() + Math.floor(i / REMINDERS_PER_MINUTE) * 60_000).toISOString();
        queueMessage(
          uow,
          TRAINING_REMINDER_TOPIC,
          { personId: row.personId, conversationId: `person-${row.personId}` },
          notBefore,
        );
      });
      if (toRemind.length > 0) {
        uow.append('audit', {
          at,
          actorId: principal.person.id,
          action: 'training.reminded',
          targetKind: 'people',
          targetId: toRemind.length === 1 ? toRemind[0]!.personId : 'many',
          ...auditScope(
            principal.person.trustId,
            toRemind.map((r) => r.schoolId),
          ),
          detail: { count: toRemind.length, everyoneOverdue: Boolean(request.everyoneOverdue) },
        });
      }
    });
  } catch (err) {
    // Someone else reminded one of these people a moment ago: count afresh rather than fail.
    if (err instanceof DuplicateError) return sendReminders(services, principal, request);
    throw err;
  }
  services.outbox.kick();
  result.queued = toRemind.length;
  result.spreadOverMinutes = Math.max(0, Math.ceil(toRemind.length / REMINDERS_PER_MINUTE) - 1);
  return result;
}

/** What a reminder lists: each requirement not met, in words, with its date. */
export function outstandingItems(training: Awaited<ReturnType<typeof personTraining>>): OutstandingItem[] {
  const requirements = [
    ...(training.policy
      ? [{ title: `Read and confirm: ${training.policy.title}`, standing: training.policy.standing }]
      : []),
    ...training.courses.flatMap((c) => (c.standing ? [{ title: c.title, standing: c.standing }] : [])),
  ];
  return requirements
    .filter(({ standing }) => !standing.compliant)
    .map(({ title, standing }) => ({
      title,
      state:
        standing.status === 'awaiting-verification'
          ? 'waiting for HR to check your record'
          : standing.status === 'overdue'
            ? `overdue since ${ukDate(standing.dueOn!)}`
            : `due by ${ukDate(standing.dueOn!)}`,
    }));
}
