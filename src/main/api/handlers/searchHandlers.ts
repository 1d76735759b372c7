import type { searchContract } from '../../../shared/contract/search';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createSearchHandlers(d: HandlerDeps): AreaHandlers<typeof searchContract> {
  return {
    'search:query': (query) => d.search.search(query),
  };
}
