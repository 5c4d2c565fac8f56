/**
 * Property-based tests of the status and date rules: invariants that must hold for any dates,
 * checked in several time zones (Node applies a change of process.env.TZ at once).
 */

import { format } from 'date-fns';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, calendarDateToLocal, daysBetween, parseDateRange, parseDisplayedDate } from '../lib/dates';
import { daysUntilEnd, expiringSoon, type LicenseSet, status } from '../lib/license';

const ZONES = ['America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata', 'Europe/London', 'Pacific/Kiritimati', 'UTC'];
const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

/** Any calendar date from 2000 to 2060, as YYYY-MM-DD. */
const calendarDate = fc.integer({ min: 0, max: 60 * 366 }).map((n) => addDays('2000-01-01', n));

const licenseSet = fc.record({
  startDate: fc.option(calendarDate, { nil: null }),
  endDate: fc.option(calendarDate, { nil: null }),
  pageStatus: fc.constantFrom(null, 'upcoming' as const, 'active' as const, 'expired' as const),
});

describe.each(ZONES)('in %s', (zone) => {
  it('gives every set exactly one status, and dates decide it', () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(licenseSet, calendarDate, (set, today) => {
        const s = status(set, today);
        expect(['upcoming', 'active', 'expired', 'unknown']).toContain(s);
        if (set.startDate && set.startDate > today) expect(s).toBe('upcoming');
        else if (set.endDate && set.endDate < today) expect(s).toBe('expired');
        else if (set.startDate && set.endDate) expect(s).toBe('active');
        if (s === 'unknown') expect(set).toEqual({ startDate: null, endDate: null, pageStatus: null });
      }),
    );
  });

  it('only counts active sets as expiring soon, within the window', () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(licenseSet, calendarDate, fc.integer({ min: 1, max: 365 }), (set, today, window) => {
        if (!expiringSoon(set, today, window)) return;
        const days = daysUntilEnd(set, today);
        expect(status(set, today)).toBe('active');
        expect(days).not.toBeNull();
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThanOrEqual(window);
      }),
    );
  });

  it('counts days until the end that agree with the dates', () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(calendarDate, calendarDate, (today, endDate) => {
        const days = daysUntilEnd({ endDate } as Pick<LicenseSet, 'endDate'>, today);
        expect(days).toBe(daysBetween(today, endDate));
        expect(addDays(today, days ?? 0)).toBe(endDate);
        expect(Math.sign(days ?? 0)).toBe(Math.sign(endDate.localeCompare(today)));
      }),
    );
  });

  it('reads back every displayed form of a date', () => {
    process.env.TZ = zone;
    const patterns = ['MMM d, yyyy', 'MMMM d, yyyy', 'MM/dd/yyyy', 'M/d/yyyy', 'yyyy-MM-dd', 'd MMMM yyyy'];
    fc.assert(
      fc.property(
        calendarDate,
        fc.constantFrom(...patterns),
        fc.constantFrom('', 'Ends ', 'Expires: '),
        (date, pattern, words) => {
          expect(parseDisplayedDate(`${words}${format(calendarDateToLocal(date), pattern)}`)).toBe(date);
        },
      ),
    );
  });

  it('reads back a displayed range', () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(calendarDate, calendarDate, fc.constantFrom(' – ', ' - ', ' to ', '–'), (start, end, joiner) => {
        const shown = (d: string) => format(calendarDateToLocal(d), 'MMM d, yyyy');
        expect(parseDateRange(`${shown(start)}${joiner}${shown(end)}`)).toEqual({ start, end });
      }),
    );
  });
});

it('never rolls an impossible day over into the next month', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2000, max: 2060 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 29, max: 31 }),
      (y, m, d) => {
        const shown = `${String(m).padStart(2, '0')}/${d}/${y}`;
        const parsed = parseDisplayedDate(shown);
        const real = new Date(y, m - 1, d).getMonth() === m - 1;
        expect(parsed).toBe(real ? `${y}-${String(m).padStart(2, '0')}-${d}` : null);
      },
    ),
  );
});
