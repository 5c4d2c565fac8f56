/**
 * What to tell a person when the extension's database cannot be opened or read: which part
 * failed, in words, and what to do about it. Dexie names its errors (MissingAPIError,
 * VersionError, …); anything else gets the general advice.
 */
export interface DatabaseProblem {
  /** What failed. */
  title: string;
  /** What to do. */
  advice: string;
  /** The browser's own words, for a bug report. */
  detail: string;
}

export function describeDatabaseError(error: unknown): DatabaseProblem {
  const name = (error as { name?: unknown } | null)?.name;
  const message = (error as { message?: unknown } | null)?.message;
  const detail = [typeof name === 'string' ? name : 'Error', typeof message === 'string' ? message : String(error)]
    .filter(Boolean)
    .join(': ');
  switch (name) {
    case 'MissingAPIError':
      return {
        title: 'This browser window cannot store data for extensions (IndexedDB is unavailable).',
        advice: 'Open the popup from a normal (not private) window, or allow site data in the browser settings.',
        detail,
      };
    case 'VersionError':
    case 'UpgradeError':
      return {
        title: 'The saved license data was written by a different version of the extension.',
        advice: 'Reload the extension (or restart the browser) so every part runs the same version, then try again.',
        detail,
      };
    case 'QuotaExceededError':
      return {
        title: 'The browser has no room left to store the license data.',
        advice: 'Free some disk space, or clear old data from the extension’s settings page, then try again.',
        detail,
      };
    default:
      return {
        title: 'The saved license data could not be opened.',
        advice:
          'Close and reopen this popup. If it keeps failing, restart the browser; the settings page can restore a backup or clear the data.',
        detail,
      };
  }
}
