import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { routeMessage } from '../entrypoints/background/router';
import { BADGE_RED } from '../lib/badge';
import { CSV_COLUMNS } from '../lib/csv';
import { LicenseDatabase } from '../lib/db';
import { MAX_MESSAGE_BYTES } from '../lib/messages';
import type { Sender } from '../lib/sender';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { applySync } from '../lib/store';
import { at, dump, EXTENSION_ID, extensionPage, freshName, letrsTab, sampleRead } from './background-helpers';

const TODAY = '2026-12-03';
const NOW = at(TODAY);

let db: LicenseDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LicenseDatabase(freshName());
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const sync = (read = sampleRead(TODAY)) => ({ type: 'letrs:sync', read });

describe('letrs:sync', () => {
  it('saves the read, sets the badge and replies with the settings and the sync time', async () => {
    const reply = await routeMessage(db, sync(), letrsTab(), NOW);
    expect(reply).toEqual({ ok: true, applied: true, settings: DEFAULT_SETTINGS, lastSyncAt: NOW.toISOString() });
    expect(await db.sets.count()).toBe(8);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xc5, 0x30, 0x30, 255]);
    expect(BADGE_RED).toBe('#C53030');
    expect(await fakeBrowser.action.getTitle({})).toMatch(
      /^3 license sets end within 30 days: ECE Cohort B \(5 days\)/,
    );
  });

  it('accepts any letrs.com subdomain over https', async () => {
    const reply = await routeMessage(db, sync(), letrsTab('https://district.letrs.com/manage/licenses#x'), NOW);
    expect(reply).toMatchObject({ ok: true, applied: true });
  });

  it('replies applied: false for an incomplete read and keeps the last sync time', async () => {
    await routeMessage(db, sync(), letrsTab(), NOW);
    const later = at('2026-12-04');
    const reply = await routeMessage(db, sync(sampleRead(TODAY, { complete: false })), letrsTab(), later);
    expect(reply).toEqual({ ok: true, applied: false, settings: DEFAULT_SETTINGS, lastSyncAt: NOW.toISOString() });
  });

  it('replies with a reason instead of throwing when the database fails', async () => {
    vi.spyOn(db, 'transaction').mockRejectedValue(new Error('QuotaExceededError'));
    const reply = await routeMessage(db, sync(), letrsTab(), NOW);
    expect(reply).toEqual({
      ok: false,
      error: 'The extension could not save what the page showed (QuotaExceededError). Reload the page to try again.',
    });
  });
});

describe('letrs:export-csv', () => {
  it('gives the whole cache as CSV, from the page or the popup', async () => {
    await routeMessage(db, sync(), letrsTab(), NOW);
    for (const sender of [letrsTab(), extensionPage()]) {
      const reply = await routeMessage(db, { type: 'letrs:export-csv' }, sender, NOW);
      expect(reply).toMatchObject({ ok: true, filename: 'letrs-licenses-2026-12-03.csv' });
      const csv = (reply as { csv: string }).csv;
      expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
      const lines = csv.trim().split('\r\n');
      expect(lines).toHaveLength(9);
      expect(lines.some((l) => l.includes('ECE Cohort B,active,25,18,7,'))).toBe(true);
    }
  });
});

