// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../components/popup/PopupApp';
import { LicenseDatabase } from '../lib/db';
import { stampOf } from '../lib/popup-data';
import { popupModel } from '../lib/popup-model';
import { type CacheStamp, loadSnapshot, SNAPSHOT_KEY, SNAPSHOT_ROWS, saveSnapshot } from '../lib/popup-snapshot';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { at, manySets, PAGE_URL, popupData, sampleCache, TODAY } from './popup-fixture';

const syncRow = { id: 'sync', lastSyncAt: at(TODAY).toISOString(), lastSyncUrl: PAGE_URL };
const stamp: CacheStamp = { today: TODAY, settings: DEFAULT_SETTINGS, metaRows: [syncRow], lastLogId: 4 };
const model = popupModel(popupData(sampleCache()), TODAY);

beforeEach(() => localStorage.clear());

describe('the popup snapshot', () => {
  it('is used only for the exact cache state it was made from', () => {
    saveSnapshot(localStorage, stamp, model);
    expect(loadSnapshot(localStorage, stamp)).toEqual(model);
    expect(model.ending.items.length).toBeLessThan(SNAPSHOT_ROWS);
    const changes: Partial<CacheStamp>[] = [
      { today: '2026-12-04' },
      { settings: { ...DEFAULT_SETTINGS, warningWindow: 10 } },
      { metaRows: [{ ...syncRow, lastSyncAt: at(TODAY, 10, 0).toISOString() }] },
      { metaRows: [syncRow, { id: 'recompute', day: TODAY }] },
      { lastLogId: 5 },
    ];
    for (const change of changes) expect(loadSnapshot(localStorage, { ...stamp, ...change })).toBeNull();
  });

  it('keeps long lists short, with their full count', () => {
    const big = popupModel(popupData(manySets(2000)), TODAY);
    saveSnapshot(localStorage, stamp, big);
    const back = loadSnapshot(localStorage, stamp);
    expect(back?.ending.items).toHaveLength(SNAPSHOT_ROWS);
    expect(back?.ending.total).toBe(big.ending.total);
    expect(back?.ending.total).toBeGreaterThan(SNAPSHOT_ROWS);
    expect(back?.summary).toEqual(big.summary);
  });

  it('survives a damaged or unavailable storage', () => {
    localStorage.setItem(SNAPSHOT_KEY, '{"key": ');
    expect(loadSnapshot(localStorage, stamp)).toBeNull();
    expect(loadSnapshot(undefined, stamp)).toBeNull();
    const full = {
      setItem: vi.fn(() => {
        throw new DOMException('quota', 'QuotaExceededError');
      }),
      removeItem: vi.fn(),
    } as unknown as Storage;
    expect(() => saveSnapshot(full, stamp, model)).not.toThrow();
    expect(full.removeItem).toHaveBeenCalledWith(SNAPSHOT_KEY);
  });
});

describe('the popup with a snapshot', () => {
  let db: LicenseDatabase;
  let counter = 0;

  beforeEach(async () => {
    counter += 1;
    db = new LicenseDatabase(`snapshot-${process.pid}-${counter}`);
    await db.sets.bulkPut(sampleCache());
    await db.meta.put({ id: 'sync', lastSyncAt: at(TODAY).toISOString(), lastSyncUrl: PAGE_URL });
  });

  afterEach(async () => {
    cleanup();
    vi.restoreAllMocks();
    db.close();
    await Dexie.delete(db.name);
  });

  const clock = () => at(TODAY, 15, 30);
  const mount = () =>
    render(
      <PopupApp
        db={db}
        storage={localStorage}
        actions={{ openLicensesPage: vi.fn(), openOptions: vi.fn(), download: vi.fn() }}
        onRetry={vi.fn()}
        clock={clock}
      />,
    );

  it('keeps the model after a full read, and shows it next time before the full read ends', async () => {
    mount();
    expect((await screen.findByTestId('total-unassigned')).textContent).toBe('298');
    const saved = JSON.parse(localStorage.getItem(SNAPSHOT_KEY) ?? '{}');
    expect(saved.model.summary.all.sets).toBe(8);
    cleanup();

    // The next popup's full read never finishes: only the snapshot can show the figures.
    vi.spyOn(db.sets, 'toArray').mockReturnValue(new Promise(() => {}) as never);
    mount();
    expect((await screen.findByTestId('total-unassigned')).textContent).toBe('298');
    expect(screen.getAllByTestId('track')).toHaveLength(3);
  });

  it('does not show a snapshot once a sync has landed since', async () => {
    const data = popupData(sampleCache());
    saveSnapshot(localStorage, stampOf(data, TODAY), popupModel(data, TODAY));
    await db.meta.put({ id: 'sync', lastSyncAt: at(TODAY, 14, 0).toISOString(), lastSyncUrl: PAGE_URL });
    vi.spyOn(db.sets, 'toArray').mockReturnValue(new Promise(() => {}) as never);
    mount();
    await new Promise((done) => setTimeout(done, 100));
    expect(screen.getByText('Loading license data…')).toBeTruthy();
    expect(screen.queryByTestId('total-unassigned')).toBeNull();
  });
});
