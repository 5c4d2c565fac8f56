/**
 * Brings everything derived from the cache up to date: statuses for today, the badge, and due
 * notifications; and prunes history older than HISTORY_MAX_AGE_DAYS (lib/history.ts). Runs after
 * every sync, at start-up, on the daily alarm and on `letrs:refresh`.
 * Everything it needs is read from IndexedDB each time (the worker may have been stopped), and
 * only the sets that matter: the badge and notifications need just the sets ending soon.
 */
import { badgeFor } from '../../lib/badge';
import { localToday } from '../../lib/dates';
import type { LicenseDatabase } from '../../lib/db';
import { pruneHistory } from '../../lib/history';
import { recompute, setsEndingWithin } from '../../lib/recompute';
import { readSettings } from '../../lib/settings-store';
import { claimDueNotifications, readSyncMeta } from '../../lib/store';
import { notificationsAllowed, showBadge, showNotifications } from './effects';
import { listenToNotificationClicks } from './notification-clicks';

async function updateNow(db: LicenseDatabase, now: Date): Promise<void> {
  const today = localToday(now);
  // One transaction for the recompute, the history pruning and every read that follows them.
  const { settings, ending, lastSyncAt } = await db.transaction(
    'rw',
    [db.sets, db.meta, db.settings, db.history],
    async () => {
      const settings = await readSettings(db);
      await recompute(db, today, settings);
      await pruneHistory(db, today);
      const leads = settings.notificationsEnabled ? settings.notificationLeadTimes : [];
      const [ending, meta] = await Promise.all([
        setsEndingWithin(db, today, Math.max(settings.warningWindow, ...leads)),
        readSyncMeta(db),
      ]);
      return { settings, ending, lastSyncAt: meta.lastSyncAt };
    },
  );
  await showBadge(badgeFor(ending, settings, today, lastSyncAt));
  if (settings.notificationsEnabled && (await notificationsAllowed())) {
    listenToNotificationClicks(db);
    await showNotifications(await claimDueNotifications(db, ending, settings, now));
  }
}

let queue: Promise<void> = Promise.resolve();

/**
 * One update at a time, in call order, so two tabs syncing at once cannot leave the badge showing
 * the older of two states. (Only ordering lives in memory; the data is all in IndexedDB.)
 */
export function update(db: LicenseDatabase, now: Date = new Date()): Promise<void> {
  const run = queue.then(() => updateNow(db, now));
  queue = run.catch(() => undefined);
  return run;
}
