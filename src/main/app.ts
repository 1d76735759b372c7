import fs from 'node:fs';
import path from 'node:path';
import type { Person } from '../shared/document';
import { createDispatch, type Dispatch, type DispatchOptions } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { defaultIdentity } from './identity';
import { DocumentService } from './services/documentService';
import { DocumentStore } from './store/documentStore';
import { openDatabase, type Db } from './store/openDatabase';
import { SettingsStore } from './store/settingsStore';
import { DB_FILE } from './workspace';

export interface AppOptions {
  workspaceDir: string;
  bridge: 'electron' | 'web';
  version: string;
  nativeBinding?: string;
  now?: () => Date;
  /** Identity used until the user sets one; defaults to git config. */
  fallbackIdentity?: () => Person;
  dispatch?: DispatchOptions;
}

export interface App {
  db: Db;
  documents: DocumentService;
  settings: SettingsStore;
  dispatch: Dispatch;
  close(): void;
}

/** The one place that composes the services of a workspace. */
export function createApp(options: AppOptions): App {
  fs.mkdirSync(options.workspaceDir, { recursive: true });
  const db = openDatabase(path.join(options.workspaceDir, DB_FILE), { nativeBinding: options.nativeBinding });
  const settings = new SettingsStore(db);
  let fallback: Person | undefined;
  const identity = (): Person => settings.get<Person>('identity') ?? (fallback ??= (options.fallbackIdentity ?? defaultIdentity)());
  const ctx = { now: options.now ?? (() => new Date()), identity };
  const documents = new DocumentService(new DocumentStore(db), ctx);
  const handlers = createHandlers({ documents, settings, identity, info: { version: options.version, workspace: options.workspaceDir, bridge: options.bridge } });
  return {
    db,
    documents,
    settings,
    dispatch: createDispatch(handlers, options.dispatch),
    close: () => db.close(),
  };
}
