/**
 * Saves text as a file from an extension page: a Blob, an object URL and a click on an
 * `<a download>`, which needs no "downloads" permission. The document is passed in so tests
 * can watch the link being made.
 */
export interface DownloadFile {
  filename: string;
  /** MIME type, e.g. 'text/csv;charset=utf-8'. */
  type: string;
  content: string;
}

/** How long the object URL stays valid: long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 60_000;

export function downloadFile(doc: Document, file: DownloadFile): void {
  const view = doc.defaultView;
  if (!view) throw new Error('Cannot save a file: the page has no window.');
  const url = view.URL.createObjectURL(new view.Blob([file.content], { type: file.type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
