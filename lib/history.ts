/**
 * What a set's history records: the tracked values (counts, dates, the page's group) and which
 * of them differ between two readings. Plain functions so the sync and its tests share them.
 */
import { TRACKED_FIELDS, type TrackedFields } from './db';
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
