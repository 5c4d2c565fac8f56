/**
 * The popup's two exports of the whole cache, read at click time: the CSV (lib/cache-csv.ts, the
 * same file the content script's export gives) and the calendar file, ready to save.
 */
import { cacheCsv } from './cache-csv';
import type { CalendarDate } from './dates';
import type { LicenseDatabase } from './db';
import type { DownloadFile } from './download';
import { icsFileName, toIcs } from './ics';
import { readSettings } from './settings-store';

export async function csvDownload(db: LicenseDatabase, today: CalendarDate): Promise<DownloadFile> {
  const { filename, csv } = await cacheCsv(db, today);
  return { filename, type: 'text/csv;charset=utf-8', content: csv };
}

export async function icsDownload(db: LicenseDatabase, today: CalendarDate, now = new Date()): Promise<DownloadFile> {
  const [sets, settings] = await db.transaction('r', [db.sets, db.settings], () =>
    Promise.all([db.sets.toArray(), readSettings(db)]),
  );
  return {
    filename: icsFileName(today),
    type: 'text/calendar;charset=utf-8',
    content: toIcs(sets, today, { warningWindow: settings.warningWindow, now }),
  };
}
