/**
 * The toolbar popup: loading, empty, error or the data view (header, totals, deadlines, tracks,
 * sets that need a look, exports). The model and browser actions come in as props; nothing here
 * touches the database or extension APIs.
 */
import { useState } from 'preact/hooks';
import type { PopupActions, PopupState } from './actions';
import { DeadlineList } from './DeadlineList';
import { ExportBar } from './ExportBar';
import { NeedsALook } from './NeedsALook';
import { PopupHeader } from './PopupHeader';
import { EmptyState, ErrorState, LoadingState } from './states';
import { Totals } from './Totals';
import { TrackSummaryList } from './TrackSummaryList';

interface Props {
  state: PopupState;
  actions: PopupActions;
  /** The clock time "read today 9:14" is measured against. */
  now: Date;
  onRetry(): void;
}

export function Popup({ state, actions, now, onRetry }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const model = state.kind === 'ready' ? state.model : null;

  async function run(action: () => Promise<void> | void, what: string) {
    try {
      setProblem(null);
      await action();
    } catch (error) {
      setProblem(`Could not ${what}: ${(error as Error)?.message ?? error}`);
    }
  }
  const openLicenses = () =>
    run(() => actions.openLicensesPage(model?.licensesUrl ?? null), 'open the LETRS Licenses page');
  const openOptions = () => run(() => actions.openOptions(), 'open the settings');
  const notice = problem && (
    <p class="notice error" role="alert">
      {problem}
    </p>
  );

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return (
      <>
        <ErrorState error={state.error} onRetry={onRetry} onOpenOptions={openOptions} />
        {notice}
      </>
    );
  }
  if (!model || model.setCount === 0) {
    return (
      <>
        <EmptyState lastProblem={model?.lastProblem ?? null} onOpenLicenses={openLicenses} />
        {notice}
      </>
    );
  }
  const { settings } = model;
  return (
    <div class="popup">
      <PopupHeader
        organizations={model.organizations}
        licensesUrl={model.licensesUrl}
        now={now}
        onOpenLicenses={openLicenses}
      />
      {notice}
      <main>
        <Totals summary={model.summary} warningWindow={settings.warningWindow} />
        <DeadlineList
          ending={model.ending}
          starting={model.starting}
          horizon={settings.deadlineHorizon}
          warningWindow={settings.warningWindow}
        />
        <TrackSummaryList tracks={model.summary.tracks} />
        <NeedsALook missing={model.missing} disagreements={model.disagreements} overAssigned={model.overAssigned} />
      </main>
      <ExportBar setCount={model.setCount} actions={actions} onOpenOptions={openOptions} />
    </div>
  );
}
