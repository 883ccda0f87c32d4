import { principalFor } from '../src/auth/principal.ts';
import { adaptiveCard, paragraph, type AdaptiveCard } from '../src/cards/elements.ts';
import { myReportsCard } from '../src/cards/my-reports.ts';
import { myReports } from '../src/incidents/cases.ts';
import { REPORT_SUBMIT_VERB } from '../src/cards/report-form.ts';
import { ASK_SLT_VERB, POLICY_FEEDBACK_VERB } from '../src/cards/policy-answer.ts';
import { SLT_ANSWER_VERB } from '../src/cards/slt-question.ts';
import { APPLICATION_DECIDE_VERB, APPLICATION_REFRESH_VERB } from '../src/cards/application-approval.ts';
import { applicationCardAction } from './application-flow.ts';
import { checkInCards, checkInFromCard } from './account-flow.ts';
import { CHECK_IN_VERB } from '../src/cards/account-monitoring.ts';
import { answerQuestion, askSltFromCard, recordFeedback, sltAnswerFromCard } from './policy-flow.ts';
import { helpCard, welcomeCard } from '../src/cards/welcome.ts';
import {
  isBareReportCommand,
  questionPart,
  recogniseIntent,
  startsWithGreeting,
  withoutGreeting,
} from '../src/domain/incidents/intent.ts';
import { pageLink } from '../src/config/urls.ts';
import { hasRole } from '../src/domain/roles.ts';
import { registerSltChannel } from '../src/notifications/slt-destinations.ts';
import type { Rec } from '../src/store/kinds.ts';
import { StoreUnavailableError } from '../src/store/errors.ts';
import { vouchedReporterId } from '../src/incidents/pending-reports.ts';
import type { Services } from '../src/services.ts';
import type { BotTurn } from './activity.ts';
import { evidenceReceiptCard } from '../src/cards/evidence-receipt.ts';
import { attachEvidence } from '../src/incidents/evidence.ts';
import { downloadFiles, filesIn } from './evidence-download.ts';
import { NOT_IN_DIRECTORY, notSavedCard, submitReport } from './report-flow.ts';
import { placeOnFirstContact, placeUnverified } from '../src/people/first-contact.ts';
import { newReportForm } from '../src/incidents/report-form-for.ts';

const MY_REPORTS = /^\s*\/?(my reports?|my incidents|status)\s*$/i;
const SLT_CHANNEL_SETUP = /^\s*(set ?up|use this channel for) (slt|senior leadership)( team)? questions\s*$/i;
const CHECK_IN = /^\s*\/?check[ -]?in\s*$/i;
const HELP = /^\s*(help|\?|what can you do\??|menu)\s*$/i;

/** What the bot says about the SLT channel, whichever way it was chosen. */
const SLT_CHANNEL_WORDS = {
  chosen:
    'Done: account applications and staff questions for the senior leadership team will be posted in this channel. Decide and answer them on the cards.',
  installed:
    'Hello. Account applications and staff questions for the senior leadership team will be posted in this channel. To use a different channel, type “set up SLT questions” there.',
  notSlt: 'Only a member of the senior leadership team can choose the channel for SLT’s cards.',
};

export interface Bot {
  onTurn(turn: BotTurn): Promise<void>;
}

type CardAction = (
  services: Services,
  person: Rec<'people'> | undefined,
  data: Record<string, unknown>,
  verb: string,
  /** The message holding the card acted on, when the channel says. */
  cardId?: string,
) => Promise<AdaptiveCard>;

/**
 * Every card button (Action.Execute verb) the bot answers. Each handler takes who pressed it from
 * the activity and checks their authority itself; the security suite tries every verb here.
 */
export const CARD_ACTIONS: Record<string, CardAction> = {
  [REPORT_SUBMIT_VERB]: (services, person, data, _verb, cardId) => submitReport(services, person, data, cardId),
  [POLICY_FEEDBACK_VERB]: (services, person, data) => recordFeedback(services, person, data),
  [ASK_SLT_VERB]: (services, person, data) => askSltFromCard(services, person, data),
  [SLT_ANSWER_VERB]: (services, person, data) => sltAnswerFromCard(services, person, data),
  [CHECK_IN_VERB]: (services, person, data) => checkInFromCard(services, person, data),
  [APPLICATION_DECIDE_VERB]: (services, person, data, verb) => applicationCardAction(services, person, verb, data),
  [APPLICATION_REFRESH_VERB]: (services, person, data, verb) => applicationCardAction(services, person, verb, data),
};

