/** The warning window and the deadline horizon: typed, checked (1–365 days), then saved together. */
import { useRef, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import { parseDays } from '../../lib/settings-input';
import { failure, type Status, StatusLine } from '../shared/StatusLine';
import { DayField } from './DayField';

interface Props {
  settings: Settings;
  onSave(change: Partial<Settings>): Promise<void>;
}

export function DeadlineSettings({ settings, onSave }: Props) {
  const [windowText, setWindowText] = useState(String(settings.warningWindow));
  const [horizonText, setHorizonText] = useState(String(settings.deadlineHorizon));
  const [errors, setErrors] = useState<{ window?: string; horizon?: string }>({});
  const [status, setStatus] = useState<Status | null>(null);
  const fields = useRef<Record<string, HTMLInputElement | null>>({});

  async function submit(event: Event) {
    event.preventDefault();
    const w = parseDays(windowText);
    const h = parseDays(horizonText);
    const next = { window: w.ok ? undefined : w.error, horizon: h.ok ? undefined : h.error };
    setErrors(next);
    if (!w.ok || !h.ok) {
      setStatus({ text: 'Not saved: correct the highlighted field.', error: true });
      fields.current[!w.ok ? 'window' : 'horizon']?.focus();
      return;
    }
    try {
      await onSave({ warningWindow: w.value, deadlineHorizon: h.value });
      setStatus({ text: `Saved: sets ending within ${w.value} days count as expiring soon.` });
    } catch (error) {
      setStatus(failure('Not saved', error));
    }
  }

  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">Deadlines</h2>
      <form onSubmit={submit} noValidate>
        <DayField
          id="warning-window"
          label="Warning window (days)"
          hint="A set counts as expiring soon, in the badge and the popup, this many days before it ends. Lexia's page uses 30."
          value={windowText}
          error={errors.window}
          onInput={setWindowText}
          inputRef={(el) => {
            fields.current.window = el;
          }}
        />
        <DayField
          id="deadline-horizon"
          label="Deadline horizon (days)"
          hint="The popup lists sets ending or starting within this many days."
          value={horizonText}
          error={errors.horizon}
          onInput={setHorizonText}
          inputRef={(el) => {
            fields.current.horizon = el;
          }}
        />
        <div class="row">
          <button type="submit" class="primary">
            Save deadlines
          </button>
        </div>
        <StatusLine status={status} />
      </form>
    </section>
  );
}
