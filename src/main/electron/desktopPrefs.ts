import fs from 'node:fs';
import path from 'node:path';

/** Desktop-only preferences kept in Electron's userData (not in a workspace: they choose the workspace). */
export const DESKTOP_PREFS_FILE = 'desktop.json';

/** The workspace folder picked in the app (desktop:chooseWorkspace), or undefined. */
export function loadChosenWorkspace(userData: string): string | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(userData, DESKTOP_PREFS_FILE), 'utf8')) as { workspace?: unknown };
    return typeof raw.workspace === 'string' && path.isAbsolute(raw.workspace) ? raw.workspace : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the picked workspace folder for the next launches. */
export function saveChosenWorkspace(userData: string, workspace: string): void {
  fs.mkdirSync(userData, { recursive: true });
  const file = path.join(userData, DESKTOP_PREFS_FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ workspace }, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

/** The launch arguments without any --workspace option, for a relaunch onto the chosen folder. */
export function withoutWorkspaceArg(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--workspace') i++;
    else if (!argv[i]!.startsWith('--workspace=')) out.push(argv[i]!);
  }
  return out;
}
