/**
 * The worker's listeners with fakeBrowser: the daily alarm, start-up, notifications (sent once per
 * set per lead time, across restarts and second syncs) and the notification click. Only Date is
 * faked, so "now" can move while IndexedDB (fake-indexeddb) keeps its own timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NOTIFICATION_PREFIX } from '../entrypoints/background/effects';
import { registerBackground } from '../entrypoints/background/listeners';
import { DAILY_ALARM, DAILY_PERIOD_MINUTES, nextDailyRun } from '../lib/daily-alarm';
import { addDays } from '../lib/dates';
import { LicenseDatabase } from '../lib/db';
import { writeSettings } from '../lib/settings-store';
import { at, freshName, letrsTab, PAGE_URL, sampleRead } from './background-helpers';

const TODAY = '2026-12-03';

let name: string;
let db: LicenseDatabase;

/** A worker start: fresh listeners, a fresh database connection, nothing in memory. */
function startWorker(): LicenseDatabase {
  fakeBrowser.runtime.resetState();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.notifications.onClicked.removeAllListeners();
  db?.close();
  db = new LicenseDatabase(name);
  registerBackground(db);
  return db;
}

function sendSync(read = sampleRead(TODAY), url = PAGE_URL) {
  return fakeBrowser.runtime.onMessage.trigger({ type: 'letrs:sync', read }, letrsTab(url) as never);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(TODAY));
  fakeBrowser.reset();
  name = freshName();
  startWorker();
});

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await db.delete();
});

describe('daily alarm', () => {
  it('is created on install for the next local 00:05, repeating every 24 hours', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const alarm = await fakeBrowser.alarms.get(DAILY_ALARM);
    expect(alarm?.periodInMinutes).toBe(DAILY_PERIOD_MINUTES);
    const when = new Date(alarm!.scheduledTime);
    expect([when.getFullYear(), when.getMonth(), when.getDate(), when.getHours(), when.getMinutes()]).toEqual([
      2026, 11, 4, 0, 5,
    ]);
  });

  it('is not re-created, so not moved, by restarts', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const first = (await fakeBrowser.alarms.get(DAILY_ALARM))!.scheduledTime;
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    vi.setSystemTime(at(TODAY, 18));
    startWorker();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(create).not.toHaveBeenCalled();
    expect((await fakeBrowser.alarms.get(DAILY_ALARM))!.scheduledTime).toBe(first);
  });

  it('is re-created when a clock change moved it away from just after midnight', async () => {
    fakeBrowser.alarms.create(DAILY_ALARM, { when: at(TODAY, 23).getTime(), periodInMinutes: DAILY_PERIOD_MINUTES });
    await fakeBrowser.runtime.onStartup.trigger();
    expect((await fakeBrowser.alarms.get(DAILY_ALARM))!.scheduledTime).toBe(nextDailyRun(new Date()));
  });

  it('recomputes statuses and the badge when it fires', async () => {
    await sendSync();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    vi.setSystemTime(new Date(nextDailyRun(at(addDays(TODAY, 5)))));
    await fakeBrowser.alarms.onAlarm.trigger({ name: DAILY_ALARM, scheduledTime: Date.now(), periodInMinutes: 1440 });
    // Six days on, ECE Cohort B (5 days) has ended.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    const ece = (await db.sets.toArray()).find((s) => s.name === 'ECE Cohort B');
    expect(ece).toMatchObject({ status: 'expired', computedOn: addDays(TODAY, 6) });
  });

  it('ignores alarms that are not its own', async () => {
    await sendSync();
    vi.setSystemTime(at(addDays(TODAY, 6)));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now() });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });
});

describe('nextDailyRun', () => {
  it('is the next local 00:05', () => {
    expect(nextDailyRun(new Date(2026, 11, 3, 0, 3))).toBe(new Date(2026, 11, 3, 0, 5).getTime());
    expect(nextDailyRun(new Date(2026, 11, 3, 0, 5))).toBe(new Date(2026, 11, 4, 0, 5).getTime());
    expect(nextDailyRun(new Date(2026, 11, 31, 23, 59))).toBe(new Date(2027, 0, 1, 0, 5).getTime());
  });

  it('stays just after midnight across a daylight-saving change', () => {
    // The evenings before the changes in the United States, Europe and New Zealand (2026).
    for (const [y, m, d] of [
      [2026, 2, 7],
      [2026, 10, 0],
      [2026, 2, 28],
      [2026, 9, 24],
      [2026, 3, 4],
      [2026, 8, 26],
    ]) {
      const next = new Date(nextDailyRun(new Date(y, m, d, 22, 0)));
      const dayAfter = new Date(y, m, d + 1);
      expect([next.getMonth(), next.getDate(), next.getHours(), next.getMinutes()]).toEqual([
        dayAfter.getMonth(),
        dayAfter.getDate(),
        0,
        5,
      ]);
    }
  });
});

