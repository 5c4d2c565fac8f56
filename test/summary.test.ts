import { describe, expect, it } from 'vitest';
import type { LicenseSet } from '../lib/license';
import { deadlines, summarize } from '../lib/summary';

const TODAY = '2026-12-03';

const base: Omit<LicenseSet, 'name' | 'track'> = {
  licenses: 0,
  assigned: 0,
  completed: null,
  startDate: null,
  endDate: null,
  pageStatus: null,
  pageWarning: false,
};

const sets: LicenseSet[] = [
  { ...base, track: 'LETRS', name: 'A', licenses: 100, assigned: 60, startDate: '2026-01-01', endDate: '2026-12-20' },
  { ...base, track: 'LETRS', name: 'B', licenses: 50, assigned: 50, startDate: '2026-01-01', endDate: '2027-06-30' },
  {
    ...base,
    track: 'LETRS',
    name: 'C',
    licenses: 30,
    assigned: null,
    completed: 12,
    startDate: '2025-01-01',
    endDate: '2025-12-31',
  },
  {
    ...base,
    track: 'LETRS for Administrators',
    name: 'D',
    licenses: 20,
    assigned: 5,
    startDate: '2027-01-15',
    endDate: '2029-01-14',
  },
  {
    ...base,
    track: 'LETRS for Administrators',
    name: 'E',
    licenses: 10,
    assigned: 2,
    startDate: '2026-06-01',
    endDate: TODAY,
  },
];

describe('summarize', () => {
  const summary = summarize(sets, TODAY);

  it('totals per status overall', () => {
    expect(summary.byStatus.active).toMatchObject({
      sets: 3,
      licenses: 160,
      assigned: 112,
      unassigned: 48,
      expiringSoon: 2,
      unassignedAtRisk: 48,
    });
    expect(summary.byStatus.active.utilization).toBeCloseTo(112 / 160);
    expect(summary.byStatus.expired).toMatchObject({ sets: 1, licenses: 30, completed: 12, utilization: null });
    expect(summary.byStatus.upcoming).toMatchObject({ sets: 1, licenses: 20, assigned: 5, unassigned: 15 });
    expect(summary.byStatus.unknown.sets).toBe(0);
    expect(summary.all.sets).toBe(5);
  });

  it('totals per track in page order', () => {
    expect(summary.tracks.map((t) => t.track)).toEqual(['LETRS', 'LETRS for Administrators']);
    expect(summary.tracks[0].byStatus.active).toMatchObject({ sets: 2, licenses: 150, assigned: 110, unassigned: 40 });
    expect(summary.tracks[1].byStatus.active).toMatchObject({ sets: 1, expiringSoon: 1, unassignedAtRisk: 8 });
  });

  it('is empty for no sets', () => {
    const empty = summarize([], TODAY);
    expect(empty.tracks).toEqual([]);
    expect(empty.all).toMatchObject({ sets: 0, utilization: null });
  });
});

describe('deadlines', () => {
  it('lists sets ending and starting within the horizon, by date', () => {
    const { ending, starting } = deadlines(sets, TODAY);
    expect(ending.map((d) => [d.set.name, d.date, d.days, d.unassigned])).toEqual([
      ['E', TODAY, 0, 8],
      ['A', '2026-12-20', 17, 40],
    ]);
    expect(starting.map((d) => [d.set.name, d.days, d.unassigned])).toEqual([['D', 43, 15]]);
  });

  it('follows the horizon', () => {
    expect(deadlines(sets, TODAY, 10).ending.map((d) => d.set.name)).toEqual(['E']);
    expect(deadlines(sets, TODAY, 10).starting).toEqual([]);
    expect(deadlines(sets, TODAY, 365).ending.map((d) => d.set.name)).toEqual(['E', 'A', 'B']);
  });
});
