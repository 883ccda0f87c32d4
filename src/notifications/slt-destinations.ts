import { hasRole } from '../domain/roles.ts';
import type { Services } from '../services.ts';

export const sltChannelId = (schoolId: string) => `channel-slt-${schoolId}`;

/**
 * Where a message for a school's senior leaders goes: its SLT channel once a leader has set one
 * up, otherwise each senior leader's personal chat (except whoever caused it).
 */
export async function sltDestinations(services: Services, schoolId: string, exceptId?: string): Promise<string[]> {
  const channel = await services.store.conversationRefs.get(sltChannelId(schoolId));
  if (channel) return [channel.id];
  const staff = await services.store.people.listAll({ where: { schoolId, active: true } });
  return staff.filter((p) => hasRole(p, 'SLT', schoolId) && p.id !== exceptId).map((p) => `person-${p.id}`);
}
