import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../lib/dates';
import { type CachedSet, LicenseDatabase, setKey } from '../lib/db';
import { expiringSoon as soonOn, status as statusOn } from '../lib/license';
import { computed, recompute, setsEndingWithin } from '../lib/recompute';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { applySync } from '../lib/store';
import { at, freshName, ORG, PAGE_URL, sampleRead } from './background-helpers';

const DAY1 = '2026-12-03';
const keyOf = (id: string, track = 'LETRS') => setKey({ organization: ORG, track, id, name: '' });

let db: LicenseDatabase;
beforeEach(() => {
  db = new LicenseDatabase(freshName());
});
afterEach(async () => {
  await db.delete();
});

describe('recompute', () => {
  it('brings status, days until end and expiring soon up to the day', async () => {
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY1) });
    // The first sync into an empty cache computed every set for the day.
    expect(await recompute(db, DAY1, DEFAULT_SETTINGS)).toEqual({ mode: 'none', checked: 0, rewritten: 0 });
    const later = addDays(DAY1, 13);
    const result = await recompute(db, later, DEFAULT_SETTINGS);
    expect(result.mode).toBe('incremental');
    expect(result.checked).toBeLessThan(8);
    expect(await db.sets.get(keyOf('ls-1870'))).toMatchObject({
      status: 'expired',
      daysUntilEnd: -1,
      expiringSoon: false,
      computedOn: later,
    });
    expect(await db.sets.get(keyOf('ls-1777', 'LETRS for Early Childhood Educators'))).toMatchObject({
      status: 'expired',
      computedOn: later,
    });
    // Unchanged sets keep the day their values were computed for, and their status.
    expect(await db.sets.get(keyOf('ls-1902'))).toMatchObject({
      status: 'active',
      computedOn: DAY1,
      daysUntilEnd: 300,
    });
  });

  it('does nothing when the cache is already right for the day', async () => {
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY1) });
    await recompute(db, DAY1, DEFAULT_SETTINGS);
    expect(await recompute(db, DAY1, DEFAULT_SETTINGS)).toEqual({ mode: 'none', checked: 0, rewritten: 0 });
  });

  it('makes a full pass when the warning window changed or the clock went back', async () => {
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY1) });
    await recompute(db, DAY1, DEFAULT_SETTINGS);
    expect(await recompute(db, DAY1, { ...DEFAULT_SETTINGS, warningWindow: 10 })).toMatchObject({ mode: 'full' });
    expect((await db.sets.get(keyOf('ls-1870')))?.expiringSoon).toBe(false);
    expect(await recompute(db, DAY1, { ...DEFAULT_SETTINGS, warningWindow: 12 })).toMatchObject({ mode: 'full' });
    expect((await db.sets.get(keyOf('ls-1870')))?.expiringSoon).toBe(true);
    expect(await recompute(db, addDays(DAY1, -3), { ...DEFAULT_SETTINGS, warningWindow: 12 })).toMatchObject({
      mode: 'full',
    });
  });

  it('makes a full pass after the data was cleared or restored (no record of the last recompute)', async () => {
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY1) });
    await db.meta.clear();
    expect(await recompute(db, addDays(DAY1, 1), DEFAULT_SETTINGS)).toEqual({ mode: 'full', checked: 8, rewritten: 8 });
  });

  it('makes a full pass when a sync added sets to a cache that was never recomputed', async () => {
    await db.sets.put({
      ...sampleRead(DAY1).sets[0],
      key: 'restored',
      organization: 'Other',
      id: 'r',
      firstSeen: DAY1,
      lastSeen: DAY1,
      lastSeenAt: at(DAY1).toISOString(),
      missingSince: null,
      ...computed(sampleRead(DAY1).sets[0], addDays(DAY1, -40), 30),
    });
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY1) });
    expect(await recompute(db, DAY1, DEFAULT_SETTINGS)).toMatchObject({ mode: 'full', checked: 9, rewritten: 1 });
  });

  it('leaves what the page showed untouched', async () => {
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY1) });
    const strip = (sets: CachedSet[]) =>
      sets.map(({ status, daysUntilEnd, expiringSoon, computedOn, ...rest }) => rest);
    const before = strip(await db.sets.toArray());
    await recompute(db, addDays(DAY1, 100), DEFAULT_SETTINGS);
    expect(strip(await db.sets.toArray())).toEqual(before);
  });

  it('lists the sets ending within a number of days', async () => {
    await applySync(db, sampleRead(DAY1), { url: PAGE_URL, now: at(DAY1) });
    expect((await setsEndingWithin(db, DAY1, 12)).map((s) => s.name).sort()).toEqual([
      'ECE Cohort B',
      'LETRS Units 1-4 Cohort A',
    ]);
  });
});

const DAY0 = '2026-06-01';
/** A date near DAY0 and the days after it (where the boundaries are), or none. */
const date = fc.option(
  fc.integer({ min: -40, max: 120 }).map((n) => addDays(DAY0, n)),
  { nil: null },
);

describe('incremental recompute', () => {
  it('leaves every set with the status and expiring-soon a full pass gives, day after day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            startDate: date,
            endDate: date,
            pageStatus: fc.constantFrom(null, 'upcoming' as const, 'active' as const, 'expired' as const),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 45 }),
        async (dates, steps, window) => {
          const settings = { ...DEFAULT_SETTINGS, warningWindow: window };
          let day = DAY0;
          const sets: CachedSet[] = dates.map((d, i) => ({
            ...d,
            key: `k${i}`,
            organization: ORG,
            track: 'LETRS',
            name: `Set ${i}`,
            licenses: 10,
            assigned: 5,
            completed: null,
            pageWarning: false,
            firstSeen: day,
            lastSeen: day,
            lastSeenAt: at(day).toISOString(),
            missingSince: null,
            ...computed(
              { ...d, track: 'LETRS', name: '', licenses: 1, assigned: 1, completed: null, pageWarning: false },
              day,
              window,
            ),
          }));
          await db.sets.clear();
          await db.meta.clear();
          await db.sets.bulkPut(sets);
          await recompute(db, day, settings);
          for (const step of steps) {
            day = addDays(day, step);
            await recompute(db, day, settings);
            for (const set of await db.sets.toArray()) {
              expect([set.key, set.status, set.expiringSoon]).toEqual([
                set.key,
                statusOn(set, day),
                soonOn(set, day, window),
              ]);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
