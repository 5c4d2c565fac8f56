import { describe, expect, it } from 'vitest';
import { chipModel, shortDate } from '../components/overlay/chip-model';
import { addDays } from '../lib/dates';
import type { LicenseSet } from '../lib/license';

const TODAY = '2026-12-03';

function set(overrides: Partial<LicenseSet>): LicenseSet {
  return {
    track: 'LETRS',
    name: 'Cohort A',
    licenses: 50,
    assigned: 50,
    completed: null,
    startDate: addDays(TODAY, -300),
    endDate: addDays(TODAY, 100),
    pageStatus: 'active',
    pageWarning: false,
    ...overrides,
  };
}

const texts = (s: LicenseSet, window = 30) => chipModel(s, TODAY, window).parts.map((p) => p.text);

describe('time part', () => {
  it.each([
    [12, 'Ends in 12 days', 'warning'],
    [5, 'Ends in 5 days', 'danger'],
    [1, 'Ends tomorrow', 'danger'],
    [0, 'Ends today', 'danger'],
    [100, 'Ends in 100 days', 'ok'],
  ])('an active set ending in %i days says "%s" (%s)', (days, text, tone) => {
    const [time] = chipModel(set({ endDate: addDays(TODAY, days) }), TODAY, 30).parts;
    expect(time).toEqual({ kind: 'time', text, tone });
  });

  it.each([
    [-3, 'Ended 3 days ago'],
    [-1, 'Ended yesterday'],
    [-400, 'Ended 400 days ago'],
  ])('an expired set %i days past its end says "%s"', (days, text) => {
    const s = set({ startDate: addDays(TODAY, -800), endDate: addDays(TODAY, days), pageStatus: 'expired' });
    expect(chipModel(s, TODAY, 30).parts).toEqual([{ kind: 'time', text, tone: 'muted' }]);
  });

  it.each([
    [9, 'Starts in 9 days'],
    [1, 'Starts tomorrow'],
    [1200, 'Starts in 1,200 days'],
  ])('an upcoming set starting in %i days says "%s"', (days, text) => {
    const s = set({ startDate: addDays(TODAY, days), endDate: null, pageStatus: 'upcoming' });
    expect(chipModel(s, TODAY, 30).parts).toEqual([{ kind: 'time', text, tone: 'info' }]);
  });

  it('says which date is missing instead of guessing', () => {
    expect(texts(set({ startDate: null, endDate: null, pageStatus: null }))).toEqual(['No dates shown']);
    expect(texts(set({ endDate: null }))).toEqual(['Active, no end date shown']);
    expect(texts(set({ startDate: null, endDate: null, pageStatus: 'upcoming' }))).toEqual([
      'Upcoming, no start date shown',
    ]);
  });

  it('a set that starts today is active, not "Starts in 0 days"', () => {
    expect(texts(set({ startDate: TODAY, endDate: addDays(TODAY, 365) }))).toEqual(['Ends in 365 days']);
  });
});

describe('unassigned licenses at risk', () => {
  it('shows "37 unassigned" when the set ends within the window with licenses free', () => {
    expect(texts(set({ endDate: addDays(TODAY, 12), licenses: 50, assigned: 13 }))).toEqual([
      'Ends in 12 days',
      '37 unassigned',
    ]);
  });

  it('follows the warning window setting', () => {
    const s = set({ endDate: addDays(TODAY, 12), licenses: 50, assigned: 13 });
    expect(texts(s, 10)).toEqual(['Ends in 12 days']);
    expect(chipModel(s, TODAY, 10).parts[0].tone).toBe('ok');
    expect(texts(s, 12)).toEqual(['Ends in 12 days', '37 unassigned']);
  });

  it('says nothing when every license is assigned, the count is unknown, or the set already ended', () => {
    expect(texts(set({ endDate: addDays(TODAY, 3), assigned: 50 }))).toEqual(['Ends in 3 days']);
    expect(texts(set({ endDate: addDays(TODAY, 3), assigned: null }))).toEqual(['Ends in 3 days']);
    const ended = set({ endDate: addDays(TODAY, -2), assigned: 10, pageStatus: 'expired' });
    expect(texts(ended)).toEqual(['Ended 2 days ago']);
  });

  it('writes large counts with separators', () => {
    expect(texts(set({ endDate: addDays(TODAY, 2), licenses: 5000, assigned: 1000 }))[1]).toBe('4,000 unassigned');
  });
});

describe('flags', () => {
  it('flags over-assignment', () => {
    const parts = chipModel(set({ licenses: 40, assigned: 43 }), TODAY, 30).parts;
    expect(parts[1]).toEqual({ kind: 'over', text: 'Over-assigned by 3', tone: 'danger' });
  });

  it('notes when the page groups a set differently from its dates', () => {
    const started = set({ startDate: '2026-11-15', endDate: '2027-11-14', pageStatus: 'upcoming' });
    expect(texts(started)).toEqual(['Ends in 346 days', 'shown as Upcoming, started Nov 15']);
    const ended = set({ startDate: '2025-01-01', endDate: '2025-11-30', pageStatus: 'active' });
    expect(texts(ended)).toEqual(['Ended 368 days ago', 'shown as Active, ended Nov 30, 2025']);
    const notYet = set({ startDate: '2027-01-04', endDate: '2028-01-03', pageStatus: 'active' });
    expect(texts(notYet)).toEqual(['Starts in 32 days', 'shown as Active, starts Jan 4, 2027']);
    const stillOn = set({ startDate: '2026-01-01', endDate: '2026-12-20', pageStatus: 'expired' });
    expect(texts(stillOn)).toEqual(['Ends in 17 days', 'shown as Expired, ends Dec 20']);
  });

  it('no note when the page agrees with the dates or shows no grouping', () => {
    expect(texts(set({ pageStatus: 'active' }))).toEqual(['Ends in 100 days']);
    expect(texts(set({ pageStatus: null }))).toEqual(['Ends in 100 days']);
  });
});

describe('screen-reader label', () => {
  it('names the extension and reads every part, unassigned licenses as at risk', () => {
    const model = chipModel(set({ endDate: addDays(TODAY, 5), licenses: 25, assigned: 18 }), TODAY, 30);
    expect(model.label).toBe('LETRS License Tracker: Ends in 5 days; 7 unassigned licenses at risk');
  });
});

describe('shortDate', () => {
  it('leaves the year out only for this year', () => {
    expect(shortDate('2026-11-15', TODAY)).toBe('Nov 15');
    expect(shortDate('2027-01-04', TODAY)).toBe('Jan 4, 2027');
  });
});
