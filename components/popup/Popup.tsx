/**
 * The toolbar popup: loading, empty, error or the data view (header, totals, deadlines, tracks,
 * sets that need a look, exports). Data and browser actions come in as props; nothing here
 * touches the database or extension APIs.
 */
import { useMemo, useState } from 'preact/hooks';
import { localToday } from '../../lib/dates';
import { popupModel } from '../../lib/popup-model';
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
  now: Date;
  onRetry(): void;
}

export function Popup({ state, actions, now, onRetry }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const today = localToday(now);
  const model = useMemo(() => (state.kind === 'ready' ? popupModel(state.data, today) : null), [state, today]);

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
  const { settings, sets } = state.data;
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
          deadlines={model.deadlines}
          horizon={settings.deadlineHorizon}
          warningWindow={settings.warningWindow}
        />
        <TrackSummaryList tracks={model.summary.tracks} />
        <NeedsALook missing={model.missing} disagreements={model.disagreements} overAssigned={model.overAssigned} />
      </main>
      <ExportBar setCount={sets.length} actions={actions} onOpenOptions={openOptions} />
    </div>
  );
}
