import { describe, expect, it, vi } from 'vitest';
import {
  hasNotificationPermission,
  openLicensesPage,
  RefreshError,
  requestNotificationPermission,
  requestRefresh,
  type TabsApi,
} from '../components/shared/extension-actions';
import { describeDatabaseError } from '../lib/db-errors';

function tabsApi(tabs: { id?: number; windowId?: number; url?: string }[]) {
  const api = {
    tabs: { query: vi.fn(async () => tabs), update: vi.fn(async () => ({})), create: vi.fn(async () => ({})) },
    windows: { update: vi.fn(async () => ({})) },
  };
  return api satisfies TabsApi;
}

const PAGE = 'https://district.letrs.com/manage/licenses';

describe('openLicensesPage', () => {
  it('focuses the tab that shows the Licenses page, in its window', async () => {
    const api = tabsApi([
      { id: 3, windowId: 1, url: 'https://district.letrs.com/courses' },
      { id: 7, windowId: 2, url: `${PAGE}#top` },
    ]);
    await openLicensesPage(api, PAGE);
    expect(api.tabs.query).toHaveBeenCalledWith({ url: 'https://*.letrs.com/*' });
    expect(api.tabs.update).toHaveBeenCalledWith(7, { active: true });
    expect(api.windows.update).toHaveBeenCalledWith(2, { focused: true });
    expect(api.tabs.create).not.toHaveBeenCalled();
  });

  it('opens the page in a new tab when no tab shows it', async () => {
    const api = tabsApi([{ id: 3, windowId: 1, url: 'https://district.letrs.com/courses' }]);
    await openLicensesPage(api, PAGE);
    expect(api.tabs.create).toHaveBeenCalledWith({ url: PAGE });
    expect(api.tabs.update).not.toHaveBeenCalled();
  });

  it('before any sync, focuses any letrs.com tab, else opens letrs.com', async () => {
    const some = tabsApi([{ id: 3, windowId: 1, url: 'https://letrs.com/home' }]);
    await openLicensesPage(some, null);
    expect(some.tabs.update).toHaveBeenCalledWith(3, { active: true });
    const none = tabsApi([]);
    await openLicensesPage(none, null);
    expect(none.tabs.create).toHaveBeenCalledWith({ url: 'https://letrs.com/' });
  });
});

describe('requestRefresh', () => {
  it('sends letrs:refresh and accepts { ok: true }', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true }));
    await requestRefresh({ sendMessage });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'letrs:refresh' });
  });

  it('ignores a missing receiver (Chrome and Firefox wording)', async () => {
    for (const message of [
      'Could not establish connection. Receiving end does not exist.',
      'Receiving end does not exist.',
    ]) {
      await expect(requestRefresh({ sendMessage: async () => Promise.reject(new Error(message)) })).resolves.toBe(
        undefined,
      );
    }
  });

  it('reports a refusal or another failure as a RefreshError that says the change was saved', async () => {
    const refused = requestRefresh({ sendMessage: async () => ({ ok: false, error: 'Message refused: sender' }) });
    await expect(refused).rejects.toBeInstanceOf(RefreshError);
    await expect(refused).rejects.toThrow(
      /^The change was saved, but the toolbar badge could not be updated \(Message refused: sender\)/,
    );
    await expect(
      requestRefresh({ sendMessage: async () => Promise.reject(new Error('Extension context invalidated.')) }),
    ).rejects.toThrow(/Extension context invalidated/);
  });
});

describe('notification permission', () => {
  it('asks for and checks only the notifications permission', async () => {
    const permissions = { request: vi.fn(async () => true), contains: vi.fn(async () => false) };
    expect(await requestNotificationPermission(permissions)).toBe(true);
    expect(await hasNotificationPermission(permissions)).toBe(false);
    expect(permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(permissions.contains).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });
});

describe('describeDatabaseError', () => {
  it('says what failed and what to do for the errors Dexie names', () => {
    const missing = describeDatabaseError(
      Object.assign(new Error('IndexedDB API missing'), { name: 'MissingAPIError' }),
    );
    expect(missing.title).toMatch(/cannot store data/);
    expect(missing.advice).toMatch(/not private/);
    expect(describeDatabaseError(Object.assign(new Error('x'), { name: 'QuotaExceededError' })).title).toMatch(
      /no room left/,
    );
    const other = describeDatabaseError('boom');
    expect(other.title).toBe('The saved license data could not be opened.');
    expect(other.detail).toBe('Error: boom');
  });
});
