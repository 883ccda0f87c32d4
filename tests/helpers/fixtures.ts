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
