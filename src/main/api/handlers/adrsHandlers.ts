import type { adrsContract } from '../../../shared/contract/adrs';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createAdrsHandlers(d: HandlerDeps): AreaHandlers<typeof adrsContract> {
  return {
    'adrs:supersede': ({ id, byId }) => d.adrs.supersede(id, byId),
  };
}
