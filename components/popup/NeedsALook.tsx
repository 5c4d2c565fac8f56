/**
 * Sets that need a second look, said plainly: no longer shown on the page (kept, not counted
 * above), grouped by the page unlike their dates, or with more licenses assigned than they hold.
 */
import type { CachedSet } from '../../lib/db';
import { formatDate, formatNumber } from '../../lib/format';
import type { Status } from '../../lib/license';
import type { Capped, Disagreement } from '../../lib/popup-model';
import { CappedList } from '../shared/CappedList';

interface Props {
  missing: Capped<CachedSet>;
  disagreements: Capped<Disagreement>;
  overAssigned: Capped<CachedSet>;
  initial?: number;
}

const GROUP: Record<Status, string> = {
  upcoming: 'Upcoming',
  active: 'Active',
  expired: 'Expired',
  unknown: 'Unknown',
};

function dates(set: CachedSet): string {
  if (set.startDate && set.endDate) return `${formatDate(set.startDate)} – ${formatDate(set.endDate)}`;
  if (set.startDate) return `starts ${formatDate(set.startDate)}`;
  if (set.endDate) return `ends ${formatDate(set.endDate)}`;
  return 'no dates';
}

export function NeedsALook({ missing, disagreements, overAssigned, initial = 5 }: Props) {
  if (missing.total + disagreements.total + overAssigned.total === 0) return null;
  return (
    <section aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs a look</h2>
      {missing.total > 0 && (
        <div data-testid="missing">
          <h3>No longer shown on the page ({formatNumber(missing.total)})</h3>
          <p class="muted small">
            A full read of Manage Licenses no longer listed these sets. They are kept here and in the export, but not
            counted above.
          </p>
          <CappedList
            list={missing}
            initial={initial}
            label="Sets no longer shown"
            className="plain"
            itemKey={(s) => s.key}
          >
            {(set) => (
              <>
                <span class="set-name">{set.name}</span>{' '}
                <span class="muted small">
                  {set.track} · not shown since {formatDate(set.missingSince ?? set.lastSeen)}
                </span>
              </>
            )}
          </CappedList>
        </div>
      )}
      {disagreements.total > 0 && (
        <div data-testid="disagreements">
          <h3>Grouped unlike their dates ({formatNumber(disagreements.total)})</h3>
          <CappedList
            list={disagreements}
            initial={initial}
            label="Sets grouped unlike their dates"
            className="plain"
            itemKey={(d) => d.set.key}
          >
            {(d) => (
              <>
                <span class="set-name">{d.set.name}</span>{' '}
                <span class="muted small">
                  {d.set.track}: listed under {GROUP[d.pageStatus]}, but its dates ({dates(d.set)}) say{' '}
                  {GROUP[d.datesSay]}.
                </span>
              </>
            )}
          </CappedList>
        </div>
      )}
      {overAssigned.total > 0 && (
        <div data-testid="over-assigned">
          <h3>More assigned than licenses ({formatNumber(overAssigned.total)})</h3>
          <CappedList
            list={overAssigned}
            initial={initial}
            label="Sets with more assigned than licenses"
            className="plain"
            itemKey={(s) => s.key}
          >
            {(set) => (
              <>
                <span class="set-name">{set.name}</span>{' '}
                <span class="muted small">
                  {set.track}: {formatNumber(set.assigned ?? 0)} assigned of {formatNumber(set.licenses ?? 0)}
                </span>
              </>
            )}
          </CappedList>
        </div>
      )}
    </section>
  );
}
