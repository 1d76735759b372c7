import type { healthContract } from '../../../shared/contract/health';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createHealthHandlers(d: HandlerDeps): AreaHandlers<typeof healthContract> {
  return {
    'health:check': () => d.health.check(),
    'health:fix': ({ key }) => d.health.fix(key),
    'health:seen': () => d.health.seen(),
  };
}
