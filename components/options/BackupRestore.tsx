/**
 * Backup (the whole cache as one JSON file) and restore. A chosen file is checked completely
 * first; a refused file changes nothing and says why. A valid one is described, then restored
 * only after a second, explicit click.
 */
import { useRef, useState } from 'preact/hooks';
import type { Backup } from '../../lib/backup';
import { localToday } from '../../lib/dates';
import { formatDate, plural } from '../../lib/format';
import { failure, messageOf, type Status, StatusLine, writtenAnyway } from '../shared/StatusLine';
import type { OptionsActions } from './options-actions';

interface Props {
  actions: Pick<OptionsActions, 'downloadBackup' | 'readBackup' | 'restore'>;
}

function describe(backup: Backup): string {
  const made = new Date(backup.exportedAt);
  const when = Number.isNaN(made.getTime()) ? 'an unknown date' : formatDate(localToday(made));
  return `This backup from ${when} holds ${plural(backup.sets.length, 'license set')}, ${plural(
    backup.history.length,
    'history entry',
    'history entries',
  )} and ${backup.settings ? 'settings' : 'no settings (the defaults will apply)'}.`;
}

export function BackupRestore({ actions }: Props) {
  const [status, setStatus] = useState<Status | null>(null);
  const [pending, setPending] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  async function download() {
    try {
      const filename = await actions.downloadBackup();
      setStatus({ text: `Saved ${filename}.` });
    } catch (error) {
      setStatus({ text: `The backup could not be made: ${messageOf(error)}`, error: true });
    }
  }

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    if (!file) return;
    try {
      const parsed = await actions.readBackup(file);
      if (!parsed.ok) {
        setStatus({ text: `${file.name}: ${parsed.error}`, error: true });
        return;
      }
      setPending(parsed.value);
      setStatus(null);
      requestAnimationFrame(() => confirmRef.current?.focus());
    } catch (error) {
      setStatus({ text: `${file.name} could not be read: ${messageOf(error)}. Nothing was changed.`, error: true });
    }
  }

  async function restore() {
    if (!pending) return;
    setBusy(true);
    try {
      await actions.restore(pending);
      setStatus({ text: `Restored ${plural(pending.sets.length, 'license set')} from the backup.` });
      setPending(null);
    } catch (error) {
      if (writtenAnyway(error)) setPending(null);
      setStatus(failure('The backup was not restored', error, '. Nothing was changed.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="hint">
        A backup is one JSON file with every cached set, its history, the sync log and your settings, to move them to
        another browser or keep a copy.
      </p>
      <div class="row">
        <button type="button" onClick={download}>
          Download backup
        </button>
        <label class="file-button">
          Restore from a backup file…
          <input type="file" accept="application/json,.json" onChange={choose} />
        </label>
      </div>
      {pending && (
        <fieldset class="confirm" aria-labelledby="restore-confirm-text">
          <p id="restore-confirm-text">{describe(pending)} Restoring replaces everything the extension holds now.</p>
          <div class="row">
            <button type="button" class="primary" ref={confirmRef} disabled={busy} onClick={restore}>
              Restore this backup
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      <StatusLine status={status} />
    </section>
  );
}
