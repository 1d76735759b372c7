import { DEFAULT_SEVERITY_SCALE, SeverityScaleSchema, type SeverityLevel } from '../../shared/kinds/postmortem';
import type { SettingsStore } from '../store/settingsStore';

/** The setting that holds the repository's severity scale (null: the repository names none). */
export const SEVERITIES_KEY = 'severities';

/** The workspace's severity scale: the one the team repository names, or the default SEV-1 to SEV-4. */
export function readSeverityScale(settings: SettingsStore): { levels: SeverityLevel[]; fromRepository: boolean } {
  const parsed = SeverityScaleSchema.safeParse(settings.get(SEVERITIES_KEY));
  return parsed.success ? { levels: parsed.data, fromRepository: true } : { levels: [...DEFAULT_SEVERITY_SCALE], fromRepository: false };
}
