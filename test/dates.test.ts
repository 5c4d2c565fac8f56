import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  findDates,
  isCalendarDate,
  localToday,
  parseDateRange,
  parseDisplayedDate,
} from '../lib/dates';

describe('parseDisplayedDate', () => {
  it.each([
    ['Aug 1, 2027', '2027-08-01'],
    ['August 1, 2027', '2027-08-01'],
    ['Sept. 1, 2027', '2027-09-01'],
    ['Sep 30 2026', '2026-09-30'],
    ['1 August 2027', '2027-08-01'],
    ['08/15/2026', '2026-08-15'],
    ['8/5/2026', '2026-08-05'],
    ['2026-08-15', '2026-08-15'],
    ['Starts Aug 1, 2027', '2027-08-01'],
    ['Ends: August 1st, 2027', '2027-08-01'],
    ['Expires\u00a0Jan\u00a031,\u00a02027', '2027-01-31'],
    ['Feb 29, 2028', '2028-02-29'],
    ['Dec 31, 2026', '2026-12-31'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDisplayedDate(text)).toBe(expected);
  });

  it.each(['Feb 30, 2027', 'Feb 29, 2027', '02/30/2026', '13/01/2026', '2026-02-30', 'April 31, 2026', 'soon', ''])(
    'rejects %j rather than rolling it over',
    (text) => {
      expect(parseDisplayedDate(text)).toBeNull();
    },
  );

  it('does not read 15/08/2026 as a US date', () => {
    expect(parseDisplayedDate('15/08/2026')).toBeNull();
  });

  it('finds every date in order', () => {
    expect(findDates('from 7/1/2026 until June 30, 2027')).toEqual(['2026-07-01', '2027-06-30']);
  });
});

describe('parseDateRange', () => {
  it.each([
    ['Jul 1, 2026 – Jun 30, 2027'],
    ['Jul 1, 2026 - Jun 30, 2027'],
    ['Jul 1, 2026 — Jun 30, 2027'],
    ['Jul 1, 2026 to Jun 30, 2027'],
    ['07/01/2026–06/30/2027'],
    ['Starts Jul 1, 2026 · Ends Jun 30, 2027'],
    ['Start date: 2026-07-01 End date: 2027-06-30'],
    ['Expires Jun 30, 2027 (started Jul 1, 2026)'],
    ['Starts Jul 1, 2026 – Jun 30, 2027'],
  ])('reads %j', (text) => {
    expect(parseDateRange(text)).toEqual({ start: '2026-07-01', end: '2027-06-30' });
  });

  it('reads a lone start or end from its words', () => {
    expect(parseDateRange('Starts Aug 1, 2027')).toEqual({ start: '2027-08-01', end: null });
    expect(parseDateRange('Expired Oct 1, 2023')).toEqual({ start: null, end: '2023-10-01' });
    expect(parseDateRange('Ends 08/15/2026')).toEqual({ start: null, end: '2026-08-15' });
  });

  it('does not guess at an unlabelled date', () => {
    expect(parseDateRange('Aug 1, 2027')).toEqual({ start: null, end: null });
  });

  it('keeps the good half of a range with an impossible date', () => {
    expect(parseDateRange('Jul 1, 2026 – Feb 30, 2027')).toEqual({ start: '2026-07-01', end: null });
    expect(parseDateRange('Starts Jul 1, 2026 · Ends Feb 30, 2027')).toEqual({ start: '2026-07-01', end: null });
  });
});

describe('calendar arithmetic', () => {
  it('counts calendar days across a DST change and year end', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-11-01', '2026-11-02')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
  });

  it('refuses impossible dates, leap days included, even after counting good ones', () => {
    expect(daysBetween('2028-02-28', '2028-02-29')).toBe(1);
    expect(() => daysBetween('2027-02-28', '2027-02-29')).toThrow(RangeError);
    expect(() => daysBetween('2100-02-29', '2100-03-01')).toThrow(RangeError);
    expect(daysBetween('2000-02-29', '2000-03-01')).toBe(1);
    expect(() => daysBetween('2026-13-01', '2026-12-01')).toThrow(RangeError);
    expect(() => daysBetween('2026-04-31', '2026-05-01')).toThrow(RangeError);
    expect(() => daysBetween('2026-7-1', '2026-07-02')).toThrow(RangeError);
    // 10,000 distinct days later the answers are still right (the memo is bounded, not wrong).
    for (let i = 0; i < 25_000; i++) daysBetween('2026-01-01', addDays('2026-01-01', i % 12_000));
    expect(daysBetween('1999-12-31', '2026-12-03')).toBe(9834);
  });

  it('adds days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-08', -1)).toBe('2026-03-07');
  });

  it('takes today from the local clock, not UTC', () => {
    // 2026-07-01 at 00:30 local time is still June 30 in UTC west of Greenwich and already
    // July 1 east of it; the calendar date must be the local one either way.
    expect(localToday(new Date(2026, 6, 1, 0, 30))).toBe('2026-07-01');
    expect(localToday(new Date(2026, 6, 1, 23, 30))).toBe('2026-07-01');
  });

  it('validates calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-1')).toBe(false);
    expect(isCalendarDate(20270201)).toBe(false);
  });

  it('runs under a named time zone (the suite runs in two)', () => {
    expect(process.env.TZ).toMatch(/\//);
  });
});
