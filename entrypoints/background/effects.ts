/**
 * What the background shows outside the page: the toolbar badge, notifications, the daily alarm
 * and the tab a notification click leads to. The only background code that calls `browser`
 * besides the listeners; the decisions themselves are made in lib/.
 */
import { browser } from 'wxt/browser';
import type { Badge } from '../../lib/badge';
import { alarmStillFits, DAILY_ALARM, DAILY_PERIOD_MINUTES, nextDailyRun } from '../../lib/daily-alarm';
import { chooseLicensesTab } from '../../lib/licenses-tab';
import type { DueNotification } from '../../lib/notify';

/** Notification ids start with this, so a click on another kind is not ours. */
export const NOTIFICATION_PREFIX = 'letrs-expiry:';

type BadgeApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods. */
function badgeApi(): BadgeApi {
  return (browser.action ?? (browser as unknown as { browserAction: BadgeApi }).browserAction) as BadgeApi;
}

export async function showBadge(badge: Badge): Promise<void> {
  const api = badgeApi();
  await Promise.all([
    api.setBadgeText({ text: badge.text }),
    api.setBadgeBackgroundColor({ color: badge.color }),
    api.setTitle({ title: badge.title }),
  ]);
}

/** The optional notifications permission is granted (the setting asks for it when turned on). */
export async function notificationsAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

export async function showNotifications(due: readonly DueNotification[]): Promise<void> {
  if (due.length === 0 || !browser.notifications) return;
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  for (const n of due) {
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${n.leadDays}:${n.key}`, {
      type: 'basic',
      iconUrl,
      title: n.title,
      message: n.message,
    });
  }
}

/** Focuses the tab showing the Licenses page the last sync read, or opens it (see lib/licenses-tab.ts). */
export async function openLicensesPage(lastSyncUrl: string | null): Promise<void> {
  // Without the "tabs" permission only letrs.com tabs (the host permission) show their URL.
  const tabs = await browser.tabs.query({});
  const choice = chooseLicensesTab(tabs, lastSyncUrl);
  if ('open' in choice) {
    await browser.tabs.create({ url: choice.open });
    return;
  }
  const { id, windowId } = choice.focus;
  if (id !== undefined) await browser.tabs.update(id, { active: true });
  if (windowId !== undefined) await browser.windows.update(windowId, { focused: true });
}

/** Creates the daily alarm (next local 00:05, every 24 h) only when it is missing or no longer fits. */
export async function ensureDailyAlarm(now: Date = new Date()): Promise<void> {
  const existing = await browser.alarms.get(DAILY_ALARM);
  if (existing && alarmStillFits(existing)) return;
  await browser.alarms.create(DAILY_ALARM, { when: nextDailyRun(now), periodInMinutes: DAILY_PERIOD_MINUTES });
}
