import { randomUUID } from 'node:crypto';

/** A filled-in report form as Teams sends it: the headline journey, a pupil's friend request. */
export function friendRequestForm(draftId: string = randomUUID()) {
  return {
    draftId,
    type: 'friend-request',
    platform: 'Instagram',
    occurredOn: '2026-11-20',
    occurredTime: '21:30',
    people: 'Riley Brookes, Year 9',
    description: 'Riley sent me a follow request on Instagram last night.',
    actionsTaken: 'Did not accept it. Took a screenshot.',
    immediateRisk: 'no',
    toldDsl: 'no',
  };
}

/** An alert's input as the outbox builds it, for card tests. */
export const SAMPLE_ALERT = {
  reference: 'INC-2026-0007',
  type: 'friend-request',
  reportedAt: new Date('2026-11-21T09:00:00Z'),
  caseUrl: 'https://hub/tab/#/cases/x',
};
