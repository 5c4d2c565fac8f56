/**
 * Who may send which message. Another extension, a web page or a content script on a foreign
 * site must not be able to write to the cache, so every message is checked against its sender
 * before it is handled. Plain TypeScript: the extension's id and page origin are passed in.
 */
import type { MessageType } from './messages';

/** The parts of runtime.MessageSender the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface Extension {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL(''), e.g. chrome-extension://abc/ */
  origin: string;
}

/** https://letrs.com/… or https://<anything>.letrs.com/… (never http, never letrs.com.evil.example). */
export function isLetrsUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && (hostname === 'letrs.com' || hostname.endsWith('.letrs.com'));
  } catch {
    return false;
  }
}

function fromContentScript(sender: Sender): boolean {
  return sender.tab !== undefined && sender.tab !== null && isLetrsUrl(sender.url);
}

function fromExtensionPage(sender: Sender, extension: Extension): boolean {
  return typeof sender.url === 'string' && extension.origin !== '' && sender.url.startsWith(extension.origin);
}

/**
 * Null when `sender` may send a message of `type`, else the reason it may not:
 * - every message: sent by this extension (sender.id);
 * - letrs:sync: from our content script in a tab on an https letrs.com page;
 * - letrs:export-csv: from that content script or from one of our extension pages;
 * - letrs:refresh: from one of our extension pages (popup, options).
 */
export function senderRefusal(type: MessageType, sender: Sender, extension: Extension): string | null {
  if (!sender.id || sender.id !== extension.id) return 'Message refused: it did not come from this extension.';
  const page = fromExtensionPage(sender, extension);
  const content = fromContentScript(sender);
  switch (type) {
    case 'letrs:sync':
      return content ? null : 'Message refused: a sync is accepted only from a letrs.com page (https) in a tab.';
    case 'letrs:export-csv':
      return content || page
        ? null
        : 'Message refused: export is accepted only from a letrs.com page or the extension.';
    case 'letrs:refresh':
      return page ? null : 'Message refused: refresh is accepted only from the extension’s own pages.';
  }
}
