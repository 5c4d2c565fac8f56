/**
 * Export CSV (one row per cached set, the same file the parse command and the page overlay give)
 * and the calendar file. The files are made from the cache at click time and saved through the
 * `download` action; what was saved, or what failed, is announced.
 */
import { useState } from 'preact/hooks';
import type { DownloadFile } from '../../lib/download';
import { plural } from '../../lib/format';
import type { PopupActions } from './actions';

interface Props {
  setCount: number;
  actions: Pick<PopupActions, 'download' | 'exportCsv' | 'exportIcs'>;
  onOpenOptions(): void;
}

export function ExportBar({ setCount, actions, onOpenOptions }: Props) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(make: () => Promise<DownloadFile>, what: string) {
    setBusy(true);
    try {
      const file = await make();
      actions.download(file);
      setMessage({ text: `Saved ${file.filename} (${what}).`, error: false });
    } catch (error) {
      setMessage({ text: `Could not save the file: ${(error as Error)?.message ?? error}. Try again.`, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <footer class="actions">
      <p class={message?.error ? 'notice error small' : 'muted small'} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => save(actions.exportCsv, plural(setCount, 'set'))}
        >
          Export CSV
        </button>
        <button type="button" disabled={busy} onClick={() => save(actions.exportIcs, 'calendar')}>
          Export calendar
        </button>
        <button type="button" class="end" onClick={onOpenOptions}>
          Settings
        </button>
      </div>
    </footer>
  );
}
