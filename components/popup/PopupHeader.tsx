/**
 * Which organization(s) the figures are for and when the page was read; an old read says so
 * and links to the Licenses page to refresh it (the link focuses an open tab when there is one).
 */
import { readAge } from '../../lib/format';
import { LETRS_HOME } from '../../lib/licenses-tab';
import type { OrganizationRead } from '../../lib/popup-model';

interface Props {
  organizations: OrganizationRead[];
  licensesUrl: string | null;
  now: Date;
  onOpenLicenses(): void;
}

const MAX_LISTED = 4;

function name(org: OrganizationRead): string {
  return org.name || 'Organization not named on the page';
}

function LicensesLink({ url, onOpen, children }: { url: string | null; onOpen(): void; children: string }) {
  return (
    <a
      href={url ?? LETRS_HOME}
      target="_blank"
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      {children}
    </a>
  );
}

export function PopupHeader({ organizations, licensesUrl, now, onOpenLicenses }: Props) {
  const ages = organizations.map((org) => ({ org, age: org.readAt ? readAge(org.readAt, now) : null }));
  const listed = ages.slice(0, MAX_LISTED);
  const more = organizations.length - listed.length;
  const stale = ages.find(({ age }) => age?.stale);
  const single = organizations.length === 1;
  return (
    <header class="header">
      <h1>LETRS licenses</h1>
      {single ? (
        <p class="org" data-testid="organization">
          {name(organizations[0])}
        </p>
      ) : (
        <ul class="orgs" aria-label="Organizations">
          {listed.map(({ org, age }) => (
            <li key={org.name}>
              <span class="org" data-testid="organization">
                {name(org)}
              </span>{' '}
              <span class="muted small">read {age?.text ?? 'at an unknown time'}</span>
            </li>
          ))}
          {more > 0 && <li class="muted small">and {more} more</li>}
        </ul>
      )}
      {stale ? (
        <p class="stale" data-testid="read-age">
          {single ? 'Read' : `${name(stale.org)} read`} {stale.age?.text}:{' '}
          <LicensesLink url={licensesUrl} onOpen={onOpenLicenses}>
            open Manage Licenses to refresh
          </LicensesLink>
        </p>
      ) : (
        <p class="read muted" data-testid="read-age">
          {single && `Read ${ages[0].age?.text ?? 'at an unknown time'} · `}
          <LicensesLink url={licensesUrl} onOpen={onOpenLicenses}>
            Open Manage Licenses
          </LicensesLink>
        </p>
      )}
    </header>
  );
}
