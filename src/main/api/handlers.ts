import type { Person } from '../../shared/document';
import type { DocumentService } from '../services/documentService';
import type { SettingsStore } from '../store/settingsStore';
import type { Handlers } from './dispatch';
import { createAppHandlers } from './handlers/appHandlers';
import { createDocsHandlers } from './handlers/docsHandlers';

/** Everything a handler may use; composed once in app.ts. Areas add their service here. */
export interface HandlerDeps {
  documents: DocumentService;
  settings: SettingsStore;
  identity: () => Person;
  info: { version: string; workspace: string; bridge: 'electron' | 'web' };
}

/**
 * Binds each contract entry to the service that answers it, one file per
 * area. Inputs arrive already validated. The `Handlers` type makes a missing
 * entry a type error.
 */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    ...createAppHandlers(d),
    ...createDocsHandlers(d),
  };
}
