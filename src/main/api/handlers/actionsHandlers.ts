import type { actionsContract } from '../../../shared/contract/actions';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createActionsHandlers(d: HandlerDeps): AreaHandlers<typeof actionsContract> {
  return {
    'actions:list': (filter) => d.actionItems.list(filter),
  };
}
