import { approvalCard, decideApplication } from '../src/applications/approval.ts';
import { APPLICATION_DECIDE_VERB } from '../src/cards/application-approval.ts';
import { adaptiveCard, paragraph, type AdaptiveCard } from '../src/cards/elements.ts';
import type { Services } from '../src/services.ts';
import type { Rec } from '../src/store/kinds.ts';

/**
 * The SLT approval card's actions: the automatic refresh (which shows leaders their buttons)
 * and a decision. Who is acting comes from the activity, never from the card's data.
 */
export async function applicationCardAction(
  services: Services,
  person: Rec<'people'> | undefined,
  verb: string,
  data: Record<string, unknown>,
): Promise<AdaptiveCard> {
  const applicationId = typeof data.applicationId === 'string' ? data.applicationId : '';
  if (verb === APPLICATION_DECIDE_VERB) {
    const text = (key: string) => (typeof data[key] === 'string' ? data[key] : '');
    const outcome = await decideApplication(services, person, applicationId, {
      decision: text('decision'),
      comment: text('comment'),
      reassignTo: text('reassignTo'),
    });
    return outcome.kind === 'card' ? outcome.card : adaptiveCard([paragraph(outcome.why, { color: 'Attention' })]);
  }
  const application = applicationId ? await services.store.applications.get(applicationId) : undefined;
  // The business case is for the school's own staff; a crafted refresh from elsewhere sees nothing.
  if (!application || !person || !person.roles.some((r) => r.schoolId === application.schoolId)) {
    return adaptiveCard([paragraph('This application is not available.')]);
  }
  return approvalCard(services, application, person);
}
