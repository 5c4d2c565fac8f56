// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  COLLAPSED_KEY,
  connectOverlay,
  fromSyncReply,
  type OverlayApi,
  overlayOptions,
} from '../components/overlay/extension';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { loadSample, sampleRead, sampleRows } from './overlay-fixture';

function api(reply: () => Promise<unknown>, stored: Record<string, unknown> = {}) {
  const set = vi.fn(async (items: Record<string, unknown>) => {
    Object.assign(stored, items);
  });
  const sendMessage = vi.fn(reply);
  const value: OverlayApi = {
    runtime: { sendMessage },
    storage: { local: { get: async (key) => ({ [key]: stored[key] }), set } },
  };
  return { value, set, sendMessage, stored };
}

describe('overlayOptions', () => {
  it('reads and remembers the collapsed state in storage.local', async () => {
    const { value, stored } = api(async () => undefined, { [COLLAPSED_KEY]: true });
    const options = await overlayOptions(value);
    expect(options.collapsed).toBe(true);
    await options.saveCollapsed(false);
    expect(stored[COLLAPSED_KEY]).toBe(false);
    expect((await overlayOptions(value)).collapsed).toBe(false);
  });

  it('starts expanded when storage cannot be read', async () => {
    const { value } = api(async () => undefined);
    value.storage.local.get = () => Promise.reject(new Error('no storage'));
    expect((await overlayOptions(value)).collapsed).toBe(false);
  });

  it('asks the background for the CSV', async () => {
    const { value, sendMessage } = api(async () => ({
      ok: true,
      filename: 'letrs-licenses-2026-12-03.csv',
      csv: 'a,b',
    }));
    const options = await overlayOptions(value);
    expect(await options.requestCsv()).toEqual({ filename: 'letrs-licenses-2026-12-03.csv', csv: 'a,b' });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'letrs:export-csv' });
  });

  it.each([
    [async () => ({ ok: false, error: 'The cache could not be opened.' }), 'The cache could not be opened.'],
    [async () => undefined, 'the extension gave no CSV'],
    [async () => ({ ok: true, filename: '../../evil.sh', csv: 'x' }), 'the extension gave no CSV'],
    [
      () => Promise.reject(new Error('Could not establish connection')),
      'the extension did not answer: Could not establish connection',
    ],
  ])('says why when the background gives no CSV (%#)', async (reply, reason) => {
    const options = await overlayOptions(api(reply).value);
    await expect(options.requestCsv()).rejects.toThrow(reason);
  });
});

describe('fromSyncReply', () => {
  const ok = {
    ok: true,
    applied: true,
    settings: { ...DEFAULT_SETTINGS, warningWindow: 45 },
    lastSyncAt: '2026-12-03T09:30:00.000Z',
  };

  it('takes the warning window and the last save from a good reply', () => {
    expect(fromSyncReply(ok)).toEqual({ warningWindow: 45, lastSyncAt: '2026-12-03T09:30:00.000Z', syncError: null });
  });

  it('says the read was kept out of the cache when it was not applied', () => {
    expect(fromSyncReply({ ...ok, applied: false }).syncError).toMatch(/not fully read/);
  });

  it('gives the reason of a refusal, or says the extension did not answer', () => {
    expect(fromSyncReply({ ok: false, error: 'Message refused' })).toEqual({
      syncError: 'Message refused',
      lastSyncAt: null,
    });
    expect(fromSyncReply(undefined)).toEqual({ syncError: 'the extension did not answer', lastSyncAt: null });
  });

  it('ignores a warning window out of bounds', () => {
    expect(fromSyncReply({ ...ok, settings: { warningWindow: 9999 } }).warningWindow).toBeUndefined();
    expect(fromSyncReply({ ...ok, settings: null }).warningWindow).toBeUndefined();
  });
});

describe('connectOverlay', () => {
  it('shows nothing until the licenses page is read, then follows every read in order', async () => {
    loadSample();
    const stub = api(async () => undefined);
    const overlay = connectOverlay(document, stub.value);
    const notLicenses = sampleRead({ isLicensesPage: false, sets: [] });
    overlay.show(notLicenses, null, []);
    await new Promise((done) => setTimeout(done, 0));
    expect(document.querySelectorAll('[data-letrs-tracker]')).toHaveLength(0);

    const reply = {
      ok: true as const,
      applied: true,
      settings: DEFAULT_SETTINGS,
      lastSyncAt: new Date().toISOString(),
    };
    overlay.show(sampleRead(), reply, sampleRows());
    overlay.show(sampleRead(), reply, sampleRows());
    await new Promise((done) => setTimeout(done, 0));
    expect(document.querySelectorAll('letrs-tracker-chip')).toHaveLength(8);
    expect(document.querySelectorAll('letrs-tracker-bar')).toHaveLength(1);

    overlay.show(notLicenses, reply, []);
    await new Promise((done) => setTimeout(done, 0));
    expect(document.querySelectorAll('[data-letrs-tracker]')).toHaveLength(0);

    overlay.show(sampleRead(), reply, sampleRows());
    overlay.remove();
    await new Promise((done) => setTimeout(done, 0));
    expect(document.querySelectorAll('[data-letrs-tracker]')).toHaveLength(0);
  });

  it('an incomplete read says it was not saved, keeping the last save', () => {
    const reply = { ok: true, applied: true, settings: DEFAULT_SETTINGS, lastSyncAt: '2026-12-03T09:30:00.000Z' };
    expect(fromSyncReply(reply, { complete: false })).toEqual({
      warningWindow: 30,
      lastSyncAt: '2026-12-03T09:30:00.000Z',
      syncError: 'the page was not fully read, so your saved data was kept as it was',
    });
    expect(fromSyncReply(null, { complete: false }).syncError).toMatch(/not fully read/);
  });
});
