import type { backupsContract } from '../../../shared/contract/backups';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createBackupsHandlers(d: HandlerDeps): AreaHandlers<typeof backupsContract> {
  return {
    'backups:list': () => ({ dir: d.backups.dir, backups: d.backups.list() }),
    'backups:create': () => d.backups.create(),
    'backups:restore': ({ id }) => d.backups.restore(id),
  };
}
