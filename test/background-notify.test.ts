import { describe, expect, it } from 'vitest';
import { addDays } from '../lib/dates';
import { type NotifiableSet, notificationsDue, notificationText } from '../lib/notify';
import { DEFAULT_SETTINGS } from '../lib/settings';

const TODAY = '2026-12-03';
const ON = { ...DEFAULT_SETTINGS, notificationsEnabled: true };

function set(key: string, days: number, extra: Partial<NotifiableSet> = {}): NotifiableSet {
  return {
    key,
    track: 'LETRS',
    name: `Set ${key}`,
    licenses: 50,
    assigned: 38,
    completed: null,
    startDate: addDays(TODAY, -300),
    endDate: addDays(TODAY, days),
    pageStatus: 'active',
    pageWarning: false,
    ...extra,
  };
}

describe('notificationText', () => {
  it('says which set, when, and how many licenses are unassigned', () => {
    expect(notificationText(set('a', 7, { name: 'LETRS Units 1-4 Cohort A', assigned: 38 }), TODAY)).toBe(
      'LETRS Units 1-4 Cohort A ends in 7 days (Dec 10, 2026): 12 licenses unassigned',
    );
    expect(notificationText(set('a', 1, { assigned: 49 }), TODAY)).toBe(
      'Set a ends tomorrow (Dec 4, 2026): 1 license unassigned',
    );
    expect(notificationText(set('a', 0, { assigned: 50 }), TODAY)).toBe(
      'Set a ends today (Dec 3, 2026): all licenses assigned',
    );
    expect(notificationText(set('a', 3, { assigned: null }), TODAY)).toBe('Set a ends in 3 days (Dec 6, 2026)');
  });
});

describe('notificationsDue', () => {
  it('plans nothing while notifications are off (the default)', () => {
    expect(notificationsDue([set('a', 5)], DEFAULT_SETTINGS, TODAY, [])).toEqual({ send: [], record: [] });
  });

  it('sends once when a set comes within a lead time', () => {
    const plan = notificationsDue([set('a', 30), set('b', 31)], ON, TODAY, []);
    expect(plan.send).toEqual([
      {
        key: 'a',
        leadDays: 30,
        title: 'LETRS license set ends in 30 days',
        message: 'Set a ends in 30 days (Jan 2, 2027): 12 licenses unassigned',
      },
    ]);
    expect(plan.record).toEqual([{ key: 'a', leadDays: 30 }]);
    expect(notificationsDue([set('a', 29)], ON, TODAY, plan.record)).toEqual({ send: [], record: [] });
  });

  it('sends only the smallest lead time crossed at once, and records them all', () => {
    const plan = notificationsDue([set('a', 5)], ON, TODAY, []);
    expect(plan.send.map((n) => [n.key, n.leadDays])).toEqual([['a', 7]]);
    expect(plan.record).toEqual([
      { key: 'a', leadDays: 7 },
      { key: 'a', leadDays: 30 },
    ]);
    const next = notificationsDue([set('a', 1)], ON, addDays(TODAY, 0), plan.record);
    expect(next.send.map((n) => n.leadDays)).toEqual([1]);
    expect(next.record).toEqual([{ key: 'a', leadDays: 1 }]);
  });

  it('skips sets that are not active, have ended, or are no longer shown on the page', () => {
    const sets = [
      set('upcoming', 5, { startDate: addDays(TODAY, 1) }),
      set('ended', -1),
      set('missing', 5, { missingSince: TODAY }),
      set('no-end', 5, { endDate: null }),
    ];
    expect(notificationsDue(sets, ON, TODAY, [])).toEqual({ send: [], record: [] });
  });

  it('follows the lead times in the settings', () => {
    const settings = { ...ON, notificationLeadTimes: [14] };
    expect(notificationsDue([set('a', 10)], settings, TODAY, []).send.map((n) => n.leadDays)).toEqual([14]);
    expect(notificationsDue([set('a', 10)], { ...ON, notificationLeadTimes: [] }, TODAY, []).send).toEqual([]);
  });
});
