import type { versionsContract } from '../../../shared/contract/versions';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createVersionsHandlers(d: HandlerDeps): AreaHandlers<typeof versionsContract> {
  return {
    'versions:list': ({ docId }) => d.versions.list(docId),
    'versions:get': ({ docId, versionId }) => d.versions.get(docId, versionId),
    'versions:restore': ({ docId, versionId, baseRevision }) => d.versions.restore(docId, versionId, baseRevision),
  };
}
