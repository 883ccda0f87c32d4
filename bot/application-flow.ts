import { approvalCard, decideApplication } from '../src/applications/approval.ts';
import { APPLICATION_DECIDE_VERB } from '../src/cards/application-approval.ts';
import { adaptiveCard, paragraph, type AdaptiveCard } from '../src/cards/elements.ts';
import { worksOnApplications } from '../src/domain/applications/access.ts';
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
    return decideApplication(services, person, applicationId, {
      decision: text('decision'),
      comment: text('comment'),
      reassignTo: text('reassignTo'),
    });
  }
  const application = applicationId ? await services.store.applications.get(applicationId) : undefined;
  // The live card, with the business case and the runners' training, is for those who work on
  // the school's applications; a crafted refresh from anyone else learns nothing, not even that it exists.
  if (!application || !person || !worksOnApplications(person, application.schoolId)) {
    return adaptiveCard([paragraph('This application is not available.')]);
  }
  return approvalCard(services, application, person);
}
