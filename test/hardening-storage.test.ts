/**
 * History stays bounded: one entry per set per day (the sync's rule) and nothing older than
 * HISTORY_MAX_AGE_DAYS once the daily update has run, except each set's newest entry, which the
 * next sync compares against. Pruning happens inside the update's one transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { update } from '../entrypoints/background/update';
import { addDays } from '../lib/dates';
import { type HistoryEntry, LicenseDatabase } from '../lib/db';
import { HISTORY_MAX_AGE_DAYS, pruneHistory } from '../lib/history';
import { applySync } from '../lib/store';
import { at, freshName, sampleRead } from './background-helpers';

const TODAY = '2026-12-03';
const CUTOFF = addDays(TODAY, -HISTORY_MAX_AGE_DAYS);

let db: LicenseDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LicenseDatabase(freshName());
});
afterEach(async () => {
  await db.delete();
});

const entry = (key: string, date: string, assigned = 1): HistoryEntry => ({
  key,
  date,
  values: { licenses: 10, assigned, completed: null, startDate: null, endDate: null, pageStatus: 'active' },
  changed: ['assigned'],
});
const dates = async (key: string) => (await db.history.where('key').equals(key).toArray()).map((h) => h.date);

describe('history pruning', () => {
  it('is three years, documented in lib/history.ts', () => {
    expect(HISTORY_MAX_AGE_DAYS).toBe(1096);
    expect(CUTOFF).toBe('2023-12-03');
  });

  it('drops entries older than the limit, keeps recent ones, and keeps the newest entry of a set with nothing recent', async () => {
    await db.history.bulkPut([
      entry('a', '2021-01-01'),
      entry('a', '2023-12-02'),
      entry('a', CUTOFF),
      entry('a', '2026-12-01'),
      entry('b', '2020-05-05'),
      entry('b', '2022-06-06'),
      entry('c', '2026-01-01'),
    ]);
    const removed = await db.transaction('rw', db.history, () => pruneHistory(db, TODAY));
    expect(removed).toBe(3);
    expect(await dates('a')).toEqual([CUTOFF, '2026-12-01']);
    expect(await dates('b')).toEqual(['2022-06-06']);
    expect(await dates('c')).toEqual(['2026-01-01']);
    // Pruning again changes nothing.
    expect(await db.transaction('rw', db.history, () => pruneHistory(db, TODAY))).toBe(0);
  });

  it('runs in the daily update, which keeps one entry per set per day and nothing older than three years', async () => {
    await applySync(db, sampleRead(TODAY), { url: 'https://letrs.com/manage/licenses', now: at(TODAY) });
    const keys = (await db.sets.toArray()).map((s) => s.key);
    // Five years of monthly entries for every set.
    const old: HistoryEntry[] = [];
    for (const key of keys) for (let m = 1; m <= 60; m++) old.push(entry(key, addDays(TODAY, -30 * m), m));
    await db.history.bulkPut(old);
    await update(db, at(TODAY));
    const history = await db.history.toArray();
    expect(new Set(history.map((h) => `${h.key}|${h.date}`)).size).toBe(history.length);
    expect(history.every((h) => h.date >= CUTOFF)).toBe(true);
    // Today's entry and the monthly ones within 1,096 days (36 of them) for each set.
    expect(history).toHaveLength(keys.length * 37);
  });

  it('rolls back with the rest of the update when the transaction fails', async () => {
    await db.history.bulkPut([entry('a', '2020-01-01'), entry('a', '2026-01-01')]);
    await expect(
      db.transaction('rw', db.history, async () => {
        await pruneHistory(db, TODAY);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await dates('a')).toEqual(['2020-01-01', '2026-01-01']);
  });
});
