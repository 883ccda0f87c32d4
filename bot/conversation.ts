import { helpCard, welcomeCard } from '../src/cards/welcome.ts';
import { hasRole } from '../src/domain/roles.ts';
import type { Rec } from '../src/store/kinds.ts';
import type { Services } from '../src/services.ts';
import type { BotTurn } from './activity.ts';

const GREETING = /^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|start)\b/i;
const HELP = /^\s*(help|\?|what can you do\??|menu)\s*$/i;

export interface Bot {
  onTurn(turn: BotTurn): Promise<void>;
}

export function hubUrl(services: Pick<Services, 'config'>): string {
  const base = services.config.publicUrl ?? `http://localhost:${services.config.port}`;
  return `${base.replace(/\/$/, '')}/tab/`;
}

/** The conversation logic, independent of the bot SDK. */
export function createBot(services: Services): Bot {
  const { store, config, log } = services;

  async function sender(turn: BotTurn): Promise<Rec<'people'> | undefined> {
    const aadObjectId = turn.activity.from.aadObjectId;
    if (!aadObjectId) return undefined;
    const [person] = (await store.people.list({ where: { aadObjectId }, limit: 1 })).items;
    return person?.active ? person : undefined;
  }

  async function context(person: Rec<'people'> | undefined) {
    if (!person) return { schoolName: undefined, dslName: undefined };
    const [school, colleagues] = await Promise.all([
      store.schools.get(person.schoolId),
      store.people.listAll({ where: { schoolId: person.schoolId, active: true } }),
    ]);
    const dsl =
      colleagues.find((p) => hasRole(p, 'DSL', person.schoolId) && /designated/i.test(p.jobTitle)) ??
      colleagues.find((p) => hasRole(p, 'DSL', person.schoolId));
    return { schoolName: school?.name, dslName: dsl?.displayName };
  }

  /** Keeps the latest personal-chat reference so later features can message this person. */
  async function rememberConversation(turn: BotTurn, person: Rec<'people'>): Promise<void> {
    const id = `person-${person.id}`;
    const reference = turn.conversationReference();
    const existing = await store.conversationRefs.get(id);
    if (!existing) {
      await store.conversationRefs.create(
        { scope: 'person', personId: person.id, schoolId: person.schoolId, reference },
        id,
      );
    } else if (JSON.stringify(existing.reference) !== JSON.stringify(reference)) {
      await store.conversationRefs.update(existing, { reference });
    }
  }

  return {
    async onTurn(turn) {
      const { activity } = turn;
      if (config.tenantId && activity.tenantId !== config.tenantId) {
        // Another tenant's users must never reach this school's data; drop without a reply.
        log.warn({ tenant: activity.tenantId, type: activity.type }, 'dropped activity from another tenant');
        return;
      }
      const personal = (activity.conversation.conversationType ?? 'personal') === 'personal';
      const person = await sender(turn);
      if (person && personal) await rememberConversation(turn, person);

      if (activity.type === 'conversationUpdate') {
        const added = activity.membersAdded ?? [];
        if (personal && added.length > 0) {
          const ctx = await context(person);
          await turn.send({
            card: welcomeCard({ name: person?.givenName ?? activity.from.name, hubUrl: hubUrl(services), ...ctx }),
          });
        }
        return;
      }
      if (activity.type !== 'message') return;

      const text = (activity.text ?? '').trim();
      const ctx = await context(person);
      if (GREETING.test(text)) {
        await turn.send({
          card: welcomeCard({ name: person?.givenName ?? activity.from.name, hubUrl: hubUrl(services), ...ctx }),
        });
      } else if (/^\s*hub\s*$/i.test(text)) {
        await turn.send({ text: `Open the hub here: ${hubUrl(services)}` });
      } else {
        await turn.send({
          card: helpCard({ hubUrl: hubUrl(services), dslName: ctx.dslName, notUnderstood: !HELP.test(text) }),
        });
      }
    },
  };
}
