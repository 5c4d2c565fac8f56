/** The popup before it has data: loading, nothing synced yet, or a database that will not open. */
import { describeDatabaseError } from '../../lib/db-errors';

export function LoadingState() {
  return (
    <div class="state" role="status" aria-live="polite">
      <p class="muted">Loading license data…</p>
    </div>
  );
}

interface EmptyProps {
  lastProblem: string | null;
  onOpenLicenses(): void;
}

export function EmptyState({ lastProblem, onOpenLicenses }: EmptyProps) {
  return (
    <div class="state" data-testid="empty-state">
      <h1>LETRS License Tracker</h1>
      <p class="lead">No license data yet — open Manage → Licenses on letrs.com.</p>
      <p class="muted">
        The tracker reads the Manage Licenses page while you view it, then shows deadlines and unassigned licenses here.
      </p>
      {lastProblem && (
        <p class="notice" role="status">
          Last visit: {lastProblem}
        </p>
      )}
      <button type="button" class="primary" onClick={onOpenLicenses}>
        Open LETRS Licenses page
      </button>
    </div>
  );
}

interface ErrorProps {
  error: unknown;
  onRetry(): void;
  onOpenOptions(): void;
}

export function ErrorState({ error, onRetry, onOpenOptions }: ErrorProps) {
  const problem = describeDatabaseError(error);
  return (
    <div class="state" role="alert">
      <h1>Cannot show license data</h1>
      <p class="lead">{problem.title}</p>
      <p>{problem.advice}</p>
      <p class="muted small">Details: {problem.detail}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onRetry}>
          Try again
        </button>
        <button type="button" onClick={onOpenOptions}>
          Open settings
        </button>
      </div>
    </div>
  );
}
