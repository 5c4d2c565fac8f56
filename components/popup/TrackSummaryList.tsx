/**
 * One card per license track: active sets and licenses with a utilization bar (assigned vs
 * unassigned), then upcoming sets and expired sets with their completions. The summary is
 * aggregated, so this is one card per track whatever the number of sets.
 */
import { formatNumber, formatPercent, plural } from '../../lib/format';
import type { TrackSummary } from '../../lib/summary';
import { CappedList } from '../shared/CappedList';

function TrackCard({ track }: { track: TrackSummary }) {
  const { active, upcoming, expired, unknown } = track.byStatus;
  const used = active.utilization;
  return (
    <article class="track" aria-label={track.track} data-testid="track">
      <h3 class="track-name">{track.track}</h3>
      <p>
        <strong>Active:</strong> <span data-testid="active-sets">{plural(active.sets, 'set')}</span>,{' '}
        <span data-testid="active-licenses">{plural(active.licenses, 'license')}</span>
      </p>
      {active.sets > 0 && (
        <div class="utilization">
          <div class="bar" aria-hidden="true">
            <span style={{ width: `${Math.round((used ?? 0) * 100)}%` }} />
          </div>
          <p class="small">
            <span data-testid="active-assigned">{formatNumber(active.assigned)}</span> assigned ·{' '}
            <span data-testid="active-unassigned" class={active.unassigned > 0 ? 'emphasis' : undefined}>
              {formatNumber(active.unassigned)}
            </span>{' '}
            unassigned · {formatPercent(used)} used
          </p>
        </div>
      )}
      <p class="muted small">
        Upcoming: <span data-testid="upcoming">{plural(upcoming.sets, 'set')}</span>
        {upcoming.sets > 0 && `, ${plural(upcoming.licenses, 'license')}`} · Expired:{' '}
        <span data-testid="expired">{plural(expired.sets, 'set')}</span>
        {expired.sets > 0 && `, ${formatNumber(expired.completed)} completed`}
        {unknown.sets > 0 && ` · Dates unknown: ${plural(unknown.sets, 'set')}`}
      </p>
    </article>
  );
}

export function TrackSummaryList({ tracks, initial = 12 }: { tracks: TrackSummary[]; initial?: number }) {
  return (
    <section aria-labelledby="tracks-heading">
      <h2 id="tracks-heading">By license track</h2>
      <CappedList
        list={{ items: tracks, total: tracks.length }}
        initial={initial}
        label="License tracks"
        className="tracks"
        itemKey={(t) => t.track}
      >
        {(track) => <TrackCard track={track} />}
      </CappedList>
    </section>
  );
}
