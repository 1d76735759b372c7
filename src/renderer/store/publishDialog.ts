import { create } from 'zustand';

/** Whether the "Publish site" dialog is open (opened from the command palette or the desktop menu). */
export const usePublishDialog = create<{ open: boolean }>(() => ({ open: false }));

export const openPublishDialog = (): void => usePublishDialog.setState({ open: true });
export const closePublishDialog = (): void => usePublishDialog.setState({ open: false });
