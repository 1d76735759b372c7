import type { docsContract } from '../../../shared/contract/docs';
import { readTeamTemplates } from '../../services/teamTemplateStore';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createDocsHandlers(d: HandlerDeps): AreaHandlers<typeof docsContract> {
  return {
    'docs:create': ({ kind, title, template }) => d.documents.create(kind, title, template),
    'docs:templates': () => readTeamTemplates(d.settings),
    'docs:get': ({ id }) => d.documents.get(id),
    'docs:list': (query) => d.search.list(query),
    'docs:update': (patch) => d.documents.update(patch),
    'docs:move': ({ id, to }) => d.documents.move(id, to),
    'docs:history': ({ id }) => d.documents.history(id),
  };
}
