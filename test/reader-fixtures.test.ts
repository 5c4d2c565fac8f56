// @vitest-environment happy-dom
/**
 * Every sample page against its expected result: the sets exactly, the organization, whether it
 * is the licenses page and whether the read is complete; plus what each layout is there to test.
 */
import { describe, expect, it } from 'vitest';
import { readLicensesPage, readLicensesPageWithRows } from '../lib/reader/index';
import { sampleExpected, samplePage } from '../scripts/sample-page';
import { documentOf, expected, fixture } from './reader-pages';

const LICENSES_PAGES = [
  'table-per-track',
  'nested-lists',
  'tabs-status',
  'collapsed-details',
  'aria-grid',
  'disclosure-groups',
  'mid-load',
];
const OTHER_PAGES = ['people', 'overview-dashboard'];

describe('sample pages', () => {
  it.each([...LICENSES_PAGES, ...OTHER_PAGES])('%s reads as expected', (name) => {
    const read = readLicensesPage(fixture(name));
    const want = expected(name);
    expect(read.sets).toEqual(want.sets);
    expect(read.isLicensesPage).toBe(want.isLicensesPage);
    expect(read.organization).toBe(want.organization);
    expect(read.complete).toBe(want.complete);
  });

  it.each(['2026-12-03', '2027-02-28', '2026-03-01'])('the built-in sample reads as expected on %s', (today) => {
    const read = readLicensesPage(documentOf(samplePage(today)));
    const want = sampleExpected(today);
    expect(read.sets).toEqual(want.sets);
    expect(read.organization).toBe(want.organization);
    expect(read.isLicensesPage).toBe(true);
    expect(read.complete).toBe(true);
    expect(read.tracks).toEqual(['LETRS', 'LETRS for Early Childhood Educators', 'LETRS for Administrators']);
    expect(read.diagnostics[0]).toEqual({ level: 'info', message: 'Read 8 license sets in 3 tracks.' });
  });

  it('finds no sets on pages of the site that are not the licenses page', () => {
    for (const name of OTHER_PAGES) {
      const read = readLicensesPage(fixture(name));
      expect(read.isLicensesPage).toBe(false);
      expect(read.sets).toEqual([]);
      expect(read.complete).toBe(false);
    }
  });

  it('marks a page caught mid-load incomplete and says why, keeping the rows already shown', () => {
    const read = readLicensesPage(fixture('mid-load'));
    expect(read.complete).toBe(false);
    expect(read.sets.map((s) => s.name)).toEqual(['Units 1–4 Cohort 7', 'Units 5–8 Cohort 7']);
    expect(read.diagnostics.map((d) => d.message)).toContain(
      'The page is still loading (a region marked busy); this read is incomplete.',
    );
  });

  it('names a row read only in part in the summary', () => {
    const read = readLicensesPage(fixture('collapsed-details'));
    expect(read.diagnostics[0]).toEqual({
      level: 'warning',
      message: "Read 6 license sets in 2 tracks; 1 row had no start date: 'Units 5–8 Cohort 2023'.",
    });
    expect(read.complete).toBe(true);
  });

  it('reads hidden tab panels (tabs hide groups, not sets) and takes each panel’s status from its tab', () => {
    const read = readLicensesPage(fixture('tabs-status'));
    expect(read.sets.filter((s) => s.pageStatus === 'upcoming').map((s) => s.name)).toEqual([
      'Units 1–4 Summer Institute',
      'Units 5–8 Fall 2026',
    ]);
    expect(read.sets.filter((s) => s.pageStatus === 'expired')).toHaveLength(1);
  });

  it('gives the overlay each set’s row element and the element its name came from', () => {
    const { read, rows } = readLicensesPageWithRows(documentOf(samplePage('2026-12-03')));
    expect(rows.map((r) => r.set)).toEqual(read.sets);
    for (const row of rows) {
      expect(row.element.getAttribute('data-license-set-id')).toBe(row.set.id);
      expect(row.nameElement?.textContent).toBe(row.set.name);
    }
  });

  it('reads table rows into their own row elements', () => {
    const { rows } = readLicensesPageWithRows(fixture('table-per-track'));
    expect(rows.every((r) => r.element.localName === 'tr')).toBe(true);
  });
});
