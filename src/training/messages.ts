import { policyUpdatedCard, trainingReminderCard } from '../cards/training-reminder.ts';
import { myTrainingUrl, policyUrl } from '../config/urls.ts';
import { simpleNotice, Undeliverable, type Messages } from '../notifications/message.ts';
import type { Services } from '../services.ts';
import { outstandingItems } from './reminders.ts';
import { personTraining } from './training-records.ts';

/** HR's reminders, and the notice of a new policy version. */
export function trainingMessages(services: Services): Messages<'training.reminder' | 'policy.updated'> {
  const { store } = services;
  return {
    'training.reminder': {
      async render(payload) {
        const person = await store.people.get(payload.personId);
        if (!person?.active) return { skip: 'the person has left' };
        const training = await personTraining(services, person);
        const items = outstandingItems(training);
        if (items.length === 0) return { skip: 'nothing is outstanding any more' };
        return {
          conversationId: payload.conversationId,
          card: trainingReminderCard({
            firstName: person.givenName,
            items,
            policyUrl: training.policy?.standing.compliant ? undefined : policyUrl(services.config),
            trainingUrl: myTrainingUrl(services.config),
          }),
        };
      },
      notice: simpleNotice('reminder', 'HR has asked you to bring your training up to date', () => 'my-training'),
    },
    'policy.updated': {
      async render(payload) {
        const version = await store.policyVersions.get(payload.versionId);
        if (!version) throw new Undeliverable('the policy version no longer exists');
        const document = await store.policyDocuments.get(version.documentId);
        if (document?.currentVersionId !== version.id) return { skip: 'a newer version has been published since' };
        return {
          conversationId: payload.conversationId,
          card: policyUpdatedCard({
            title: document.title,
            versionNumber: version.versionNumber,
            policyUrl: policyUrl(services.config),
          }),
        };
      },
    },
  };
}
