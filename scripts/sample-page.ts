/**
 * The built-in sample Manage Licenses page, used by the demo, the end-to-end tests and the
 * benchmarks. Its dates are written relative to today (`{{+12}}` = 12 days from today, shown as
 * "Dec 15, 2026"; `{{-100|MM/dd/yyyy}}` = 100 days ago in that format), so the sample always has
 * sets that are about to expire, whatever day it is run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'date-fns';
import { addDays, type CalendarDate, calendarDateToLocal, localToday } from '../lib/dates';

export const SAMPLE_PAGE_FILE = resolve(import.meta.dirname, '../test/fixtures/pages/sample-licenses.html');
export const SAMPLE_EXPECTED_FILE = resolve(
  import.meta.dirname,
  '../test/fixtures/pages/sample-licenses.expected.json',
);
/** Where the demo and the end-to-end tests serve the sample. */
export const SAMPLE_PAGE_PATH = '/manage/licenses';

/** Replaces every `{{±N}}` / `{{±N|date-fns format}}` with that day relative to `today`. */
export function renderRelativeDates(template: string, today: CalendarDate = localToday()): string {
  return template.replace(/\{\{([+-]\d+)(?:\|([^}]+))?\}\}/g, (_, offset: string, pattern?: string) =>
    format(calendarDateToLocal(addDays(today, Number(offset))), pattern ?? 'MMM d, yyyy'),
  );
}

/** The sample page's HTML as of `today`. */
export function samplePage(today?: CalendarDate): string {
  return renderRelativeDates(readFileSync(SAMPLE_PAGE_FILE, 'utf8'), today);
}

/** What the reader must find on the sample page as of `today` (dates as YYYY-MM-DD). */
export function sampleExpected(today?: CalendarDate): {
  isLicensesPage: boolean;
  organization: string | null;
  sets: Record<string, unknown>[];
} {
  return JSON.parse(renderRelativeDates(readFileSync(SAMPLE_EXPECTED_FILE, 'utf8'), today));
}
