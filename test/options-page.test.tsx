// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { OptionsApp } from '../components/options/OptionsApp';
import { OptionsPage } from '../components/options/OptionsPage';
import { createOptionsActions } from '../components/options/options-actions';
import { BACKUP_FORMAT, MAX_BACKUP_BYTES } from '../lib/backup';
import { LicenseDatabase } from '../lib/db';
import type { DownloadFile } from '../lib/download';
import { SNAPSHOT_KEY } from '../lib/popup-snapshot';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { readSettings } from '../lib/settings-store';
import { at, cached, PAGE_URL, sampleCache, TODAY } from './popup-fixture';

let db: LicenseDatabase;
let counter = 0;
let sendMessage: Mock<(message: unknown) => Promise<unknown>>;
let permissions: { request: Mock<() => Promise<boolean>>; contains: Mock<() => Promise<boolean>> };
let download: Mock<(file: DownloadFile) => void>;

beforeEach(() => {
  counter += 1;
  db = new LicenseDatabase(`options-${process.pid}-${counter}`);
  sendMessage = vi.fn(async (_message: unknown): Promise<unknown> => ({ ok: true }));
  permissions = { request: vi.fn(async () => true), contains: vi.fn(async () => true) };
  download = vi.fn<(file: DownloadFile) => void>();
});

afterEach(async () => {
  cleanup();
  db.close();
  await Dexie.delete(db.name);
});

/** A cache as after a few syncs: sets of two organizations, history, log, settings, a sent notice. */
async function seed() {
  const sets = [...sampleCache(), cached({ ...sampleCache()[1], organization: 'Shelbyville District' })];
  await db.transaction('rw', [db.sets, db.history, db.syncLog, db.settings, db.notifications, db.meta], async () => {
    await db.sets.bulkPut(sets);
    await db.history.bulkPut(
      sets.map((s) => ({
        key: s.key,
        date: TODAY,
        values: {
          licenses: s.licenses,
          assigned: s.assigned,
          completed: s.completed,
          startDate: s.startDate,
          endDate: s.endDate,
          pageStatus: s.pageStatus,
        },
        changed: ['licenses' as const],
      })),
    );
    await db.syncLog.add({
      at: at(TODAY).toISOString(),
      url: PAGE_URL,
      organization: 'Springfield Public Schools',
      setCount: 8,
      complete: true,
      applied: true,
      diagnostics: [{ level: 'info', message: 'Read 8 license sets in 3 tracks.' }],
    });
    await db.settings.put({ id: 'settings', ...DEFAULT_SETTINGS, warningWindow: 21 });
    await db.notifications.put({ key: sets[5].key, leadDays: 7, at: at(TODAY).toISOString() });
    await db.meta.put({ id: 'sync', lastSyncAt: at(TODAY).toISOString(), lastSyncUrl: PAGE_URL });
  });
}

async function dump() {
  return {
    sets: await db.sets.toArray(),
    history: await db.history.toArray(),
    syncLog: await db.syncLog.toArray(),
    settings: await db.settings.toArray(),
    notifications: await db.notifications.toArray(),
    meta: await db.meta.toArray(),
  };
}

async function mount() {
  const actions = createOptionsActions({
    db,
    runtime: { sendMessage },
    permissions,
    download,
    storage: localStorage,
    clock: () => at(TODAY, 15, 30),
  });
  render(<OptionsApp db={db} actions={actions} />);
  await screen.findByRole('heading', { name: 'LETRS License Tracker settings' });
}

const refreshes = () => sendMessage.mock.calls.filter(([m]) => (m as { type: string }).type === 'letrs:refresh').length;

