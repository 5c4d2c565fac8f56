// @vitest-environment happy-dom
/**
 * The page watcher: reads after the page settles (debounced), after route changes, not at all on
 * other pages beyond a cheap check, sends only complete reads that differ from the last one sent,
 * and ignores the extension's own elements.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncMessage, SyncReply } from '../lib/messages';
import type { PageRead } from '../lib/page-read';
import { type PageWatcher, watchPage } from '../lib/page-watcher';
import { type PageReading, readLicensesPageWithRows } from '../lib/reader/index';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { samplePage } from '../scripts/sample-page';
import { documentOf, fixture } from './reader-pages';

const REPLY: SyncReply = {
  ok: true,
  applied: true,
  settings: DEFAULT_SETTINGS,
  lastSyncAt: '2026-12-03T10:00:00.000Z',
};

/** Shows a parsed page in the test document (as an SPA would render it). */
function show(page: Document): void {
  document.title = page.title;
  document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
}

let watcher: PageWatcher | null = null;
let sent: SyncMessage[];
let reads: { read: PageRead; reply: SyncReply | null; rows: number }[];
let fullReads: number;

function start(send: (m: SyncMessage) => Promise<SyncReply | undefined> = async () => REPLY): PageWatcher {
  watcher = watchPage({
    window: window as unknown as Window & typeof globalThis,
    document,
    send: async (message) => {
      sent.push(message);
      return send(message);
    },
    onRead: (read, reply, rows) => reads.push({ read, reply, rows: rows.length }),
    read: (doc): PageReading => {
      fullReads++;
      return readLicensesPageWithRows(doc);
    },
  });
  return watcher;
}

/** Lets mutation records arrive and timers run for `ms`. */
async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  reads = [];
  fullReads = 0;
  document.title = '';
  document.body.replaceChildren();
});

afterEach(() => {
  watcher?.stop();
  watcher = null;
  vi.useRealTimers();
});

describe('page watcher', () => {
  it('reads the licenses page once it settles and sends the complete read once', async () => {
    show(documentOf(samplePage('2026-12-03')));
    start();
    await wait(10);
    expect(sent).toHaveLength(1);
    expect(sent[0].type).toBe('letrs:sync');
    expect(sent[0].read.sets).toHaveLength(8);
    expect(reads.at(-1)).toMatchObject({ reply: REPLY, rows: 8 });
  });

  it('debounces a burst of mutations into one read after 400 ms of quiet', async () => {
    show(documentOf(samplePage('2026-12-03')));
    start();
    await wait(10);
    const before = fullReads;
    for (let i = 0; i < 5; i++) {
      document.querySelector('h1')!.append(document.createTextNode(''));
      await wait(100);
    }
    expect(fullReads).toBe(before);
    await wait(400);
    expect(fullReads).toBe(before + 1);
  });

  it('reads at least every 3 s while mutations keep coming', async () => {
    show(documentOf(samplePage('2026-12-03')));
    start();
    await wait(10);
    const before = fullReads;
    for (let i = 0; i < 35; i++) {
      document.body.append(document.createElement('span'));
      await wait(100);
    }
    expect(fullReads).toBeGreaterThan(before);
  });

  it('does not send a read identical to the last one sent, but still reports it', async () => {
    show(documentOf(samplePage('2026-12-03')));
    start();
    await wait(10);
    show(documentOf(samplePage('2026-12-03')));
    await wait(500);
    expect(sent).toHaveLength(1);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.at(-1)?.reply).toEqual(REPLY);
  });

  it('sends again when what the page shows changes', async () => {
    show(documentOf(samplePage('2026-12-03')));
    start();
    await wait(10);
    document.querySelector('[data-license-set-id="ls-1870"] b')!.textContent = '55';
    await wait(500);
    expect(sent).toHaveLength(2);
    expect(sent[1].read.sets.find((s) => s.id === 'ls-1870')?.licenses).toBe(55);
  });

  it('never sends a read taken mid-load, and sends once loading is done', async () => {
    show(fixture('mid-load'));
    start();
    await wait(10);
    expect(sent).toHaveLength(0);
    expect(reads.at(-1)?.read.complete).toBe(false);
    for (const busy of document.querySelectorAll('[aria-busy="true"]')) busy.remove();
    await wait(500);
    expect(sent).toHaveLength(1);
    expect(sent[0].read.complete).toBe(true);
  });

  it('does no full read on other pages, and reads when the app routes to the licenses page', async () => {
    show(fixture('people'));
    start();
    await wait(10);
    for (let i = 0; i < 3; i++) {
      document.body.append(document.createElement('p'));
      await wait(500);
    }
    expect(fullReads).toBe(0);
    expect(sent).toHaveLength(0);
    show(fixture('nested-lists'));
    history.pushState({}, '', '/manage/licenses');
    watcher!.locationChanged();
    await wait(500);
    expect(fullReads).toBeGreaterThan(0);
    expect(sent).toHaveLength(1);
    expect(sent[0].read.organization).toBe('Lincoln County Schools');
  });

  it('reads again on popstate and tells the overlay when the licenses page is left', async () => {
    show(documentOf(samplePage('2026-12-03')));
    start();
    await wait(10);
    show(fixture('overview-dashboard'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await wait(500);
    expect(reads.at(-1)).toMatchObject({ read: { isLicensesPage: false, sets: [] }, rows: 0 });
  });

  it('ignores mutations inside the extension’s own elements, and its hosts added to rows', async () => {
    show(documentOf(samplePage('2026-12-03')));
    start();
    await wait(10);
    const before = fullReads;
    const host = document.createElement('letrs-tracker-chip');
    host.setAttribute('data-letrs-tracker', 'chip');
    document.querySelector('[data-license-set-id="ls-1870"]')!.append(host);
    await wait(500);
    host.append(document.createElement('span'));
    host.setAttribute('title', 'x');
    await wait(500);
    expect(fullReads).toBe(before);
    document.querySelector('h1')!.append(document.createElement('span'));
    await wait(500);
    expect(fullReads).toBe(before + 1);
  });

  it('reports a failed send without a reply and sends again after the next change', async () => {
    show(documentOf(samplePage('2026-12-03')));
    let fail = true;
    start(async () => {
      if (fail) throw new Error('Extension context invalidated.');
      return REPLY;
    });
    await wait(10);
    expect(sent).toHaveLength(1);
    expect(reads.at(-1)?.reply).toBeNull();
    fail = false;
    document.querySelector('h1')!.append(document.createElement('span'));
    await wait(500);
    expect(sent).toHaveLength(2);
    expect(reads.at(-1)?.reply).toEqual(REPLY);
  });

  it('stops observing when stopped', async () => {
    show(documentOf(samplePage('2026-12-03')));
    start().stop();
    await wait(1000);
    expect(fullReads).toBe(0);
    expect(sent).toHaveLength(0);
  });
});
