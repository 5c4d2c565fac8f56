/**
 * Settings as people type them and as backup files bring them: the options page's fields are
 * parsed here into whole day counts (1–365) with a message that says what to fix, and a backup's
 * settings are checked strictly with valibot (lib/settings-store.ts normalises stored ones).
 */
import * as v from 'valibot';
import { MAX_DAYS, MIN_DAYS } from './settings';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_LEAD_TIMES = 10;
const WHOLE = /^\d+$/;

/** One day count typed in a field: a whole number from 1 to 365. */
export function parseDays(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: `Enter a number of days from ${MIN_DAYS} to ${MAX_DAYS}.` };
  if (!WHOLE.test(trimmed)) {
    return { ok: false, error: `"${trimmed}" is not a whole number of days: enter ${MIN_DAYS} to ${MAX_DAYS}.` };
  }
  const value = Number(trimmed);
  if (value < MIN_DAYS || value > MAX_DAYS) {
    return { ok: false, error: `${trimmed} days is out of range: enter ${MIN_DAYS} to ${MAX_DAYS}.` };
  }
  return { ok: true, value };
}

/** Notification lead times typed as a comma list ("30, 7, 1"): each 1–365, duplicates dropped, longest first. */
export function parseLeadTimes(text: string): Parsed<number[]> {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return { ok: false, error: 'Enter at least one lead time in days, e.g. 30, 7, 1.' };
  const values: number[] = [];
  for (const item of items) {
    const parsed = parseDays(item);
    if (!parsed.ok) return { ok: false, error: `Lead time ${parsed.error}` };
    values.push(parsed.value);
  }
  const unique = [...new Set(values)].sort((a, b) => b - a);
  if (unique.length > MAX_LEAD_TIMES) return { ok: false, error: `Enter at most ${MAX_LEAD_TIMES} lead times.` };
  return { ok: true, value: unique };
}

/** Lead times as the field shows them: "30, 7, 1". */
export function formatLeadTimes(values: readonly number[]): string {
  return values.join(', ');
}

const days = v.pipe(v.number(), v.integer(), v.minValue(MIN_DAYS), v.maxValue(MAX_DAYS));
const names = v.pipe(v.array(v.pipe(v.string(), v.maxLength(10_000))), v.maxLength(10_000));

/** Complete settings, as a backup holds them. */
export const SettingsSchema = v.object({
  warningWindow: days,
  deadlineHorizon: days,
  notificationsEnabled: v.boolean(),
  notificationLeadTimes: v.pipe(v.array(days), v.maxLength(MAX_LEAD_TIMES)),
  badgeExcludedOrganizations: names,
  badgeExcludedTracks: names,
});
