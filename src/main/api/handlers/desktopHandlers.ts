import type { desktopContract } from '../../../shared/contract/desktop';
import { AppError } from '../../../shared/errors';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createDesktopHandlers(d: HandlerDeps): AreaHandlers<typeof desktopContract> {
  return {
    'desktop:setTheme': ({ theme }) => {
      if (!d.platform.setTheme) return { applied: false };
      d.platform.setTheme(theme);
      return { applied: true };
    },
    'desktop:chooseWorkspace': () => {
      if (!d.platform.chooseWorkspace) {
        throw new AppError('UNSUPPORTED', `This workspace was chosen when DesignDesk was started (${d.info.workspace}); start it with --workspace DIR to use another folder.`);
      }
      return d.platform.chooseWorkspace();
    },
  };
}
