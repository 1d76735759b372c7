import type { TeamTemplate } from '../../shared/kinds/teamTemplates';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { useAppStore } from '../store';

const NONE: readonly TeamTemplate[] = [];

/**
 * The team's templates (docs:templates), loaded when a component needs them
 * and again after each sync, which is the only way they change. An error
 * leaves the list as it was (empty at first): the playbook's templates still work.
 */
export function useTeamTemplates(enabled = true): readonly TeamTemplate[] {
  const synced = useAppStore((s) => s.syncOutcome);
  return useQuery(enabled ? 'docs:templates' : null, () => call('docs:templates', {}), { stamp: synced }).data ?? NONE;
}
