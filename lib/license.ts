/**
 * The license rules every part of the extension shares: what a license set is, which status it
 * has on a given day, how many days it has left and how many licenses are still unassigned.
 * Plain TypeScript, no DOM and no extension APIs, so it runs in Node, tests and every entrypoint.
 */
import { type CalendarDate, daysBetween } from './dates';

/** The status groups Lexia's page shows. */
export type PageStatus = 'upcoming' | 'active' | 'expired';
/** A set's status as of a day; `unknown` only when neither dates nor the page tell. */
export type Status = PageStatus | 'unknown';

/** One license set as the Manage Licenses page shows it. What the page did not show is null. */
export interface LicenseSet {
  /** A stable id when the row carries one (a link or data attribute). */
  id?: string | null;
  /** The school, district or state the page belongs to. */
  organization?: string | null;
  /** The license track (product) the set is listed under, e.g. "LETRS for Administrators". */
  track: string;
  /** The set's name, without icons, counts or dates. */
  name: string;
  /** Licenses in the set (for a state-owned set: allocated to this organization). */
  licenses: number | null;
  /** Licenses assigned (shown for upcoming and active sets). */
  assigned: number | null;
  /** People who completed the course (shown for expired sets instead of assignments). */
  completed: number | null;
  startDate: CalendarDate | null;
  endDate: CalendarDate | null;
  /** The group the page listed the set under. */
  pageStatus: PageStatus | null;
  /** The page showed its "expiring soon" warning icon beside the set. */
  pageWarning: boolean;
  /** A state-owned set allocated to this organization. */
  stateAllocated?: boolean;
}

/** Lexia's page warns 30 days ahead; the setting defaults to the same. */
export const DEFAULT_WARNING_WINDOW = 30;

/**
 * The set's status on `today`: upcoming when it starts after today, expired when it ended before
 * today, otherwise active (a set that starts today, or ends today, is active). With a date
 * missing it decides from what is known, then from the page's grouping.
 */
export function status(set: Pick<LicenseSet, 'startDate' | 'endDate' | 'pageStatus'>, today: CalendarDate): Status {
  const { startDate, endDate } = set;
  if (startDate && daysBetween(today, startDate) > 0) return 'upcoming';
  if (endDate && daysBetween(endDate, today) > 0) return 'expired';
  if (startDate && endDate) return 'active';
  // One date known and it says "not upcoming" / "not expired": the page's group breaks the tie
  // unless it contradicts the known date.
  if (startDate) return set.pageStatus === 'expired' ? 'expired' : 'active';
  if (endDate) return set.pageStatus === 'upcoming' ? 'upcoming' : 'active';
  return set.pageStatus ?? 'unknown';
}

/** Calendar days from today to the end date (0 = ends today, negative = ended); null without an end date. */
export function daysUntilEnd(set: Pick<LicenseSet, 'endDate'>, today: CalendarDate): number | null {
  return set.endDate ? daysBetween(today, set.endDate) : null;
}

/** Calendar days from today to the start date; null without a start date. */
export function daysUntilStart(set: Pick<LicenseSet, 'startDate'>, today: CalendarDate): number | null {
  return set.startDate ? daysBetween(today, set.startDate) : null;
}

/** Active and ending within the warning window: 0 ≤ days until end ≤ window. */
export function expiringSoon(
  set: Pick<LicenseSet, 'startDate' | 'endDate' | 'pageStatus'>,
  today: CalendarDate,
  window: number = DEFAULT_WARNING_WINDOW,
): boolean {
  const days = daysUntilEnd(set, today);
  return status(set, today) === 'active' && days !== null && days >= 0 && days <= window;
}

/** Licenses not yet assigned: licenses − assigned, never negative; null when either is unknown. */
export function unassigned(set: Pick<LicenseSet, 'licenses' | 'assigned'>): number | null {
  if (set.licenses === null || set.assigned === null) return null;
  return Math.max(0, set.licenses - set.assigned);
}

/** More licenses assigned than the set holds: flagged, never hidden. */
export function overAssigned(set: Pick<LicenseSet, 'licenses' | 'assigned'>): boolean {
  return set.licenses !== null && set.assigned !== null && set.assigned > set.licenses;
}

/** What the rules say about one set on one day, ready for a view or an export. */
export interface SetFacts {
  status: Status;
  daysUntilEnd: number | null;
  daysUntilStart: number | null;
  expiringSoon: boolean;
  unassigned: number | null;
  overAssigned: boolean;
  /** The page grouped the set differently from what its dates say. */
  groupingDisagrees: boolean;
}

/** All the rules for one set on one day. */
export function factsFor(set: LicenseSet, today: CalendarDate, window: number = DEFAULT_WARNING_WINDOW): SetFacts {
  const current = status(set, today);
  return {
    status: current,
    daysUntilEnd: daysUntilEnd(set, today),
    daysUntilStart: daysUntilStart(set, today),
    expiringSoon: expiringSoon(set, today, window),
    unassigned: unassigned(set),
    overAssigned: overAssigned(set),
    groupingDisagrees: set.pageStatus !== null && current !== 'unknown' && current !== set.pageStatus,
  };
}
