/**
 * The CSV of the whole cache, as the popup's export and the `letrs:export-csv` message give it:
 * every cached set (including those no longer shown on the page), sorted by organization, track
 * and name, with statuses as of `today` and the user's warning window.
 */
import { csvFileName, toCsv } from './csv';
import type { CalendarDate } from './dates';
import type { LicenseDatabase } from './db';
import { readSettings } from './settings-store';

export async function cacheCsv(db: LicenseDatabase, today: CalendarDate): Promise<{ filename: string; csv: string }> {
  const [sets, settings] = await db.transaction('r', [db.sets, db.settings], () =>
    Promise.all([db.sets.toArray(), readSettings(db)]),
  );
  sets.sort(
    (a, b) =>
      a.organization.localeCompare(b.organization) || a.track.localeCompare(b.track) || a.name.localeCompare(b.name),
  );
  return { filename: csvFileName(today), csv: toCsv(sets, today, settings.warningWindow) };
}
