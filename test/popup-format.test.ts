import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatPercent,
  plural,
  readAge,
  relativeDays,
  STALE_AFTER_DAYS,
  urgency,
} from '../lib/format';

describe('formatNumber and plural', () => {
  it('groups thousands', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1250)).toBe('1,250');
    expect(formatNumber(1234567)).toBe('1,234,567');
  });

  it('says one or many', () => {
    expect(plural(1, 'set')).toBe('1 set');
    expect(plural(0, 'set')).toBe('0 sets');
    expect(plural(1250, 'license')).toBe('1,250 licenses');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });
});

describe('formatDate', () => {
  it('shows the calendar day in every time zone', () => {
    expect(formatDate('2026-12-15')).toBe('Dec 15, 2026');
    expect(formatDate('2027-01-01')).toBe('Jan 1, 2027');
    expect(formatDate('2026-06-30')).toBe('Jun 30, 2026');
  });
});

describe('relativeDays', () => {
  it('speaks like a person', () => {
    expect(relativeDays(0)).toBe('Today');
    expect(relativeDays(1)).toBe('Tomorrow');
    expect(relativeDays(12)).toBe('in 12 days');
    expect(relativeDays(1200)).toBe('in 1,200 days');
    expect(relativeDays(-1)).toBe('Yesterday');
    expect(relativeDays(-3)).toBe('3 days ago');
  });
});

describe('urgency', () => {
  it('is urgent up to 7 days, soon within the window, later beyond', () => {
    expect(urgency(0, 30)).toBe('urgent');
    expect(urgency(7, 30)).toBe('urgent');
    expect(urgency(8, 30)).toBe('soon');
    expect(urgency(30, 30)).toBe('soon');
    expect(urgency(31, 30)).toBe('later');
    expect(urgency(8, 5)).toBe('later');
  });
});

describe('readAge', () => {
  // Local times: the popup shows the clock where the browser is.
  const now = new Date(2026, 11, 3, 15, 30);

  it('says "today H:mm" for a read made today', () => {
    expect(readAge(new Date(2026, 11, 3, 9, 14).toISOString(), now)).toEqual({
      text: 'today 9:14',
      days: 0,
      stale: false,
    });
    expect(readAge(new Date(2026, 11, 3, 0, 5).toISOString(), now).text).toBe('today 0:05');
  });

  it('says "yesterday" for a read just before midnight', () => {
    expect(readAge(new Date(2026, 11, 2, 23, 59).toISOString(), now)).toMatchObject({ text: 'yesterday', days: 1 });
  });

  it('counts calendar days and turns stale after a week', () => {
    expect(readAge(new Date(2026, 10, 21, 12, 0).toISOString(), now)).toEqual({
      text: '12 days ago',
      days: 12,
      stale: true,
    });
    const almost = new Date(2026, 11, 3 - (STALE_AFTER_DAYS - 1), 8, 0).toISOString();
    expect(readAge(almost, now).stale).toBe(false);
    const week = new Date(2026, 11, 3 - STALE_AFTER_DAYS, 8, 0).toISOString();
    expect(readAge(week, now).stale).toBe(true);
  });

  it('treats a clock set back (a read "in the future") as today and an unreadable time as stale', () => {
    expect(readAge(new Date(2026, 11, 4, 1, 0).toISOString(), now).days).toBe(0);
    expect(readAge('not a time', now)).toMatchObject({ text: 'at an unknown time', stale: true });
  });
});

describe('formatPercent', () => {
  it('rounds and shows a dash when unknown', () => {
    expect(formatPercent(0.8234)).toBe('82%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('–');
  });
});
