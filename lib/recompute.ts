/**
 * Keeps cached statuses true as days pass, without rewriting every set every day.
 *
 * A set's status and "expiring soon" change only on a few days: its start date (upcoming →
 * active), the day after its end date (→ expired) and the day it comes within the warning window
 * (end date − window). So after a full pass that makes every set right for day D0 (recorded in the
 * meta row 'recompute' with the window used), bringing the cache to a later day D reads only the
 * sets with a start date in (D0, D], an end date in [D0, D) or an end date − window in (D0, D],
 * through the startDate/endDate indexes, and writes those whose values changed. A full pass runs
 * when there is no record (first run, after a restore or clear), when the window changed, or when
 * the clock went back. Every pass is one transaction.
 */
import { addDays, type CalendarDate } from './dates';
import type { CachedSet, LicenseDatabase } from './db';
import { factsFor, type LicenseSet } from './license';
import type { Settings } from './settings';

/** The meta row saying which day (and window) every cached status is right for. */
export interface RecomputeState {
  id: 'recompute';
  computedOn: CalendarDate;
  warningWindow: number;
}

export interface RecomputeResult {
  /** none: already right for the day; incremental: only sets that crossed a boundary were read. */
  mode: 'none' | 'incremental' | 'full';
  /** Sets read and checked. */
  checked: number;
  /** Sets whose values changed and were written. */
  rewritten: number;
}

/** The fields recompute() keeps true. */
export type Computed = Pick<CachedSet, 'status' | 'daysUntilEnd' | 'expiringSoon' | 'computedOn'>;

export function computed(set: LicenseSet, today: CalendarDate, window: number): Computed {
  const facts = factsFor(set, today, window);
  return {
    status: facts.status,
    daysUntilEnd: facts.daysUntilEnd,
    expiringSoon: facts.expiringSoon,
    computedOn: today,
  };
}

/** The meta table also holds this row; typed separately so the 'sync' row's type stays simple. */
function stateTable(db: LicenseDatabase) {
  return db.table<RecomputeState, string>('meta');
}

/**
 * Records that every cached set is right for `today` with `window`. Only for a caller that just
 * computed every cached set itself (the first sync into an empty cache), inside its transaction.
 */
export async function markRecomputed(db: LicenseDatabase, today: CalendarDate, window: number): Promise<void> {
  await stateTable(db).put({ id: 'recompute', computedOn: today, warningWindow: window });
}

/** The sets whose status or "expiring soon" can differ between `from` and `to` (from < to). */
async function crossedBoundaries(
  db: LicenseDatabase,
  from: CalendarDate,
  to: CalendarDate,
  window: number,
): Promise<CachedSet[]> {
  const lists = await Promise.all([
    db.sets.where('startDate').between(from, to, false, true).toArray(),
    db.sets.where('endDate').between(from, to, true, false).toArray(),
    db.sets.where('endDate').between(addDays(from, window), addDays(to, window), false, true).toArray(),
  ]);
  const byKey = new Map<string, CachedSet>();
  for (const list of lists) for (const set of list) byKey.set(set.key, set);
  return [...byKey.values()];
}

/**
 * Brings status, days until end and "expiring soon" up to `today` (see the module comment for
 * which sets are read). Returns what it did.
 */
export async function recompute(
  db: LicenseDatabase,
  today: CalendarDate,
  settings: Settings,
): Promise<RecomputeResult> {
  const window = settings.warningWindow;
  return db.transaction('rw', db.sets, db.meta, async () => {
    const state = await stateTable(db).get('recompute');
    let mode: RecomputeResult['mode'];
    let sets: CachedSet[];
    if (!state || state.warningWindow !== window || state.computedOn > today) {
      mode = 'full';
      sets = await db.sets.toArray();
    } else if (state.computedOn === today) {
      return { mode: 'none', checked: 0, rewritten: 0 };
    } else {
      mode = 'incremental';
      sets = await crossedBoundaries(db, state.computedOn, today, window);
    }
    const changed: CachedSet[] = [];
    for (const set of sets) {
      const next = computed(set, today, window);
      if (
        set.computedOn !== next.computedOn ||
        set.status !== next.status ||
        set.daysUntilEnd !== next.daysUntilEnd ||
        set.expiringSoon !== next.expiringSoon
      ) {
        changed.push({ ...set, ...next });
      }
    }
    if (changed.length > 0) await db.sets.bulkPut(changed);
    await markRecomputed(db, today, window);
    return { mode, checked: sets.length, rewritten: changed.length };
  });
}

/** Cached sets with an end date from `today` to `days` days ahead: all the badge and notifications need. */
export function setsEndingWithin(db: LicenseDatabase, today: CalendarDate, days: number): Promise<CachedSet[]> {
  return db.sets
    .where('endDate')
    .between(today, addDays(today, Math.max(0, days)), true, true)
    .toArray();
}