describe('options page states', () => {
  const actions = () =>
    createOptionsActions({ db, runtime: { sendMessage }, permissions, download, storage: localStorage });

  it('says it is loading, then explains a database that cannot be opened', () => {
    const { rerender } = render(<OptionsPage state={{ kind: 'loading' }} actions={actions()} />);
    expect(screen.getByRole('status').textContent).toBe('Loading settings…');
    rerender(
      <OptionsPage
        state={{ kind: 'error', error: Object.assign(new Error('IndexedDB API missing'), { name: 'MissingAPIError' }) }}
        actions={actions()}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Cannot open the settings');
    expect(alert.textContent).toContain('This browser window cannot store data for extensions');
    expect(alert.textContent).toContain('Details: MissingAPIError: IndexedDB API missing');
  });
});

describe('deadline settings', () => {
  it('shows the stored values, or the defaults when none were saved', async () => {
    await mount();
    expect((screen.getByLabelText('Warning window (days)') as HTMLInputElement).value).toBe('30');
    expect((screen.getByLabelText('Deadline horizon (days)') as HTMLInputElement).value).toBe('90');
    expect((screen.getByLabelText('Lead times (days before the end)') as HTMLInputElement).value).toBe('30, 7, 1');
    expect(screen.getByText('No license data yet: open Manage → Licenses on letrs.com.')).toBeTruthy();
  });

  it('refuses a value out of range or not a number, inline, and saves nothing', async () => {
    await mount();
    const field = screen.getByLabelText('Warning window (days)') as HTMLInputElement;
    fireEvent.input(field, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save deadlines' }));
    expect(await screen.findByText('0 days is out of range: enter 1 to 365.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('warning-window-hint warning-window-error');
    expect(document.activeElement).toBe(field);
    expect(screen.getByRole('alert').textContent).toBe('Not saved: correct the highlighted field.');

    const horizon = screen.getByLabelText('Deadline horizon (days)');
    fireEvent.input(field, { target: { value: '14' } });
    fireEvent.input(horizon, { target: { value: '9.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save deadlines' }));
    expect(await screen.findByText('"9.5" is not a whole number of days: enter 1 to 365.')).toBeTruthy();
    expect(await db.settings.get('settings')).toBeUndefined();
    expect(refreshes()).toBe(0);
  });

  it('saves valid values in the database and asks the background to refresh', async () => {
    await mount();
    fireEvent.input(screen.getByLabelText('Warning window (days)'), { target: { value: ' 14 ' } });
    fireEvent.input(screen.getByLabelText('Deadline horizon (days)'), { target: { value: '365' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save deadlines' }));
    expect(await screen.findByText('Saved: sets ending within 14 days count as expiring soon.')).toBeTruthy();
    expect(await readSettings(db)).toMatchObject({ warningWindow: 14, deadlineHorizon: 365 });
    expect(refreshes()).toBe(1);
  });

  it('is fine when the background is not listening, and says so when it refuses', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await mount();
    fireEvent.input(screen.getByLabelText('Warning window (days)'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save deadlines' }));
    expect(await screen.findByText('Saved: sets ending within 10 days count as expiring soon.')).toBeTruthy();

    sendMessage.mockResolvedValueOnce({ ok: false, error: 'Message refused: not from an extension page.' });
    fireEvent.input(screen.getByLabelText('Warning window (days)'), { target: { value: '11' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save deadlines' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The change was saved, but the toolbar badge could not be updated');
    expect(alert.textContent).toContain('Message refused: not from an extension page.');
    expect((await readSettings(db)).warningWindow).toBe(11);
  });
});

describe('notifications', () => {
  it('asks for the permission when turned on and saves when granted', async () => {
    await mount();
    const box = screen.getByLabelText('Notify me before a license set ends') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await screen.findByText('Notifications are on.')).toBeTruthy();
    expect((await readSettings(db)).notificationsEnabled).toBe(true);
    await waitFor(() => expect(box.checked).toBe(true));
    fireEvent.click(box);
    expect(await screen.findByText('Notifications are off.')).toBeTruthy();
    expect((await readSettings(db)).notificationsEnabled).toBe(false);
    expect(permissions.request).toHaveBeenCalledOnce();
  });

  it('stays off and says so when the permission is refused', async () => {
    permissions.request.mockResolvedValueOnce(false);
    await mount();
    const box = screen.getByLabelText('Notify me before a license set ends') as HTMLInputElement;
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Notifications stay off: the browser did not grant permission',
    );
    expect(box.checked).toBe(false);
    expect(await db.settings.get('settings')).toBeUndefined();
  });

  it('warns when notifications are on but the permission was removed', async () => {
    await db.settings.put({ id: 'settings', ...DEFAULT_SETTINGS, notificationsEnabled: true });
    permissions.contains.mockResolvedValue(false);
    await mount();
    expect(await screen.findByText(/the browser permission was removed/)).toBeTruthy();
  });

  it('validates lead times: each 1–365, and saves them without duplicates, longest first', async () => {
    await mount();
    const field = screen.getByLabelText('Lead times (days before the end)') as HTMLInputElement;
    fireEvent.input(field, { target: { value: '30, 400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save lead times' }));
    expect(await screen.findByText('Lead time 400 days is out of range: enter 1 to 365.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save lead times' }));
    expect(await screen.findByText('Enter at least one lead time in days, e.g. 30, 7, 1.')).toBeTruthy();
    expect(await db.settings.get('settings')).toBeUndefined();

    fireEvent.input(field, { target: { value: '7, 60,7 , 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save lead times' }));
    expect(await screen.findByText('Saved: notices 60, 7, 1 days before a set ends.')).toBeTruthy();
    expect(field.value).toBe('60, 7, 1');
    expect((await readSettings(db)).notificationLeadTimes).toEqual([60, 7, 1]);
  });
});

describe('badge filters', () => {
  it('lists the cached organizations and tracks and saves what is left out', async () => {
    await seed();
    await mount();
    const orgs = within(screen.getByRole('group', { name: 'Organizations' }));
    expect(orgs.getAllByRole('checkbox').map((b) => b.closest('.check')?.textContent)).toEqual([
      'Shelbyville District',
      'Springfield Public Schools',
    ]);
    fireEvent.click(orgs.getByLabelText('Shelbyville District'));
    await waitFor(async () =>
      expect((await readSettings(db)).badgeExcludedOrganizations).toEqual(['Shelbyville District']),
    );
    const tracks = within(screen.getByRole('group', { name: 'License tracks' }));
    fireEvent.click(tracks.getByLabelText('LETRS for Administrators'));
    await waitFor(async () =>
      expect((await readSettings(db)).badgeExcludedTracks).toEqual(['LETRS for Administrators']),
    );
    await waitFor(() => expect((orgs.getByLabelText('Shelbyville District') as HTMLInputElement).checked).toBe(false));
    fireEvent.click(orgs.getByLabelText('Shelbyville District'));
    await waitFor(async () => expect((await readSettings(db)).badgeExcludedOrganizations).toEqual([]));
    expect(refreshes()).toBe(3);
  });

  it('shows names from the page as text', async () => {
    await db.sets.put(cached({ ...sampleCache()[1], track: '<img src=x onerror=alert(1)>' }));
    await mount();
    expect(await screen.findByLabelText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('backup and restore', () => {
  async function makeBackupFile(): Promise<File> {
    fireEvent.click(screen.getByRole('button', { name: 'Download backup' }));
    await screen.findByText('Saved letrs-license-tracker-backup-2026-12-03.json.');
    const file = download.mock.calls[0][0];
    expect(file.filename).toBe('letrs-license-tracker-backup-2026-12-03.json');
    expect(file.type).toBe('application/json');
    return new File([file.content], file.filename, { type: 'application/json' });
  }

  function choose(file: File) {
    fireEvent.change(screen.getByLabelText('Restore from a backup file…'), { target: { files: [file] } });
  }

  it('round-trips the whole cache through a backup file', async () => {
    await seed();
    const before = await dump();
    await mount();
    const file = await makeBackupFile();
    localStorage.setItem(SNAPSHOT_KEY, '{"key":"old"}');
    const json = JSON.parse(await file.text());
    expect(json).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: at(TODAY, 15, 30).toISOString() });
    expect(json.sets).toHaveLength(9);

    await db.transaction('rw', [db.sets, db.history, db.syncLog, db.settings, db.notifications, db.meta], async () => {
      await Promise.all([db.sets.clear(), db.history.clear(), db.settings.clear(), db.syncLog.clear()]);
    });
    choose(file);
    const confirm = await screen.findByRole('group', { name: /This backup from Dec 3, 2026 holds 9 license sets/ });
    expect(confirm.textContent).toContain('9 history entries and settings');
    expect(await dump()).not.toEqual(before);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Restore this backup' }));
    expect(await screen.findByText('Restored 9 license sets from the backup.')).toBeTruthy();
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
    expect(await dump()).toEqual(before);
    expect(refreshes()).toBe(1);
  });

  it('cancelling a restore changes nothing', async () => {
    await seed();
    await mount();
    const file = await makeBackupFile();
    await db.sets.clear();
    const before = await dump();
    choose(file);
    const confirm = await screen.findByRole('group', { name: /This backup from/ });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /This backup from/ })).toBeNull();
    expect(await dump()).toEqual(before);
  });

  const refusals: [string, () => File, RegExp][] = [
    ['a file that is not JSON', () => new File(['{"format": "letrs-lic'], 'cut.json'), /not valid JSON/],
    [
      'a foreign JSON file',
      () => new File([JSON.stringify({ name: 'my-app', version: '1.0.0' })], 'package.json'),
      /not a LETRS License Tracker backup/,
    ],
    [
      'a backup from a newer version',
      () => new File([JSON.stringify({ format: BACKUP_FORMAT, version: 2 })], 'new.json'),
      /newer version of the extension \(format 2\)/,
    ],
    [
      'a damaged backup',
      () =>
        new File(
          [
            JSON.stringify({
              format: BACKUP_FORMAT,
              version: 1,
              exportedAt: new Date().toISOString(),
              sets: [{ ...sampleCache()[0], endDate: '2026-02-30' }],
              history: [],
              syncLog: [],
              settings: null,
              notifications: [],
            }),
          ],
          'bad.json',
        ),
      /damaged and cannot be restored \(sets\.0\.endDate: not a YYYY-MM-DD calendar date\)/,
    ],
    [
      'a file too large to be a backup',
      () => {
        const file = new File(['{}'], 'huge.json');
        Object.defineProperty(file, 'size', { value: MAX_BACKUP_BYTES + 1 });
        return file;
      },
      /too large to be a backup/,
    ],
  ];

  for (const [what, make, message] of refusals) {
    it(`refuses ${what} and changes nothing`, async () => {
      await seed();
      const before = await dump();
      await mount();
      choose(make());
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toMatch(message);
      expect(alert.textContent).toContain('Nothing was changed.');
      expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull();
      expect(await dump()).toEqual(before);
      expect(refreshes()).toBe(0);
    });
  }
});

describe('clear all data', () => {
  it('asks first, on the page, and cancelling keeps everything', async () => {
    await seed();
    const before = await dump();
    await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    const confirm = screen.getByRole('group', { name: /Delete 9 cached license sets/ });
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' })));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /Delete 9/ })).toBeNull();
    expect(await dump()).toEqual(before);
  });

  it('deletes every table after the confirmation, drops the popup snapshot and refreshes the badge', async () => {
    await seed();
    localStorage.setItem(SNAPSHOT_KEY, '{"key":"old"}');
    await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('All data was deleted. Settings are back to their defaults.')).toBeTruthy();
    expect(await dump()).toEqual({ sets: [], history: [], syncLog: [], settings: [], notifications: [], meta: [] });
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
    expect(refreshes()).toBe(1);
    expect(await screen.findByText('No license data yet: open Manage → Licenses on letrs.com.')).toBeTruthy();
  });
});
