import { hasRole } from '../domain/roles.ts';
import { staffWithRole } from '../people/directory.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';

export const sltChannelId = (schoolId: string) => `channel-slt-${schoolId}`;

/**
 * Where a message for a school's senior leaders goes: its SLT channel once a leader has set one
 * up (or the school names its SLT team), otherwise each senior leader's personal chat (except
 * whoever caused it).
 */
export async function sltDestinations(
  services: Pick<Services, 'installer' | 'store'>,
  schoolId: string,
  exceptId?: string,
): Promise<string[]> {
  const channel = await services.store.conversationRefs.get(sltChannelId(schoolId));
  if (channel) return [channel.id];
  // A school that names its SLT team gets its channel set up as the first message is sent.
  if (services.installer && (await services.store.schools.get(schoolId))?.teamId) return [sltChannelId(schoolId)];
  const leaders = await staffWithRole(services.store, schoolId, 'SLT');
  return leaders.filter((p) => p.id !== exceptId).map((p) => `person-${p.id}`);
}

export type SltChannelOutcome = 'registered' | 'kept-existing' | 'not-slt';

/**
 * Makes a team channel the school's SLT channel: where account applications and staff questions
 * for SLT are posted. Only a senior leader can; `keepExisting` is for the automatic choice made
 * when the app is installed in a team, which must not override a channel chosen on purpose.
 */
export async function registerSltChannel(
  services: Pick<Services, 'store'>,
  person: Rec<'people'> | undefined,
  reference: Record<string, unknown>,
  { keepExisting = false } = {},
): Promise<SltChannelOutcome> {
  if (!person || !hasRole(person, 'SLT', person.schoolId)) return 'not-slt';
  const { store } = services;
  const id = sltChannelId(person.schoolId);
  const existing = await store.conversationRefs.get(id);
  if (existing && keepExisting) return 'kept-existing';
  const data = { scope: 'channel' as const, schoolId: person.schoolId, channelPurpose: 'slt' as const, reference };
  if (existing) await store.conversationRefs.update(existing, data);
  else await store.conversationRefs.create(data, id);
  return 'registered';
}
