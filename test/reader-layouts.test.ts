// @vitest-environment happy-dom
/**
 * Layouts no sample page uses, written the way another team might build the same page: cards
 * that are links, status groups holding tracks, definition lists, badges instead of groups,
 * "Assigned 12 of 60". The reader must read them from their words alone.
 */
import { describe, expect, it } from 'vitest';
import { readLicensesPage } from '../lib/reader/index';
import { documentOf } from './reader-pages';

const pick = (html: string) =>
  readLicensesPage(documentOf(html)).sets.map(
    ({ id, track, name, licenses, assigned, completed, startDate, endDate, pageStatus }) => ({
      id,
      track,
      name,
      licenses,
      assigned,
      completed,
      startDate,
      endDate,
      pageStatus,
    }),
  );

describe('layouts no sample page uses', () => {
  it('cards that are links, status as a badge, "Assigned 12 of 60", "to" ranges', () => {
    expect(
      pick(
        '<h1>Manage Licenses</h1><h2>LETRS</h2><div class="grid">' +
          '<a class="c" href="/sets/11"><div class="t">Cohort Link A</div><div>Jul 1, 2025 to Jun 30, 2026</div><div>Assigned 12 of 60</div><span>Active</span></a>' +
          '<a class="c" href="/sets/12"><div class="t">Cohort Link B</div><div>Starts Aug 3, 2026</div><div>Assigned 0 of 20</div><span>Upcoming</span></a></div>',
      ),
    ).toEqual([
      {
        id: '11',
        track: 'LETRS',
        name: 'Cohort Link A',
        licenses: 60,
        assigned: 12,
        completed: null,
        startDate: '2025-07-01',
        endDate: '2026-06-30',
        pageStatus: 'active',
      },
      {
        id: '12',
        track: 'LETRS',
        name: 'Cohort Link B',
        licenses: 20,
        assigned: 0,
        completed: null,
        startDate: '2026-08-03',
        endDate: null,
        pageStatus: 'upcoming',
      },
    ]);
  });

  it('status groups holding tracks, definition lists with labelled dates, a track without "LETRS"', () => {
    const card = (name: string, start: string, end: string, kind: string, n: number, m: number) =>
      `<div class="r"><div>${name}</div><dl><dt>Start date</dt><dd>${start}</dd><dt>End date</dt><dd>${end}</dd><dt>Licenses</dt><dd>${n}</dd><dt>${kind}</dt><dd>${m}</dd></dl></div>`;
    expect(
      pick(
        '<h1>Manage Licenses</h1><h2>Active</h2><h3>LETRS</h3>' +
          card('Alpha', '07/01/2025', '06/30/2026', 'Assigned', 40, 33) +
          card('Beta', '01/01/2026', '12/31/2026', 'Assigned', 10, 3) +
          '<h3>Literacy Leaders</h3>' +
          card('Gamma', '07/01/2025', '06/30/2027', 'Assigned', 5, 5) +
          '<h2>Expired</h2><h3>LETRS</h3>' +
          card('Delta', '07/01/2023', '06/30/2024', 'Completed', 40, 30),
      ),
    ).toEqual([
      {
        id: null,
        track: 'LETRS',
        name: 'Alpha',
        licenses: 40,
        assigned: 33,
        completed: null,
        startDate: '2025-07-01',
        endDate: '2026-06-30',
        pageStatus: 'active',
      },
      {
        id: null,
        track: 'LETRS',
        name: 'Beta',
        licenses: 10,
        assigned: 3,
        completed: null,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        pageStatus: 'active',
      },
      {
        id: null,
        track: 'Literacy Leaders',
        name: 'Gamma',
        licenses: 5,
        assigned: 5,
        completed: null,
        startDate: '2025-07-01',
        endDate: '2027-06-30',
        pageStatus: 'active',
      },
      {
        id: null,
        track: 'LETRS',
        name: 'Delta',
        licenses: 40,
        assigned: null,
        completed: 30,
        startDate: '2023-07-01',
        endDate: '2024-06-30',
        pageStatus: 'expired',
      },
    ]);
  });

  it('one set per track, name headings inside list items, "Started … · Expires on …"', () => {
    expect(
      pick(
        '<h1>Licenses</h1><section><h2>LETRS for Administrators</h2><ul><li><h3>Leaders 2025</h3><p>Started Jul 1, 2025 · Expires on Jun 30, 2027</p><p>10 Licenses | 8 assigned | 2 available</p><span>Active</span></li></ul></section>' +
          '<section><h2>LETRS</h2><ul><li><h3>Cohort One</h3><p>Jul 1, 2025 – Jun 30, 2026</p><p>60 Licenses | 48 assigned</p></li></ul></section>',
      ).map((s) => [s.track, s.name, s.licenses, s.assigned, s.startDate, s.endDate]),
    ).toEqual([
      ['LETRS for Administrators', 'Leaders 2025', 10, 8, '2025-07-01', '2027-06-30'],
      ['LETRS', 'Cohort One', 60, 48, '2025-07-01', '2026-06-30'],
    ]);
  });

  it('a track total in the heading is not a set, and a track with a single set is still a track', () => {
    expect(
      pick(
        '<h1>Manage Licenses</h1>' +
          '<section><h2>LETRS <small>(85 licenses)</small></h2><h3>Active</h3><div><div>Solo</div><div>Jul 1, 2025 – Jun 30, 2026</div><div>85 licenses · 80 assigned</div></div></section>' +
          '<section><h2>LETRS for Administrators <small>(12 licenses)</small></h2><h3>Active</h3><div><div>Lead A</div><div>Jul 1, 2025 – Jun 30, 2027</div><div>6 licenses · 6 assigned</div></div><div><div>Lead B</div><div>Jul 1, 2025 – Jun 30, 2027</div><div>6 licenses · 1 assigned</div></div></section>',
      ).map((s) => [s.track, s.name, s.licenses]),
    ).toEqual([
      ['LETRS', 'Solo', 85],
      ['LETRS for Administrators', 'Lead A', 6],
      ['LETRS for Administrators', 'Lead B', 6],
    ]);
  });
});

describe('icons', () => {
  it('gives a warning icon at the very end of a row to that row, not the next', () => {
    const read = readLicensesPage(
      documentOf(
        '<h1>Manage Licenses</h1><h2>LETRS</h2><h3>Active</h3>' +
          '<div><div>Alpha</div><div>Jul 1, 2025 – Mar 31, 2026</div><div>40 licenses · 33 assigned</div><svg aria-label="Expiring soon"></svg></div>' +
          '<div><div>Beta</div><div>Jul 1, 2025 – Jun 30, 2026</div><div>40 licenses · 3 assigned</div></div>',
      ),
    );
    expect(read.sets.map((s) => [s.name, s.pageWarning])).toEqual([
      ['Alpha', true],
      ['Beta', false],
    ]);
  });
});
