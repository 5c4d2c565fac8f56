/** The options page wired to the database: live settings and cached names in, actions passed through. */
import type { LicenseDatabase } from '../../lib/db';
import { OptionsPage } from './OptionsPage';
import type { OptionsActions } from './options-actions';
import { useOptionsState } from './use-options-state';

export function OptionsApp({ db, actions }: { db: LicenseDatabase; actions: OptionsActions }) {
  return <OptionsPage state={useOptionsState(db)} actions={actions} />;
}
