import { describe, expect, it } from 'vitest';
import { atRisk, type BarInput, barModel, clockTime, savedText, whenText } from '../components/overlay/bar-model';
import { addDays } from '../lib/dates';
import type { LicenseSet } from '../lib/license';
import type { PageRead } from '../lib/page-read';
import { summarize } from '../lib/summary';

const TODAY = '2026-12-03';
const NOW = new Date(2026, 11, 3, 14, 5);

function set(name: string, endIn: number, licenses: number, assigned: number): LicenseSet {
  return {
    track: 'LETRS',
    name,
    licenses,
    assigned,
    completed: null,
    startDate: addDays(TODAY, -300),
    endDate: addDays(TODAY, endIn),
    pageStatus: 'active',
    pageWarning: false,
  };
}

function read(overrides: Partial<PageRead> = {}): PageRead {
  return {
    isLicensesPage: true,
    complete: true,
    organization: 'Springfield Public Schools',
    tracks: ['LETRS'],
    sets: [set('A', 5, 25, 18), set('B', 12, 50, 38), set('C', 25, 40, 40), set('D', 300, 1250, 1010)],
    diagnostics: [],
    ...overrides,
  };
}

function input(overrides: Partial<BarInput> = {}): BarInput {
  return {
    read: read(),
    today: TODAY,
    warningWindow: 30,
    lastSyncAt: NOW.toISOString(),
    syncError: null,
    pageUrl: 'https://district.letrs.com/manage/licenses',
    now: NOW,
    ...overrides,
  };
}

describe('barModel', () => {
  it('counts the sets ending within the window and their unassigned licenses', () => {
    const model = barModel(input());
    expect(model.state).toBe('ok');
    expect(model.stats.map((s) => s.text)).toEqual(['3 sets end within 30 days', '19 unassigned licenses at risk']);
    expect(model.message).toBe('3 sets end within 30 days, 19 unassigned licenses at risk.');
    expect(model.details).toBeNull();
    expect(model.saved).toBe('Last saved today at 2:05 PM');
  });

  it('follows the warning window and says when nothing is at risk', () => {
    const model = barModel(input({ warningWindow: 3 }));
    expect(model.stats).toEqual([
      { text: 'No sets end within 3 days', short: 'None ending soon', tone: 'ok' },
      { text: '0 unassigned licenses at risk', short: '0 at risk', tone: 'ok' },
    ]);
    expect(barModel(input({ warningWindow: 1, read: read({ sets: [set('A', 1, 2, 1)] }) })).stats[0].text).toBe(
      '1 set ends within 1 day',
    );
  });

  it('says plainly that the rows could not be read, with details to copy', () => {
    const diagnostics = [{ level: 'error' as const, message: 'Found the heading but no license rows' }];
    const model = barModel(input({ read: read({ sets: [], tracks: [], complete: false, diagnostics }) }));
    expect(model.state).toBe('unreadable');
    expect(model.message).toMatch(
      /looks like the Manage Licenses page, but the tracker could not read any license sets/,
    );
    expect(model.message).toMatch(/saved data is unchanged/);
    expect(model.details).toContain('Page: https://district.letrs.com/manage/licenses');
    expect(model.details).toContain('- [error] Found the heading but no license rows');
    expect(model.details).toContain('License sets read: 0');
    expect(model.details).toContain('Tracks: (none found)');
    // Not "not saved": the message already says the saved data is unchanged.
    expect(barModel(input({ read: read({ sets: [] }), syncError: 'x' })).saved).toBe('Last saved today at 2:05 PM');
  });

  it('reports a partial read with its first problem, and still counts what was read', () => {
    const diagnostics = [
      { level: 'info' as const, message: 'Read 4 rows' },
      { level: 'warning' as const, message: "1 row had no end date: 'ECE Cohort B'" },
    ];
    const model = barModel(input({ read: read({ diagnostics }) }));
    expect(model.state).toBe('partial');
    expect(model.message).toBe(
      "Read 4 license sets, but part of the page could not be read: 1 row had no end date: 'ECE Cohort B'. " +
        'The chips show what was read.',
    );
    expect(model.stats).toHaveLength(2);
    expect(model.details).toContain("- [warning] 1 row had no end date: 'ECE Cohort B'");
  });

  it('an info-only diagnostic on a complete read is not trouble', () => {
    const model = barModel(input({ read: read({ diagnostics: [{ level: 'info', message: 'Read 4 rows' }] }) }));
    expect(model.state).toBe('ok');
  });
});

describe('saved time', () => {
  it('writes the clock in 12-hour time', () => {
    expect(clockTime(new Date(2026, 0, 1, 0, 7))).toBe('12:07 AM');
    expect(clockTime(new Date(2026, 0, 1, 12, 30))).toBe('12:30 PM');
    expect(clockTime(new Date(2026, 0, 1, 23, 59))).toBe('11:59 PM');
  });

  it('says today, yesterday or the date', () => {
    expect(whenText(new Date(2026, 11, 3, 9, 0), NOW)).toBe('today at 9:00 AM');
    expect(whenText(new Date(2026, 11, 2, 21, 5), NOW)).toBe('yesterday at 9:05 PM');
    expect(whenText(new Date(2026, 2, 3, 10, 42), NOW)).toBe('Mar 3 at 10:42 AM');
    expect(whenText(new Date(2025, 2, 3, 10, 42), NOW)).toBe('Mar 3, 2025 at 10:42 AM');
  });

  it('says why a read was not saved, keeping the last good save', () => {
    const earlier = new Date(2026, 11, 1, 8, 0).toISOString();
    expect(savedText(null, null, NOW)).toBe('Not saved yet');
    expect(savedText(null, 'the extension did not answer', NOW)).toBe('Not saved: the extension did not answer');
    expect(savedText(earlier, 'the extension did not answer', NOW)).toBe(
      'This read was not saved (the extension did not answer). Last saved Dec 1 at 8:00 AM',
    );
    expect(savedText('not a date', null, NOW)).toBe('Not saved yet');
  });
});

describe('atRisk', () => {
  it('gives the same figures as summarize()', () => {
    const sets = [
      ...read().sets,
      set('E', 0, 10, 2),
      set('F', -1, 10, 2),
      { ...set('G', 20, 10, 2), assigned: null },
      { ...set('H', 40, 10, 2), startDate: addDays(TODAY, 3), pageStatus: 'upcoming' as const },
    ];
    for (const window of [1, 12, 30, 365]) {
      const all = summarize(sets, TODAY, window).all;
      expect(atRisk(read({ sets }), TODAY, window)).toEqual({
        expiringSoon: all.expiringSoon,
        unassignedAtRisk: all.unassignedAtRisk,
      });
    }
  });
});
