import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../../src/main/store/openDatabase';
import { appDataDir, resolveWorkspace } from '../../../src/main/workspace';

const linux = { platform: 'linux' as const, home: '/home/ada', env: {} };

describe('appDataDir (where Electron puts userData for "DesignDesk")', () => {
  it('linux: $XDG_CONFIG_HOME/DesignDesk, else ~/.config/DesignDesk', () => {
    expect(appDataDir(linux)).toBe('/home/ada/.config/DesignDesk');
    expect(appDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/xdg' } })).toBe('/xdg/DesignDesk');
    expect(appDataDir({ ...linux, env: { XDG_CONFIG_HOME: '' } })).toBe('/home/ada/.config/DesignDesk');
  });

  it('darwin: ~/Library/Application Support/DesignDesk, ignoring XDG and APPDATA', () => {
    expect(appDataDir({ platform: 'darwin', home: '/Users/ada', env: { XDG_CONFIG_HOME: '/xdg', APPDATA: 'C:\\x' } })).toBe(
      '/Users/ada/Library/Application Support/DesignDesk',
    );
  });

  it('win32: %APPDATA%\\DesignDesk, else <home>\\AppData\\Roaming\\DesignDesk (Windows separators)', () => {
    expect(appDataDir({ platform: 'win32', home: 'C:\\Users\\ada', env: { APPDATA: 'D:\\Roam' } })).toBe('D:\\Roam\\DesignDesk');
    expect(appDataDir({ platform: 'win32', home: 'C:\\Users\\ada', env: {} })).toBe('C:\\Users\\ada\\AppData\\Roaming\\DesignDesk');
  });

  it('other unixes use the XDG rule', () => {
    expect(appDataDir({ ...linux, platform: 'freebsd' })).toBe('/home/ada/.config/DesignDesk');
  });
});

describe('resolveWorkspace', () => {
  const base = { argv: [] as string[], env: {}, platform: 'linux' as const, home: '/home/ada' };

  it('defaults to <app data>/workspace on each platform', () => {
    expect(resolveWorkspace(base)).toBe('/home/ada/.config/DesignDesk/workspace');
    expect(resolveWorkspace({ ...base, platform: 'darwin', home: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/DesignDesk/workspace');
    expect(resolveWorkspace({ ...base, platform: 'win32', home: 'C:\\Users\\ada', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' } })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\DesignDesk\\workspace',
    );
  });

  it('DESIGNDESK_WORKSPACE beats the default and is made absolute', () => {
    expect(resolveWorkspace({ ...base, env: { DESIGNDESK_WORKSPACE: '/srv/dd', XDG_CONFIG_HOME: '/xdg' } })).toBe('/srv/dd');
    expect(resolveWorkspace({ ...base, env: { DESIGNDESK_WORKSPACE: 'rel/ws' } })).toBe(path.resolve('rel/ws'));
    expect(resolveWorkspace({ ...base, env: { DESIGNDESK_WORKSPACE: '' } })).toBe('/home/ada/.config/DesignDesk/workspace');
  });

  it('--workspace DIR and --workspace=DIR beat DESIGNDESK_WORKSPACE', () => {
    const env = { DESIGNDESK_WORKSPACE: '/from/env' };
    expect(resolveWorkspace({ ...base, env, argv: ['--workspace', '/from/flag'] })).toBe('/from/flag');
    expect(resolveWorkspace({ ...base, env, argv: ['--port', '9', '--workspace=/from/eq'] })).toBe('/from/eq');
    expect(resolveWorkspace({ ...base, env, argv: ['--workspace', 'relative'] })).toBe(path.resolve('relative'));
  });

  it('the first --workspace wins when given twice', () => {
    expect(resolveWorkspace({ ...base, argv: ['--workspace=/one', '--workspace', '/two'] })).toBe('/one');
  });

  it('a trailing --workspace without a value falls through to the environment', () => {
    expect(resolveWorkspace({ ...base, env: { DESIGNDESK_WORKSPACE: '/from/env' }, argv: ['--workspace'] })).toBe('/from/env');
  });

  it('does not mistake look-alike flags for --workspace', () => {
    expect(resolveWorkspace({ ...base, argv: ['--workspaces', '/x', '-workspace=/y', '--workspace-dir=/z'] })).toBe('/home/ada/.config/DesignDesk/workspace');
  });

  it('names the database file inside the workspace', () => {
    expect(DB_FILE).toBe('designdesk.sqlite');
  });
});
