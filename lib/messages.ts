/**
 * Messages between the content script, the popup/options pages and the background worker.
 * Everything that crosses a message boundary is validated here (shape and size) before use:
 * page text is untrusted, and another extension or a compromised page may send anything.
 */
import * as v from 'valibot';
import { isCalendarDate } from './dates';
import type { PageRead } from './page-read';

/** A read larger than this is refused: 5,000 sets with long names stay well under it. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
export const MAX_SETS = 20_000;
const MAX_TEXT = 10_000;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)));
const date = v.nullable(
  v.pipe(
    v.string(),
    v.check((s: string) => isCalendarDate(s), 'not a YYYY-MM-DD calendar date'),
  ),
);
const pageStatus = v.nullable(v.picklist(['upcoming', 'active', 'expired']));

export const LicenseSetSchema = v.object({
  id: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(500)))),
  organization: v.optional(v.nullable(text)),
  track: text,
  name: text,
  licenses: count,
  assigned: count,
  completed: count,
  startDate: date,
  endDate: date,
  pageStatus,
  pageWarning: v.boolean(),
  stateAllocated: v.optional(v.boolean()),
});

export const PageReadSchema = v.object({
  isLicensesPage: v.boolean(),
  complete: v.boolean(),
  organization: v.nullable(text),
  tracks: v.pipe(v.array(text), v.maxLength(1000)),
  sets: v.pipe(v.array(LicenseSetSchema), v.maxLength(MAX_SETS)),
  diagnostics: v.pipe(
    v.array(v.object({ level: v.picklist(['info', 'warning', 'error']), message: text })),
    v.maxLength(1000),
  ),
});

/** Content script → background: what the page showed. */
export const SyncMessageSchema = v.object({
  type: v.literal('letrs:sync'),
  read: PageReadSchema,
});

export type SyncMessage = { type: 'letrs:sync'; read: PageRead };

/** The approximate size of a message in bytes, measured before any deep validation. */
export function messageSize(message: unknown): number {
  try {
    return JSON.stringify(message)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
