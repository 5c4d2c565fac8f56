/** The four figures a manager looks for first, across every track the page still shows. */
import { formatNumber, plural } from '../../lib/format';
import type { Summary } from '../../lib/summary';

interface Props {
  summary: Summary;
  warningWindow: number;
}

export function Totals({ summary, warningWindow }: Props) {
  const active = summary.byStatus.active;
  const soon = summary.all.expiringSoon;
  return (
    <section class="totals" aria-labelledby="totals-heading">
      <h2 id="totals-heading" class="visually-hidden">
        Totals
      </h2>
      <dl>
        <div class="tile">
          <dt>Active licenses</dt>
          <dd data-testid="total-licenses">{formatNumber(active.licenses)}</dd>
        </div>
        <div class="tile">
          <dt>Assigned</dt>
          <dd data-testid="total-assigned">{formatNumber(active.assigned)}</dd>
        </div>
        <div class="tile">
          <dt>Unassigned</dt>
          <dd data-testid="total-unassigned">{formatNumber(active.unassigned)}</dd>
        </div>
        <div class={soon > 0 ? 'tile warn' : 'tile'}>
          <dt>Expiring soon</dt>
          <dd>
            <span data-testid="total-expiring">{formatNumber(soon)}</span>
            <span class="unit"> {soon === 1 ? 'set' : 'sets'}</span>
          </dd>
        </div>
      </dl>
      <p class="muted small">
        {soon > 0
          ? `${plural(summary.all.unassignedAtRisk, 'unassigned license')} in sets ending within ${plural(warningWindow, 'day')}.`
          : `No set ends within ${plural(warningWindow, 'day')}.`}
      </p>
    </section>
  );
}
