import type { Role } from '../../src/domain/roles.ts';
import { PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';

/** The demo person for each role as Teams names them in an activity's `from` (seeded by src/seed). */
const TEAMS_USERS: Record<Role, { id: string; name: string }> = {
  Staff: { id: '29:jordan', name: 'Jordan Ellery' },
  DSL: { id: '29:morgan', name: 'Morgan Hale' },
  SLT: { id: '29:priya', name: 'Priya Whitlock' },
  Admin: { id: '29:casey', name: 'Casey Brennan' },
  HR: { id: '29:hr', name: 'HR' },
};

/** Who a test activity comes from: the demo person holding `role`, with their Entra object id. */
export const teamsUser = (role: Role) => ({ ...TEAMS_USERS[role], aadObjectId: PLAYGROUND_USER_IDS[role] });
