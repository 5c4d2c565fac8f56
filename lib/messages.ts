/**
 * Messages between the content script, the popup/options pages and the background worker.
 * Everything that crosses a message boundary is validated here (shape and size) before use:
 * page text is untrusted, and another extension or a compromised page may send anything.
 *
 * The protocol (one router in the background, entrypoints/background/router.ts; who may send
 * what is in lib/sender.ts):
 * - `letrs:sync` { read } from the content script on an https *.letrs.com page → SyncReply.
 * - `letrs:export-csv` from that content script or an extension page → ExportCsvReply.
 * - `letrs:refresh` from an extension page after it wrote to the cache → RefreshReply.
 * Settings are not sent as a message: the options page writes them with writeSettings()
 * (lib/settings-store.ts, one transaction) and then sends `letrs:refresh`, like a restore or a
 * clear. Every refusal or failure is `{ ok: false, error }` with a reason for a person.
 */
import * as v from 'valibot';
import { isCalendarDate } from './dates';
import type { PageRead } from './page-read';
import type { Settings } from './settings';

/** A read larger than this is refused: 5,000 sets with long names stay well under it. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
export const MAX_SETS = 20_000;
const MAX_TEXT = 10_000;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)));
const date = v.nullable(
  v.pipe(
    v.string(),
    v.check((s: string) => isCalendarDate(s), 'not a YYYY-MM-DD calendar date'),
  ),
);
const pageStatus = v.nullable(v.picklist(['upcoming', 'active', 'expired']));

export const LicenseSetSchema = v.object({
  id: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(500)))),
  organization: v.optional(v.nullable(text)),
  track: text,
  name: text,
  licenses: count,
  assigned: count,
  completed: count,
  startDate: date,
  endDate: date,
  pageStatus,
  pageWarning: v.boolean(),
  stateAllocated: v.optional(v.boolean()),
});

export const PageReadSchema = v.object({
  isLicensesPage: v.boolean(),
  complete: v.boolean(),
  organization: v.nullable(text),
  tracks: v.pipe(v.array(text), v.maxLength(1000)),
  sets: v.pipe(v.array(LicenseSetSchema), v.maxLength(MAX_SETS)),
  diagnostics: v.pipe(
    v.array(v.object({ level: v.picklist(['info', 'warning', 'error']), message: text })),
    v.maxLength(1000),
  ),
});

/** Content script → background: what the page showed. */
export const SyncMessageSchema = v.object({
  type: v.literal('letrs:sync'),
  read: PageReadSchema,
});

export type SyncMessage = { type: 'letrs:sync'; read: PageRead };

/** Content script (or popup) → background: the whole cache as CSV, the same file as the popup's export. */
export const ExportCsvMessageSchema = v.object({ type: v.literal('letrs:export-csv') });
export type ExportCsvMessage = { type: 'letrs:export-csv' };

/**
 * Popup/options → background: data changed outside the worker (settings saved, backup restored,
 * data cleared): recompute statuses, the badge and notifications.
 */
export const RefreshMessageSchema = v.object({ type: v.literal('letrs:refresh') });
export type RefreshMessage = { type: 'letrs:refresh' };

export type Message = SyncMessage | ExportCsvMessage | RefreshMessage;
export type MessageType = Message['type'];

const MessageSchema = v.variant('type', [SyncMessageSchema, ExportCsvMessageSchema, RefreshMessageSchema]);

/** Replies. Every message gets `{ ok: false, error }` when it is refused or fails. */
export type ErrorReply = { ok: false; error: string };
export type SyncReply = { ok: true; applied: boolean; settings: Settings; lastSyncAt: string | null } | ErrorReply;
export type ExportCsvReply = { ok: true; filename: string; csv: string } | ErrorReply;
export type RefreshReply = { ok: true } | ErrorReply;
export type Reply = SyncReply | ExportCsvReply | RefreshReply;

/** The reply type of each message, for typed senders: `sendMessage(m) as Promise<ReplyTo<typeof m>>`. */
export type ReplyTo<M extends Message> = M extends SyncMessage
  ? SyncReply
  : M extends ExportCsvMessage
    ? ExportCsvReply
    : RefreshReply;

export type ParsedMessage = { ok: true; message: Message } | ErrorReply;

/** Checks size first (cheap), then shape. The error says what was wrong, for the sync log and tests. */
export function parseMessage(message: unknown): ParsedMessage {
  const size = messageSize(message);
  if (size > MAX_MESSAGE_BYTES) {
    return { ok: false, error: `Message refused: ${size} bytes is more than the ${MAX_MESSAGE_BYTES} allowed.` };
  }
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !type.startsWith('letrs:')) {
    return { ok: false, error: 'Message refused: not a LETRS License Tracker message.' };
  }
  const result = v.safeParse(MessageSchema, message);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    return { ok: false, error: `Message refused: ${type}${path ? ` at ${path}` : ''}: ${issue.message}.` };
  }
  return { ok: true, message: result.output as Message };
}

/** The approximate size of a message in bytes, measured before any deep validation. */
export function messageSize(message: unknown): number {
  try {
    return JSON.stringify(message)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
