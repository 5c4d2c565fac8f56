/**
 * What the summary bar says about one read of the page, as a pure function: how many sets expire
 * soon, how many unassigned licenses are at risk, when the data was last saved, and, when the page
 * looks like the licenses page but its rows could not be read, a plain statement of that with the
 * reader's diagnostics ready to copy into a report.
 */
import { type CalendarDate, localToday, toCalendarDate } from '../../lib/dates';
import { formatNumber } from '../../lib/format';
import { expiringSoon, unassigned } from '../../lib/license';
import type { PageRead } from '../../lib/page-read';
import { shortDate, type Tone } from './chip-model';

export interface BarInput {
  read: PageRead;
  today: CalendarDate;
  warningWindow: number;
  /** ISO instant of the background's last sync, or null when nothing was saved yet. */
  lastSyncAt: string | null;
  /** Why the background did not take the read ("no answer from the extension"), or null. */
  syncError: string | null;
  /** Where the page is (origin + path, no query), for the copied details. */
  pageUrl: string;
  now: Date;
}

export interface BarStat {
  text: string;
  /** What the collapsed bar shows instead: "3 ending soon". */
  short: string;
  tone: Tone;
}

export interface BarModel {
  /** ok: every row read; partial: some rows had problems; unreadable: no rows read at all. */
  state: 'ok' | 'partial' | 'unreadable';
  /** The sentence the bar announces (role="status"). */
  message: string;
  stats: BarStat[];
  /** When the data was saved, or why it was not. */
  saved: string;
  /** The diagnostics as plain text for "Copy details"; null when the read went well. */
  details: string | null;
}

function count(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "10:42 AM" in the browser's time zone. */
export function clockTime(at: Date): string {
  const hours = at.getHours();
  const minutes = String(at.getMinutes()).padStart(2, '0');
  return `${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** "today at 10:42 AM", "yesterday at 9:05 PM", "Mar 3 at 10:42 AM". */
export function whenText(at: Date, now: Date): string {
  const day = toCalendarDate(at);
  const today = localToday(now);
  const yesterday = toCalendarDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const label = day === today ? 'today' : day === yesterday ? 'yesterday' : shortDate(day, today);
  return `${label} at ${clockTime(at)}`;
}

/** "Last saved today at 10:42 AM" / "Not saved: <why>" / "Not saved yet". */
export function savedText(lastSyncAt: string | null, syncError: string | null, now: Date): string {
  const at = lastSyncAt ? new Date(lastSyncAt) : null;
  const saved = at && !Number.isNaN(at.getTime()) ? `Last saved ${whenText(at, now)}` : null;
  if (syncError) return saved ? `This read was not saved (${syncError}). ${saved}` : `Not saved: ${syncError}`;
  return saved ?? 'Not saved yet';
}

/** The reader's findings as plain text, for a bug report. Page text stays text. */
export function detailsText(input: BarInput): string {
  const { read } = input;
  const lines = [
    'LETRS License Tracker: page read details',
    `Page: ${input.pageUrl}`,
    `Read at: ${input.now.toISOString()}`,
    `Looks like the licenses page: ${read.isLicensesPage ? 'yes' : 'no'}`,
    `Complete read: ${read.complete ? 'yes' : 'no'}`,
    `Organization: ${read.organization ?? '(not found)'}`,
    `Tracks: ${read.tracks.length ? read.tracks.join(', ') : '(none found)'}`,
    `License sets read: ${read.sets.length}`,
    `Saved: ${savedText(input.lastSyncAt, input.syncError, input.now)}`,
    'Diagnostics:',
    ...(read.diagnostics.length ? read.diagnostics.map((d) => `- [${d.level}] ${d.message}`) : ['- (none)']),
  ];
  return lines.join('\n');
}

/** Sets ending within the window and their unassigned licenses (summarize()'s figures, in one light pass). */
export function atRisk(read: PageRead, today: CalendarDate, warningWindow: number) {
  let soon = 0;
  let free = 0;
  for (const set of read.sets) {
    if (!expiringSoon(set, today, warningWindow)) continue;
    soon += 1;
    free += unassigned(set) ?? 0;
  }
  return { expiringSoon: soon, unassignedAtRisk: free };
}

/** Everything the bar shows for one read. */
export function barModel(input: BarInput): BarModel {
  const { read, today, warningWindow } = input;
  const problems = read.diagnostics.filter((d) => d.level !== 'info');
  const saved = savedText(input.lastSyncAt, input.syncError, input.now);
  if (read.sets.length === 0) {
    return {
      // The message already says nothing was saved from this read.
      state: 'unreadable',
      message:
        'This looks like the Manage Licenses page, but the tracker could not read any license sets on it. ' +
        'Your saved data is unchanged. Copy the details and send them with a report.',
      stats: [],
      saved: savedText(input.lastSyncAt, null, input.now),
      details: detailsText(input),
    };
  }
  const totals = atRisk(read, today, warningWindow);
  const stats: BarStat[] = [
    {
      text:
        totals.expiringSoon === 0
          ? `No sets end within ${count(warningWindow, 'day', 'days')}`
          : `${count(totals.expiringSoon, 'set ends', 'sets end')} within ${count(warningWindow, 'day', 'days')}`,
      short: totals.expiringSoon === 0 ? 'None ending soon' : `${formatNumber(totals.expiringSoon)} ending soon`,
      tone: totals.expiringSoon === 0 ? 'ok' : 'warning',
    },
    {
      text: `${count(totals.unassignedAtRisk, 'unassigned license', 'unassigned licenses')} at risk`,
      short: `${formatNumber(totals.unassignedAtRisk)} at risk`,
      tone: totals.unassignedAtRisk === 0 ? 'ok' : 'danger',
    },
  ];
  if (problems.length > 0 || !read.complete) {
    const first = problems[0]?.message;
    return {
      state: 'partial',
      message:
        `Read ${count(read.sets.length, 'license set', 'license sets')}, but part of the page could not be read` +
        `${first ? `: ${first.replace(/[.!?]?\s*$/, '.')}` : '.'} The chips show what was read.`,
      stats,
      saved,
      details: detailsText(input),
    };
  }
  return {
    state: 'ok',
    message: `${stats.map((s) => s.text).join(', ')}.`,
    stats,
    saved,
    details: null,
  };
}
