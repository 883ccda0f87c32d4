/** Graph refused for want of a permission the school has not granted: said plainly, with the fix. */
export class PermissionMissing extends Error {
  override name = 'PermissionMissing';
}

const statusOf = (err: unknown) => (err as { statusCode?: number }).statusCode;

/**
 * One call Graph makes as the app. A 403 becomes a `PermissionMissing` naming what to grant; a 409
 * counts as done where `conflictIsDone` (installing something already installed). Anything else
 * is thrown as it came, to be retried.
 */
export async function asApp<T>(
  work: () => Promise<T>,
  refused: { what: string; permission: string; conflictIsDone?: boolean },
): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (refused.conflictIsDone && statusOf(err) === 409) return undefined;
    if (statusOf(err) === 403) {
      throw new PermissionMissing(
        `${refused.what}: grant the app the Microsoft Graph application permission ${refused.permission} (admin consent)`,
      );
    }
    throw err;
  }
}
