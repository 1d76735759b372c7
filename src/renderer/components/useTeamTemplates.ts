import { useEffect, useState } from 'react';
import type { TeamTemplate } from '../../shared/kinds/teamTemplates';
import { call } from '../api/client';
import { useAppStore } from '../store';

/**
 * The team's templates (docs:templates), loaded when a component needs them
 * and again after each sync, which is the only way they change. An error
 * leaves the list empty: the playbook's templates still work.
 */
export function useTeamTemplates(enabled = true): readonly TeamTemplate[] {
  const [templates, setTemplates] = useState<readonly TeamTemplate[]>([]);
  const synced = useAppStore((s) => s.syncOutcome);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call('docs:templates', {}).then(
      (t) => live && setTemplates(t),
      () => live && setTemplates([]),
    );
    return () => {
      live = false;
    };
  }, [enabled, synced]);
  return templates;
}
