/** The options page: deadlines, notifications, badge filters, backup and restore, clearing the data. */
import { describeDatabaseError } from '../../lib/db-errors';
import { BackupRestore } from './BackupRestore';
import { BadgeFilters } from './BadgeFilters';
import { ClearData } from './ClearData';
import { DeadlineSettings } from './DeadlineSettings';
import { NotificationSettings } from './NotificationSettings';
import type { OptionsActions } from './options-actions';
import type { OptionsState } from './use-options-state';

interface Props {
  state: OptionsState;
  actions: OptionsActions;
}

export function OptionsPage({ state, actions }: Props) {
  if (state.kind === 'loading') {
    return (
      <main class="options">
        <p role="status">Loading settings…</p>
      </main>
    );
  }
  if (state.kind === 'error') {
    const problem = describeDatabaseError(state.error);
    return (
      <main class="options">
        <div role="alert">
          <h1>Cannot open the settings</h1>
          <p class="lead">{problem.title}</p>
          <p>{problem.advice}</p>
          <p class="muted small">Details: {problem.detail}</p>
        </div>
      </main>
    );
  }
  const { settings, organizations, tracks, setCount } = state.data;
  return (
    <main class="options">
      <header>
        <h1>LETRS License Tracker settings</h1>
        <p class="muted">
          {setCount === 0
            ? 'No license data yet: open Manage → Licenses on letrs.com.'
            : `${setCount.toLocaleString('en-US')} license sets cached in this browser.`}
        </p>
      </header>
      <DeadlineSettings settings={settings} onSave={actions.saveSettings} />
      <NotificationSettings settings={settings} actions={actions} />
      <BadgeFilters settings={settings} organizations={organizations} tracks={tracks} onSave={actions.saveSettings} />
      <BackupRestore actions={actions} />
      <ClearData setCount={setCount} onClear={actions.clearAll} />
    </main>
  );
}
