/**
 * Where a notification click leads: the Licenses page the last sync read, focused when a tab
 * already shows it, else opened; without a known page, any open letrs.com tab, else letrs.com.
 */
import { isLetrsUrl } from './sender';

export const LETRS_HOME = 'https://letrs.com/';
/** The match pattern for every letrs.com tab (the host permission). */
export const LETRS_TABS = 'https://*.letrs.com/*';

export interface TabInfo {
  id?: number;
  windowId?: number;
  url?: string;
}

export type TabChoice = { focus: TabInfo } | { open: string };

function withoutHash(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

export function chooseLicensesTab(tabs: readonly TabInfo[], lastSyncUrl: string | null): TabChoice {
  const letrsTabs = tabs.filter((tab) => tab.id !== undefined && isLetrsUrl(tab.url));
  const target = lastSyncUrl && isLetrsUrl(lastSyncUrl) ? withoutHash(lastSyncUrl) : null;
  if (target) {
    const showing = letrsTabs.find((tab) => tab.url && withoutHash(tab.url) === target);
    return showing ? { focus: showing } : { open: target };
  }
  return letrsTabs[0] ? { focus: letrsTabs[0] } : { open: LETRS_HOME };
}
