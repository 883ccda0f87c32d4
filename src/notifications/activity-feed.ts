import type { ActivityFeed, ActivityType } from '../ports.ts';
import type { Client } from '@microsoft/microsoft-graph-client';
import { pageLink } from '../config/urls.ts';
import type { Config } from '../config/config.ts';
import { asApp } from './graph-calls.ts';

/**
 * The activity types the manifest declares (`activities.activityTypes` in appPackage/manifest.json;
 * a test keeps the two the same). Teams shows each in the person's activity feed from its
 * template, so what it says is only what the parameters carry: never names or what happened.
 */
export const ACTIVITY_TYPES = {
  reportAlert: {
    description: 'A report needs a safeguarding lead',
    templateText: '{urgency} report {reference}: {kind}',
  },
  decisionNeeded: { description: 'An account application waits for a decision', templateText: '{what}' },
  taskAssigned: { description: 'A task for you in the hub', templateText: '{what}' },
  reminder: { description: 'A reminder from the hub', templateText: '{what}' },
} as const satisfies Record<ActivityType, { description: string; templateText: string }>;

/** Through Graph's sendActivityNotification, with application permission TeamsActivity.Send. */
export function graphActivityFeed(client: Client, config: Config): ActivityFeed {
  return {
    async notify(aadObjectId, notice) {
      await asApp(
        () =>
          client.api(`/users/${encodeURIComponent(aadObjectId)}/teamwork/sendActivityNotification`).post({
            topic: { source: 'text', value: 'Social Media Policy Hub', webUrl: pageLink(config, notice.page) },
            activityType: notice.activityType,
            previewText: { content: notice.preview },
            templateParameters: Object.entries(notice.parameters).map(([name, value]) => ({ name, value })),
          }),
        { what: 'Teams refused an activity-feed notification', permission: 'TeamsActivity.Send' },
      );
    },
  };
}
