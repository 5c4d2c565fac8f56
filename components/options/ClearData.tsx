/** "Clear all data", behind a confirmation step on the page itself (no window.confirm). */
import { useRef, useState } from 'preact/hooks';
import { plural } from '../../lib/format';
import { failure, type Status, StatusLine, writtenAnyway } from '../shared/StatusLine';

interface Props {
  setCount: number;
  onClear(): Promise<void>;
}

export function ClearData({ setCount, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  function open() {
    setStatus(null);
    setConfirming(true);
    requestAnimationFrame(() => cancelRef.current?.focus());
  }

  function cancel() {
    setConfirming(false);
    requestAnimationFrame(() => openRef.current?.focus());
  }

  async function clear() {
    setBusy(true);
    try {
      await onClear();
      setConfirming(false);
      setStatus({ text: 'All data was deleted. Settings are back to their defaults.' });
    } catch (error) {
      if (writtenAnyway(error)) setConfirming(false);
      setStatus(failure('Nothing was deleted', error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="clear-heading">
      <h2 id="clear-heading">Clear all data</h2>
      {!confirming ? (
        <div class="row">
          <button type="button" ref={openRef} onClick={open}>
            Clear all data…
          </button>
        </div>
      ) : (
        <fieldset class="confirm danger-zone" aria-labelledby="clear-confirm-text">
          <p id="clear-confirm-text">
            Delete {plural(setCount, 'cached license set')}, their history, the sync log and your settings from this
            browser? Nothing on letrs.com changes. This cannot be undone: download a backup first if you may need it.
          </p>
          <div class="row">
            <button type="button" class="danger" disabled={busy} onClick={clear}>
              Delete everything
            </button>
            <button type="button" ref={cancelRef} onClick={cancel}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      <StatusLine status={status} />
    </section>
  );
}