/**
 * A member of the school's tenant (the activity was signed for it) whom this instance cannot look
 * up while the store is away. It holds no role anywhere, so it can do nothing but leave a report
 * to wait; the report's reporter is found by their Entra id when the store is back.
 */
function vouchedFor(aadObjectId: string, name: string | undefined): Rec<'people'> {
  const displayName = name?.trim() || 'A member of staff';
  return {
    id: vouchedReporterId(aadObjectId),
    etag: '',
    createdAt: '',
    updatedAt: '',
    trustId: '',
    schoolId: '',
    aadObjectId,
    upn: `${aadObjectId}@vouched.invalid`,
    displayName,
    givenName: displayName,
    surname: '',
    department: '',
    jobTitle: '',
    staffType: 'support',
    roles: [],
    startedOn: '',
    active: true,
  };
}

/** The conversation logic, independent of the bot SDK. */
export function createBot(services: Services): Bot {
  const { store, config, log } = services;

  // Who last wrote, by Entra id: if the store is briefly unreachable, a report can still be taken.
  const knownSenders = new Map<string, Rec<'people'>>();

  /**
   * Someone the directory sync has not brought in yet, looked up in Entra now. If Entra cannot be
   * asked, they are still from the school's tenant, so they are taken in for triage rather than
   * turned away.
   */
  async function placedOnFirstContact(aadObjectId: string, name?: string): Promise<Rec<'people'> | undefined> {
    try {
      return await placeOnFirstContact(services, aadObjectId);
    } catch (err) {
      log.error({ err, aadObjectId }, 'could not look up a new sender in Entra ID');
      return placeUnverified(services, aadObjectId, name).catch((e: unknown) => {
        log.error({ err: e, aadObjectId }, 'could not add a new sender for triage either');
        return undefined;
      });
    }
  }

  async function sender(turn: BotTurn): Promise<Rec<'people'> | undefined> {
    const aadObjectId = turn.activity.from.aadObjectId;
    if (!aadObjectId) return undefined;
    let person: Rec<'people'> | undefined;
    try {
      [person] = (await store.people.list({ where: { aadObjectId }, limit: 1 })).items;
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      const known = knownSenders.get(aadObjectId);
      if (known) {
        log.warn({ aadObjectId }, 'store unreachable: using the sender as last seen');
        return known;
      }
      // New to this instance (it may have just restarted) while the store is away: the tenant has
      // vouched for them, which is enough to keep their report waiting until the store is back.
      log.warn({ aadObjectId }, 'store unreachable: the sender is taken on the tenant’s word until it is back');
      return vouchedFor(aadObjectId, turn.activity.from.name);
    }
    if (!person?.active && services.directory)
      person = await placedOnFirstContact(aadObjectId, turn.activity.from.name);
    if (person?.active) knownSenders.set(aadObjectId, person);
    else knownSenders.delete(aadObjectId);
    return person?.active ? person : undefined;
  }

  async function context(person: Rec<'people'> | undefined) {
    if (!person) return { dslName: undefined, language: undefined, schoolName: undefined };
    const [school, colleagues] = await Promise.all([
      store.schools.get(person.schoolId),
      store.people.listAll({ where: { schoolId: person.schoolId, active: true } }),
    ]);
    const dsl =
      colleagues.find((p) => hasRole(p, 'DSL', person.schoolId) && /designated/i.test(p.jobTitle)) ??
      colleagues.find((p) => hasRole(p, 'DSL', person.schoolId));
    return { dslName: dsl?.displayName, language: school?.language, schoolName: school?.name };
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
      // Remembering the chat helps later messages; it must never stop this one being answered.
      if (person && personal) {
        await rememberConversation(turn, person).catch((err: unknown) =>
          log.warn({ err }, 'could not remember the conversation'),
        );
      }

      const hubUrl = pageLink(services.config, 'home');
      const welcome = async () =>
        turn.send({
          card: welcomeCard({ name: person?.givenName ?? activity.from.name, hubUrl, ...(await context(person)) }),
        });

      if (activity.type === 'conversationUpdate') {
        const added = activity.membersAdded ?? [];
        if (personal && added.length > 0) await welcome();
        // Installed in a team by a senior leader: that team's channel becomes the SLT channel,
        // unless one was already chosen.
        if (!personal && added.some((m) => m.id === activity.recipient.id)) {
          const outcome = await registerSltChannel(services, person, turn.conversationReference(), {
            keepExisting: true,
          });
          if (outcome === 'registered') await turn.send({ text: SLT_CHANNEL_WORDS.installed });
        }
        return;
      }
      if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
        const action = ((activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } }).action ?? {};
        const data = (action.data && typeof action.data === 'object' ? action.data : {}) as Record<string, unknown>;
        const verb = typeof action.verb === 'string' ? action.verb : '';
        const act = Object.hasOwn(CARD_ACTIONS, verb) ? CARD_ACTIONS[verb] : undefined;
        await turn.respondWithCard(
          act
            ? await act(services, person, data, verb, activity.replyToId)
            : adaptiveCard([paragraph('This button is no longer available. Type "help" to see what I can do.')]),
        );
        return;
      }
      if (activity.type !== 'message') return;

      if (personal && filesIn(activity).length > 0) {
        if (!person) {
          await turn.send({ card: notSavedCard(NOT_IN_DIRECTORY) });
          return;
        }
        // Any words sent with the files are kept as their caption.
        const outcome = await attachEvidence(
          services,
          person,
          () => downloadFiles(turn, config.evidence),
          (activity.text ?? '').trim(),
        );
        await turn.send({ card: evidenceReceiptCard(outcome) });
        return;
      }

      // In a channel the bot's name arrives as an <at> mention before the words.
      const text = (activity.text ?? '').replace(/<at>[^<]*<\/at>/g, '').trim();
      if (!personal && SLT_CHANNEL_SETUP.test(text)) {
        const outcome = await registerSltChannel(services, person, turn.conversationReference());
        await turn.send({ text: outcome === 'not-slt' ? SLT_CHANNEL_WORDS.notSlt : SLT_CHANNEL_WORDS.chosen });
        return;
      }
      const intent = recogniseIntent(text);
      const wantsReport =
        intent.kind === 'disclosure' || intent.kind === 'report' || intent.kind === 'question-with-event';
      if (wantsReport && !person) {
        // A form that can never be saved would waste the time of someone who may need help now.
        await turn.send({ card: notSavedCard(NOT_IN_DIRECTORY) });
      } else if (CHECK_IN.test(text) && person) {
        for (const card of await checkInCards(services, person)) await turn.send({ card });
      } else if (MY_REPORTS.test(text)) {
        const reports = person ? await myReports(services, principalFor(person)) : [];
        await turn.send({ card: myReportsCard(reports, pageLink(services.config, 'my-reports')) });
      } else if (intent.kind === 'question-with-event') {
        // Answer the question, then offer the report with their words already in it.
        await turn.send({ card: await answerQuestion(services, person!, questionPart(withoutGreeting(text))) });
        await turn.send({
          text: 'It sounds as if this has already happened. If so, please report it here so your safeguarding lead knows:',
        });
        await turn.send({
          card: await newReportForm(services, person!, {
            type: intent.type,
            platform: intent.platform,
            description: text,
          }),
        });
      } else if (wantsReport) {
        // The person's own words go into the form, so nothing they typed is lost (a bare "report" has none).
        const description = isBareReportCommand(text) ? undefined : withoutGreeting(text);
        await turn.send({
          card: await newReportForm(
            services,
            person!,
            { type: intent.type, platform: intent.platform, description },
            intent.kind === 'disclosure',
          ),
        });
      } else if (
        startsWithGreeting(text) &&
        (intent.kind !== 'question' || withoutGreeting(text).split(/\s+/).length < 4)
      ) {
        // "Hi" or "hello, how are you?" is a greeting; "Hi, can I follow an ex-pupil?" is a question.
        await welcome();
      } else if (intent.kind === 'question' && person && !HELP.test(text)) {
        await turn.send({ card: await answerQuestion(services, person, withoutGreeting(text)) });
      } else if (/^\s*hub\s*$/i.test(text)) {
        await turn.send({ text: `Open the hub here: ${hubUrl}` });
      } else {
        const { dslName, language } = await context(person);
        await turn.send({ card: helpCard({ hubUrl, dslName, language, notUnderstood: !HELP.test(text) }) });
      }
    },
  };
}
