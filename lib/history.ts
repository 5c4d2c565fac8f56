/**
 * What a set's history records: the tracked values (counts, dates, the page's group) and which
 * of them differ between two readings, and how long it is kept. Plain functions so the sync,
 * the daily update and their tests share them.
 */
import { addDays, type CalendarDate } from './dates';
import { type LicenseDatabase, TRACKED_FIELDS, type TrackedFields } from './db';
import type { LicenseSet } from './license';

/** The tracked values of a set, nothing else. */
export function trackedValues(set: TrackedFields | LicenseSet): TrackedFields {
  return {
    licenses: set.licenses,
    assigned: set.assigned,
    completed: set.completed,
    startDate: set.startDate,
    endDate: set.endDate,
    pageStatus: set.pageStatus,
  };
}

/** The tracked fields whose values differ from `before` to `after`; all of them when there is no `before`. */
export function changedFields(before: TrackedFields | null | undefined, after: TrackedFields): (keyof TrackedFields)[] {
  if (!before) return [...TRACKED_FIELDS];
  return TRACKED_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

/**
 * How long history is kept: entries dated more than three years (1,096 days) before today are
 * pruned by the daily update, so the history table stays bounded (it already holds at most one
 * entry per set per day). A set's newest entry is always kept, however old, because the next
 * sync compares against it to tell which values changed.
 */
export const HISTORY_MAX_AGE_DAYS = 1096;

/**
 * Deletes history entries older than HISTORY_MAX_AGE_DAYS, except each set's newest entry.
 * Call inside a transaction that includes db.history (the daily update's). Returns how many went.
 */
export async function pruneHistory(db: LicenseDatabase, today: CalendarDate): Promise<number> {
  const cutoff = addDays(today, -HISTORY_MAX_AGE_DAYS);
  const old = await db.history.where('date').below(cutoff).toArray();
  if (old.length === 0) return 0;
  const newestOld = new Map<string, string>();
  for (const entry of old) if ((newestOld.get(entry.key) ?? '') < entry.date) newestOld.set(entry.key, entry.date);
  const doomed: [string, string][] = [];
  for (const [key, newest] of newestOld) {
    const hasRecent =
      (await db.history.where('[key+date]').between([key, cutoff], [key, '\uffff'], true, true).count()) > 0;
    for (const entry of old) {
      if (entry.key === key && (hasRecent || entry.date !== newest)) doomed.push([entry.key, entry.date]);
    }
  }
  await db.history.bulkDelete(doomed);
  return doomed.length;
}
