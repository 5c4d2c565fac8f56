/**
 * Summaries across license sets: per track and overall, per status, and the deadlines ahead.
 * One pass over the sets, so 10,000 cached sets summarise in a few milliseconds.
 */
import type { CalendarDate } from './dates';
import { DEFAULT_WARNING_WINDOW, factsFor, type LicenseSet, type Status } from './license';

/** Totals for one group of sets. Counts the page did not show are left out of the sums. */
export interface Totals {
  sets: number;
  licenses: number;
  assigned: number;
  unassigned: number;
  completed: number;
  expiringSoon: number;
  /** Unassigned licenses in sets expiring soon: the licenses at risk of going unused. */
  unassignedAtRisk: number;
  /** assigned / licenses over the sets where both are known; null when there are none. */
  utilization: number | null;
}

export type StatusTotals = Record<Status, Totals>;

export interface TrackSummary {
  track: string;
  byStatus: StatusTotals;
  all: Totals;
}

export interface Summary {
  tracks: TrackSummary[];
  byStatus: StatusTotals;
  all: Totals;
}

export const DEFAULT_DEADLINE_HORIZON = 90;

const STATUSES: Status[] = ['upcoming', 'active', 'expired', 'unknown'];

function emptyTotals(): Totals & { _known: number; _knownAssigned: number } {
  return {
    sets: 0,
    licenses: 0,
    assigned: 0,
    unassigned: 0,
    completed: 0,
    expiringSoon: 0,
    unassignedAtRisk: 0,
    utilization: null,
    _known: 0,
    _knownAssigned: 0,
  };
}

type Accumulator = ReturnType<typeof emptyTotals>;

function emptyByStatus(): Record<Status, Accumulator> {
  return Object.fromEntries(STATUSES.map((s) => [s, emptyTotals()])) as Record<Status, Accumulator>;
}

function add(totals: Accumulator, set: LicenseSet, soon: boolean, free: number | null): void {
  totals.sets += 1;
  totals.licenses += set.licenses ?? 0;
  totals.assigned += set.assigned ?? 0;
  totals.unassigned += free ?? 0;
  totals.completed += set.completed ?? 0;
  if (soon) {
    totals.expiringSoon += 1;
    totals.unassignedAtRisk += free ?? 0;
  }
  if (set.licenses !== null && set.assigned !== null && set.licenses > 0) {
    totals._known += set.licenses;
    totals._knownAssigned += set.assigned;
  }
}

function finish(totals: Accumulator): Totals {
  const { _known, _knownAssigned, ...rest } = totals;
  return { ...rest, utilization: _known > 0 ? _knownAssigned / _known : null };
}

function finishByStatus(byStatus: Record<Status, Accumulator>): StatusTotals {
  return Object.fromEntries(STATUSES.map((s) => [s, finish(byStatus[s])])) as StatusTotals;
}

/** Per-track and overall totals, per status, as of `today`. Tracks keep the order they first appear in. */
export function summarize(sets: readonly LicenseSet[], today: CalendarDate, window = DEFAULT_WARNING_WINDOW): Summary {
  const tracks = new Map<string, { byStatus: Record<Status, Accumulator>; all: Accumulator }>();
  const byStatus = emptyByStatus();
  const all = emptyTotals();
  for (const set of sets) {
    const facts = factsFor(set, today, window);
    let track = tracks.get(set.track);
    if (!track) {
      track = { byStatus: emptyByStatus(), all: emptyTotals() };
      tracks.set(set.track, track);
    }
    for (const totals of [track.byStatus[facts.status], track.all, byStatus[facts.status], all]) {
      add(totals, set, facts.expiringSoon, facts.unassigned);
    }
  }
  return {
    tracks: [...tracks].map(([track, t]) => ({ track, byStatus: finishByStatus(t.byStatus), all: finish(t.all) })),
    byStatus: finishByStatus(byStatus),
    all: finish(all),
  };
}

/** A set ending or starting within the horizon. */
export interface Deadline<T extends LicenseSet = LicenseSet> {
  set: T;
  kind: 'ends' | 'starts';
  date: CalendarDate;
  /** Calendar days from today (0 = today). */
  days: number;
  unassigned: number | null;
  expiringSoon: boolean;
}

export interface Deadlines<T extends LicenseSet = LicenseSet> {
  ending: Deadline<T>[];
  starting: Deadline<T>[];
}

/**
 * Sets ending within `horizon` days (not yet expired) and sets starting within it (still upcoming),
 * each sorted by date, then track and name.
 */
export function deadlines<T extends LicenseSet>(
  sets: readonly T[],
  today: CalendarDate,
  horizon = DEFAULT_DEADLINE_HORIZON,
  window = DEFAULT_WARNING_WINDOW,
): Deadlines<T> {
  const ending: Deadline<T>[] = [];
  const starting: Deadline<T>[] = [];
  for (const set of sets) {
    const facts = factsFor(set, today, window);
    const common = { set, unassigned: facts.unassigned, expiringSoon: facts.expiringSoon };
    if (set.endDate && facts.status === 'active' && facts.daysUntilEnd !== null && facts.daysUntilEnd <= horizon) {
      ending.push({ ...common, kind: 'ends', date: set.endDate, days: facts.daysUntilEnd });
    }
    if (
      set.startDate &&
      facts.status === 'upcoming' &&
      facts.daysUntilStart !== null &&
      facts.daysUntilStart <= horizon
    ) {
      starting.push({ ...common, kind: 'starts', date: set.startDate, days: facts.daysUntilStart });
    }
  }
  const byDate = (a: Deadline<T>, b: Deadline<T>) =>
    a.date.localeCompare(b.date) || a.set.track.localeCompare(b.set.track) || a.set.name.localeCompare(b.set.name);
  return { ending: ending.sort(byDate), starting: starting.sort(byDate) };
}
