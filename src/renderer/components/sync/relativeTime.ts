/** "just now", "5 min ago", "3 h ago", "2 days ago": how long ago a time was, for the status bar. */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The phase of a running sync as the status bar says it. */
export const PHASE_LABELS: Record<string, string> = {
  idle: 'Idle',
  fetching: 'Fetching',
  merging: 'Merging',
  committing: 'Committing',
  pushing: 'Pushing',
  cancelling: 'Cancelling',
};
