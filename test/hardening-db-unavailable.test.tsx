// @vitest-environment happy-dom
/**
 * IndexedDB unavailable, as in some private windows: the API missing altogether, or
 * indexedDB.open throwing or failing. The popup and the options page, on a real (failing)
 * database, show a clear message saying what failed and what to do — never a blank page or a
 * spinner that never ends.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../components/options/OptionsApp';
import { createOptionsActions } from '../components/options/options-actions';
import { PopupApp } from '../components/popup/PopupApp';
import { LicenseDatabase } from '../lib/db';
import type { DownloadFile } from '../lib/download';
import { at, TODAY } from './popup-fixture';

const realIndexedDB = Dexie.dependencies.indexedDB;
let counter = 0;

afterEach(() => {
  cleanup();
  Dexie.dependencies.indexedDB = realIndexedDB;
});

const failing = {
  'the IndexedDB API missing': () => undefined,
  'indexedDB.open throwing': () =>
    ({
      ...realIndexedDB,
      open() {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    }) as unknown as IDBFactory,
  'indexedDB.open failing': () =>
    ({
      ...realIndexedDB,
      open() {
        const request = {
          error: new DOMException('The user denied permission to access the database.', 'UnknownError'),
        } as {
          error: DOMException;
          onerror?: (e: Event) => void;
        };
        setTimeout(() =>
          request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} } as unknown as Event),
        );
        return request as unknown as IDBOpenDBRequest;
      },
    }) as unknown as IDBFactory,
};

function brokenDb(how: keyof typeof failing): LicenseDatabase {
  Dexie.dependencies.indexedDB = failing[how]() as IDBFactory;
  counter += 1;
  return new LicenseDatabase(`unavailable-${process.pid}-${counter}`);
}

describe.each(Object.keys(failing) as (keyof typeof failing)[])('with %s', (how) => {
  it('the popup explains what failed and what to do', async () => {
    const db = brokenDb(how);
    const download = vi.fn<(file: DownloadFile) => void>();
    render(
      <PopupApp
        db={db}
        actions={{ openLicensesPage: vi.fn(), openOptions: vi.fn(), download }}
        onRetry={vi.fn()}
        clock={() => at(TODAY, 15, 30)}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not be opened|cannot store data/);
    expect(alert.textContent).toMatch(/window|restart the browser|reload/i);
    expect(screen.queryByText('Loading license data…')).toBeNull();
    if (how === 'the IndexedDB API missing') {
      expect(alert.textContent).toContain(
        'This browser window cannot store data for extensions (IndexedDB is unavailable).',
      );
    }
  });

  it('the options page explains what failed and what to do', async () => {
    const db = brokenDb(how);
    const actions = createOptionsActions({
      db,
      runtime: { sendMessage: vi.fn(async () => ({ ok: true })) },
      permissions: { request: vi.fn(async () => true), contains: vi.fn(async () => true) },
      download: vi.fn(),
      storage: localStorage,
    });
    render(<OptionsApp db={db} actions={actions} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cannot open the settings');
    expect(alert.textContent).toMatch(/Details: \w+Error/);
    if (how === 'the IndexedDB API missing') {
      expect(alert.textContent).toContain('This browser window cannot store data for extensions');
    }
  });
});
