/** Which organizations and tracks count in the toolbar badge: one checkbox each, saved on change. */
import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import { failure, type Status, StatusLine } from '../shared/StatusLine';

interface Props {
  settings: Settings;
  organizations: string[];
  tracks: string[];
  onSave(change: Partial<Settings>): Promise<void>;
}

interface GroupProps {
  legend: string;
  idPrefix: string;
  names: string[];
  excluded: string[];
  onChange(excluded: string[]): void;
}

function CheckGroup({ legend, idPrefix, names, excluded, onChange }: GroupProps) {
  const out = new Set(excluded);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {names.map((name, i) => (
        <div class="check" key={name}>
          <input
            id={`${idPrefix}-${i}`}
            type="checkbox"
            checked={!out.has(name)}
            onChange={(event) => {
              const next = new Set(out);
              if ((event.currentTarget as HTMLInputElement).checked) next.delete(name);
              else next.add(name);
              onChange([...next]);
            }}
          />
          <label for={`${idPrefix}-${i}`}>{name || 'Organization not named on the page'}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function BadgeFilters({ settings, organizations, tracks, onSave }: Props) {
  const [status, setStatus] = useState<Status | null>(null);

  async function save(change: Partial<Settings>) {
    try {
      await onSave(change);
      setStatus({ text: 'Saved: the badge counts the checked ones.' });
    } catch (error) {
      setStatus(failure('Not saved', error));
    }
  }

  return (
    <section aria-labelledby="badge-heading">
      <h2 id="badge-heading">Toolbar badge</h2>
      <p class="hint">
        The badge shows how many active sets end within the warning window. Uncheck what it should leave out.
      </p>
      {organizations.length === 0 && tracks.length === 0 ? (
        <p class="muted">Organizations and tracks appear here after the first visit to Manage Licenses.</p>
      ) : (
        <div class="columns">
          <CheckGroup
            legend="Organizations"
            idPrefix="badge-org"
            names={organizations}
            excluded={settings.badgeExcludedOrganizations}
            onChange={(list) => save({ badgeExcludedOrganizations: list })}
          />
          <CheckGroup
            legend="License tracks"
            idPrefix="badge-track"
            names={tracks}
            excluded={settings.badgeExcludedTracks}
            onChange={(list) => save({ badgeExcludedTracks: list })}
          />
        </div>
      )}
      <StatusLine status={status} />
    </section>
  );
}
