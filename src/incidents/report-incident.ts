import { assessReport } from '../domain/incidents/classification.ts';
import { isAudience, type Audience } from '../domain/incidents/catalogue.ts';
import { incidentReference, referenceCounterId } from '../domain/incidents/reference.ts';
import { NOT_ON_STAFF_LIST, validateReport, type ReportField } from '../domain/incidents/report.ts';
import { retentionFor } from '../domain/incidents/retention.ts';
import {
  alertedGroup,
  recipientsFor,
  routingFor,
  type AlertedGroup,
  type SchoolRouting,
} from '../domain/incidents/routing.ts';
import { randomUUID } from 'node:crypto';
import { alertDelivery, type AlertDelivery } from './alert-delivery.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { appendEntry } from './case-record.ts';
import { ConflictError, DuplicateError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { NotFound, RuleBroken } from '../errors.ts';
import { fieldProblems } from '../domain/field-problems.ts';

export const ALERT_TOPIC = 'incident.alert';
const OTHER_RECORDS_YEARS = 6;
/**
 * Reports racing for the next reference retry, each after a random wait that grows (to a cap), so a
 * burst (many staff reporting one viral post, across several instances) settles instead of
 * colliding again. They keep trying for a time, not a number of tries: on a busy server a burst
 * of 50 needed more than 12 rounds, and a report refused for that would tell its reporter "not
 * saved" for no fault of theirs. The budget stays well inside Teams' wait for a card's answer.
 */
const RACE_BUDGET_MS = 8_000;
const raceWait = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(25 * attempt, 250)).unref());

/** A saved report, who was alerted, what the reporter should do now, and whether this send repeated an earlier one. */
export interface SavedReport {
  incident: Rec<'incidents'>;
  alerted: number;
  /** Whom the routing sent the alerts to. */
  alertedTo: AlertedGroup;
  advice: string[];
  alreadySaved: boolean;
  /** Whether Teams has delivered the alert yet (on its way, for a report saved just now). */
  delivery: AlertDelivery;
}

const checkAnswers = (errors: Partial<Record<ReportField, string>>) =>
  new RuleBroken('invalid_report', 'Please check the answers marked below.', fieldProblems(errors));

/** A repeat of a form already saved: the same answer as the first time, for its own reporter only. */
async function alreadySaved(
  services: Pick<Services, 'store'>,
  incident: Rec<'incidents'>,
  reporter: Rec<'people'>,
  routing: SchoolRouting,
  advice: string[],
): Promise<SavedReport> {
  // The form id belongs to someone else's report: refuse without saying anything about it.
  if (incident.reporterId !== reporter.id) throw new NotFound('That report form');
  const entries = await services.store.audit.listAll({ where: { targetId: incident.id, actorId: reporter.id } });
  const reported = entries.find((e) => e.action === 'incident.reported');
  const alerted = Number(reported?.detail?.recipients ?? 0);
  const alertIds = reported?.detail?.alertIds;
  const delivery = Array.isArray(alertIds)
    ? await alertDelivery(services.store, alertIds.map(String))
    : ({ state: 'sending' } as const);
  const routedTo = reported?.detail?.routedTo;
  const audience =
    typeof routedTo === 'string' && isAudience(routedTo) ? routedTo : (incident.audience ?? 'safeguarding');
  const alertedTo = alertedGroup(audience, routing, incident.subjectPersonId);
  return { incident, alerted, alertedTo, advice, alreadySaved: true, delivery };
}

/** The lowest year group named ("Year 9", "Y7", "Reception"), to date child-protection retention. */
export function youngestYearGroup(people: string): number | undefined {
  const years = [...people.matchAll(/\b(?:year|yr|y)\s?(\d{1,2})\b/gi)].map((m) => Number(m[1]));
  if (/\breception\b/i.test(people)) years.push(0);
  return years.length ? Math.min(...years) : undefined;
}

/**
 * Saves a report durably before anything is confirmed: the incident, its immutable report entry,
 * the audit entry and the alerts to send (an outbox) are one atomic commit. Sending the same form
 * twice returns the first save; nothing is written twice.
 */
