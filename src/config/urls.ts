import type { Config } from './config.ts';

type LinkConfig = Pick<Config, 'publicUrl' | 'port'> & Partial<Pick<Config, 'teamsAppId' | 'mode'>>;

/** The manifest's personal tab that hosts every page; deep links open it at a page. */
export const HUB_TAB_ENTITY = 'hub';

/** The tab's address as people reach it in a browser: the public URL in a tenant, localhost when embedded. */
export function hubUrl(config: Pick<Config, 'publicUrl' | 'port'>): string {
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  return `${base.replace(/\/$/, '')}/tab/`;
}

/**
 * A link to a page of the tab (`cases/<id>`, `policy/<section>`, `accounts?create=<id>`). In a
 * tenant it is a Teams deep link to the app's tab with the page as its sub-entity, so it opens in
 * Teams (desktop, web or phone) rather than a browser; the tab reads the page from the Teams
 * context (`subPageId`). Embedded, there is no Teams, so it is the web address.
 */
export function pageLink(config: LinkConfig, page: string): string {
  const web = `${hubUrl(config)}#/${page}`;
  if (config.mode !== 'tenant' || !config.teamsAppId) return web;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: page }));
  return `https://teams.microsoft.com/l/entity/${config.teamsAppId}/${HUB_TAB_ENTITY}?webUrl=${encodeURIComponent(web)}&label=${encodeURIComponent('Social Media Policy Hub')}&context=${context}`;
}

export const caseUrl = (config: LinkConfig, incidentId: string) =>
  pageLink(config, `cases/${encodeURIComponent(incidentId)}`);

/** The policy page in the tab, opened at a section when one is given. */
export const policyUrl = (config: LinkConfig, sectionId?: string) =>
  pageLink(config, `policy${sectionId ? `/${encodeURIComponent(sectionId)}` : ''}`);

export const accountsUrl = (config: LinkConfig) => pageLink(config, 'accounts');

/** The accounts page, opened at the form for recording the account an approved application asked for. */
export const accountTaskUrl = (config: LinkConfig, applicationId: string) =>
  pageLink(config, `accounts?create=${encodeURIComponent(applicationId)}`);

export const myTrainingUrl = (config: LinkConfig) => pageLink(config, 'my-training');

export const monitoringUrl = (config: LinkConfig) => pageLink(config, 'monitoring');

/** The accounts page, opened at the handover of one account. */
export const handoverUrl = (config: LinkConfig, accountId: string) =>
  pageLink(config, `accounts?handover=${encodeURIComponent(accountId)}`);