describe('start-up', () => {
  it('shows "?" before the first sync and the count after a restart', async () => {
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
    await sendSync();
    fakeBrowser.action.resetState();
    startWorker();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });
});

describe('notifications', () => {
  async function allow(granted = true) {
    await writeSettings(db, { notificationsEnabled: true });
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted);
  }
  const shown = async () =>
    Object.values(await fakeBrowser.notifications.getAll()).map((n) => (n as { message: string }).message);

  it('are not sent while the setting is off (the default)', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await sendSync();
    expect(await shown()).toEqual([]);
    expect(await db.notifications.count()).toBe(0);
  });

  it('are not sent, nor recorded, without the permission', async () => {
    await allow(false);
    await sendSync();
    expect(await shown()).toEqual([]);
    expect(await db.notifications.count()).toBe(0);
  });

  it('are sent once per set per lead time: never again after a second sync or a restart', async () => {
    await allow();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await sendSync();
    expect((await shown()).sort()).toEqual([
      'ECE Cohort B ends in 5 days (Dec 8, 2026): 7 licenses unassigned',
      'LETRS Units 1-4 Cohort A ends in 12 days (Dec 15, 2026): 12 licenses unassigned',
      'LETRS Units 5-8 Cohort A ends in 25 days (Dec 28, 2026): all licenses assigned',
    ]);
    expect(create).toHaveBeenCalledTimes(3);
    // ECE crossed 30 and 7 at once: one notification, both recorded.
    expect((await db.notifications.toArray()).map((n) => `${n.leadDays}`).sort()).toEqual(['30', '30', '30', '7']);

    await sendSync();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'letrs:refresh' },
      { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') },
    );
    startWorker();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await fakeBrowser.runtime.onStartup.trigger();
    await sendSync();
    expect(create).toHaveBeenCalledTimes(3);

    // Four days on, ECE Cohort B ends tomorrow: the 1-day notice, once.
    vi.setSystemTime(at(addDays(TODAY, 4)));
    await fakeBrowser.alarms.onAlarm.trigger({ name: DAILY_ALARM, scheduledTime: Date.now() });
    await sendSync(sampleRead(TODAY));
    expect(create).toHaveBeenCalledTimes(4);
    expect((create.mock.lastCall as unknown[])?.[1]).toMatchObject({
      type: 'basic',
      title: 'LETRS license set ends tomorrow',
      message: 'ECE Cohort B ends tomorrow (Dec 8, 2026): 7 licenses unassigned',
    });
  });

  it('two syncs at once send each notification once', async () => {
    await allow();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([sendSync(), sendSync(), sendSync()]);
    expect(create).toHaveBeenCalledTimes(3);
    expect(await db.notifications.count()).toBe(4);
  });

  it('a click focuses the tab showing the Licenses page the last sync read', async () => {
    await allow();
    await sendSync(sampleRead(TODAY), 'https://district.letrs.com/manage/licenses');
    startWorker();
    await fakeBrowser.tabs.create({ url: 'https://district.letrs.com/course' });
    const page = await fakeBrowser.tabs.create({ url: 'https://district.letrs.com/manage/licenses#top' });
    const focus = vi.spyOn(fakeBrowser.tabs, 'update');
    const raise = vi.spyOn(fakeBrowser.windows, 'update');
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    const [id] = Object.keys(await fakeBrowser.notifications.getAll());
    expect(id.startsWith(NOTIFICATION_PREFIX)).toBe(true);
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(raise).toHaveBeenCalledWith(page.windowId, { focused: true }));
    expect(focus).toHaveBeenCalledWith(page.id, { active: true });
    expect(open).not.toHaveBeenCalled();
    expect(await fakeBrowser.notifications.getAll()).not.toHaveProperty(id);
  });

  it('a click opens the Licenses page when no tab shows it', async () => {
    await allow();
    await sendSync(sampleRead(TODAY), 'https://district.letrs.com/manage/licenses');
    const [id] = Object.keys(await fakeBrowser.notifications.getAll());
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(
        'https://district.letrs.com/manage/licenses',
      ),
    );
  });
});
