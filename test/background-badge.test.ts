import { describe, expect, it } from 'vitest';
import { BADGE_AMBER, BADGE_GREY, BADGE_RED, badgeFor, NO_DATA_TITLE } from '../lib/badge';
import type { ExportableSet } from '../lib/csv';
import { addDays } from '../lib/dates';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { at, ORG, sampleSets } from './background-helpers';

const TODAY = '2026-12-03';
const SYNCED = at(TODAY).toISOString();
const sample = (): ExportableSet[] => sampleSets(TODAY).map((s) => ({ ...s, organization: ORG }));

function ending(name: string, days: number, extra: Partial<ExportableSet> = {}): ExportableSet {
  return {
    organization: ORG,
    track: 'LETRS',
    name,
    licenses: 10,
    assigned: 5,
    completed: null,
    startDate: addDays(TODAY, -300),
    endDate: addDays(TODAY, days),
    pageStatus: 'active',
    pageWarning: false,
    ...extra,
  };
}

describe('badgeFor', () => {
  it('shows a grey "?" before the first sync', () => {
    expect(badgeFor([], DEFAULT_SETTINGS, TODAY, null)).toEqual({ text: '?', color: BADGE_GREY, title: NO_DATA_TITLE });
    expect(NO_DATA_TITLE).toBe('No license data yet: open Manage Licenses on letrs.com');
  });

  it('counts the sample’s three sets ending within 30 days, red because one ends within 7, and names them', () => {
    const badge = badgeFor(sample(), DEFAULT_SETTINGS, TODAY, SYNCED);
    expect(badge.text).toBe('3');
    expect(badge.color).toBe(BADGE_RED);
    expect(badge.title).toBe(
      '3 license sets end within 30 days: ECE Cohort B (5 days), LETRS Units 1-4 Cohort A (12 days), LETRS Units 5-8 Cohort A (25 days)',
    );
  });

  it('is amber when the nearest end is more than 7 days away', () => {
    const badge = badgeFor([ending('A', 8), ending('B', 30), ending('C', 31)], DEFAULT_SETTINGS, TODAY, SYNCED);
    expect(badge).toMatchObject({ text: '2', color: BADGE_AMBER });
    expect(badgeFor([ending('A', 7)], DEFAULT_SETTINGS, TODAY, SYNCED).color).toBe(BADGE_RED);
  });

  it('is empty when no active set ends within the window', () => {
    const sets = [ending('Later', 31), ending('Ended', -1), ending('Upcoming', 10, { startDate: addDays(TODAY, 2) })];
    const badge = badgeFor(sets, DEFAULT_SETTINGS, TODAY, SYNCED);
    expect(badge.text).toBe('');
    expect(badge.title).toBe('No license sets end within 30 days.');
  });

  it('says today and tomorrow, uses the singular for one set and the window from the settings', () => {
    expect(badgeFor([ending('A', 0)], DEFAULT_SETTINGS, TODAY, SYNCED).title).toBe(
      '1 license set ends within 30 days: A (today)',
    );
    const settings = { ...DEFAULT_SETTINGS, warningWindow: 1 };
    expect(badgeFor([ending('A', 1), ending('B', 2)], settings, TODAY, SYNCED)).toMatchObject({
      text: '1',
      title: '1 license set ends within 1 day: A (tomorrow)',
    });
  });

  it('names five sets at most, and caps the text at 99+', () => {
    const many = Array.from({ length: 120 }, (_, i) => ending(`Set ${String(i).padStart(3, '0')}`, 10 + (i % 20)));
    const badge = badgeFor(many, DEFAULT_SETTINGS, TODAY, SYNCED);
    expect(badge.text).toBe('99+');
    expect(badge.title).toMatch(/^120 license sets end within 30 days: Set 000 \(10 days\), .*, and 115 more$/);
  });

  it('does not count sets no longer shown on the page, and says so', () => {
    const sets = [ending('A', 5), ending('B', 12, { missingSince: TODAY }), ending('C', 20, { missingSince: TODAY })];
    const badge = badgeFor(sets, DEFAULT_SETTINGS, TODAY, SYNCED);
    expect(badge.text).toBe('1');
    expect(badge.title).toBe(
      '1 license set ends within 30 days: A (5 days)\nNot counted: 2 sets no longer shown on the Licenses page.',
    );
  });

  it('leaves out the organizations and tracks the settings exclude', () => {
    const sets = [
      ending('A', 5),
      ending('B', 12, { track: 'LETRS for Administrators' }),
      ending('C', 9, { organization: 'X' }),
    ];
    const settings = {
      ...DEFAULT_SETTINGS,
      badgeExcludedOrganizations: ['X'],
      badgeExcludedTracks: ['LETRS for Administrators'],
    };
    const badge = badgeFor(sets, settings, TODAY, SYNCED);
    expect(badge.text).toBe('1');
    expect(badge.title).toContain('Not counted: 2 sets left out in the settings.');
  });

  it('adds a hint when the data is older than 14 days', () => {
    const sets = [ending('A', 20)];
    expect(badgeFor(sets, DEFAULT_SETTINGS, TODAY, at(addDays(TODAY, -14)).toISOString()).title).not.toContain(
      'Data last read',
    );
    const old = badgeFor(sets, DEFAULT_SETTINGS, TODAY, at('2026-11-18').toISOString());
    expect(old.text).toBe('1');
    expect(old.title).toBe(
      '1 license set ends within 30 days: A (20 days)\nData last read Nov 18, 2026 (15 days ago): open Manage Licenses on letrs.com to refresh it.',
    );
  });
});
