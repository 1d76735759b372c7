// Small desktop actions behind the menu and the desktop contract calls.
// Electron wiring only; what they decide is in unit-tested modules.
import { app, dialog, type BrowserWindow } from 'electron';
import { saveChosenWorkspace, withoutWorkspaceArg } from './desktopPrefs';

/** The About dialog: version, runtime versions, licences and where things are. */
export function showAbout(win: BrowserWindow | undefined, info: { version: string; workspace: string; logs: string }): void {
  const options = {
    type: 'info' as const,
    title: 'About DesignDesk',
    message: `DesignDesk ${info.version}`,
    detail: [
      'Write, review and publish RFCs, ADRs, decision matrices and postmortems — offline, synced to your team’s git repository.',
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}`,
      '',
      'DesignDesk is released under the MIT licence. It includes Electron and Chromium (see LICENSES.chromium.html next to the app), SQLite (public domain), React, isomorphic-git and other open-source components under their own licences.',
      '',
      `Workspace: ${info.workspace}`,
      `Logs: ${info.logs}`,
    ].join('\n'),
    buttons: ['OK'],
    noLink: true,
  };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/**
 * A folder picker for the workspace. On a choice the folder is remembered in
 * userData and the app restarts on it shortly after answering (the database
 * of the current workspace is closed by the normal quit path).
 */
export async function chooseWorkspaceFolder(win: BrowserWindow | undefined, userData: string, current: string): Promise<{ path: string | null }> {
  const options: Electron.OpenDialogOptions = {
    title: 'Choose a workspace folder',
    buttonLabel: 'Use this folder',
    defaultPath: current,
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
  const r = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
  const chosen = r.canceled ? undefined : r.filePaths[0];
  if (!chosen || chosen === current) return { path: chosen ?? null };
  saveChosenWorkspace(userData, chosen);
  setTimeout(() => {
    app.relaunch({ args: withoutWorkspaceArg(process.argv.slice(1)) });
    app.quit();
  }, 400);
  return { path: chosen };
}
