/**
 * What the options page does to the cache and the browser, in one place: every write is one
 * Dexie transaction followed by a `letrs:refresh` to the background (badge, statuses,
 * notifications). The database, browser APIs and document are passed in, so tests run this
 * against fake-indexeddb and stubs.
 */
import {
  type Backup,
  backupFileName,
  backupJson,
  backupSizeProblem,
  clearAllData,
  makeBackup,
  parseBackup,
  restoreBackup,
} from '../../lib/backup';
import { localToday } from '../../lib/dates';
import type { LicenseDatabase } from '../../lib/db';
import type { DownloadFile } from '../../lib/download';
import { forgetSnapshot } from '../../lib/popup-snapshot';
import type { Settings } from '../../lib/settings';
import type { Parsed } from '../../lib/settings-input';
import { writeSettings } from '../../lib/settings-store';
import {
  hasNotificationPermission,
  type PermissionsApi,
  type RuntimeApi,
  requestNotificationPermission,
  requestRefresh,
} from '../shared/extension-actions';

export interface OptionsActions {
  saveSettings(change: Partial<Settings>): Promise<void>;
  /** Call straight from the click: the browser only prompts during a user gesture. */
  requestNotificationPermission(): Promise<boolean>;
  hasNotificationPermission(): Promise<boolean>;
  /** Saves the backup file; resolves with its name. */
  downloadBackup(): Promise<string>;
  /** Reads and checks a chosen file; nothing is written. */
  readBackup(file: File): Promise<Parsed<Backup>>;
  restore(backup: Backup): Promise<void>;
  clearAll(): Promise<void>;
}

interface Dependencies {
  db: LicenseDatabase;
  runtime: RuntimeApi;
  permissions: PermissionsApi;
  download(file: DownloadFile): void;
  /** Where the popup keeps its snapshot: dropped after a restore or clear. */
  storage?: Storage;
  clock?: () => Date;
}

export function createOptionsActions({
  db,
  runtime,
  permissions,
  download,
  storage,
  clock = () => new Date(),
}: Dependencies): OptionsActions {
  return {
    async saveSettings(change) {
      await writeSettings(db, change);
      await requestRefresh(runtime);
    },
    requestNotificationPermission: () => requestNotificationPermission(permissions),
    hasNotificationPermission: () => hasNotificationPermission(permissions),
    async downloadBackup() {
      const now = clock();
      const filename = backupFileName(localToday(now));
      download({ filename, type: 'application/json', content: backupJson(await makeBackup(db, now)) });
      return filename;
    },
    async readBackup(file) {
      const tooLarge = backupSizeProblem(file.size);
      return tooLarge ? { ok: false, error: tooLarge } : parseBackup(await file.text());
    },
    async restore(backup) {
      await restoreBackup(db, backup);
      forgetSnapshot(storage);
      await requestRefresh(runtime);
    },
    async clearAll() {
      await clearAllData(db);
      forgetSnapshot(storage);
      await requestRefresh(runtime);
    },
  };
}
