import path from 'node:path';
import type { siteContract } from '../../../shared/contract/site';
import { AppError } from '../../../shared/errors';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createSiteHandlers(d: HandlerDeps): AreaHandlers<typeof siteContract> {
  return {
    'site:publish': ({ dir, title }) => {
      if (!path.isAbsolute(dir)) throw new AppError('VALIDATION', `Give the full path of the folder to publish to (for example ${path.join(d.info.workspace, 'site')}), not "${dir}".`);
      if (path.resolve(dir) === path.resolve(d.info.workspace)) throw new AppError('VALIDATION', 'Publish into a folder of its own, not into the workspace itself.');
      return d.publisher.publish(path.resolve(dir), title);
    },
    'site:status': () => d.publisher.status(),
  };
}
