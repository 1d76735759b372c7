/** A file's size as the backups list shows it: "206.0 MB", "160 KB" (at least 1 KB). */
export function formatSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
