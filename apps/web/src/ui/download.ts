import { apiBlob } from '../api/client';

/**
 * Files behind a bearer token cannot be plain links (the token would have to go in the URL):
 * fetch them, then hand the browser a blob to save.
 */
export async function downloadFromApi(path: string, filename: string): Promise<void> {
  saveBlob(await apiBlob(path), filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
