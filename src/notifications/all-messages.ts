import { accountMessages } from '../accounts/messages.ts';
import { applicationMessages } from '../applications/messages.ts';
import { incidentMessages } from '../incidents/messages.ts';
import { questionMessages } from '../policy/messages.ts';
import type { Services } from '../services.ts';
import { trainingMessages } from '../training/messages.ts';
import type { Messages } from './message.ts';

/**
 * Every feature's messages, in one table the dispatcher sends from. Typed as covering every
 * topic, so a topic without its message does not compile; features import nothing of each other.
 */
export function allMessages(services: Services): Messages {
  return {
    ...incidentMessages(services),
    ...questionMessages(services),
    ...applicationMessages(services),
    ...accountMessages(services),
    ...trainingMessages(services),
    // Getting someone's chat ready sends nothing (see reach.ts).
    'person.reach': { render: async (payload) => ({ reach: payload.conversationId }) },
  };
}
