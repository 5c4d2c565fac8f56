/**
 * The summary bar above the page's main heading: what expires soon, the unassigned licenses at
 * risk, when the data was saved, "Export CSV", and, when the rows could not be read, a plain
 * statement with "Copy details". Built once and updated in place, so a re-read never steals the
 * keyboard focus or repeats a screen-reader announcement that did not change.
 */
import type { CalendarDate } from '../../lib/dates';
import type { PageRead } from '../../lib/page-read';
import type { BarModel } from './bar-model';
import { createHost, el } from './shadow';
import { BAR_CSS } from './styles';
import { copyText, downloadText } from './transfer';

export const BAR_TAG = 'letrs-tracker-bar';
export const BAR_KIND = 'bar';

/** What the bar asks of the extension; the content script wires these to browser APIs. */
export interface BarServices {
  /** The whole cache as CSV, from the background (`letrs:export-csv`). Rejects with a reason. */
  requestCsv(): Promise<{ filename: string; csv: string }>;
  /** Remembers the collapsed state (browser.storage.local). */
  saveCollapsed(collapsed: boolean): Promise<void>;
}

/** The read behind what the bar shows, for the fallback export. */
export interface BarContext {
  read: PageRead;
  today: CalendarDate;
  warningWindow: number;
}

/** The main heading of the licenses page, which the bar goes before. */
export function findHeading(doc: Document): Element | null {
  const title = (h: Element) => /manage\s+licen[cs]es/i.test(h.textContent ?? '');
  // By tag first (fast on a page of thousands of rows), then ARIA headings.
  const tagged = [...doc.getElementsByTagName('h1'), ...doc.getElementsByTagName('h2')];
  return (
    tagged.find(title) ??
    [...doc.querySelectorAll('[role="heading"]')].find(title) ??
    doc.querySelector('main h1') ??
    doc.getElementsByTagName('h1')[0] ??
    null
  );
}

function logo(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M3 1h10v14l-5-3.5L3 15z');
  path.setAttribute('fill', '#1d4f91');
  svg.append(path);
  return svg;
}

export class SummaryBar {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly bar: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly saved: HTMLElement;
  private readonly exportButton: HTMLButtonElement;
  private readonly copyButton: HTMLButtonElement;
  private readonly toggle: HTMLButtonElement;
  private readonly notice: HTMLElement;
  private manualCopy: HTMLTextAreaElement | null = null;
  private model: BarModel | null = null;
  private context: BarContext | null = null;
  private summaryKey = '';

  constructor(
    private readonly doc: Document,
    private readonly services: BarServices,
    private collapsed: boolean,
  ) {
    const { host, root } = createHost(doc, BAR_TAG, BAR_KIND, BAR_CSS);
    this.host = host;
    this.root = root;
    this.bar = el(doc, 'section', 'bar');
    this.bar.setAttribute('aria-label', 'LETRS License Tracker');
    const brand = el(doc, 'span', 'brand');
    brand.append(logo(doc), el(doc, 'span', '', 'LETRS License Tracker'));
    this.summary = el(doc, 'div', 'summary');
    this.summary.setAttribute('role', 'status');
    this.saved = el(doc, 'span', 'saved detail');
    const actions = el(doc, 'div', 'actions');
    this.exportButton = el(doc, 'button', 'export detail', 'Export CSV');
    this.exportButton.type = 'button';
    this.exportButton.addEventListener('click', () => void this.exportCsv());
    this.copyButton = el(doc, 'button', 'copy secondary detail', 'Copy details');
    this.copyButton.type = 'button';
    this.copyButton.addEventListener('click', () => void this.copyDetails());
    this.toggle = el(doc, 'button', 'toggle secondary');
    this.toggle.type = 'button';
    this.toggle.addEventListener('click', () => this.setCollapsed(!this.collapsed));
    actions.append(this.exportButton, this.copyButton, this.toggle);
    this.notice = el(doc, 'div', 'notice detail');
    this.notice.setAttribute('role', 'status');
    this.bar.append(brand, this.summary, this.saved, actions, this.notice);
    root.append(this.bar);
    this.applyCollapsed();
  }

