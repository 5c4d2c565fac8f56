/**
 * A click on one of our notifications opens or focuses the Licenses page. The notifications API
 * exists only once the optional permission is granted, so the listener is added at start-up when
 * it can be, and again (once) whenever notifications are about to be shown.
 */
import { browser } from 'wxt/browser';
import type { LicenseDatabase } from '../../lib/db';
import { readSyncMeta } from '../../lib/store';
import { NOTIFICATION_PREFIX, openLicensesPage } from './effects';

const listeners = new WeakMap<LicenseDatabase, (id: string) => void>();

async function onClicked(db: LicenseDatabase, id: string): Promise<void> {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return;
  await openLicensesPage((await readSyncMeta(db)).lastSyncUrl);
  await browser.notifications.clear(id);
}

export function listenToNotificationClicks(db: LicenseDatabase): void {
  const event = browser.notifications?.onClicked;
  if (!event) return;
  let listener = listeners.get(db);
  if (!listener) {
    listener = (id: string) =>
      void onClicked(db, id).catch((error) =>
        console.warn('LETRS License Tracker: opening the Licenses page failed:', error),
      );
    listeners.set(db, listener);
  }
  if (!event.hasListener(listener)) event.addListener(listener);
}
