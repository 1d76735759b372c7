import type { SyncChange } from '../../shared/contract/sync';
import { DEFAULT_SEVERITY_SCALE, type SeverityLevel } from '../../shared/kinds/postmortem';
import { stableJson } from '../../shared/sync/mergeDocument';
import { CONFIG_FILE, readConfigSeverities } from '../../shared/sync/repoLayout';
import type { SettingsStore } from '../store/settingsStore';
import type { RecordSet } from './syncEngine';
import { readSeverityScale, SEVERITIES_KEY } from '../services/severityScale';

/**
 * The severity scale of the team repository (designdesk.yml `severities`)
 * as a record set: the repository decides, so every sync reads it into the
 * workspace's setting, and a repository without the key brings back the
 * default scale. It never writes designdesk.yml. A scale that cannot be read
 * is reported and the setting kept.
 */
export function severityRecordSet(settings: SettingsStore): RecordSet {
  return {
    name: 'severity scale',
    folders: [],
    async plan(snapshot) {
      const none = { changes: [] as SyncChange[], conflicts: 0, errors: [], apply: () => undefined };
      const oid = snapshot.files.get(CONFIG_FILE);
      if (!oid) return none;
      const read = readConfigSeverities(await snapshot.read(oid));
      if (!read.ok) return { ...none, errors: [{ path: CONFIG_FILE, reason: read.reason }] };
      const next: readonly SeverityLevel[] = read.severities ?? DEFAULT_SEVERITY_SCALE;
      if (stableJson(next) === stableJson(readSeverityScale(settings).levels)) return none;
      return {
        ...none,
        changes: [{ direction: 'in', action: 'updated', ref: CONFIG_FILE, title: `severity scale: ${next.map((l) => l.name).join(', ')}`, path: CONFIG_FILE }],
        apply: () => settings.set(SEVERITIES_KEY, read.severities),
      };
    },
  };
}
