import path from 'node:path';

export interface WorkspaceInputs {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

/** The per-user app-data folder Electron calls userData for a product named DesignDesk. */
export function appDataDir({ env, platform, home }: Omit<WorkspaceInputs, 'argv'>): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'DesignDesk');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'DesignDesk');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'DesignDesk');
}

/**
 * Where the workspace lives: `--workspace DIR` (or `--workspace=DIR`) wins,
 * then DESIGNDESK_WORKSPACE, then `<app data>/workspace`. The desktop app,
 * the web host and the CLI all resolve it the same way.
 */
export function resolveWorkspace(inputs: WorkspaceInputs): string {
  const { argv, env } = inputs;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--workspace' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (a.startsWith('--workspace=') && a.length > '--workspace='.length) return path.resolve(a.slice('--workspace='.length));
  }
  if (env.DESIGNDESK_WORKSPACE) return path.resolve(env.DESIGNDESK_WORKSPACE);
  const base = appDataDir(inputs);
  return inputs.platform === 'win32' ? path.win32.join(base, 'workspace') : path.posix.join(base, 'workspace');
}
