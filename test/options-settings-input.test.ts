import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { formatLeadTimes, parseDays, parseLeadTimes, SettingsSchema } from '../lib/settings-input';

describe('parseDays', () => {
  it('takes whole days from 1 to 365', () => {
    expect(parseDays('1')).toEqual({ ok: true, value: 1 });
    expect(parseDays(' 30 ')).toEqual({ ok: true, value: 30 });
    expect(parseDays('365')).toEqual({ ok: true, value: 365 });
    expect(parseDays('007')).toEqual({ ok: true, value: 7 });
  });

  it('says what is wrong with anything else', () => {
    expect(parseDays('')).toEqual({ ok: false, error: 'Enter a number of days from 1 to 365.' });
    expect(parseDays('0')).toEqual({ ok: false, error: '0 days is out of range: enter 1 to 365.' });
    expect(parseDays('366')).toEqual({ ok: false, error: '366 days is out of range: enter 1 to 365.' });
    for (const bad of ['-3', '2.5', '1e2', 'thirty', '30 days', '0x10', 'Infinity']) {
      expect(parseDays(bad)).toEqual({ ok: false, error: `"${bad}" is not a whole number of days: enter 1 to 365.` });
    }
  });
});

describe('parseLeadTimes', () => {
  it('reads a comma list, drops duplicates and sorts longest first', () => {
    expect(parseLeadTimes('30, 7, 1')).toEqual({ ok: true, value: [30, 7, 1] });
    expect(parseLeadTimes('1,7,,30,7, ')).toEqual({ ok: true, value: [30, 7, 1] });
    expect(parseLeadTimes('90')).toEqual({ ok: true, value: [90] });
  });

  it('refuses an empty list, a bad item or too many', () => {
    expect(parseLeadTimes(' , ')).toEqual({ ok: false, error: 'Enter at least one lead time in days, e.g. 30, 7, 1.' });
    expect(parseLeadTimes('30, 0')).toEqual({ ok: false, error: 'Lead time 0 days is out of range: enter 1 to 365.' });
    expect(parseLeadTimes('30; 7')).toEqual({
      ok: false,
      error: 'Lead time "30; 7" is not a whole number of days: enter 1 to 365.',
    });
    expect(parseLeadTimes('1,2,3,4,5,6,7,8,9,10,11')).toEqual({ ok: false, error: 'Enter at most 10 lead times.' });
  });

  it('shows lead times as typed', () => {
    expect(formatLeadTimes([30, 7, 1])).toBe('30, 7, 1');
  });
});

describe('SettingsSchema', () => {
  it('accepts the defaults and refuses out-of-range values', () => {
    expect(v.safeParse(SettingsSchema, DEFAULT_SETTINGS).success).toBe(true);
    expect(v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, deadlineHorizon: 366 }).success).toBe(false);
    expect(v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, notificationLeadTimes: [0] }).success).toBe(false);
    expect(v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, badgeExcludedTracks: 'LETRS' }).success).toBe(false);
  });
});
