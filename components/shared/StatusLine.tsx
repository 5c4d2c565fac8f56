import { RefreshError } from './extension-actions';

/** A status or error line after an action; errors are announced at once, other news politely. */
export interface Status {
  text: string;
  error?: boolean;
}

export function StatusLine({ status, id }: { status: Status | null; id?: string }) {
  if (!status) return <p id={id} class="status" role="status" aria-live="polite" />;
  return status.error ? (
    <p id={id} class="status notice error" role="alert">
      {status.text}
    </p>
  ) : (
    <p id={id} class="status notice ok" role="status" aria-live="polite">
      {status.text}
    </p>
  );
}

/** The message of anything thrown, for a sentence. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The line for a failed action: "Not saved: …" — unless only the badge refresh after a
 * successful write failed, which says so itself.
 */
export function failure(prefix: string, error: unknown, suffix = ''): Status {
  if (error instanceof RefreshError) return { text: error.message, error: true };
  return { text: `${prefix}: ${messageOf(error)}${suffix}`, error: true };
}

/** True when the write itself succeeded and only the badge refresh failed. */
export function writtenAnyway(error: unknown): boolean {
  return error instanceof RefreshError;
}
