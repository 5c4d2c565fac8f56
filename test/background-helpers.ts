/** Shared by the background unit tests: sample reads, senders and a dump of every table. */
import type { LicenseDatabase } from '../lib/db';
import type { LicenseSet } from '../lib/license';
import type { PageRead } from '../lib/page-read';
import type { Sender } from '../lib/sender';
import { sampleExpected } from '../scripts/sample-page';

export const ORG = 'Springfield Public Schools';
export const PAGE_URL = 'https://letrs.com/manage/licenses';
export const EXTENSION_ID = 'test-extension-id';

/** A local instant on a calendar day (10:00, so no time zone moves it to another day). */
export function at(date: string, hours = 10): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, hours, 0);
}

/** The sets the built-in sample page shows on `today`. */
export function sampleSets(today: string): LicenseSet[] {
  return sampleExpected(today).sets as unknown as LicenseSet[];
}

/** A complete read of the sample page on `today`, with changes. */
export function sampleRead(today: string, overrides: Partial<PageRead> = {}): PageRead {
  const sets = sampleSets(today);
  return {
    isLicensesPage: true,
    complete: true,
    organization: ORG,
    tracks: [...new Set(sets.map((s) => s.track))],
    sets,
    diagnostics: [{ level: 'info', message: 'Read 8 license sets in 3 tracks.' }],
    ...overrides,
  };
}

/** Our content script in a tab on a letrs.com page. */
export function letrsTab(url = PAGE_URL): Sender {
  return { id: EXTENSION_ID, url, tab: { id: 1 } };
}

/** One of our extension pages (popup, options). */
export function extensionPage(path = 'popup.html'): Sender {
  return { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/${path}` };
}

/** Every row of every table, for "nothing changed" comparisons. */
export async function dump(db: LicenseDatabase) {
  return {
    sets: await db.sets.toArray(),
    history: await db.history.toArray(),
    settings: await db.settings.toArray(),
    notifications: await db.notifications.toArray(),
    meta: await db.meta.toArray(),
  };
}

let counter = 0;
/** A database name no other test uses. */
export function freshName(): string {
  counter += 1;
  return `letrs-test-${process.pid}-${counter}`;
}
