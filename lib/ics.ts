/**
 * The calendar export: an all-day event on each set's end date (and on each upcoming set's start
 * date), with a reminder the warning window ahead, so the district's calendar warns like the
 * badge does. ical-generator (no Node built-ins, works in the popup bundle) writes the file and
 * escapes every name as text; UIDs come from the set's cache key, so importing a newer export
 * updates the events instead of duplicating them.
 */
import ical, { ICalAlarmType, type ICalEventData } from 'ical-generator';
import { addDays, type CalendarDate } from './dates';
import type { CachedSet } from './db';
import { formatNumber, plural } from './format';
import { DEFAULT_WARNING_WINDOW, factsFor } from './license';

const DAY_SECONDS = 24 * 60 * 60;
const UID_DOMAIN = 'letrs-license-tracker.invalid';

/** A set as the calendar needs it: the cache key gives the stable UID. */
export type CalendarSet = Pick<CachedSet, 'key'> & Parameters<typeof factsFor>[0];

/**
 * An all-day date for ical-generator. With no time zone it writes a DATE from the UTC fields,
 * so the calendar day is built in UTC on purpose (not `new Date('YYYY-MM-DD')`).
 */
function allDay(date: CalendarDate): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** base64url of the UTF-8 key: stable, unique per key, and only letters, digits, '-' and '_'. */
export function uidFor(key: string, kind: 'end' | 'start'): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(key)) binary += String.fromCharCode(byte);
  const encoded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${kind}-${encoded}@${UID_DOMAIN}`;
}

function counts(set: CalendarSet, free: number | null): string {
  const parts: string[] = [];
  if (set.licenses !== null) parts.push(plural(set.licenses, 'license'));
  if (set.assigned !== null) parts.push(`${formatNumber(set.assigned)} assigned`);
  if (free !== null) parts.push(`${formatNumber(free)} unassigned`);
  if (set.completed !== null) parts.push(`${formatNumber(set.completed)} completed`);
  return parts.join(', ');
}

function describe(set: CalendarSet, free: number | null): string {
  return [
    set.organization ? `Organization: ${set.organization}` : null,
    `License track: ${set.track}`,
    `License set: ${set.name}`,
    counts(set, free) || null,
    'From the LETRS Manage Licenses page (letrs.com), via LETRS License Tracker.',
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

export interface IcsOptions {
  /** Days before the date that the reminder fires (the warning window). */
  warningWindow?: number;
  /** The DTSTAMP of every event: when the file was made. */
  now?: Date;
}

/** The events of the calendar export, one per end date and one per upcoming start date. */
export function calendarEvents(sets: readonly CalendarSet[], today: CalendarDate, options: IcsOptions = {}) {
  const window = options.warningWindow ?? DEFAULT_WARNING_WINDOW;
  const now = options.now ?? new Date();
  const events: ICalEventData[] = [];
  const reminder = (summary: string) => ({
    type: ICalAlarmType.display,
    triggerBefore: window * DAY_SECONDS,
    description: summary,
  });
  for (const set of sets) {
    const facts = factsFor(set, today, window);
    const description = describe(set, facts.unassigned);
    if (set.endDate) {
      const summary = `LETRS licenses end: ${set.name} (${set.track})`;
      events.push({
        id: uidFor(set.key, 'end'),
        allDay: true,
        start: allDay(set.endDate),
        end: allDay(addDays(set.endDate, 1)),
        stamp: now,
        summary,
        description,
        alarms: [reminder(summary)],
      });
    }
    if (set.startDate && facts.status === 'upcoming') {
      const summary = `LETRS licenses start: ${set.name} (${set.track})`;
      events.push({
        id: uidFor(set.key, 'start'),
        allDay: true,
        start: allDay(set.startDate),
        end: allDay(addDays(set.startDate, 1)),
        stamp: now,
        summary,
        description,
        alarms: [reminder(summary)],
      });
    }
  }
  return events;
}

/** The whole .ics file. */
export function toIcs(sets: readonly CalendarSet[], today: CalendarDate, options: IcsOptions = {}): string {
  return ical({
    name: 'LETRS license sets',
    prodId: { company: 'LETRS License Tracker', product: 'letrs-license-tracker', language: 'EN' },
    events: calendarEvents(sets, today, options),
  }).toString();
}

/** `letrs-licenses-YYYY-MM-DD.ics` */
export function icsFileName(today: CalendarDate): string {
  return `letrs-licenses-${today}.ics`;
}
