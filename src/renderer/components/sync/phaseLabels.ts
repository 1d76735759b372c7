/** The phase of a running sync as the status bar says it. */
export const PHASE_LABELS: Record<string, string> = {
  idle: 'Idle',
  fetching: 'Fetching',
  merging: 'Merging',
  committing: 'Committing',
  pushing: 'Pushing',
  cancelling: 'Cancelling',
};
