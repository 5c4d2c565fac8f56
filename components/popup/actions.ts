/** What the popup can ask of the browser (passed in as props, so the views stay testable), and its states. */
import type { DownloadFile } from '../../lib/download';
import type { PopupModel } from '../../lib/popup-model';

export interface PopupActions {
  /** Opens or focuses the LETRS Manage Licenses page (null: the page is not known yet). */
  openLicensesPage(url: string | null): Promise<void> | void;
  openOptions(): Promise<void> | void;
  download(file: DownloadFile): void;
  /** The CSV of the whole cache, made at click time (the same file as the content script's export). */
  exportCsv(): Promise<DownloadFile>;
  /** The calendar file of the whole cache. */
  exportIcs(): Promise<DownloadFile>;
}

export type PopupState = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; model: PopupModel };
