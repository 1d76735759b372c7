import type { postmortemsContract } from '../../../shared/contract/postmortems';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createPostmortemsHandlers(d: HandlerDeps): AreaHandlers<typeof postmortemsContract> {
  return {
    'postmortems:severities': () => d.postmortems.severities(),
    'postmortems:overview': (input) => d.postmortems.overview(input),
  };
}
