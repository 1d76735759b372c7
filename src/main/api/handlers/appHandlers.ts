import type { appContract } from '../../../shared/contract/app';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createAppHandlers(d: HandlerDeps): AreaHandlers<typeof appContract> {
  return {
    'app:info': () => ({ ...d.info, identity: d.identity() }),
    'identity:set': (p) => {
      d.settings.set('identity', p);
      return p;
    },
  };
}
