import { TeamTemplateSchema, type TeamTemplate } from '../../shared/kinds/teamTemplates';
import type { SettingsStore } from '../store/settingsStore';

/** The settings key the team's templates (taken from the repository by sync) are kept under. */
export const TEAM_TEMPLATES_KEY = 'team.templates';

/**
 * The team's templates as the last sync took them from the repository, by
 * name. Each is checked again on the way out, so a hand-edited database
 * cannot hand the app a template the API would refuse.
 */
export function readTeamTemplates(settings: SettingsStore): TeamTemplate[] {
  const raw = settings.get<unknown>(TEAM_TEMPLATES_KEY);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((t) => {
    const r = TeamTemplateSchema.safeParse(t);
    return r.success ? [r.data as TeamTemplate] : [];
  });
}

export function writeTeamTemplates(settings: SettingsStore, templates: readonly TeamTemplate[]): void {
  settings.set(TEAM_TEMPLATES_KEY, [...templates].sort((a, b) => a.name.localeCompare(b.name)));
}
