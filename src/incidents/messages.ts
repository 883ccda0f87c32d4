import { closedNoticeCard, incidentAlertCard, readReceiptCard, type AlertInput } from '../cards/incident-alert.ts';
import { reportConfirmationCard, reportSyncedCard } from '../cards/report-confirmation.ts';
import { alertDelivery } from './alert-delivery.ts';
import { adviceFor } from '../domain/incidents/classification.ts';
import { HARMS, type Harm } from '../domain/incidents/harms.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { AdaptiveCard } from '../cards/elements.ts';
import { caseUrl } from '../config/urls.ts';
import { alertTypeLabel, isIncidentType } from '../domain/incidents/catalogue.ts';
import { simpleNotice, Undeliverable, type Delivery, type Messages } from '../notifications/message.ts';
import type { MessagePayloads } from '../notifications/topics.ts';
import { personChat } from '../notifications/recipients.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';

type IncidentTopic =
  'incident.alert' | 'report.alert-status' | 'case.assigned' | 'report.read' | 'report.closed' | 'incident.synced';

/** The messages about a report: alerts to those who handle it, and notices to its reporter. */
export function incidentMessages(services: Pick<Services, 'config' | 'store'>): Messages<IncidentTopic> {
  const { store } = services;
  const alert = (incident: Rec<'incidents'>, extra: Pick<AlertInput, 'escalation' | 'assigned'>) =>
    incidentAlertCard({
      reference: incident.reference,
      type: incident.type,
      urgent: incident.urgent,
      reportedAt: new Date(incident.createdAt),
      caseUrl: caseUrl(services.config, incident.id),
      ...extra,
    });

  /** A message about an incident, to a person's chat. */
  const aboutIncident =
    <P extends MessagePayloads[IncidentTopic]>(build: (incident: Rec<'incidents'>, payload: P) => AdaptiveCard) =>
    async (payload: P): Promise<Delivery> => {
      const incident = await store.incidents.get(payload.incidentId);
      if (!incident) throw new Undeliverable('the incident no longer exists');
      return { conversationId: personChat(payload.recipientId), card: build(incident, payload) };
    };

  /** The reporter's card is to say how the alerts fare: one message, read fresh when it is sent. */
  const followUp = async (payload: MessagePayloads['incident.alert']) => {
    const { receipt } = payload;
    if (!receipt) return;
    const incident = await store.incidents.get(payload.incidentId);
    if (!incident) return;
    await store.commit((uow) =>
      queueMessage(
        uow,
        'report.alert-status',
        { incidentId: incident.id, recipientId: incident.reporterId, ...receipt },
        new Date().toISOString(),
      ),
    );
  };

  return {
    'report.alert-status': {
      async render(payload) {
        const incident = await store.incidents.get(payload.incidentId);
        if (!incident) throw new Undeliverable('the incident no longer exists');
        const delivery = await alertDelivery(store, payload.alertIds);
        if (delivery.state === 'sending') return { skip: 'no alert has been tried yet' };
        const entries = await store.incidentEntries.listAll({ where: { incidentId: incident.id } });
        const read = entries.find((e) => e.kind === 'report')?.data?.harms;
        const harms = (Array.isArray(read) ? read : []).filter((h): h is Harm => HARMS.includes(h as Harm));
        return {
          edits: [{ conversationId: personChat(incident.reporterId), activityId: payload.cardId }],
          card: reportConfirmationCard({
            reference: incident.reference,
            type: incident.type,
            urgent: incident.urgent,
            savedAt: new Date(incident.createdAt),
            alerted: payload.alerted.people,
            alertedTo: payload.alerted.group,
            advice: adviceFor(isIncidentType(incident.type) ? incident.type : 'other', harms),
            delivery,
          }),
        };
      },
    },
    'incident.alert': {
      delivered: followUp,
      failed: followUp,
      render: aboutIncident((incident, payload: MessagePayloads['incident.alert']) =>
        alert(incident, { escalation: payload.escalation }),
      ),
      // Reference, kind and urgency only: a notification may be seen over someone's shoulder.
      async notice(payload) {
        const incident = await store.incidents.get(payload.incidentId);
        if (!incident) return undefined;
        const kind = alertTypeLabel(incident.type);
        const urgency = incident.urgent ? 'Urgent' : payload.escalation ? 'Unread' : 'New';
        return {
          activityType: 'reportAlert',
          preview: `${urgency} report ${incident.reference}`,
          page: `cases/${incident.id}`,
          parameters: { urgency, reference: incident.reference, kind },
        };
      },
    },
    'case.assigned': {
      render: aboutIncident((incident) => alert(incident, { assigned: true })),
      notice: simpleNotice('taskAssigned', 'A case has been assigned to you', (p) => `cases/${p.incidentId}`),
    },
    'report.read': { render: aboutIncident((incident) => readReceiptCard(incident.reference)) },
    'incident.synced': {
      render: aboutIncident((incident, payload: MessagePayloads['incident.synced']) =>
        reportSyncedCard(incident.reference, payload.alerted),
      ),
    },
    'report.closed': { render: aboutIncident((incident) => closedNoticeCard(incident.reference)) },
  };
}
