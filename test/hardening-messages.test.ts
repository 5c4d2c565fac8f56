/**
 * Messages nobody should be able to use against the cache: a 50 MB payload, a burst of 100
 * messages from wrong senders and in wrong shapes (all at once), and a burst of 100 valid syncs
 * racing each other. Refused messages change nothing; racing syncs leave one consistent cache.
 * (The single refusals — wrong id, look-alike host, http — are in background-router.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { routeMessage } from '../entrypoints/background/router';
import { LicenseDatabase } from '../lib/db';
import type { Sender } from '../lib/sender';
import { applySync } from '../lib/store';
import { at, dump, EXTENSION_ID, extensionPage, freshName, letrsTab, sampleRead } from './background-helpers';

const TODAY = '2026-12-03';
const NOW = at(TODAY);
const MB50 = 50 * 1024 * 1024;

let db: LicenseDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new LicenseDatabase(freshName());
  await applySync(db, sampleRead(TODAY), { url: 'https://letrs.com/manage/licenses', now: NOW });
});
afterEach(async () => {
  await db.delete();
});

const sync = (read = sampleRead(TODAY)) => ({ type: 'letrs:sync', read });
const everything = async () => ({ ...(await dump(db)), log: await db.syncLog.toArray() });
/** The sample read with every set's assigned count set to `n` (a change the cache would take). */
const assignedAll = (n: number) => {
  const read = sampleRead(TODAY);
  read.sets = read.sets.map((s) => ({ ...s, assigned: s.completed === null ? n : null }));
  return read;
};

describe('a 50 MB payload', () => {
  it.each<[string, Sender]>([
    ['our content script', letrsTab()],
    ['another extension', { ...letrsTab(), id: 'another-extension' }],
  ])('from %s is refused for its size, the cache unchanged', async (_, sender) => {
    const before = await everything();
    const huge = sampleRead(TODAY);
    huge.sets = huge.sets.map((s, i) => (i === 0 ? { ...s, name: 'x'.repeat(MB50) } : s));
    const reply = await routeMessage(db, sync(huge), sender, at('2026-12-04'));
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Message refused: \d+ bytes is more than the/) });
    expect(await everything()).toEqual(before);
  });
});

describe('a burst of 100 messages', () => {
  it('refuses every one of 100 bad messages sent at once, the cache unchanged', async () => {
    const before = await everything();
    const changed = sync(assignedAll(1));
    const bad: [unknown, Sender][] = [
      [changed, { ...letrsTab(), id: 'another-extension' }],
      [changed, letrsTab('https://letrs.com.evil.example/manage/licenses')],
      [changed, letrsTab('http://letrs.com/manage/licenses')],
      [changed, extensionPage()],
      [changed, { id: EXTENSION_ID, url: 'https://letrs.com/manage/licenses' }],
      [{ type: 'letrs:sync', read: { ...assignedAll(1), sets: 'all of them' } }, letrsTab()],
      [{ type: 'letrs:sync', read: { ...assignedAll(1), sets: [{ name: 1 }] } }, letrsTab()],
      [{ type: 'letrs:clear' }, extensionPage()],
      [{ type: 'letrs:refresh' }, letrsTab()],
      [[changed], letrsTab()],
    ];
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        routeMessage(db, bad[i % bad.length][0], bad[i % bad.length][1], at('2026-12-04')),
      ),
    );
    expect(replies.filter((r) => r.ok)).toEqual([]);
    for (const reply of replies) expect((reply as { error: string }).error).toMatch(/^Message refused: /);
    expect(await everything()).toEqual(before);
  });

  it('leaves one consistent cache after 100 valid syncs race each other (8 sets, one history entry per set per day)', async () => {
    const tomorrow = at('2026-12-04');
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => routeMessage(db, sync(assignedAll(i)), letrsTab(), tomorrow)),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    const sets = await db.sets.toArray();
    expect(sets).toHaveLength(8);
    const finals = new Set(sets.filter((s) => s.completed === null).map((s) => s.assigned));
    // Every set holds the counts of one and the same sync: the last one applied.
    expect(finals.size).toBe(1);
    const history = await db.history.toArray();
    expect(new Set(history.map((h) => `${h.key}|${h.date}`)).size).toBe(history.length);
    // Today's 8 entries and tomorrow's for the 7 sets whose assigned count changed.
    expect(history).toHaveLength(15);
    for (const set of sets.filter((s) => s.completed === null)) {
      const entry = history.find((h) => h.key === set.key && h.date === '2026-12-04');
      expect(entry?.values.assigned).toBe(set.assigned);
    }
    expect(await db.syncLog.count()).toBe(101);
  });
});
