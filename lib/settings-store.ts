/**
 * Reading and writing the settings row. Whatever is stored (an older version, a restored backup,
 * a hand-edited value) is normalised on the way in and out, so every reader gets sane settings.
 */
import type { LicenseDatabase, StoredSettings } from './db';
import { DEFAULT_SETTINGS, MAX_DAYS, MIN_DAYS, type Settings } from './settings';

const MAX_LEAD_TIMES = 10;
const MAX_EXCLUDED = 1000;
const MAX_NAME = 500;

function days(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_DAYS && value <= MAX_DAYS
    ? value
    : fallback;
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const kept = value.filter((n): n is string => typeof n === 'string' && n.length > 0 && n.length <= MAX_NAME);
  return [...new Set(kept)].slice(0, MAX_EXCLUDED);
}

function leadTimes(value: unknown): number[] {
  if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.notificationLeadTimes];
  const valid = value.filter((d) => days(d, -1) !== -1) as number[];
  return [...new Set(valid)].sort((a, b) => b - a).slice(0, MAX_LEAD_TIMES);
}

/** Settings from anything: valid values are kept, everything else takes its default. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    warningWindow: days(r.warningWindow, DEFAULT_SETTINGS.warningWindow),
    deadlineHorizon: days(r.deadlineHorizon, DEFAULT_SETTINGS.deadlineHorizon),
    notificationsEnabled: typeof r.notificationsEnabled === 'boolean' ? r.notificationsEnabled : false,
    notificationLeadTimes: leadTimes(r.notificationLeadTimes),
    badgeExcludedOrganizations: names(r.badgeExcludedOrganizations),
    badgeExcludedTracks: names(r.badgeExcludedTracks),
  };
}

/** The stored settings, or the defaults (notifications off) when none were saved. */
export async function readSettings(db: LicenseDatabase): Promise<Settings> {
  const { id: _id, ...stored } = (await db.settings.get('settings')) ?? { id: 'settings' };
  return normalizeSettings(stored);
}

/** Saves a change to the settings in one transaction; returns the settings as stored. */
export async function writeSettings(db: LicenseDatabase, change: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = normalizeSettings({ ...(await readSettings(db)), ...change });
    const row: StoredSettings = { id: 'settings', ...next };
    await db.settings.put(row);
    return next;
  });
}
