import type { syncContract } from '../../../shared/contract/sync';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createSyncHandlers(d: HandlerDeps): AreaHandlers<typeof syncContract> {
  return {
    'sync:getRemote': () => d.sync.getRemote(),
    'sync:setRemote': (input) => d.sync.setRemote(input),
    'sync:testRemote': (input) => d.sync.testRemote(input),
    'sync:disconnect': () => d.sync.disconnect(),
    'sync:setAutoSync': ({ minutes }) => d.sync.setAutoSync(minutes),
    'sync:run': ({ allowDeletes }) => d.sync.run({ allowDeletes }),
    'sync:status': () => d.sync.status(),
    'sync:cancel': () => d.sync.cancel(),
    'sync:conflicts': () => d.sync.conflicts(),
    'sync:resolve': ({ id, take, text }) => d.sync.resolve(id, take, text),
  };
}