describe('letrs:refresh', () => {
  it('recomputes statuses and the badge for the day', async () => {
    await applySync(db, sampleRead(TODAY), { url: 'https://letrs.com/manage/licenses', now: NOW });
    // Six days later: ECE Cohort B (5 days) has ended.
    expect(await routeMessage(db, { type: 'letrs:refresh' }, extensionPage('options.html'), at('2026-12-09'))).toEqual({
      ok: true,
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    const ece = (await db.sets.toArray()).find((s) => s.name === 'ECE Cohort B');
    expect(ece).toMatchObject({ status: 'expired', computedOn: '2026-12-09' });
  });

  it('shows the grey "?" when there is no data', async () => {
    await routeMessage(db, { type: 'letrs:refresh' }, extensionPage(), NOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
  });
});

describe('refused messages leave the cache unchanged', () => {
  const read = sampleRead(TODAY);
  const refused: [string, unknown, Sender, RegExp][] = [
    ['a spoofed extension id', sync(), { ...letrsTab(), id: 'another-extension' }, /did not come from this extension/],
    ['no sender id', sync(), { url: 'https://letrs.com/manage/licenses', tab: {} }, /did not come from this extension/],
    [
      'a page outside letrs.com',
      sync(),
      letrsTab('https://evil.example/manage/licenses'),
      /only from a letrs.com page/,
    ],
    ['a look-alike host', sync(), letrsTab('https://letrs.com.evil.example/manage'), /only from a letrs.com page/],
    ['a host ending in letrs.com', sync(), letrsTab('https://notletrs.com/manage'), /only from a letrs.com page/],
    ['plain http', sync(), letrsTab('http://letrs.com/manage/licenses'), /only from a letrs.com page/],
    ['no tab', sync(), { id: EXTENSION_ID, url: 'https://letrs.com/manage/licenses' }, /in a tab/],
    ['a sync from the popup', sync(), extensionPage(), /only from a letrs.com page/],
    ['a refresh from a page', { type: 'letrs:refresh' }, letrsTab(), /only from the extension’s own pages/],
    ['a refresh from another origin', { type: 'letrs:refresh' }, { id: EXTENSION_ID, url: 'https://x.test/' }, /own/],
    ['an export from elsewhere', { type: 'letrs:export-csv' }, letrsTab('https://evil.example/'), /export/],
    ['null', null, letrsTab(), /not a LETRS License Tracker message/],
    ['a string', 'letrs:sync', letrsTab(), /not a LETRS License Tracker message/],
    ['an unknown type', { type: 'letrs:delete-everything' }, letrsTab(), /Message refused: letrs:delete-everything/],
    ['a sync without a read', { type: 'letrs:sync' }, letrsTab(), /at read|read/],
    [
      'a set with an impossible date',
      sync({ ...read, sets: [{ ...read.sets[0], endDate: '2026-02-30' }] }),
      letrsTab(),
      /sets\.0\.endDate: not a YYYY-MM-DD calendar date/,
    ],
    ['a negative count', sync({ ...read, sets: [{ ...read.sets[0], licenses: -5 }] }), letrsTab(), /sets\.0\.licenses/],
    ['counts as text', sync({ ...read, sets: [{ ...read.sets[0], licenses: '50' as never }] }), letrsTab(), /licenses/],
    [
      'an oversized message',
      sync({ ...read, diagnostics: [{ level: 'info', message: 'x'.repeat(MAX_MESSAGE_BYTES) }] }),
      letrsTab(),
      /bytes is more than the 8388608 allowed/,
    ],
  ];

  it.each(refused)('refuses %s with a reason', async (_, message, sender, reason) => {
    await applySync(db, sampleRead(TODAY), { url: 'https://letrs.com/manage/licenses', now: NOW });
    const before = { ...(await dump(db)), log: await db.syncLog.toArray() };
    const changed = sampleRead(TODAY);
    changed.sets = changed.sets.map((s) => ({ ...s, assigned: 1 }));
    const reply = await routeMessage(db, message, sender, at('2026-12-04'));
    expect(reply.ok).toBe(false);
    expect((reply as { error: string }).error).toMatch(reason);
    expect({ ...(await dump(db)), log: await db.syncLog.toArray() }).toEqual(before);
  });

  it('refuses the same read with changed counts from a foreign sender, keeping the cached counts', async () => {
    await applySync(db, sampleRead(TODAY), { url: 'https://letrs.com/manage/licenses', now: NOW });
    const changed = sampleRead(TODAY);
    changed.sets = changed.sets.map((s) => ({ ...s, assigned: 1 }));
    const reply = await routeMessage(db, sync(changed), { ...letrsTab(), id: 'evil' }, NOW);
    expect(reply.ok).toBe(false);
    expect((await db.sets.toArray()).some((s) => s.assigned === 1)).toBe(false);
  });
});
