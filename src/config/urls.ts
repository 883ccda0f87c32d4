import type { Config } from './config.ts';

/** The tab's address as people reach it: the public URL in a tenant, localhost when embedded. */
export function hubUrl(config: Pick<Config, 'publicUrl' | 'port'>): string {
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  return `${base.replace(/\/$/, '')}/tab/`;
}

export const caseUrl = (config: Pick<Config, 'publicUrl' | 'port'>, incidentId: string) =>
  `${hubUrl(config)}#/cases/${encodeURIComponent(incidentId)}`;

/** The policy page in the tab, opened at a section when one is given. */
export const policyUrl = (config: Pick<Config, 'publicUrl' | 'port'>, sectionId?: string) =>
  `${hubUrl(config)}#/policy${sectionId ? `/${encodeURIComponent(sectionId)}` : ''}`;

export const accountsUrl = (config: Pick<Config, 'publicUrl' | 'port'>) => `${hubUrl(config)}#/accounts`;

/** The accounts page, opened at the form for recording the account an approved application asked for. */
export const accountTaskUrl = (config: Pick<Config, 'publicUrl' | 'port'>, applicationId: string) =>
  `${accountsUrl(config)}?create=${encodeURIComponent(applicationId)}`;

export const myTrainingUrl = (config: Pick<Config, 'publicUrl' | 'port'>) => `${hubUrl(config)}#/my-training`;

export const monitoringUrl = (config: Pick<Config, 'publicUrl' | 'port'>) => `${hubUrl(config)}#/monitoring`;

/** The accounts page, opened at the handover of one account. */
export const handoverUrl = (config: Pick<Config, 'publicUrl' | 'port'>, accountId: string) =>
  `${accountsUrl(config)}?handover=${encodeURIComponent(accountId)}`;
