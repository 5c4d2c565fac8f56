/** Shared by the popup and options tests: cached sets as the background stores them, and popup data. */
import { addDays, type CalendarDate } from '../lib/dates';
import { type CachedSet, setKey } from '../lib/db';
import { factsFor, type LicenseSet, type PageStatus, status } from '../lib/license';
import type { PopupData } from '../lib/popup-model';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { sampleExpected } from '../scripts/sample-page';

export const TODAY = '2026-12-03';
export const ORG = 'Springfield Public Schools';
export const PAGE_URL = 'https://district.letrs.com/manage/licenses';

/** A local instant on a calendar day (so no time zone moves it to another day). */
export function at(date: CalendarDate, hours = 9, minutes = 14): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, hours, minutes);
}

/** A set as the background caches it after a read on `readOn`. */
export function cached(set: LicenseSet, readOn: CalendarDate = TODAY, changes: Partial<CachedSet> = {}): CachedSet {
  const organization = set.organization ?? ORG;
  const facts = factsFor(set, readOn);
  return {
    ...set,
    organization,
    key: setKey({ ...set, organization }),
    firstSeen: addDays(readOn, -30),
    lastSeen: readOn,
    lastSeenAt: at(readOn).toISOString(),
    missingSince: null,
    status: facts.status,
    daysUntilEnd: facts.daysUntilEnd,
    expiringSoon: facts.expiringSoon,
    computedOn: readOn,
    ...changes,
  };
}

/** The built-in sample page's sets, as cached after a read on `today`. */
export function sampleCache(today: CalendarDate = TODAY): CachedSet[] {
  return (sampleExpected(today).sets as unknown as LicenseSet[]).map((set) =>
    cached({ ...set, organization: ORG }, today),
  );
}

export function popupData(sets: CachedSet[], settings: Partial<Settings> = {}): PopupData {
  const meta = { id: 'sync' as const, lastSyncAt: at(TODAY).toISOString(), lastSyncUrl: PAGE_URL };
  return { sets, settings: { ...DEFAULT_SETTINGS, ...settings }, meta, metaRows: [meta], lastLog: null };
}

/** `count` sets over 5 tracks with end dates spread over two years around today. */
export function manySets(count: number, today: CalendarDate = TODAY): CachedSet[] {
  return Array.from({ length: count }, (_, i) => {
    const set: LicenseSet = {
      id: `bulk-${i}`,
      organization: ORG,
      track: `Track ${i % 5}`,
      name: `Cohort ${i}`,
      licenses: 40,
      assigned: i % 41,
      completed: null,
      startDate: addDays(today, -300 - (i % 100)),
      endDate: addDays(today, (i % 730) - 200),
      pageStatus: null,
      pageWarning: false,
    };
    // The page groups each set as its dates say.
    return cached({ ...set, pageStatus: status(set, today) as PageStatus }, today);
  });
}
