/**
 * Sets ending within the horizon, soonest first: a chip with the friendly day coloured by
 * urgency (≤ 7 days red, within the warning window amber), the date, and the licenses still
 * unassigned there. Sets starting soon follow. Long lists are capped.
 */
import type { CachedSet } from '../../lib/db';
import { formatDate, formatNumber, plural, relativeDays, urgency } from '../../lib/format';
import type { Capped } from '../../lib/popup-model';
import type { Deadline } from '../../lib/summary';
import { CappedList } from '../shared/CappedList';

interface Props {
  ending: Capped<Deadline<CachedSet>>;
  starting: Capped<Deadline<CachedSet>>;
  horizon: number;
  warningWindow: number;
  /** Rows shown before "Show all". */
  initial?: number;
}

function DeadlineRow({ deadline, warningWindow }: { deadline: Deadline<CachedSet>; warningWindow: number }) {
  const level = deadline.kind === 'ends' ? urgency(deadline.days, warningWindow) : 'later';
  const free = deadline.unassigned;
  return (
    <div class="deadline" data-testid="deadline">
      <p class="deadline-when">
        <span class={`chip ${level}`}>{relativeDays(deadline.days)}</span>{' '}
        <span class="date">
          {deadline.kind === 'ends' ? 'ends' : 'starts'} {formatDate(deadline.date)}
        </span>
      </p>
      {free !== null && (
        <p class={free > 0 && deadline.kind === 'ends' ? 'at-risk' : 'at-risk none'}>{formatNumber(free)} unassigned</p>
      )}
      <p class="deadline-what">
        <span class="set-name">{deadline.set.name}</span> <span class="muted small">· {deadline.set.track}</span>
      </p>
    </div>
  );
}

const keyOf = (d: Deadline<CachedSet>) => `${d.kind}:${d.set.key}`;

export function DeadlineList({ ending, starting, horizon, warningWindow, initial = 8 }: Props) {
  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">Upcoming deadlines</h2>
      {ending.total === 0 ? (
        <p class="muted">No active set ends in the next {plural(horizon, 'day')}.</p>
      ) : (
        <>
          <p class="muted small">Sets ending within {plural(horizon, 'day')}, soonest first.</p>
          <CappedList list={ending} initial={initial} label="Sets ending soon" className="deadlines" itemKey={keyOf}>
            {(d) => <DeadlineRow deadline={d} warningWindow={warningWindow} />}
          </CappedList>
        </>
      )}
      {starting.total > 0 && (
        <>
          <h3>Starting soon</h3>
          <CappedList
            list={starting}
            initial={Math.min(initial, 4)}
            label="Sets starting soon"
            className="deadlines"
            itemKey={keyOf}
          >
            {(d) => <DeadlineRow deadline={d} warningWindow={warningWindow} />}
          </CappedList>
        </>
      )}
    </section>
  );
}
