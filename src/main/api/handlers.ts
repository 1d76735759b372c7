import type { Person } from '../../shared/document';
import type { DocumentService } from '../services/documentService';
import type { SettingsStore } from '../store/settingsStore';
import type { Handlers } from './dispatch';

export interface HandlerDeps {
  documents: DocumentService;
  settings: SettingsStore;
  identity: () => Person;
  info: { version: string; workspace: string; bridge: 'electron' | 'web' };
}

/** Binds each contract entry to the service that answers it. Inputs arrive already validated. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'app:info': () => ({ ...d.info, identity: d.identity() }),
    'identity:set': (p) => {
      d.settings.set('identity', p);
      return p;
    },
    'docs:create': ({ kind, title }) => d.documents.create(kind, title),
    'docs:get': ({ id }) => d.documents.get(id),
    'docs:list': ({ kind }) => d.documents.list(kind),
    'docs:update': (patch) => d.documents.update(patch),
    'docs:move': ({ id, to }) => d.documents.move(id, to),
    'docs:history': ({ id }) => d.documents.history(id),
  };
}
