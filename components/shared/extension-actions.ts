/**
 * The few extension calls the popup and options page make, with the browser API passed in
 * (tests pass a stub): open or focus the LETRS Licenses page, tell the background that data
 * changed, and ask for the optional notifications permission.
 */
import { chooseLicensesTab, LETRS_TABS, type TabInfo } from '../../lib/licenses-tab';

export interface TabsApi {
  tabs: {
    query(query: { url: string }): Promise<TabInfo[]>;
    update(tabId: number, props: { active: boolean }): Promise<unknown>;
    create(props: { url: string }): Promise<unknown>;
  };
  windows: { update(windowId: number, props: { focused: boolean }): Promise<unknown> };
}

/**
 * Focuses a tab already showing the Licenses page, or opens it in a new tab (the same choice a
 * notification click makes). Querying tabs by a URL pattern inside the host permissions needs no
 * "tabs" permission.
 */
export async function openLicensesPage(api: TabsApi, url: string | null): Promise<void> {
  const choice = chooseLicensesTab(await api.tabs.query({ url: LETRS_TABS }), url);
  if ('open' in choice) {
    await api.tabs.create({ url: choice.open });
    return;
  }
  const { id, windowId } = choice.focus;
  if (id !== undefined) await api.tabs.update(id, { active: true });
  if (windowId !== undefined) await api.windows.update(windowId, { focused: true });
}

export interface RuntimeApi {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Chrome and Firefox words for "the background is not listening", which is harmless here. */
const NO_RECEIVER = /receiving end does not exist|could not establish connection/i;

/** The change was written, but the background did not take the refresh: the badge may be out of date. */
export class RefreshError extends Error {
  constructor(reason: string) {
    super(
      `The change was saved, but the toolbar badge could not be updated (${reason}). It catches up at the next visit to Manage Licenses, or within a day.`,
    );
    this.name = 'RefreshError';
  }
}

/**
 * Asks the background to recompute statuses, the badge and notifications after the page wrote
 * to the cache. No receiver (the worker is being updated) is fine: it recomputes when it starts.
 * A refusal or another failure is reported, since the badge would then be out of date.
 */
export async function requestRefresh(runtime: RuntimeApi): Promise<void> {
  let reply: unknown;
  try {
    reply = await runtime.sendMessage({ type: 'letrs:refresh' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (NO_RECEIVER.test(message)) return;
    throw new RefreshError(message);
  }
  if (reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === false) {
    throw new RefreshError(String((reply as { error?: unknown }).error ?? 'refused'));
  }
}

/** The only optional permission the extension has. */
type Optional = { permissions: 'notifications'[] };

export interface PermissionsApi {
  request(permissions: Optional): Promise<boolean>;
  contains(permissions: Optional): Promise<boolean>;
}

/** Must be called straight from a click: browsers only show the prompt during a user gesture. */
export function requestNotificationPermission(permissions: PermissionsApi): Promise<boolean> {
  return permissions.request({ permissions: ['notifications'] });
}

export function hasNotificationPermission(permissions: PermissionsApi): Promise<boolean> {
  return permissions.contains({ permissions: ['notifications'] });
}
