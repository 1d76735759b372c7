import type { linksContract } from '../../../shared/contract/links';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createLinksHandlers(d: HandlerDeps): AreaHandlers<typeof linksContract> {
  return {
    'links:backlinks': ({ id }) => d.links.backlinks(id),
    'links:resolve': ({ refs }) => d.links.resolveRefs(refs),
  };
}
