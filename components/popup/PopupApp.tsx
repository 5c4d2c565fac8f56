/** The popup wired to the database: live data in, exports read from the cache on click, browser actions passed through. */
import { localToday } from '../../lib/dates';
import type { LicenseDatabase } from '../../lib/db';
import type { PopupActions } from './actions';
import { Popup } from './Popup';
import { usePopupState } from './use-popup-state';

interface Props {
  db: LicenseDatabase;
  /** Where the last model is kept between popups (the page's localStorage). */
  storage?: Storage;
  actions: Omit<PopupActions, 'exportCsv' | 'exportIcs'>;
  /** Starts over after an error (the entrypoint reloads the popup). */
  onRetry(): void;
  /** The clock, for tests. */
  clock?: () => Date;
}

const systemClock = () => new Date();

export function PopupApp({ db, storage, actions, onRetry, clock = systemClock }: Props) {
  const state = usePopupState(db, storage, clock);
  const all: PopupActions = {
    ...actions,
    // Loaded on click: the CSV and calendar writers are most of the popup's code otherwise.
    exportCsv: async () => (await import('../../lib/cache-exports')).csvDownload(db, localToday(clock())),
    exportIcs: async () => (await import('../../lib/cache-exports')).icsDownload(db, localToday(clock()), clock()),
  };
  return <Popup state={state} actions={all} now={clock()} onRetry={onRetry} />;
}
