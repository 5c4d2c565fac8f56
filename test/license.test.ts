import { describe, expect, it } from 'vitest';
import {
  daysUntilEnd,
  expiringSoon,
  factsFor,
  type LicenseSet,
  overAssigned,
  status,
  unassigned,
} from '../lib/license';

const TODAY = '2026-12-03';

function set(overrides: Partial<LicenseSet> = {}): LicenseSet {
  return {
    track: 'LETRS',
    name: 'Units 1-4 Cohort A',
    licenses: 50,
    assigned: 40,
    completed: null,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    pageStatus: 'active',
    pageWarning: false,
    ...overrides,
  };
}

describe('status', () => {
  it('is upcoming when the start date is after today', () => {
    expect(status(set({ startDate: '2026-12-04', endDate: '2027-12-03' }), TODAY)).toBe('upcoming');
  });
  it('is active on the start date', () => {
    expect(status(set({ startDate: TODAY, endDate: '2027-12-02' }), TODAY)).toBe('active');
  });
  it('is active on the end date', () => {
    expect(status(set({ endDate: TODAY }), TODAY)).toBe('active');
  });
  it('is expired the day after the end date', () => {
    expect(status(set({ endDate: '2026-12-02' }), TODAY)).toBe('expired');
  });
  it('decides from the start date alone', () => {
    expect(status(set({ startDate: '2027-01-01', endDate: null, pageStatus: null }), TODAY)).toBe('upcoming');
    expect(status(set({ startDate: '2026-01-01', endDate: null, pageStatus: null }), TODAY)).toBe('active');
    expect(status(set({ startDate: '2025-01-01', endDate: null, pageStatus: 'expired' }), TODAY)).toBe('expired');
  });
  it('decides from the end date alone', () => {
    expect(status(set({ startDate: null, endDate: '2026-11-30', pageStatus: null }), TODAY)).toBe('expired');
    expect(status(set({ startDate: null, endDate: '2027-11-30', pageStatus: null }), TODAY)).toBe('active');
    expect(status(set({ startDate: null, endDate: '2027-11-30', pageStatus: 'upcoming' }), TODAY)).toBe('upcoming');
  });
  it('falls back to the page grouping, then unknown', () => {
    expect(status(set({ startDate: null, endDate: null, pageStatus: 'expired' }), TODAY)).toBe('expired');
    expect(status(set({ startDate: null, endDate: null, pageStatus: null }), TODAY)).toBe('unknown');
  });
  it('lets dates win over a stale page grouping', () => {
    expect(status(set({ startDate: '2026-01-01', endDate: '2026-06-30', pageStatus: 'active' }), TODAY)).toBe(
      'expired',
    );
  });
  it('handles leap days and the year end', () => {
    expect(status(set({ startDate: '2028-02-29', endDate: '2029-02-28' }), '2028-02-28')).toBe('upcoming');
    expect(status(set({ startDate: '2028-02-29', endDate: '2029-02-28' }), '2028-02-29')).toBe('active');
    expect(status(set({ endDate: '2026-12-31' }), '2027-01-01')).toBe('expired');
    expect(status(set({ endDate: '2026-12-31' }), '2026-12-31')).toBe('active');
  });
});

describe('daysUntilEnd and expiringSoon', () => {
  it('counts calendar days', () => {
    expect(daysUntilEnd(set({ endDate: TODAY }), TODAY)).toBe(0);
    expect(daysUntilEnd(set({ endDate: '2027-01-02' }), TODAY)).toBe(30);
    expect(daysUntilEnd(set({ endDate: '2026-12-02' }), TODAY)).toBe(-1);
    expect(daysUntilEnd(set({ endDate: null }), TODAY)).toBeNull();
    expect(daysUntilEnd(set({ endDate: '2027-01-01' }), '2026-12-31')).toBe(1);
  });
  it('is expiring soon from the end date back to the window', () => {
    expect(expiringSoon(set({ endDate: TODAY }), TODAY)).toBe(true);
    expect(expiringSoon(set({ endDate: '2027-01-02' }), TODAY)).toBe(true); // 30 days
    expect(expiringSoon(set({ endDate: '2027-01-03' }), TODAY)).toBe(false); // 31 days
    expect(expiringSoon(set({ endDate: '2026-12-02' }), TODAY)).toBe(false); // ended yesterday
    expect(expiringSoon(set({ endDate: null }), TODAY)).toBe(false);
  });
  it('follows the window setting', () => {
    expect(expiringSoon(set({ endDate: '2027-01-03' }), TODAY, 31)).toBe(true);
    expect(expiringSoon(set({ endDate: '2026-12-10' }), TODAY, 7)).toBe(true);
    expect(expiringSoon(set({ endDate: '2026-12-11' }), TODAY, 7)).toBe(false);
  });
  it('is never true for an upcoming set', () => {
    expect(expiringSoon(set({ startDate: '2026-12-04', endDate: '2026-12-20' }), TODAY)).toBe(false);
  });
  it('crosses a leap day', () => {
    expect(daysUntilEnd(set({ endDate: '2028-03-01' }), '2028-02-28')).toBe(2);
  });
});

describe('unassigned', () => {
  it('is licenses minus assigned', () => {
    expect(unassigned(set({ licenses: 1250, assigned: 1000 }))).toBe(250);
  });
  it('is never negative, and over-assignment is flagged', () => {
    const over = set({ licenses: 10, assigned: 12 });
    expect(unassigned(over)).toBe(0);
    expect(overAssigned(over)).toBe(true);
    expect(overAssigned(set())).toBe(false);
  });
  it('is unknown when a count is unknown', () => {
    expect(unassigned(set({ assigned: null }))).toBeNull();
    expect(unassigned(set({ licenses: null }))).toBeNull();
  });
});

describe('factsFor', () => {
  it('notes a page grouping that disagrees with the dates', () => {
    const facts = factsFor(set({ startDate: '2026-11-15', pageStatus: 'upcoming' }), TODAY);
    expect(facts.status).toBe('active');
    expect(facts.groupingDisagrees).toBe(true);
    expect(factsFor(set(), TODAY).groupingDisagrees).toBe(false);
  });
});