export async function reportIncident(
  services: Services,
  reporter: Rec<'people'>,
  submitted: Record<string, unknown>,
  /** `cardId`: the reporter's confirmation card, changed to say when the alert has arrived. */
  options: { cardId?: string } = {},
): Promise<SavedReport> {
  const { store, log } = services;
  const now = services.now();
  const validation = validateReport(submitted, now);
  if (!validation.ok) throw checkAnswers(validation.errors);
  const report = validation.report;
  // The form's id is the incident's: a second send meets DuplicateError below and gets the first save.
  const id = `incident-${report.draftId}`;

  const schoolId = reporter.schoolId;
  const c = assessReport(report);
  const [colleagues, school] = await Promise.all([
    store.people.listAll({ where: { schoolId, active: true } }),
    store.schools.get(schoolId),
  ]);
  let subjectPersonId: string | undefined;
  if (report.subject && report.subject !== NOT_ON_STAFF_LIST) {
    // The picker only offers active colleagues at the reporter's school; anything else was crafted or is stale.
    if (report.subject === reporter.id) {
      throw checkAnswers({
        subject: 'You are already recorded as the reporter. Describe your own part in the description.',
      });
    }
    if (!colleagues.some((p) => p.id === report.subject))
      throw checkAnswers({ subject: 'Choose a name from the list' });
    subjectPersonId = report.subject;
  }
  const routing = routingFor(school);
  // A report must never go nowhere: after its own route, the safeguarding lead, then SLT.
  let routedTo: Audience = c.audience;
  let routed = recipientsFor({ audience: routedTo, schoolId, subjectPersonId }, colleagues, routing);
  for (const fallback of ['safeguarding', 'reputation'] as const) {
    if (routed.ok) break;
    log.warn({ schoolId, audience: routedTo, problem: routed.problem }, 'incident routing fell back');
    routedTo = fallback;
    routed = recipientsFor({ audience: routedTo, schoolId, subjectPersonId }, colleagues, routing);
  }
  const recipientIds = routed.ok ? routed.recipientIds : [];
  const alertedTo = alertedGroup(routedTo, routing, subjectPersonId);
  const { advice } = c;
  const retention = retentionFor({
    safeguarding: c.safeguarding,
    adultConduct: c.audience === 'adult-conduct',
    reportedOn: now.toISOString(),
    youngestPupilYearGroup: youngestYearGroup(report.people),
    otherRecordsYears: OTHER_RECORDS_YEARS,
  });
  // Named now, so the reporter's card can be told how these very alerts fare.
  const alertIds = recipientIds.map(() => `alert-${randomUUID()}`);
  const receipt = options.cardId
    ? { cardId: options.cardId, alertIds, alerted: { group: alertedTo, people: recipientIds.length } }
    : undefined;
  const year = now.getUTCFullYear();
  const counterId = referenceCounterId(reporter.trustId, year);
  const at = now.toISOString();

  const raceUntil = Date.now() + RACE_BUDGET_MS;
  for (let attempt = 1; ; attempt++) {
    const counter = await store.counters.get(counterId);
    const sequence = (counter?.value ?? 0) + 1;
    try {
      const incident = await store.commit((uow) => {
        if (counter) uow.update('counters', counter, { value: sequence });
        else uow.create('counters', { value: sequence }, counterId);
        const created = uow.create(
          'incidents',
          {
            reference: incidentReference(year, sequence),
            schoolId,
            reporterId: reporter.id,
            type: report.type,
            platform: report.platform,
            occurredAt: report.occurredAt,
            immediateRisk: report.immediateRisk,
            urgent: c.urgent,
            riskArea: c.riskArea,
            riskType: c.riskType,
            possibleCrime: c.possibleCrime,
            safeguarding: c.safeguarding,
            status: 'new',
            // Who may read it follows whom it went to: a concern about an adult that could not go to
            // its reader (no headteacher, or no chair for one about the head) goes to the safeguarding
            // leads, and they must be able to open it. A report is never saved where nobody may read it.
            audience: routedTo,
            subjectPersonId,
            ...retention,
          },
          id,
        );
        appendEntry(uow, created, {
          byId: reporter.id,
          at,
          kind: 'report',
          text: report.description,
          data: {
            people: report.people,
            occurredOn: report.occurredOn,
            occurredTime: report.occurredTime,
            actionsTaken: report.actionsTaken,
            toldDsl: report.toldDsl,
            crimeIndicators: c.crimeIndicators,
            harms: c.harms,
            harmsReadBy: c.harmsReadBy,
            audience: c.audience,
            subjectNotOnStaffList: report.subject === NOT_ON_STAFF_LIST || undefined,
          },
        });
        uow.append('audit', {
          at,
          actorId: reporter.id,
          action: 'incident.reported',
          targetKind: 'incidents',
          targetId: id,
          schoolId,
          detail: { reference: created.reference, recipients: recipientIds.length, routedTo, alertIds },
        });
        recipientIds.forEach((recipientId, i) =>
          queueMessage(
            uow,
            ALERT_TOPIC,
            { incidentId: id, recipientId, ...(receipt ? { receipt } : {}) },
            at,
            alertIds[i],
          ),
        );
        return created;
      });
      services.outbox.kick();
      return {
        incident,
        alerted: recipientIds.length,
        alertedTo,
        advice,
        alreadySaved: false,
        delivery: { state: 'sending' },
      };
    } catch (err) {
      const raced = (err instanceof ConflictError || err instanceof DuplicateError) && err.kind === 'counters';
      if (err instanceof DuplicateError && err.kind === 'incidents') {
        // The same form arrived twice, or again after the instance that took it first died part-way
        // through saving it: whatever of that save is unfinished is finished before answering.
        await store.finishInterrupted();
        return alreadySaved(services, await store.incidents.require(id), reporter, routing, advice);
      }
      if (!raced || Date.now() >= raceUntil) throw err;
      await raceWait(attempt);
    }
  }
}