  /** Shows `model` and puts the bar before the page's main heading (again, if the page moved it). */
  update(model: BarModel, context: BarContext): void {
    this.model = model;
    this.context = context;
    this.bar.className = `bar state-${model.state}${this.collapsed ? ' collapsed' : ''}`;
    const key = JSON.stringify([model.state, model.stats, model.message]);
    if (key !== this.summaryKey) {
      // Rewritten only when it changed: role="status" announces every change.
      this.summaryKey = key;
      const pills = model.stats.map((s) => {
        // Only the visible wording is read out: display:none leaves the accessibility tree.
        const pill = el(this.doc, 'span', `pill tone-${s.tone}`);
        pill.append(el(this.doc, 'span', 'long', s.text), el(this.doc, 'span', 'short', s.short));
        return pill;
      });
      if (model.state === 'unreadable') pills.push(el(this.doc, 'span', 'pill tone-danger', 'License sets not read'));
      if (model.state === 'partial') pills.push(el(this.doc, 'span', 'pill tone-warning', 'Some rows not read'));
      if (model.state !== 'ok') pills.push(el(this.doc, 'span', 'message detail', model.message));
      this.summary.replaceChildren(...pills);
    }
    if (this.saved.textContent !== model.saved) this.saved.textContent = model.saved;
    this.exportButton.hidden = model.state === 'unreadable';
    this.copyButton.hidden = model.details === null;
    // When nothing could be read, copying the details is the one thing to do: the main button.
    this.copyButton.className = model.state === 'unreadable' ? 'copy detail' : 'copy secondary detail';
    this.place();
  }

  private place(): void {
    // Copies of the bar the page made along with its content (empty: shadow roots are not copied).
    for (const other of [...this.doc.getElementsByTagName(BAR_TAG)]) if (other !== this.host) other.remove();
    const heading = findHeading(this.doc);
    if (heading?.parentNode) {
      if (this.host.nextSibling !== heading) heading.before(this.host);
      return;
    }
    const container = this.doc.querySelector('main') ?? this.doc.body;
    if (container && this.host.parentNode !== container) container.prepend(this.host);
  }

  private applyCollapsed(): void {
    this.bar.classList.toggle('collapsed', this.collapsed);
    this.toggle.textContent = this.collapsed ? 'Show details' : 'Hide details';
    this.toggle.setAttribute('aria-expanded', String(!this.collapsed));
  }

  private setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.applyCollapsed();
    this.services.saveCollapsed(collapsed).catch(() => {
      // Not remembered this time; the bar still collapses.
    });
  }

  private say(text: string, error = false): void {
    this.notice.className = `notice detail${error ? ' error' : ''}`;
    this.notice.textContent = text;
  }

  /**
   * The whole saved cache from the background, the same file as the popup's. No local fallback:
   * the CSV writer would double the content script's size, and the popup exports the same file.
   */
  private async exportCsv(): Promise<void> {
    if (!this.context) return;
    this.exportButton.disabled = true;
    this.say('Preparing the CSV file…');
    try {
      const { filename, csv } = await this.services.requestCsv();
      downloadText(this.doc, this.root, filename, csv);
      this.say(`Downloaded ${filename} with every license set the tracker has saved.`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.say(
        `The CSV could not be made (${reason}). Reload this page, or use Export CSV in the toolbar popup.`,
        true,
      );
    } finally {
      this.exportButton.disabled = false;
    }
  }

  /** The diagnostics to the clipboard, or shown in a text box to copy by hand. */
  private async copyDetails(): Promise<void> {
    const details = this.model?.details;
    if (!details) return;
    if (await copyText(this.doc, this.root, details)) {
      this.manualCopy?.remove();
      this.manualCopy = null;
      this.say('Details copied. Paste them into your report.');
      return;
    }
    this.say('The browser did not allow copying. Select the text below and copy it (Ctrl+C or ⌘C).', true);
    if (!this.manualCopy) {
      this.manualCopy = el(this.doc, 'textarea', 'detail');
      this.manualCopy.readOnly = true;
      this.manualCopy.setAttribute('aria-label', 'Page read details');
      this.bar.append(this.manualCopy);
    }
    this.manualCopy.value = details;
    this.manualCopy.focus();
    this.manualCopy.select();
  }

  remove(): void {
    this.host.remove();
  }
}
