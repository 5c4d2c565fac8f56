/**
 * Notifications on/off and their lead times. Turning them on asks the browser for the optional
 * "notifications" permission from the click itself (browsers only prompt during a user
 * gesture); if it is refused, they stay off and the page says so.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import { formatLeadTimes, parseLeadTimes } from '../../lib/settings-input';
import { failure, messageOf, type Status, StatusLine } from '../shared/StatusLine';
import { DayField } from './DayField';
import type { OptionsActions } from './options-actions';

interface Props {
  settings: Settings;
  actions: Pick<OptionsActions, 'saveSettings' | 'requestNotificationPermission' | 'hasNotificationPermission'>;
}

export function NotificationSettings({ settings, actions }: Props) {
  // What the box shows while a change is being asked for and saved; then the stored value again.
  const [pending, setPending] = useState<boolean | null>(null);
  const [missingPermission, setMissingPermission] = useState(false);
  const [toggleStatus, setToggleStatus] = useState<Status | null>(null);
  const [leadText, setLeadText] = useState(formatLeadTimes(settings.notificationLeadTimes));
  const [leadError, setLeadError] = useState<string | undefined>();
  const [leadStatus, setLeadStatus] = useState<Status | null>(null);

  useEffect(() => {
    if (!settings.notificationsEnabled) {
      setMissingPermission(false);
      return;
    }
    actions.hasNotificationPermission().then(
      (granted) => setMissingPermission(!granted),
      () => setMissingPermission(false),
    );
  }, [settings.notificationsEnabled, actions]);

  async function save(on: boolean) {
    try {
      await actions.saveSettings({ notificationsEnabled: on });
      setToggleStatus({ text: on ? 'Notifications are on.' : 'Notifications are off.' });
    } catch (error) {
      setToggleStatus(failure('Not saved', error));
    } finally {
      setPending(null);
    }
  }

  function toggle(event: Event) {
    const on = (event.currentTarget as HTMLInputElement).checked;
    setPending(on);
    if (!on) {
      void save(false);
      return;
    }
    // Asked synchronously inside the click: a prompt after an await would be refused.
    actions.requestNotificationPermission().then(
      (granted) => {
        if (granted) {
          setMissingPermission(false);
          void save(true);
          return;
        }
        setPending(null);
        setToggleStatus({
          text: 'Notifications stay off: the browser did not grant permission to show them. Try again and choose Allow.',
          error: true,
        });
      },
      (error) => {
        setPending(null);
        setToggleStatus({ text: `Notifications stay off: ${messageOf(error)}`, error: true });
      },
    );
  }

  async function saveLeadTimes(event: Event) {
    event.preventDefault();
    const parsed = parseLeadTimes(leadText);
    if (!parsed.ok) {
      setLeadError(parsed.error);
      setLeadStatus({ text: 'Not saved: correct the lead times.', error: true });
      document.getElementById('lead-times')?.focus();
      return;
    }
    setLeadError(undefined);
    setLeadText(formatLeadTimes(parsed.value));
    try {
      await actions.saveSettings({ notificationLeadTimes: parsed.value });
      setLeadStatus({ text: `Saved: notices ${formatLeadTimes(parsed.value)} days before a set ends.` });
    } catch (error) {
      setLeadStatus(failure('Not saved', error));
    }
  }

  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      <div class="check">
        <input
          id="notifications-enabled"
          type="checkbox"
          checked={pending ?? settings.notificationsEnabled}
          aria-describedby="notifications-hint"
          onChange={toggle}
        />
        <label for="notifications-enabled">Notify me before a license set ends</label>
      </div>
      <p id="notifications-hint" class="hint">
        One browser notification when an active set reaches each lead time before its end date. The browser asks for
        permission the first time.
      </p>
      {missingPermission && (
        <p class="notice" role="status">
          Notifications are on here, but the browser permission was removed. Turn them off and on again to allow them.
        </p>
      )}
      <StatusLine status={toggleStatus} />
      <form onSubmit={saveLeadTimes} noValidate>
        <DayField
          id="lead-times"
          label="Lead times (days before the end)"
          hint="Comma-separated whole days, each from 1 to 365, e.g. 30, 7, 1."
          value={leadText}
          error={leadError}
          onInput={setLeadText}
        />
        <div class="row">
          <button type="submit">Save lead times</button>
        </div>
        <StatusLine status={leadStatus} />
      </form>
    </section>
  );
}
