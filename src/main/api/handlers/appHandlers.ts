import type { appContract } from '../../../shared/contract/app';
import { AppError } from '../../../shared/errors';
import { RECENT_IDENTITIES_KEY, rememberIdentities } from '../../services/identity';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createAppHandlers(d: HandlerDeps): AreaHandlers<typeof appContract> {
  return {
    'app:info': () => ({ ...d.info, identity: d.identity() }),
    'app:printToPdf': ({ title }) => {
      if (!d.platform.printToPdf) throw new AppError('UNSUPPORTED', 'Saving as PDF is done by the browser here: use Print and choose "Save as PDF".');
      return d.platform.printToPdf(title);
    },
    'identity:set': (p) => {
      d.settings.set(RECENT_IDENTITIES_KEY, rememberIdentities(d.settings.get(RECENT_IDENTITIES_KEY), [p, d.identity()]));
      d.settings.set('identity', p);
      return p;
    },
    'identity:recent': () => rememberIdentities(d.settings.get(RECENT_IDENTITIES_KEY), [d.identity()]),
  };
}
