// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { downloadFile } from '../lib/download';

afterEach(() => vi.restoreAllMocks());

it('saves text through a Blob, an object URL and a clicked <a download>, then lets the URL go', async () => {
  vi.useFakeTimers();
  const blobs: Blob[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:test/1';
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const clicks: HTMLAnchorElement[] = [];
  document.addEventListener('click', (event) => {
    clicks.push(event.target as HTMLAnchorElement);
    event.preventDefault();
  });

  downloadFile(document, {
    filename: 'letrs-licenses-2026-12-03.csv',
    type: 'text/csv;charset=utf-8',
    content: '\uFEFFa,b\r\n',
  });

  expect(create).toHaveBeenCalledOnce();
  expect(blobs[0].type).toBe('text/csv;charset=utf-8');
  expect(new Uint8Array(await blobs[0].arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  expect(clicks).toHaveLength(1);
  expect(clicks[0].download).toBe('letrs-licenses-2026-12-03.csv');
  expect(clicks[0].href).toBe('blob:test/1');
  expect(document.querySelector('a')).toBeNull();
  expect(revoke).not.toHaveBeenCalled();
  vi.advanceTimersByTime(60_000);
  expect(revoke).toHaveBeenCalledWith('blob:test/1');
  vi.useRealTimers();
});
