import type { trashContract } from '../../../shared/contract/trash';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createTrashHandlers(d: HandlerDeps): AreaHandlers<typeof trashContract> {
  return {
    'docs:delete': ({ id }) => d.trash.delete(id),
    'docs:restore': ({ id }) => d.trash.restore(id),
    'trash:list': () => d.trash.list(),
    'trash:empty': () => d.trash.empty(),
  };
}
