/**
 * CSV exports of the Insights API (`GET /insights/*.csv`): fetched with the session's Bearer
 * token like GraphQL (a plain link could not send it), then handed to the browser as a file.
 */
import { readToken } from '../../app/auth-session';

export type CsvExport = 'market-comparison' | 'series';

export interface CsvResult {
  filename: string;
  /** Data rows, the header not counted. */
  rows: number;
}

export class CsvDownloadError extends Error {}

export function csvUrl(kind: CsvExport, params: { scopePageId: string; from: string; to: string; granularity?: string }): string {
  const query = new URLSearchParams({ scopePageId: params.scopePageId, from: params.from, to: params.to });
  if (kind === 'series' && params.granularity) query.set('granularity', params.granularity);
  return `/insights/${kind}.csv?${query.toString()}`;
}

/** The file name the server gives in Content-Disposition, else `fallback`. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  const plain = disposition?.match(/filename="?([^";]+)"?/i)?.[1];
  return plain?.trim() || fallback;
}

/** Lines after the header, ignoring a final newline (quoted fields with line breaks are not expected here). */
export function csvDataRows(text: string): number {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  return Math.max(0, lines.length - 1);
}

/** What to tell the user when the server refused: its `{ code }` answer, in words. */
export function csvFailureMessage(status: number, code: string | undefined): string {
  switch (code ?? (status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : status === 400 ? 'BAD_USER_INPUT' : '')) {
    case 'UNAUTHENTICATED':
      return 'Your session has expired: sign in again, then download.';
    case 'NOT_FOUND':
    case 'FORBIDDEN':
      return 'This scope is not one you may export: pick another scope.';
    case 'BAD_USER_INPUT':
      return 'The server refused this date range: pick another range.';
    default:
      return `The export failed (HTTP ${status}). Try again in a moment.`;
  }
}

export async function downloadCsv(url: string, fallbackName: string): Promise<CsvResult> {
  const token = readToken();
  let response: Response;
  try {
    response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new CsvDownloadError('The API cannot be reached: try again in a moment.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: string } | null;
    throw new CsvDownloadError(csvFailureMessage(response.status, body?.code));
  }
  const blob = await response.blob();
  const filename = filenameFrom(response.headers.get('content-disposition'), fallbackName);
  const rows = csvDataRows(await blob.text());
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; give it a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { filename, rows };
}
