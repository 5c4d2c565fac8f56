/**
 * Registers every background listener, synchronously (an MV3 worker woken by an event must find
 * its listener on the first run). Each handler reads what it needs from IndexedDB.
 */
import { browser } from 'wxt/browser';
import { DAILY_ALARM } from '../../lib/daily-alarm';
import type { LicenseDatabase } from '../../lib/db';
import { ensureDailyAlarm } from './effects';
import { listenToNotificationClicks } from './notification-clicks';
import { routeMessage } from './router';
import { update } from './update';

function report(what: string) {
  return (error: unknown) => console.warn(`LETRS License Tracker: ${what} failed:`, error);
}

/** Start-up and install: make sure the daily alarm exists, then recompute and redraw the badge. */
export async function startUp(db: LicenseDatabase, now: Date = new Date()): Promise<void> {
  await ensureDailyAlarm(now);
  await update(db, now);
}

/** The daily alarm: re-create it if a clock change moved it away from midnight, then update. */
export async function dailyUpdate(db: LicenseDatabase, now: Date = new Date()): Promise<void> {
  await ensureDailyAlarm(now);
  await update(db, now);
}

export function registerBackground(db: LicenseDatabase): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => routeMessage(db, message, sender));
  // The handlers return their promise (browsers ignore it) so that tests can wait for them.
  browser.runtime.onStartup.addListener(() => startUp(db).catch(report('start-up')));
  browser.runtime.onInstalled.addListener(() => startUp(db).catch(report('install')));
  browser.alarms.onAlarm.addListener((alarm) =>
    alarm.name === DAILY_ALARM ? dailyUpdate(db).catch(report('the daily update')) : undefined,
  );
  listenToNotificationClicks(db);
}
